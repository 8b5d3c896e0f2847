// The extension in VS Code's web extension host (a web worker, as on vscode.dev and github.dev),
// on examples/blog served over HTTP: it activates, indexes the site through vscode.workspace.fs, and
// indexes a generated 1,000-post site cold while the extension host keeps answering.
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, measure, open, post, root, waitFor, EXTENSION_ID } from './helpers';

declare const POSTCRAFT_BENCH_FOLDER: string;

interface SiteInfo {
  generator: string;
  posts: number;
  pages: number;
}

interface IndexStats {
  platform: string;
  indexMs: number;
  requests: Record<string, number>;
}

/** Posts in content/posts/, counted through the workspace file system (no Node fs here). */
async function countPosts(): Promise<number> {
  let n = 0;
  for (const [name, type] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root(), 'content', 'posts'))) {
    if (type === vscode.FileType.File && name.endsWith('.md') && name !== '_index.md') n++;
    else if (type === vscode.FileType.Directory) {
      const inner = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root(), 'content', 'posts', name));
      if (inner.some(([f]) => f === 'index.md')) n++;
    }
  }
  return n;
}

suite('Web extension host', () => {
  test('opening a post activates the browser bundle in the web worker extension host', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'a web workbench');
    assert.ok(root().scheme !== 'file', `a virtual workspace (${root().toString()})`);
    await open(post('one_on_ones.md'));
    await waitFor(() => ext.isActive, 30_000, 'activation');
    const stats = await vscode.commands.executeCommand<IndexStats>('postcraft.test.indexStats');
    assert.equal(stats.platform, 'web', 'the web platform (package.json "browser") is running');
    // No Node here: the bundle must not have needed it.
    assert.equal(typeof (globalThis as { require?: unknown }).require === 'function' && typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node, false, 'not a Node extension host');
  });

  test('Show Site Info reports the Hugo site with its posts, read over the web file system', async () => {
    await activate();
    const info = await vscode.commands.executeCommand<{ sites: SiteInfo[] }>('postcraft.showSiteInfo');
    assert.equal(info.sites.length, 1, 'one site');
    assert.equal(info.sites[0].generator, 'hugo');
    assert.equal(info.sites[0].posts, await countPosts(), 'posts');
    const stats = await vscode.commands.executeCommand<IndexStats>('postcraft.test.indexStats');
    assert.ok(stats.indexMs > 0 && stats.requests.reads > 10, `indexed in ${stats.indexMs} ms with ${JSON.stringify(stats.requests)}`);
    measure('blogIndex', { ms: stats.indexMs, posts: info.sites[0].posts, pages: info.sites[0].pages, requests: stats.requests });
  });

  test('a cold index of a 1,000-post site over the web file system, the extension host answering meanwhile', async () => {
    await activate();
    // The longest the extension host's event loop went without a turn while indexing.
    let last = performance.now();
    let longest = 0;
    let turns = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      turns++;
    }, 10);
    let r: { generator: string; posts: number; ms: number; requests: Record<string, number> } | undefined;
    try {
      r = await vscode.commands.executeCommand('postcraft.test.describeFolder', POSTCRAFT_BENCH_FOLDER);
    } finally {
      clearInterval(timer);
    }
    assert.ok(r, `a site at ${POSTCRAFT_BENCH_FOLDER}`);
    assert.equal(r.generator, 'hugo');
    assert.ok(r.posts >= 900, `${r.posts} posts indexed`);
    // The same index again, its files now kept by the platform: what is left is the work on this thread.
    const warm = await vscode.commands.executeCommand<{ ms: number; requests: Record<string, number> }>('postcraft.test.describeFolder', POSTCRAFT_BENCH_FOLDER);
    measure('bench1000Index', { ms: r.ms, posts: r.posts, requests: r.requests, longestBlockMs: Math.round(longest), turns, warmMs: warm.ms, warmRequests: warm.requests });
    // The index runs in slices (a turn at least every ~50 ms of work); a whole-index block would be seconds.
    assert.ok(longest < 750, `the extension host went ${Math.round(longest)} ms without a turn`);
  });
});
