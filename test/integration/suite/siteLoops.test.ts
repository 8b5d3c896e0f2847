// A Jekyll page that loops over the site's posts (`{% for tag in site.tags %}`), in a real VS Code on
// a copy of examples/jekyll-blog added to the workspace: each link the loop prints is judged, and the
// page follows the posts — a tag saved into a post, a tag page created — without being opened.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { changeFolders, indexedSites, posixPath, waitFor } from './workspaceSites';

const EXTENSION_ID = 'postcraft-dev.postcraft';
const TAGS_PAGE = '---\ntitle: Tags\npermalink: /tags/\n---\n{% for tag in site.tags %}\n- [{{ tag[0] }}]({{ site.baseurl }}/tags/{{ tag[0] }}/)\n{% endfor %}\n';
const tagPage = (tag: string) => `---\ntitle: ${tag}\npermalink: /tags/${tag}/\n---\nPosts tagged ${tag}.\n`;

suite('Liquid loops over the site (Jekyll)', function () {
  this.timeout(120_000);
  let site: string;
  let addedAt = 0;

  const notFound = () => vscode.languages.getDiagnostics(vscode.Uri.file(path.join(site, 'tags', 'index.md'))).filter((d) => d.source === 'postcraft' && String(d.code) === 'link.not-found');
  const missingTags = () => notFound().map((d) => /\/tags\/([^/]+)\//.exec(d.message)?.[1] ?? '?').sort();

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
    site = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-it-loops-')), 'jekyll-blog');
    fs.cpSync(path.join(ext.extensionPath, 'examples', 'jekyll-blog'), site, { recursive: true, filter: (src) => !/[\\/]_site$/.test(src) });
    fs.mkdirSync(path.join(site, 'tags'));
    fs.writeFileSync(path.join(site, 'tags', 'teams.md'), tagPage('teams'));
    fs.writeFileSync(path.join(site, 'tags', 'index.md'), TAGS_PAGE);
    addedAt = vscode.workspace.workspaceFolders?.length ?? 0;
    await changeFolders(addedAt, 0, vscode.Uri.file(site));
    await waitFor(async () => (await indexedSites()).get(posixPath(site)) === 'jekyll', 30_000, 'the added Jekyll site in the index');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > addedAt) {
      await changeFolders(addedAt, 1);
      await waitFor(async () => (await indexedSites()).size === 1, 30_000, 'the index without the added folder');
    }
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  });

  test('each tag the loop prints without a page is reported, on the template that printed it', async () => {
    await vscode.commands.executeCommand('postcraft.checkAllLinks');
    const want = ['collaboration', 'communication', 'leadership', 'on-call', 'operations', 'planning', 'remote', 'writing'];
    await waitFor(() => missingTags().join() === want.join(), 30_000, `diagnostics for ${want.join(', ')} (have ${missingTags().join(', ')})`);
    for (const d of notFound()) {
      assert.strictEqual(d.range.start.line, 5, 'on the line of the loop body');
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    }
  });

  test('a tag saved into a post, and a tag page created, re-check the page without opening it', async () => {
    const post = vscode.Uri.file(path.join(site, '_posts', '2021-04-08-pairing-across-time-zones.md'));
    const doc = await vscode.workspace.openTextDocument(post);
    await vscode.window.showTextDocument(doc);
    const line = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.startsWith('tags:'));
    assert.ok(line !== undefined, 'the post has a tags line');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(post, doc.lineAt(line).range, 'tags: [remote, teams, collaboration, travel]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'the post is saved');
    await waitFor(() => missingTags().includes('travel'), 30_000, `a diagnostic for the new tag (have ${missingTags().join(', ')})`);
    fs.writeFileSync(path.join(site, 'tags', 'remote.md'), tagPage('remote'));
    await waitFor(() => missingTags().includes('travel') && !missingTags().includes('remote'), 30_000, `the remote tag's diagnostic to go (have ${missingTags().join(', ')})`);
  });
});
