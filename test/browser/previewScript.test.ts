// The webview's page script (media/preview.ts) in Chromium, with VS Code's `acquireVsCodeApi`
// stubbed to record what the page sends: DOM patching that keeps unchanged blocks and the scroll
// position, acknowledgements, malformed messages ignored, scroll sync both ways, link clicks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewShell } from '../../src/vscode/preview/html';
import { renderPost, DEFAULT_MARKUP } from '../../src/core/render/render';
import type { RenderHooks } from '../../src/core/render/types';

const REPO = path.resolve(__dirname, '../..');

const hooks: RenderHooks = {
  resolveImage: () => ({ missing: true, reason: 'none in this test' }),
  resolveLink: (target) => ({ kind: target.startsWith('#') ? 'fragment' : 'internal', broken: target.includes('gone') ? 'no such page' : undefined }),
};

function longPost(marker: string): string {
  const parts = ['---', 'title: Script test', '---', ''];
  for (let i = 0; i < 60; i++) parts.push(`## Section ${i}`, '', `Paragraph ${i} ${i === 30 ? marker : 'same'} text that wraps a little so blocks have height.`, '');
  parts.push('[internal](../other/) [relref]({{< relref "other.md" >}}) [to top](#section-0) [gone](/gone/)');
  return parts.join('\n');
}

type Posted = { type: string; [k: string]: unknown };

