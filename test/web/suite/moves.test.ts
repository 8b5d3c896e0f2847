// Moving a post in the browser: the will-rename handler rewrites its linkers in the form each link
// is written in and keeps the old URL as an alias, through the workspace's own file system.
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, ours, post, waitFor } from './helpers';

const targetOf = (x: vscode.Location | vscode.LocationLink): vscode.Uri => ('targetUri' in x ? x.targetUri : x.uri);

suite('Moving a post in the browser', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('postcraft.test.renamePlan', null);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('renaming a post updates its linkers and adds an alias', async () => {
    const enc = new TextEncoder();
    const posts = async () => (await vscode.commands.executeCommand<{ sites: { posts: number }[] }>('postcraft.showSiteInfo')).sites[0].posts;
    const before = await posts();
    const target = post('zz_move_target.md');
    const moved = post('zz_moved_here.md');
    const linker = post('zz_move_linker.md');
    await vscode.workspace.fs.writeFile(target, enc.encode('---\ntitle: "Move Target"\n---\n\n## Part One\n\nBody.\n'));
    await vscode.workspace.fs.writeFile(linker, enc.encode('---\ntitle: "Move Linker"\n---\n\nSee [t](../zz_move_target/#part-one), [r]({{< relref "zz_move_target.md" >}}) and [root](/posts/zz_move_target/).\n'));
    const linkerDoc = await vscode.workspace.openTextDocument(linker);
    // Both files are in the index (from the file events) once the linker's link resolves.
    const col = linkerDoc.lineAt(4).text.indexOf('../zz_move_target/') + 3;
    await waitFor(async () => {
      const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', linker, new vscode.Position(4, col));
      return d.some((x) => targetOf(x).path.endsWith('/zz_move_target.md'));
    }, 20_000, 'the new posts to be indexed');

    await vscode.commands.executeCommand('postcraft.test.renamePlan', { update: true, alias: true });
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(target, moved);
    assert.ok(await vscode.workspace.applyEdit(rename), 'the rename applies');

    const plan = await vscode.commands.executeCommand<{ linkers: string[]; newUrl: string }>('postcraft.test.renamePlan');
    assert.deepEqual(plan?.linkers, ['content/posts/zz_move_linker.md']);
    assert.equal(plan.newUrl, '/posts/zz_moved_here/');
    const text = (await vscode.workspace.openTextDocument(linker)).getText();
    assert.ok(text.includes('[t](../zz_moved_here/#part-one)'), text);
    assert.ok(text.includes('{{< relref "zz_moved_here.md" >}}'), text);
    assert.ok(text.includes('[root](/posts/zz_moved_here/)'), text);
    assert.match((await vscode.workspace.openTextDocument(moved)).getText(), /aliases: \["\/posts\/zz_move_target\/"\]/);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await waitFor(() => ours(linker).length === 0, 15_000, 'the linker to check clean after the move');
    for (const u of [moved, linker]) await vscode.workspace.fs.delete(u);
    // The deletions reach the index through file events: the next suite starts from the site as it was.
    await waitFor(async () => (await posts()) === before, 15_000, 'the deleted posts to leave the index');
  });
});
