// The preview's sanitiser as the web extension host runs it: the renderer bundled with the browser
// bundle's settings (no Node module: sanitize-html's postcss without its fs/path/url) in a
// dedicated Web Worker of Debian's Chromium. Its HTML must be byte for byte what the Node build
// renders, and inert (checked with parse5, a different parser from the sanitiser's).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { renderPost, DEFAULT_MARKUP } from '../../src/core/render/render';
import type { MarkupOptions } from '../../src/core/render/types';
import { plainHooks } from '../unit/render/helpers';
import { hostileDocument } from '../fuzz/arbitraries';
import { unsafeParts } from '../fuzz/domCheck';

const REPO = path.resolve(__dirname, '../..');
const UNSAFE: MarkupOptions = { ...DEFAULT_MARKUP, dialect: { ...DEFAULT_MARKUP.dialect, rawHtml: true } };
const ORIGIN = 'http://postcraft.test';

const PLANTED = [
  '---\ntitle: "<script>window.pwnedTitle = 1</script>Planted"\ntags: ["<img src=x onerror=alert(1)>"]\n---\n',
  '<script>self.pwned = 1</script>\n\nInline <img src=x onerror="self.pwned = 2"> and <a href="/ok/" onclick="x()">click</a>.\n',
  '<svg onload="x()"><circle r="4"/></svg>\n\n<iframe src="https://evil.example/"></iframe>\n',
  '[md](javascript:alert(1)) <a href="JaVaScRiPt&colon;alert(3)">encoded</a>\n',
  '<div style="background:url(https://tracker.example/p.gif)" onmouseover="x()">styled</div>\n',
  '<p style="color: red /*# sourceMappingURL=data:application/json;base64,e30= */">a style with a source map comment</p>\n',
  '<form action="https://evil.example/"><input type="text"><button>go</button></form>\n',
].join('\n');

describe('the preview sanitiser in a browser Web Worker (the web extension host)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let bundle: string;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-worker-'));
    const { browserOptions } = (await import(path.join(REPO, 'scripts', 'browser-bundle.mjs'))) as typeof import('../../scripts/browser-bundle.mjs');
    const problems: string[] = [];
    const outfile = path.join(tmp, 'render.js');
    await esbuild.build({ ...browserOptions(path.join(__dirname, 'webWorker', 'renderEntry.ts'), outfile, { problems }), format: 'iife', sourcemap: false });
    assert.deepEqual(problems, [], 'no Node module in the bundle');
    bundle = fs.readFileSync(outfile, 'utf8');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
  });

  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function renderInWorker(texts: string[]): Promise<{ html: string[]; where: Record<string, string> }> {
    const page = await browser.newPage();
    try {
      // No network: both "files" are answered here.
      await page.route(`${ORIGIN}/**`, (route) =>
        route.fulfill(route.request().url().endsWith('/render.js') ? { contentType: 'text/javascript', body: bundle } : { contentType: 'text/html', body: '<!DOCTYPE html><title>worker</title>' }),
      );
      await page.goto(`${ORIGIN}/`);
      return await page.evaluate(
        (input) =>
          new Promise((resolve, reject) => {
            const w = new Worker('/render.js');
            w.onmessage = (e) => resolve(e.data);
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage(input);
          }),
        texts,
      );
    } finally {
      await page.close();
    }
  }

  it('renders planted tricks inert, exactly as the Node build does', async () => {
    const { html, where } = await renderInWorker([PLANTED]);
    assert.deepEqual(where, { window: 'undefined', document: 'undefined', process: 'undefined', require: 'undefined', importScripts: 'function' }, 'a dedicated worker without Node');
    const node = renderPost(PLANTED, UNSAFE, plainHooks());
    assert.equal(html[0], node.headerHtml + node.bodyHtml);
    assert.deepEqual(unsafeParts(html[0]), []);
    assert.match(html[0], /a style with a source map comment/);
    assert.match(html[0], /Planted/);
  });

  it('hostile documents (the fuzz arbitrary, 300 samples): the same HTML as Node, and inert', async () => {
    const docs = fc.sample(hostileDocument, { numRuns: 300, seed: 20 });
    const { html } = await renderInWorker(docs);
    docs.forEach((doc, i) => {
      const node = renderPost(doc, UNSAFE, plainHooks());
      assert.equal(html[i], node.headerHtml + node.bodyHtml, `document ${i}: ${JSON.stringify(doc.slice(0, 200))}`);
      assert.deepEqual(unsafeParts(html[i]), [], `document ${i}`);
    });
  });
});