describe('preview page script in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let tmp: string;

  const posted = (): Promise<Posted[]> => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
  const send = (m: unknown) => page.evaluate((msg) => window.postMessage(msg, '*'), m);

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-script-'));
    await esbuild.build({ entryPoints: [path.join(REPO, 'media', 'preview.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', outfile: path.join(tmp, 'preview.js'), logLevel: 'silent' });
    await esbuild.stop();
    const post = renderPost(longPost('first'), DEFAULT_MARKUP, hooks);
    const html = previewShell({ post, file: '/blog/content/posts/x.md', version: 1, scriptUri: 'preview.js', cspSource: 'file:', nonce: 'n0nce', allowHttpsImages: false, scrollSync: true, initialLine: 0 });
    fs.writeFileSync(path.join(tmp, 'index.html'), html);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    page.on('console', (m) => { if (process.env.PC_DEBUG) console.log('console:', m.text()); });
    page.on('pageerror', (e) => { if (process.env.PC_DEBUG) console.log('pageerror:', e.message); });
    // A string, not a function: tsx rewrites functions (adding `__name` calls the page lacks).
    await page.addInitScript(`
      window.__posted = [];
      window.acquireVsCodeApi = function () {
        return { postMessage: function (m) { window.__posted.push(m); }, getState: function () { return window.__state; }, setState: function (s) { window.__state = s; } };
      };
    `);
    await page.goto('file://' + path.join(tmp, 'index.html'));
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  });

  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('acknowledges the initial content with its version and heading ids', async () => {
    const first = (await posted()).find((m) => m.type === 'rendered');
    assert.equal(first?.version, 1);
    assert.equal((first?.ids as string[]).length, 60);
    assert.equal((first?.ids as string[])[0], 'section-0');
  });

  it('patches an update in place: unchanged blocks stay, the scroll position stays', async () => {
    await page.evaluate(() => window.scrollTo(0, 1500));
    await page.waitForTimeout(120);
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('#pc-body > *'))) (el as unknown as { __kept: boolean }).__kept = true;
    });
    const y = await page.evaluate(() => window.scrollY);
    const next = renderPost(longPost('second'), DEFAULT_MARKUP, hooks);
    await send({ type: 'update', version: 2, file: '/blog/content/posts/x.md', title: 'New title', headerHtml: next.headerHtml, bodyHtml: next.bodyHtml, lineCount: next.lineCount });
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string; version?: number }[] }).__posted.some((m) => m.type === 'rendered' && m.version === 2));
    const r = await page.evaluate(() => {
      const els = Array.from(document.querySelectorAll('#pc-body > *'));
      return { kept: els.filter((e) => (e as unknown as { __kept?: boolean }).__kept).length, total: els.length, text: document.body.textContent ?? '', title: document.title, y: window.scrollY };
    });
    assert.match(r.text, /Paragraph 30 second/);
    assert.doesNotMatch(r.text, /Paragraph 30 first/);
    assert.equal(r.title, 'New title');
    // Only the changed paragraph was replaced.
    assert.equal(r.kept, r.total - 1, `${r.kept} of ${r.total} blocks kept`);
    assert.equal(r.y, y);
  });

  it('ignores malformed and stale messages', async () => {
    const before = (await posted()).length;
    for (const m of [null, 'update', { type: 'update', version: 3 }, { type: 'update', version: 'x', file: 1 }, { type: 'scrollToLine', line: -5 }, { type: 'eval', code: 'window.bad = 1' }]) await send(m);
    await send({ type: 'update', version: 1, file: '/blog/content/posts/x.md', title: 'Old', headerHtml: '', bodyHtml: '<p>stale</p>', lineCount: 1 });
    await page.waitForTimeout(150);
    const after = await page.evaluate(() => ({ text: document.body.textContent ?? '', bad: (window as unknown as { bad?: number }).bad }));
    assert.match(after.text, /Paragraph 30 second/);
    assert.equal(after.bad, undefined);
    assert.equal((await posted()).slice(before).filter((m) => m.type === 'rendered').length, 0);
  });

  it('scrolls to an editor line, and reports the line at the top when the user scrolls', async () => {
    await send({ type: 'scrollToLine', line: 4 + 4 * 40 });
    await page.waitForTimeout(100);
    const top = await page.evaluate(() => {
      const h = document.getElementById('section-40')!;
      return Math.round(h.getBoundingClientRect().top);
    });
    assert.ok(Math.abs(top) <= 8, `heading of line 164 is at the top (offset ${top})`);
    // A programmatic scroll is not echoed back.
    await page.waitForTimeout(300);
    const n = (await posted()).length;
    await page.evaluate(() => document.getElementById('section-20')!.scrollIntoView({ block: 'start' }));
    await page.waitForFunction((count) => (window as unknown as { __posted: { type: string }[] }).__posted.slice(count).some((m) => m.type === 'revealLine'), n);
    const reveal = (await posted()).slice(n).find((m) => m.type === 'revealLine');
    assert.ok(Math.abs((reveal?.line as number) - (4 + 4 * 20)) <= 1, `revealLine ${reveal?.line}`);
  });

  it('remembers the lock in its saved state, for restoring after a reload', async () => {
    await send({ type: 'lock', locked: true });
    await page.waitForTimeout(50);
    const saved = await page.evaluate(() => (window as unknown as { __state: { file: string; locked: boolean } }).__state);
    assert.equal(saved.locked, true);
    assert.equal(saved.file, '/blog/content/posts/x.md');
  });

  it('sends link clicks to the extension, and scrolls to #fragments itself', async () => {
    const n = (await posted()).length;
    await page.click('a[data-href="../other/"]');
    await page.click('a[data-form="relref"]');
    await page.click('a[data-href="#section-0"]');
    await page.waitForTimeout(150);
    const sent = (await posted()).slice(n).filter((m) => m.type === 'openLink');
    assert.deepEqual(sent, [{ type: 'openLink', href: '../other/', form: 'link' }, { type: 'openLink', href: 'other.md', form: 'relref' }]);
    const top = await page.evaluate(() => Math.round(document.getElementById('section-0')!.getBoundingClientRect().top));
    assert.ok(Math.abs(top) <= 8, `the fragment link scrolled its heading to the top (offset ${top})`);
    assert.match((await page.getAttribute('a[data-href="/gone/"]', 'class')) ?? '', /pc-link-broken/);
  });
});
