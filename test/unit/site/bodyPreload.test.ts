/**
 * A whole-site check on a host with an analyzer (the CLI and the extension: a worker thread) parses
 * every body before checking, on the worker and here side by side. The diagnostics must be exactly
 * those of the plain check, also when files change after the crawl and when the analyzer fails.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { distance } from 'fastest-levenshtein';
import { createPostcraft, type PostcraftInit } from '../../../src/core/service';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import type { DocumentAnalyzer } from '../../../src/core/site/index';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import { AnalysisWorker, workerAnalyzer } from '../../../src/node/analysisClient';
import { fixedClock } from '../helpers/memoryFs';

const SLUGS = Array.from({ length: 160 }, (_, i) => `note-number-${i}-on-${['testing', 'release', 'design', 'budget'][i % 4]}`);

function writeSite(root: string): void {
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('hugo.toml', 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n');
  write('content/posts/_index.md', '---\ntitle: Posts\n---\n');
  SLUGS.forEach((slug, i) => {
    const other = SLUGS[(i * 7 + 3) % SLUGS.length];
    const body = [
      `# Note ${i}`,
      '',
      `## Part ${i % 3}`,
      '',
      // Good links, anchors into other posts (their headings are needed), and planted breaks whose
      // suggestions must be the nearest published URLs.
      `[next](../${other}/) [part](../${other}/#part-${(i * 7 + 3) % 3}) [bad part](../${other}/#part-9)`,
      i % 5 === 0 ? `[typo](../${slug.replace('number', 'numbr')}/) [gone](/posts/nothing-like-it/)` : '',
      '',
    ].join('\n');
    const fm = i % 2 ? `+++\ntitle = "Note ${i}"\ntags = ["t${i % 3}"]\n+++\n` : `---\ntitle: Note ${i}\ntags: [t${i % 4}]\n---\n`;
    if (i % 4 === 0) write(`content/posts/${slug}/index.md`, fm + body);
    else write(`content/posts/${slug}.md`, fm + body);
  });
}

describe('whole-site check with bodies parsed on a worker', () => {
  let root: string;
  let script: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-preload-'));
    writeSite(root);
    script = path.join(root, '..', `${path.basename(root)}-analysisWorker.js`);
    buildSync({ entryPoints: [path.join(__dirname, '../../../src/node/analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(script, { force: true });
  });

  async function check(analyzer?: DocumentAnalyzer, afterCrawl?: () => void) {
    const init: PostcraftInit = { fs: nodeFileSystem, roots: [root], clock: fixedClock('2025-01-01T00:00:00Z'), analyzer };
    const engine = await createPostcraft(init);
    afterCrawl?.();
    return engine.checkSite(engine.sites[0]);
  }

  it('gives exactly the plain check’s diagnostics, with the real worker and with one in process', async () => {
    const plain = await check();
    assert.ok(plain.some((d) => d.code === 'link.fragment-not-found'), 'the site has broken anchors');
    assert.ok(plain.filter((d) => d.code === 'link.not-found').length >= 20, 'the site has broken links');
    let asked = 0;
    const here = await check(async (text, options) => {
      asked++;
      return analyzeDocument(text, options);
    });
    assert.deepEqual(here, plain);
    assert.ok(asked > 50, `the analyzer took part (${asked} bodies)`);
    const worker = new AnalysisWorker(script);
    try {
      assert.deepEqual(await check(workerAnalyzer(worker)), plain);
    } finally {
      worker.dispose();
    }
  });

  it('reports parsing, then checking, each up to the number of documents', async () => {
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root], clock: fixedClock('2025-01-01T00:00:00Z'), analyzer: async (t, o) => analyzeDocument(t, o) });
    const site = engine.sites[0];
    const seen: [number, number, string][] = [];
    await engine.checkSite(site, (done, total, phase) => seen.push([done, total, phase]));
    const total = site.index.documents.size;
    const parsing = seen.filter((x) => x[2] === 'parsing');
    const checking = seen.filter((x) => x[2] === 'checking');
    assert.ok(parsing.length > 0 && checking.length === total);
    assert.equal(seen.indexOf(checking[0]), parsing.length, 'all parsing reports come first');
    assert.deepEqual(parsing[parsing.length - 1], [total, total, 'parsing']);
    assert.deepEqual(checking[checking.length - 1], [total, total, 'checking']);
    assert.ok(parsing.every((x, i) => i === 0 || x[0] >= parsing[i - 1][0]), 'parsing counts never go back');
  });

  it('a failing analyzer, or one with no answer, changes nothing', async () => {
    const plain = await check();
    let n = 0;
    const flaky: DocumentAnalyzer = async (text, options) => {
      n++;
      if (n % 3 === 0) throw new Error('worker stopped');
      return n % 3 === 1 ? undefined : analyzeDocument(text, options);
    };
    assert.deepEqual(await check(flaky), plain);
  });

  it('files changed or deleted after the crawl are checked as they are now', async () => {
    const changed = path.join(root, 'content/posts', `${SLUGS[1]}.md`);
    const deleted = path.join(root, 'content/posts', `${SLUGS[2]}.md`);
    const original = { changed: fs.readFileSync(changed, 'utf8'), deleted: fs.readFileSync(deleted, 'utf8') };
    const edit = () => {
      fs.writeFileSync(changed, original.changed + '\n[added](/posts/added-later/)\n');
      fs.rmSync(deleted);
    };
    try {
      const plain = await check(undefined, edit);
      fs.writeFileSync(changed, original.changed);
      fs.writeFileSync(deleted, original.deleted);
      const preloaded = await check(async (text, options) => analyzeDocument(text, options), edit);
      assert.deepEqual(preloaded, plain);
      assert.ok(plain.some((d) => d.message.includes('added-later')), 'the edit after the crawl is seen');
    } finally {
      fs.writeFileSync(changed, original.changed);
      fs.writeFileSync(deleted, original.deleted);
    }
  });

  it('suggests the nearest published URLs (same as comparing against every URL)', async () => {
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root], clock: fixedClock('2025-01-01T00:00:00Z') });
    const site = engine.sites[0];
    const diags = (await engine.checkSite(site)).filter((d) => d.code === 'link.not-found' && d.message.includes('numbr'));
    assert.ok(diags.length >= 20);
    const published = [...site.index.urls().keys()].filter((u) => !u.endsWith('.xml'));
    for (const d of diags) {
      const resolved = String((d.data as { resolved: string }).resolved).replace(/\/+$/, '');
      const max = Math.max(2, Math.floor(resolved.length * 0.25));
      const brute = published
        .map((u) => ({ u, d: distance(resolved, u.replace(/\/+$/, '')) }))
        .filter((x) => x.d <= max)
        .sort((a, b) => a.d - b.d || a.u.localeCompare(b.u))
        .slice(0, 3)
        .map((x) => x.u);
      assert.ok(brute.length > 0, resolved);
      assert.equal(d.message.includes('Did you mean'), true, d.message);
      // Suggestions are written relative to the linking post's URL.
      const from = site.index.document(d.file)!.pages[0].url;
      const absolute = ((d.data as { suggestions: string[] }).suggestions ?? []).map((u) => new URL(u, `https://example.org${from}`).pathname);
      assert.deepEqual(absolute, brute, resolved);
    }
  });
});
