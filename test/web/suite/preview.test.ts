// The preview in the browser: it opens beside a post, the webview renders it with the link verdicts
// of the site, the sanitiser leaves nothing active, and it follows edits. The runner takes the
// README's screenshot here (a post with its diagnostics, the preview beside it).
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, append, open, ours, post, screenshot, waitFor } from './helpers';

interface PreviewState {
  file: string;
  title: string;
  version: number;
  ids: string[];
  brokenLinks: number;
  html: string;
}

const state = (): Thenable<PreviewState | undefined> => vscode.commands.executeCommand<PreviewState | undefined>('postcraft.test.previewState');

async function waitForState(what: string, ok: (s: PreviewState) => boolean): Promise<PreviewState> {
  let last: PreviewState | undefined;
  return waitFor(async () => {
    last = await state();
    return last && ok(last) ? last : undefined;
  }, 30_000, `the preview: ${what} (last state ${JSON.stringify(last && { ...last, html: last.html.length })})`);
}

suite('Preview in the browser', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside a post: the card, heading ids, and the broken link marked', async () => {
    const editor = await open(post('hiring_loops.md'));
    await vscode.commands.executeCommand('postcraft.openPreviewToSide');
    const s = await waitForState('the first render', (x) => x.file.endsWith('/content/posts/hiring_loops.md'));
    assert.match(s.title, /\S/, 'a title');
    assert.ok(s.ids.length > 0, 'heading ids in the page');
    assert.ok(s.brokenLinks >= 1, `the typo link is marked broken (${s.brokenLinks})`);
    assert.match(s.html, /class="pc-header/, 'the front-matter card');
    await waitFor(() => ours(editor.document.uri, 'link.not-found').length > 0, 15_000, 'the post\'s diagnostics');
    // The README's picture: the blog as its writer sees it (not the generated site beside it).
    await vscode.workspace.getConfiguration('files').update('exclude', { zz_web_bench: true, 'zz-web-bench': true }, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('notifications.clearAll');
    const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    // The squiggle in view: the typo link, a few lines down.
    const typo = ours(editor.document.uri, 'link.not-found')[0].range;
    shown.selection = new vscode.Selection(typo.start, typo.start);
    shown.revealRange(typo, vscode.TextEditorRevealType.InCenter);
    await screenshot('workbench');
  });

  test('follows edits, and what the sanitiser lets through runs nothing', async () => {
    const editor = await open(post('hiring_loops.md'));
    const before = (await state())!.version;
    await append(editor.document, '\n\n## Typed in the browser\n\n<script>alert(1)</script><img src="x" onerror="alert(2)"> [click](javascript:alert(3)) <iframe src="https://example.com"></iframe>\n');
    const s = await waitForState('the edit', (x) => x.version > before && x.ids.includes('typed-in-the-browser'));
    assert.ok(!/<script|<iframe|\bon\w+\s*=|javascript:/i.test(s.html), `no active content in ${s.html.slice(s.html.indexOf('typed-in-the-browser'))}`);
  });
});
