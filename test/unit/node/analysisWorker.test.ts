/**
 * Document analysis on a worker thread (what the extension does on every edit): the answer must be
 * the analysis the engine would compute itself, side facts included, and a worker that cannot run
 * or gets stuck must fail cleanly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { AnalysisUnavailable, AnalysisWorker } from '../../../src/node/analysisClient';
import { analyzeDocument, type AnalyzeOptions } from '../../../src/core/markdown/analyze';
import { createPostcraft } from '../../../src/core/service';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { GOLDMARK } from '../../../src/core/markdown/dialect';

const OPTIONS: AnalyzeOptions = { dialect: GOLDMARK, maxBodyBytes: 500_000 };

const POST = [
  '+++',
  'title = "Worker"',
  'date = 2024-02-03T04:05:06+07:00',
  'tags = ["a", "b"]',
  '+++',
  '# Title',
  '',
  '## Same',
  '',
  '## Same {#custom}',
  '',
  '[up](../other/) [frag](#same-1) {{< relref "other.md#x" >}} {{< mystery >}} <a id="raw">x</a>',
  '',
  '[ref]: /posts/gone/',
  '',
].join('\n');

describe('document analysis on a worker thread', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-worker-'));
    script = path.join(dir, 'analysisWorker.js');
    // The same bundle the extension ships (scripts/build.mjs).
    buildSync({ entryPoints: [path.join(__dirname, '../../../src/node/analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers with the analysis computed in place, side facts included', async () => {
    const w = new AnalysisWorker(script);
    try {
      const here = analyzeDocument(POST, OPTIONS);
      const there = await w.analyze(POST, OPTIONS);
      assert.deepEqual(there, here);
      assert.equal(there.textHash, here.textHash);
      assert.ok(there.textHash !== undefined);
      assert.deepEqual(there.shortcodes?.map((u) => u.name), here.shortcodes?.map((u) => u.name));
      assert.ok((there.shortcodes ?? []).length > 0, 'the shortcodes that may print ids cross with the analysis');
      // Several requests in flight are matched to their own answers.
      const texts = Array.from({ length: 20 }, (_, i) => `# H${i}\n\n[x](/p${i}/)\n`);
      const got = await Promise.all(texts.map((t) => w.analyze(t, OPTIONS)));
      got.forEach((a, i) => assert.equal(a.links[0].target, `/p${i}/`));
    } finally {
      w.dispose();
    }
  });

  it('an analysis is plain data: it survives a structured clone whole, its facts included', () => {
    const a = analyzeDocument(POST, OPTIONS);
    const back = structuredClone(a);
    assert.deepEqual(back, a);
    assert.equal(back.textHash, a.textHash);
    assert.equal(back.hiddenIds, a.hiddenIds);
  });

  it('the index fed a worker analysis equals the index that parsed the text itself', async () => {
    const tree = {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/a.md': '---\ntitle: A\n---\nold\n',
      'content/posts/other.md': '---\ntitle: Other\n---\n## X\n',
    };
    const viaWorker = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const inPlace = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const w = new AnalysisWorker(script);
    try {
      const opts = viaWorker.analyzeOptions('/site/content/posts/a.md');
      assert.ok(opts);
      viaWorker.documentChanged('/site/content/posts/a.md', POST, await w.analyze(POST, opts));
      inPlace.documentChanged('/site/content/posts/a.md', POST);
      assert.deepEqual(viaWorker.sites[0].index.snapshot(), inPlace.sites[0].index.snapshot());
      assert.deepEqual(await viaWorker.checkDocument('/site/content/posts/a.md', POST), await inPlace.checkDocument('/site/content/posts/a.md', POST));
      assert.equal(viaWorker.analyzeOptions('/site/hugo.toml'), undefined, 'not a content document');
    } finally {
      w.dispose();
    }
  });

  it('a worker that cannot start says so, so the caller analyses in place', async () => {
    const w = new AnalysisWorker(path.join(dir, 'no-such-worker.js'));
    await assert.rejects(w.analyze(POST, OPTIONS), AnalysisUnavailable);
    await assert.rejects(w.analyze(POST, OPTIONS), AnalysisUnavailable);
    w.dispose();
  });

  it('a stuck analysis times out, stops the worker, and the next request gets a fresh one', async () => {
    const slow = new AnalysisWorker(script, { timeoutMs: 1 });
    const big = '# h\n\n'.repeat(200_000);
    await assert.rejects(slow.analyze(big, OPTIONS), /over 0 s|stopped/);
    slow.dispose();
    const w = new AnalysisWorker(script);
    try {
      await assert.rejects(new AnalysisWorker(script, { timeoutMs: 1 }).analyze(big, OPTIONS));
      assert.equal((await w.analyze('# ok\n', OPTIONS)).headings[0].id, 'ok');
      w.dispose();
      // After a stop, a request starts a new worker.
      assert.equal((await w.analyze('# again\n', OPTIONS)).headings[0].id, 'again');
    } finally {
      w.dispose();
    }
  });
});
