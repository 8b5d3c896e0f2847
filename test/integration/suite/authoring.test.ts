// Link authoring in a real VS Code, on a temp copy of examples/blog: completion inserts the site's
// link form and the inserted link checks clean; Go to Definition follows a relative link to the
// heading; renaming a post through a workspace edit runs the will-rename handler, which updates
// its linkers and (when accepted) adds the old URL as an alias.
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

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postcraft' && String(d.code).startsWith('link.'));
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function targetOf(d: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; line: number } {
  return 'targetUri' in d ? { uri: d.targetUri, line: d.targetRange.start.line } : { uri: d.uri, line: d.range.start.line };
}

/**
 * Deletes test posts through a workspace edit: a document still loaded would otherwise be orphaned
 * (and dirty), and a later "save all" of another suite would write it back.
 */
async function remove(...uris: vscode.Uri[]): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const del = new vscode.WorkspaceEdit();
  for (const u of uris) del.deleteFile(u, { ignoreIfNotExists: true });
  assert.ok(await vscode.workspace.applyEdit(del));
}

suite('Link authoring', function () {
  this.timeout(120_000);

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('postcraft.test.renamePlan', null);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('completion after ]( offers other posts in the site\'s link form; inserting one leaves no diagnostic', async () => {
    // A post of its own, so no post of the example blog is left edited (or saved) by this test.
    const uri = post('zz_completion.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: "Completion"\n---\n\nIntro.\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, '\nAlso read [the go-karts post]() today.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const line = doc.lineCount - 2;
    assert.match(doc.lineAt(line).text, /^Also read/);
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('](') + 2);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '(');
      return l.items.some((i) => labelOf(i) === 'Bumper Cars or Go-Karts?') && l;
    }, 20_000, 'post completions');
    const offered = list.items.filter((i) => typeof i.insertText === 'string' && /^(\/posts\/|\.\.\/)/.test(i.insertText));
    assert.ok(offered.length >= 8, `offers the other posts (got ${offered.map(labelOf).join(', ')})`);
    assert.ok(!offered.some((i) => String(i.insertText).includes('zz_completion') || String(i.insertText).endsWith('.md')), 'not itself, never a .md path');
    const item = offered.find((i) => labelOf(i) === 'Bumper Cars or Go-Karts?')!;
    // The example blog has as many root links as relative ones: the tie goes to root URLs.
    assert.equal(item.insertText, '/posts/bumper_cars_or_gokarts/');
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    assert.equal(range.start.character, at.character);
    // A wrong destination first, so that the diagnostics clearing proves the checker saw the insert.
    const wrong = new vscode.WorkspaceEdit();
    wrong.insert(doc.uri, at, '/posts/no_such_kart/');
    assert.ok(await vscode.workspace.applyEdit(wrong));
    await waitFor(() => ours(doc.uri).some((d) => d.range.start.line === line), 15_000, 'the wrong link to be flagged');
    const ins = new vscode.WorkspaceEdit();
    ins.replace(doc.uri, new vscode.Range(at, at.translate(0, '/posts/no_such_kart/'.length)), String(item.insertText));
    assert.ok(await vscode.workspace.applyEdit(ins));
    assert.ok(doc.lineAt(line).text.includes('[the go-karts post](/posts/bumper_cars_or_gokarts/)'), doc.lineAt(line).text);
    await waitFor(() => !ours(doc.uri).some((d) => d.range.start.line === line), 15_000, 'no diagnostic on the inserted link');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await remove(uri);
  });

  test('Go to Definition on a relative link opens the target post at the heading', async () => {
    const doc = await vscode.workspace.openTextDocument(post('leading_vs_managing.md'));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('](../one_on_ones/#agenda-template)'));
    assert.ok(line >= 0);
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('../one_on_ones/') + 4);
    const defs = await waitFor(async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
      return d.find((x) => targetOf(x).uri.path.endsWith('/content/posts/one_on_ones.md'));
    }, 20_000, 'a definition in one_on_ones.md');
    const target = await vscode.workspace.openTextDocument(targetOf(defs).uri);
    assert.match(target.lineAt(targetOf(defs).line).text, /^## A standing agenda \{#agenda-template\}/);
  });

  test('renaming a post updates its linkers through the will-rename handler, and adds an alias', async () => {
    const enc = new TextEncoder();
    const target = post('zz_move_target.md');
    const moved = post('zz_moved_here.md');
    const linker = post('zz_move_linker.md');
    await vscode.workspace.fs.writeFile(target, enc.encode('---\ntitle: "Move Target"\n---\n\n## Part One\n\nBody.\n'));
    await vscode.workspace.fs.writeFile(linker, enc.encode('---\ntitle: "Move Linker"\n---\n\nSee [t](../zz_move_target/#part-one), [r]({{< relref "zz_move_target.md" >}}) and [root](/posts/zz_move_target/).\n'));
    const linkerDoc = await vscode.workspace.openTextDocument(linker);
    // Wait until the engine knows both files: the definition of the linker's link resolves.
    const col = linkerDoc.lineAt(4).text.indexOf('../zz_move_target/') + 3;
    await waitFor(async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', linker, new vscode.Position(4, col));
      return d.some((x) => targetOf(x).uri.path.endsWith('/zz_move_target.md'));
    }, 20_000, 'the new posts to be indexed');

    await vscode.commands.executeCommand('postcraft.test.renamePlan', { update: true, alias: true });
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(target, moved);
    assert.ok(await vscode.workspace.applyEdit(rename), 'the rename applies');

    const plan = await vscode.commands.executeCommand<{ linkers: string[]; oldUrl: string; newUrl: string }>('postcraft.test.renamePlan');
    assert.deepEqual(plan?.linkers, ['content/posts/zz_move_linker.md']);
    assert.equal(plan.newUrl, '/posts/zz_moved_here/');
    const text = (await vscode.workspace.openTextDocument(linker)).getText();
    assert.ok(text.includes('[t](../zz_moved_here/#part-one)'), text);
    assert.ok(text.includes('{{< relref "zz_moved_here.md" >}}'), text);
    assert.ok(text.includes('[root](/posts/zz_moved_here/)'), text);
    const movedText = (await vscode.workspace.openTextDocument(moved)).getText();
    assert.match(movedText, /aliases: \["\/posts\/zz_move_target\/"\]/);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await waitFor(() => ours(linker).length === 0, 15_000, 'the linker to check clean after the move');
    await remove(moved, linker);
  });

  test('a slug: edit offers "Update N links to the new URL", which rewrites the linkers', async () => {
    const enc = new TextEncoder();
    const target = post('zz_slug_target.md');
    const linker = post('zz_slug_linker.md');
    await vscode.workspace.fs.writeFile(target, enc.encode('---\ntitle: "Slug Target"\nslug: "zz_slug_target"\n---\n\nBody.\n'));
    await vscode.workspace.fs.writeFile(linker, enc.encode('---\ntitle: "Slug Linker"\n---\n\nSee [t](../zz_slug_target/) and [u](/posts/zz_slug_target/#x).\n'));
    const linkerDoc = await vscode.workspace.openTextDocument(linker);
    const col = linkerDoc.lineAt(4).text.indexOf('../zz_slug_target/') + 3;
    await waitFor(async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', linker, new vscode.Position(4, col));
      return d.some((x) => targetOf(x).uri.path.endsWith('/zz_slug_target.md'));
    }, 20_000, 'the new posts to be indexed');
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    const e = new vscode.WorkspaceEdit();
    e.replace(doc.uri, new vscode.Range(2, 0, 2, doc.lineAt(2).text.length), 'slug: "karting-now"');
    assert.ok(await vscode.workspace.applyEdit(e));
    const action = await waitFor(async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(2, 1, 2, 1));
      return actions.find((a) => a.title === 'Update 2 links to the new URL');
    }, 15_000, 'the update-links code action');
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)));
    const text = (await vscode.workspace.openTextDocument(linker)).getText();
    assert.ok(text.includes('[t](../karting-now/) and [u](/posts/karting-now/#x)'), text);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await remove(target, linker);
  });
});
