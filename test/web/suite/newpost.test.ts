// New Post in the browser: the file is written through the workspace's own file system (a
// WorkspaceEdit, never overwriting), opened, and joins the index, so a link to it checks clean.
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, append, open, ours, post, root, waitFor } from './helpers';

interface NewPostResult {
  path?: string;
  existing?: string;
  error?: string;
}

const TITLE = 'Written On The Web';

suite('New Post in the browser', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('creates the post in the site\'s style, opens it, and indexes it', async () => {
    const before = await vscode.commands.executeCommand<{ sites: { posts: number }[] }>('postcraft.showSiteInfo');
    const result = await vscode.commands.executeCommand<NewPostResult>('postcraft.newPost', { title: TITLE, tags: ['writing', 'tools'] });
    assert.ok(result && typeof result.path === 'string', `returns { path }, got ${JSON.stringify(result)}`);
    const uri = vscode.Uri.joinPath(root(), 'content', 'posts', 'written_on_the_web.md');
    assert.equal(result.path, uri.fsPath, 'the site\'s file naming (underscores, like its other posts)');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\n/, 'YAML front matter, like the site');
    assert.match(text, /title: "?Written On The Web"?/);
    assert.match(text, /tags: \["writing", "tools"\]|tags:\n {2}- writing\n {2}- tools/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new post is open');
    const after = await waitFor(async () => {
      const info = await vscode.commands.executeCommand<{ sites: { posts: number }[] }>('postcraft.showSiteInfo');
      return info.sites[0].posts === before.sites[0].posts + 1 && info;
    }, 15_000, 'the new post in the index');
    assert.equal(after.sites[0].posts, before.sites[0].posts + 1);
  });

  test('a link to the new post checks clean; an existing post is never overwritten', async () => {
    const { document: doc } = await open(post('one_on_ones.md'));
    await append(doc, '\n\nMore in [the web post](../written_on_the_web/) and [nowhere](../not_written_on_the_web/).\n');
    const line = doc.lineCount - 2;
    const broken = await waitFor(() => {
      const found = ours(doc.uri, 'link.not-found').filter((d) => d.range.start.line === line);
      return found.length > 0 && found;
    }, 15_000, 'the check of the new line');
    assert.equal(broken.length, 1, `only the link to nowhere is broken: ${broken.map((d) => d.message).join('; ')}`);
    assert.match(broken[0].message, /not_written_on_the_web/);
    const again = await vscode.commands.executeCommand<NewPostResult>('postcraft.newPost', { title: TITLE });
    assert.ok(again && typeof again.existing === 'string', `returns { existing }, got ${JSON.stringify(again)}`);
  });

  test('the post deleted through the workspace file system: the link to it turns broken', async () => {
    const { document: doc } = await open(post('one_on_ones.md'));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('](../written_on_the_web/)'));
    assert.ok(line >= 0, 'the link from the previous test');
    await vscode.workspace.fs.delete(post('written_on_the_web.md'));
    const gone = /^No page is published at \/posts\/written_on_the_web\//;
    const d = await waitFor(() => ours(doc.uri, 'link.not-found').find((x) => x.range.start.line === line && gone.test(x.message)), 15_000, 'the link to the deleted post reported');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });
});
