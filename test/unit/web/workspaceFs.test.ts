// The web platform's file system (src/vscode/web/workspaceFs.ts) over a fake `vscode.workspace.fs`
// backed by a real folder: the same index and findings as the Node host, listings fetched ahead of
// the walk, reads kept until a file event, vscode.FileSystemError codes mapped to errno codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { createPostcraft } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import { WorkspaceFileSystem, type WorkspaceFsApi } from '../../../src/vscode/web/workspaceFs';

const BLOG = path.resolve(__dirname, '../../../examples/blog');

class NotFound extends Error {
  readonly code = 'FileNotFound';
}

/** vscode.workspace.fs over a folder on disk, every call a little later (a request), counted. */
function fakeFs(delayMs = 1): WorkspaceFsApi<string> & { calls: string[]; inFlight: number; maxInFlight: number } {
  const later = <T>(f: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      api.inFlight++;
      api.maxInFlight = Math.max(api.maxInFlight, api.inFlight);
      setTimeout(() => {
        api.inFlight--;
        try {
          resolve(f());
        } catch (e) {
          reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new NotFound(String(e)) : e);
        }
      }, delayMs);
    });
  const typeOf = (s: fs.Stats | fs.Dirent): vscode.FileType => ((s.isSymbolicLink() ? 64 : 0) | (s.isDirectory() ? 2 : s.isFile() ? 1 : 0)) as vscode.FileType;
  const api = {
    calls: [] as string[],
    inFlight: 0,
    maxInFlight: 0,
    readFile: (p: string) => (api.calls.push(`read ${p}`), later(() => new Uint8Array(fs.readFileSync(p)))),
    readDirectory: (p: string) => (api.calls.push(`list ${p}`), later(() => fs.readdirSync(p, { withFileTypes: true }).map((e): [string, vscode.FileType] => [e.name, typeOf(e)]))),
    stat: (p: string) =>
      (api.calls.push(`stat ${p}`),
      later(() => {
        const l = fs.lstatSync(p);
        const s = fs.statSync(p);
        return { type: ((l.isSymbolicLink() ? 64 : 0) | typeOf(s)) as vscode.FileType, size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs };
      })),
  };
  return api;
}

describe('web platform: the file system over vscode.workspace.fs', () => {
  it('indexes and checks a site exactly as the Node host does', async () => {
    const api = fakeFs();
    const web = await createPostcraft({ fs: new WorkspaceFileSystem(api, (p) => p), roots: [BLOG] });
    const node = await createPostcraft({ fs: nodeFileSystem, roots: [BLOG] });
    assert.equal(web.sites.length, 1);
    assert.deepEqual(web.sites[0].index.contentPages().map((p) => p.url).sort(), node.sites[0].index.contentPages().map((p) => p.url).sort());
    const strip = (ds: { file: string; code: string; start: unknown; message: string }[]) => ds.map((d) => `${d.file} ${JSON.stringify(d.start)} ${d.code} ${d.message}`).sort();
    assert.deepEqual(strip(await web.checkSite(web.sites[0])), strip(await node.checkSite(node.sites[0])));
  });

  it('lists folders ahead of the walk, a few at a time, and each folder once', async () => {
    const api = fakeFs(5);
    const host = new WorkspaceFileSystem(api, (p) => p, { prefetch: 3 });
    await createPostcraft({ fs: host, roots: [BLOG] });
    const lists = api.calls.filter((c) => c.startsWith('list '));
    assert.equal(new Set(lists).size, lists.length, `a folder listed twice: ${lists.join(', ')}`);
    assert.ok(host.counts.cacheHits > 0, 'the walk found folders listed ahead');
    assert.ok(!lists.some((c) => /\/(node_modules|\.git)$/.test(c)), 'never lists dependencies or .git ahead');
  });

  it('reads each file once; a file event makes the next read fetch it again', async () => {
    const api = fakeFs();
    const host = new WorkspaceFileSystem(api, (p) => p);
    const engine = await createPostcraft({ fs: host, roots: [BLOG] });
    await engine.checkSite(engine.sites[0]);
    const reads = api.calls.filter((c) => c.startsWith('read '));
    assert.ok(reads.length > 10);
    assert.deepEqual(reads.filter((c, i) => reads.indexOf(c) !== i), [], 'the whole-site check read no file again');
    const file = path.join(BLOG, 'content', 'posts', 'one_on_ones.md');
    host.forget(file);
    await host.readFile(file);
    assert.equal(api.calls.filter((c) => c === `read ${file}`).length, 2);
    // Re-index Sites: everything is read again.
    host.forgetAll();
    await host.readFile(file);
    assert.equal(api.calls.filter((c) => c === `read ${file}`).length, 3);
  });

  it('keeps no more than its budget of file contents', async () => {
    const api = fakeFs();
    const host = new WorkspaceFileSystem(api, (p) => p, { cacheBytes: 1024 });
    const file = path.join(BLOG, 'content', 'posts', 'one_on_ones.md');
    assert.ok(fs.statSync(file).size > 1024);
    await host.readFile(file);
    await host.readFile(file);
    assert.equal(api.calls.filter((c) => c === `read ${file}`).length, 2);
  });

  it('maps errors to errno codes, follows file links, never folder links', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-webfs-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.md'), 'x');
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
      fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
      const host = new WorkspaceFileSystem(fakeFs(), (p) => p);
      await assert.rejects(host.readFile(path.join(dir, 'missing.md')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
      assert.equal((await host.stat(path.join(dir, 'link.md')))?.type, 'file');
      assert.equal((await host.stat(path.join(dir, 'sub', 'loop')))?.type, 'other');
      assert.equal(await host.stat(path.join(dir, 'missing')), undefined);
      const entries = await host.readDirectory(dir);
      assert.deepEqual(entries.map((e) => `${e.name}:${e.type}`).sort(), ['a.md:file', 'link.md:symlink', 'sub:directory']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
