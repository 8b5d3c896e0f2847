// The extension activates on a real Hugo site in a real VS Code and reports that site.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'postcraft-dev.postcraft';

interface SiteInfo {
  root: string;
  generator: string;
  pages: number;
  posts: number;
}

function workspaceRoot(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri.fsPath;
}

/**
 * The Hugo pages in content/posts/, counted from the files themselves (never hard-coded, so the
 * example site can grow): every `*.md` directly in the folder except the section's `_index.md`,
 * plus every leaf bundle (a sub-folder holding an `index.md`).
 */
function postPages(root: string): string[] {
  const postsDir = path.join(root, 'content', 'posts');
  const pages: string[] = [];
  for (const entry of fs.readdirSync(postsDir, { withFileTypes: true })) {
    const full = path.join(postsDir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== '_index.md') pages.push(full);
    else if (entry.isDirectory() && fs.existsSync(path.join(full, 'index.md'))) pages.push(path.join(full, 'index.md'));
  }
  return pages.sort();
}

/** Site roots may come back as paths or as file: URIs; compare the real folders they name. */
function sameFolder(a: string, b: string): boolean {
  const toPath = (p: string) => (/^file:/i.test(p) ? vscode.Uri.parse(p).fsPath : p);
  const real = (p: string) => {
    try {
      return fs.realpathSync(toPath(p));
    } catch {
      return path.resolve(toPath(p));
    }
  };
  return real(a) === real(b);
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed in the test instance`);
  return ext;
}

suite('Activation', () => {
  test('opening a post activates the extension', async () => {
    const ext = extension();
    const posts = postPages(workspaceRoot());
    assert.ok(posts.length > 0, 'the workspace has at least one post in content/posts/');

    const doc = await vscode.workspace.openTextDocument(posts[0]);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    await waitFor(() => ext.isActive, 30_000, `${EXTENSION_ID} to activate`);
  });

  test('postcraft.showSiteInfo reports the Hugo site with its posts', async () => {
    // Activate explicitly so this test also holds when run alone (POSTCRAFT_IT_GREP).
    await extension().activate();
    const root = workspaceRoot();

    const info = await vscode.commands.executeCommand<{ sites: SiteInfo[] } | undefined>('postcraft.showSiteInfo');
    assert.ok(info && Array.isArray(info.sites), `showSiteInfo returns { sites: [...] }, got ${JSON.stringify(info)}`);
    const site = info.sites.find((s) => typeof s.root === 'string' && sameFolder(s.root, root));
    assert.ok(site, `a site rooted at the workspace folder ${root}; got ${JSON.stringify(info.sites)}`);

    assert.strictEqual(site.generator, 'hugo');
    assert.ok(Number.isInteger(site.pages) && site.pages >= 0, `pages is a count, got ${JSON.stringify(site.pages)}`);
    const expected = postPages(root);
    assert.strictEqual(site.posts, expected.length, `posts should count ${expected.map((p) => path.relative(root, p)).join(', ')}`);
  });
});

suite('Site detection across generators', () => {
  /** The example sites ship inside the repository, next to the extension under test. */
  function example(name: string): string {
    return path.join(extension().extensionPath, 'examples', name);
  }

  function count(dir: string, pick: (entry: fs.Dirent, full: string) => boolean): number {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => pick(e, path.join(dir, e.name))).length;
  }

  test('a Jekyll site: the status bar text names Jekyll and counts its _posts', async () => {
    const root = example('jekyll-blog');
    const expected = count(path.join(root, '_posts'), (e) => e.isFile() && /^\d{4}-\d{2}-\d{2}-.+\.md$/.test(e.name));
    const r = await vscode.commands.executeCommand<{ generator: string; text: string; posts: number } | undefined>('postcraft.test.describeFolder', root);
    assert.ok(r, 'a site was found');
    assert.strictEqual(r.generator, 'jekyll');
    assert.match(r.text, /^Jekyll · \d+ posts?$/);
    // Pages (about.md, index.md) are pages too; the posts are at least the dated files.
    assert.ok(r.posts >= expected, `expected at least ${expected} posts, got ${r.posts}`);
  });

  test('a Docusaurus blog: the status bar text names Docusaurus and counts the blog posts', async () => {
    const root = example('docusaurus-blog');
    const blog = path.join(root, 'blog');
    const expected = count(blog, (e, full) => (e.isFile() && e.name.endsWith('.md')) || (e.isDirectory() && fs.existsSync(path.join(full, 'index.md'))));
    const r = await vscode.commands.executeCommand<{ generator: string; text: string; posts: number } | undefined>('postcraft.test.describeFolder', root);
    assert.ok(r, 'a site was found');
    assert.strictEqual(r.generator, 'docusaurus');
    assert.strictEqual(r.text, `Docusaurus · ${expected} post${expected === 1 ? '' : 's'}`);
  });
});
