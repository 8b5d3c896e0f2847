// Link diagnostics in a real VS Code, on a temp copy of examples/blog: live while typing, quick
// fixes that apply, and linkers re-checked when a post appears or disappears.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './workspaceSites';

const EXTENSION_ID = 'postcraft-dev.postcraft';

function root(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri;
}

function post(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'content', 'posts', name);
}

function ours(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postcraft' && (!code || d.code === code));
}

async function append(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('Link diagnostics', function () {
  this.timeout(90_000);

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Check All Links reports the example blog\'s broken links, also in files that are not open', async () => {
    const r = await vscode.commands.executeCommand<{ files: number; diagnostics: number }>('postcraft.checkAllLinks');
    assert.ok(r && r.files >= 10, `checked ${r?.files} files`);
    assert.ok(r.diagnostics >= 6, `found ${r.diagnostics} diagnostics`);
    const d = await waitFor(() => ours(post('incident-reviews/index.md'), 'link.not-found')[0], 10_000, 'the async-standups link in a closed file');
    assert.equal(d.range.start.line, 36);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('a broken link typed into an open post shows, and fixing it clears it', async () => {
    const doc = await vscode.workspace.openTextDocument(post('one_on_ones.md'));
    await vscode.window.showTextDocument(doc);
    await append(doc, '\n\nSee [a post that is not there](../no_such_post_at_all/).\n');
    const line = doc.lineCount - 2;
    const d = await waitFor(() => ours(doc.uri, 'link.not-found').find((x) => x.range.start.line === line), 10_000, 'a diagnostic on the typed link');
    assert.match(d.message, /No page is published at \/posts\/no_such_post_at_all\//);
    const at = doc.lineAt(line).text.indexOf('no_such_post_at_all');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(line, at, line, at + 'no_such_post_at_all'.length), 'hiring_loops');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => !ours(doc.uri, 'link.not-found').some((x) => x.range.start.line === line), 10_000, 'the diagnostic to clear');
    // The edit was parsed on the analysis worker, which is the extension's own bundle run as a
    // worker thread (src/vscode/node/main.ts), not on the extension host's thread as a fallback.
    const stats = await vscode.commands.executeCommand<{ platform: string; elsewhere?: string }>('postcraft.test.indexStats');
    if (stats.platform === 'node') assert.equal(stats.elsewhere, 'answered');
  });

  test('the did-you-mean quick fix repairs the typo in hiring_loops.md', async () => {
    const doc = await vscode.workspace.openTextDocument(post('hiring_loops.md'));
    await vscode.window.showTextDocument(doc);
    const d = await waitFor(() => ours(doc.uri, 'link.not-found')[0], 10_000, 'the typo diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to ../bumper_cars_or_gokarts');
    assert.ok(fix?.edit, `quick fix offered (got: ${actions.map((a) => a.title).join('; ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('](../bumper_cars_or_gokarts)'));
    await waitFor(() => ours(doc.uri, 'link.not-found').length === 0, 10_000, 'the diagnostic to clear after the fix');
  });

  test('creating and deleting a target post re-checks the post that links to it', async () => {
    const linker = post('zz_linker_for_tests.md');
    const target = post('zz_target_for_tests.md');
    const enc = new TextEncoder();
    await vscode.workspace.fs.writeFile(linker, enc.encode('---\ntitle: "Linker"\n---\n\nRead [the target](../zz_target_for_tests/).\n'));
    await waitFor(() => ours(linker, 'link.not-found').length === 1, 30_000, 'the new linker to be flagged (target missing)');
    await vscode.workspace.fs.writeFile(target, enc.encode('---\ntitle: "Target"\n---\n\nHere.\n'));
    await waitFor(() => ours(linker, 'link.not-found').length === 0, 30_000, 'the linker to be clean once the target exists');
    await vscode.workspace.fs.delete(target);
    await waitFor(() => ours(linker, 'link.not-found').length === 1, 30_000, 'the linker to be flagged after the target was deleted');
    await vscode.workspace.fs.delete(linker);
  });
});
