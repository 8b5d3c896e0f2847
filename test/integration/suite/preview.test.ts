// The preview in a real VS Code: it opens beside a post, renders it in the webview, follows edits
// without a reload, follows the active editor unless locked. The page acknowledges every update it
// applies ({type:'rendered', version, ids}); `postcraft.test.previewState` reports the last one.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

interface PreviewState {
  file: string;
  title: string;
  bodyHash: string;
  version: number;
  htmlLength: number;
  ids: string[];
  locked: boolean;
  brokenLinks: number;
}

const EXTENSION_ID = 'postcraft-dev.postcraft';

function root(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri.fsPath;
}

async function state(): Promise<PreviewState | undefined> {
  return vscode.commands.executeCommand<PreviewState | undefined>('postcraft.test.previewState');
}

async function waitForState(what: string, ok: (s: PreviewState) => boolean, timeoutMs = 30_000): Promise<PreviewState> {
  const deadline = Date.now() + timeoutMs;
  let last: PreviewState | undefined;
  while (Date.now() < deadline) {
    last = await state();
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for the preview: ${what}; last state ${JSON.stringify(last)}`);
}

async function openPost(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(path.join(root(), rel));
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

suite('Preview', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside the post and the webview renders it', async () => {
    const editor = await openPost('content/posts/code_review_etiquette.md');
    await vscode.commands.executeCommand('postcraft.openPreviewToSide');
    const s = await waitForState('first render of the post', (x) => x.file.endsWith('/content/posts/code_review_etiquette.md'));
    assert.equal(s.title, 'Code Review Etiquette');
    assert.ok(s.version >= 1);
    assert.ok(s.htmlLength > 500, `rendered HTML is substantial (${s.htmlLength})`);
    assert.ok(s.ids.includes('use-a-checklist'), `heading ids in the webview DOM: ${s.ids.join(', ')}`);
    assert.equal(s.brokenLinks, 1, 'the link to #agenda (the heading is #agenda-template) is marked broken');
    assert.ok(editor.document.uri.fsPath.endsWith('code_review_etiquette.md'));
  });

  test('an edit reaches the webview without reloading it', async () => {
    const before = await waitForState('a rendered post', (x) => x.file.endsWith('/code_review_etiquette.md'));
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.endsWith('code_review_etiquette.md'));
    assert.ok(editor, 'the post is still visible');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\n\n## Added While Typing\n\nA new paragraph with a [broken link](/posts/not-there/).\n')));
    const after = await waitForState('the edited content', (x) => x.version > before.version && x.ids.includes('added-while-typing'));
    assert.notEqual(after.bodyHash, before.bodyHash);
    assert.ok(after.htmlLength > before.htmlLength);
    assert.equal(after.brokenLinks, before.brokenLinks + 1, 'the new broken link is marked');
    assert.equal(after.file, before.file);
    const docEnd = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(end, docEnd))));
    await editor.document.save();
    await waitForState('the reverted content', (x) => !x.ids.includes('added-while-typing'));
  });

  test('follows the active editor, and stays put when locked', async () => {
    await openPost('content/posts/one_on_ones.md');
    await waitForState('the preview to follow the active post', (x) => x.file.endsWith('/one_on_ones.md') && x.ids.includes('agenda-template'));
    await vscode.commands.executeCommand('postcraft.togglePreviewLock');
    await openPost('content/posts/hiring_loops.md');
    await new Promise((r) => setTimeout(r, 800));
    const locked = await state();
    assert.ok(locked?.file.endsWith('/one_on_ones.md'), `a locked preview keeps its post, got ${locked?.file}`);
    await vscode.commands.executeCommand('postcraft.togglePreviewLock');
    await waitForState('the unlocked preview to follow again', (x) => x.file.endsWith('/hiring_loops.md'));
  });
});
