// The engine as the web extension runs it: bundled with the browser bundle's settings, so with the
// `browser` builds of its dependencies (liquidjs, yaml, transliteration, postcss without fs…), over
// the web platform's file system. On every example site (Hugo, Jekyll, Docusaurus, Eleventy, Hexo,
// Astro) it must publish the same pages, report the same findings and render the same preview as
// the Node engine does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import * as esbuild from 'esbuild';
import * as node from '../../../src/core/service';
import { prepareSite, renderInSite } from '../../../src/core/render/site';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import type { WorkspaceFsApi } from '../../../src/vscode/web/workspaceFs';
import { fixedClock } from '../helpers/memoryFs';

const REPO = path.resolve(__dirname, '../../..');
const EXAMPLES = ['blog', 'jekyll-blog', 'docusaurus-blog', 'eleventy-blog', 'hexo-blog', 'astro-blog'];

type Browser = typeof import('./engineEntry');

/** vscode.workspace.fs over the disk, asynchronously, as a remote file system answers. */
const diskApi: WorkspaceFsApi<string> = {
  readFile: async (p) => new Uint8Array(fs.readFileSync(p)),
  readDirectory: async (p) => fs.readdirSync(p, { withFileTypes: true }).map((e): [string, vscode.FileType] => [e.name, (e.isDirectory() ? 2 : e.isFile() ? 1 : 0) as vscode.FileType]),
  stat: async (p) => {
    const s = fs.statSync(p);
    return { type: (s.isDirectory() ? 2 : 1) as vscode.FileType, size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs };
  },
};

type Engine = node.Postcraft;

async function summary(engine: Engine, render: { prepareSite: typeof prepareSite; renderInSite: typeof renderInSite }) {
  const site = engine.sites[0];
  const pages = site.index.contentPages().map((p) => `${p.file} ${p.url} ${p.status}`).sort();
  const diagnostics = (await engine.checkSite(site)).map((d) => `${d.file}:${d.start.line}:${d.start.character} ${d.code} ${d.message}`).sort();
  const prep = await render.prepareSite(engine, site);
  const previews = [...site.index.documents.keys()].sort().slice(0, 4).map((f) => {
    const abs = path.posix.join(site.root, f);
    const post = render.renderInSite(site, abs, fs.readFileSync(abs, 'utf8'), prep, { resourceUri: (p) => `res:${p}`, allowHttpsImages: false, excerpt: true });
    return post.headerHtml + post.bodyHtml;
  });
  return { generator: site.model.summary.generator, pages, diagnostics, previews };
}

describe('web extension: the browser-bundled engine on every example site', function () {
  this.timeout(120_000);
  let browser: Browser;
  const out = path.join(REPO, 'out', 'unit-browser-engine', 'engine.js');

  before(async () => {
    const { browserOptions } = (await import(path.join(REPO, 'scripts', 'browser-bundle.mjs'))) as typeof import('../../../scripts/browser-bundle.mjs');
    const problems: string[] = [];
    await esbuild.build({ ...browserOptions(path.join(__dirname, 'engineEntry.ts'), out, { problems }), sourcemap: false, external: [] });
    assert.deepEqual(problems, []);
    // A CommonJS bundle without Node modules: Node can load it as a browser's worker would.
    browser = createRequire(__filename)(out) as Browser;
  });

  after(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

  for (const name of EXAMPLES) {
    it(`${name}: the same pages, findings and previews as the Node engine`, async () => {
      const root = path.join(REPO, 'examples', name).split(path.sep).join('/');
      const clock = fixedClock('2026-06-01T12:00:00Z');
      const web = (await browser.createPostcraft({ fs: new browser.WorkspaceFileSystem(diskApi, (p) => p), roots: [root], clock })) as unknown as Engine;
      const here = await node.createPostcraft({ fs: nodeFileSystem, roots: [root], clock });
      const a = await summary(web, browser);
      const b = await summary(here, { prepareSite, renderInSite });
      assert.equal(a.generator, b.generator);
      assert.ok(b.pages.length > 0 && b.previews.length > 0, `${name} has pages`);
      assert.deepEqual(a.pages, b.pages);
      assert.deepEqual(a.diagnostics, b.diagnostics);
      assert.deepEqual(a.previews, b.previews);
    });
  }
});
