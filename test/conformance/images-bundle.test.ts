/**
 * "Convert to a page bundle" against the real hugo (test/fixtures/hugo-bundle-convert): our plan
 * for `content/posts/trip.md` → `content/posts/trip/index.md` with an image beside it is applied to a
 * copy, and hugo builds both sites. The page's URL must be the one hugo published before, the image
 * must be published beside it, and every internal link on the built site (the inbound ones by URL
 * and by ref, the post's own) must reach a published file. Also: the move without our link edits,
 * to pin whether they are needed — our checker must report a problem exactly when hugo fails on it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';
import type { BundleConversion } from '../../src/core/images/bundle';
import { buildWithHugo, requireHugo, runHugo } from './helpers/hugo';

const FIXTURE = path.resolve(__dirname, '../fixtures/hugo-bundle-convert');
const POST = 'content/posts/trip.md';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const posixOf = (p: string) => p.split(path.sep).join('/');

async function planFor(site: string): Promise<BundleConversion> {
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [posixOf(site)] });
  const r = await engine.images.planBundle({ post: posixOf(path.join(site, POST)), images: [{ name: 'Beach Day.png', bytes: PNG }], alt: 'The beach' });
  assert.equal(r.kind, 'planned', r.kind === 'refused' ? r.message : '');
  return (r as { plan: BundleConversion }).plan;
}

/** Applies the plan to the site on disk, as the editor's WorkspaceEdit does. */
function apply(site: string, plan: BundleConversion, withEdits: boolean): void {
  if (withEdits) {
    const byFile = new Map<string, typeof plan.edits[number][]>();
    for (const e of plan.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, edits] of byFile) {
      let text = fs.readFileSync(path.join(site, file), 'utf8');
      for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
      fs.writeFileSync(path.join(site, file), text);
    }
  }
  for (const m of plan.moves) {
    fs.mkdirSync(path.dirname(m.to), { recursive: true });
    fs.renameSync(m.from, m.to);
    fs.appendFileSync(m.to, `\n${plan.images.map((i) => i.markdown).join('\n\n')}\n`);
  }
  for (const i of plan.images) fs.writeFileSync(i.path, PNG);
}

/** Internal hrefs and srcs in the built HTML that reach no published file. */
function unreached(publicDir: string): { checked: number; missing: string[] } {
  const out: string[] = [];
  let checked = 0;
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(publicDir).filter((f) => f.endsWith('.html'))) {
    const pageUrl = '/' + posixOf(path.relative(publicDir, path.dirname(file))) + '/';
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:href|src)="([^"#?]*)/g)) {
      let u = m[1].replace(/^https:\/\/example\.org/, '');
      if (!u || /^[a-z]+:/i.test(u)) continue;
      u = new URL(u, 'https://x' + pageUrl).pathname;
      const target = path.join(publicDir, decodeURIComponent(u));
      checked++;
      if (!(fs.existsSync(target) && (fs.statSync(target).isFile() || fs.existsSync(path.join(target, 'index.html'))))) out.push(`${path.relative(publicDir, file)}: ${m[1]}`);
    }
  }
  return { checked, missing: out };
}

describe('convert to a page bundle agrees with hugo (test/fixtures/hugo-bundle-convert)', function () {
  this.timeout(120_000);
  let tmp: string;
  before(function () {
    requireHugo(this);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-bundle-'));
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('the page keeps the URL hugo published, the image is published beside it, every link still reaches a page', async () => {
    const site = path.join(tmp, 'converted');
    fs.cpSync(FIXTURE, site, { recursive: true });
    const before = buildWithHugo(site);
    const url = before.list.find((r) => r.path === POST)?.permalink.replace(/^https:\/\/example\.org/, '');
    before.cleanup();
    assert.equal(url, '/posts/trip/');
    const plan = await planFor(site);
    assert.equal(plan.url, url, 'our URL model: the same URL hugo published');
    apply(site, plan, true);
    const after = buildWithHugo(site);
    try {
      const row = after.list.find((r) => r.path === 'content/posts/trip/index.md');
      assert.equal(row?.permalink.replace(/^https:\/\/example\.org/, ''), url, 'hugo publishes the bundle at the same URL');
      assert.ok(fs.existsSync(path.join(after.publicDir, 'posts/trip/Beach-Day.png')), 'the image is published beside the page');
      assert.match(fs.readFileSync(path.join(after.publicDir, 'posts/trip/index.html'), 'utf8'), /<img src="Beach-Day\.png" alt="The beach"/);
      assert.doesNotMatch(after.log, /REF_NOT_FOUND/);
      const links = unreached(after.publicDir);
      assert.ok(links.checked >= 8, `${links.checked} internal links on the built site`);
      assert.deepEqual(links.missing, []);
      // Our model, reading the converted site afresh, agrees.
      const engine = await createPostcraft({ fs: nodeFileSystem, roots: [posixOf(site)] });
      assert.equal(engine.sites[0].index.pagesOfFile('content/posts/trip/index.md')[0]?.url, url);
    } finally {
      after.cleanup();
    }
  });

  it('without our link edits: our checker reports a problem exactly when hugo fails the build', async () => {
    const site = path.join(tmp, 'unedited');
    fs.cpSync(FIXTURE, site, { recursive: true });
    const plan = await planFor(site);
    assert.ok(plan.edits.length > 0, 'the plan rewrites links that name the file');
    apply(site, plan, false);
    const run = runHugo(site);
    run.cleanup();
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [posixOf(site)] });
    const ours: string[] = [];
    for (const f of ['content/posts/other.md', 'content/notes/elsewhere.md', 'content/posts/trip/index.md']) {
      const abs = posixOf(path.join(site, f));
      for (const d of await engine.checkDocument(abs, fs.readFileSync(abs, 'utf8'))) if (d.severity === 'error' || d.severity === 'warning') ours.push(`${f}: ${d.code}`);
    }
    const hugoFailed = run.status !== 0 || /REF_NOT_FOUND/.test(run.log);
    assert.equal(ours.length > 0, hugoFailed, `hugo ${hugoFailed ? 'failed' : 'built'}:\n${run.log}\nours: ${ours.join(', ') || 'nothing'}`);
  });
});
