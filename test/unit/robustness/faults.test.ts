/**
 * Faults from outside: files vanishing mid-crawl, rename storms, read errors, a configuration that
 * breaks and heals, hostile bytes. Each must be reported at most once, never be fatal, and leave
 * the index equal to a fresh scan once the file system is consistent again.
 */
import * as assert from 'node:assert/strict';
import { createPostcraft, type Postcraft } from '../../../src/core/service';
import type { FileEntry } from '../../../src/core/host';
import { renderInSite, prepareSite } from '../../../src/core/render/site';
import { LineIndex } from '../../../src/core/text';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';

const ROOT = '/site';
const CONFIG = 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n';
const post = (title: string, extra = '') => `---\ntitle: ${title}\ntags: [t]\n${extra}---\n# ${title}\n\n[home](/) [a](/posts/a/)\n`;

async function open(fs: MemoryFs): Promise<Postcraft> {
  return createPostcraft({ fs, roots: [ROOT], clock: fixedClock() });
}

async function freshSnapshot(fs: MemoryFs): Promise<unknown> {
  return (await open(fs)).sites[0].index.snapshot();
}

/** A file system where a hook runs right after a folder is listed (a file vanishes "meanwhile"). */
class RacingFs extends MemoryFs {
  afterList?: (path: string) => void;
  override async readDirectory(path: string): Promise<FileEntry[]> {
    const entries = await super.readDirectory(path);
    this.afterList?.(path);
    return entries;
  }
}

describe('robustness: file-system faults', () => {
  it('a post deleted between listing its folder and reading it: not fatal, index equals a fresh scan after the delete event', async () => {
    const fs = new RacingFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A'), 'content/posts/gone.md': post('Gone'), 'content/posts/b/index.md': post('B') });
    fs.afterList = (path) => {
      if (path === `${ROOT}/content/posts`) fs.delete(`${ROOT}/content/posts/gone.md`);
    };
    const engine = await open(fs);
    const index = engine.sites[0].index;
    assert.equal(index.document('content/posts/gone.md'), undefined);
    assert.ok(index.issues.filter((i) => i.path.endsWith('gone.md')).length <= 1, 'reported at most once');
    fs.afterList = undefined;
    engine.fileDeleted(`${ROOT}/content/posts/gone.md`);
    assert.deepEqual(index.snapshot(), await freshSnapshot(fs));
  });

  it('a file that vanished during the crawl leaves no stale "cannot read" warning once its deletion arrives', async () => {
    const fs = new RacingFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A'), 'content/posts/gone.md': post('Gone') });
    fs.afterList = (path) => path === `${ROOT}/content/posts` && fs.delete(`${ROOT}/content/posts/gone.md`);
    const engine = await open(fs);
    engine.fileDeleted(`${ROOT}/content/posts/gone.md`);
    assert.deepEqual(engine.sites[0].index.issues.map((i) => i.code), []);
  });

  it('a storm of 1,000 renames (files, bundles, index.md ↔ _index.md, folders) ends equal to a fresh scan', async function () {
    this.timeout(60_000);
    const tree: Record<string, string> = { 'hugo.toml': CONFIG };
    for (let i = 0; i < 30; i++) tree[`content/posts/p${i}.md`] = post(`P${i}`, i % 3 ? '' : `slug: s${i}\n`);
    for (let i = 0; i < 5; i++) tree[`content/posts/bundle${i}/index.md`] = post(`B${i}`);
    tree['content/posts/bundle0/pic.png'] = 'png';
    tree['content/docs/_index.md'] = post('Docs');
    tree['content/docs/guide.md'] = post('Guide');
    const fs = new MemoryFs(ROOT, tree);
    const engine = await open(fs);
    const index = engine.sites[0].index;
    // A fixed LCG (high bits: the low ones cycle): the same storm every run, so a failure can be replayed.
    let seed = 12345;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
    const dirs = () => ['content/posts', 'content/docs', `content/posts/bundle${rand(8)}`, `content/moved${rand(4)}`, 'content/posts/x/y', 'content'];
    let applied = 0;
    for (let n = 0; n < 1000; n++) {
      const paths = [...fs.files.keys()].map((k) => k.slice(ROOT.length + 1)).filter((k) => k.startsWith('content/'));
      const folders = [...new Set(paths.map((p) => p.slice(0, p.lastIndexOf('/'))))].filter((d) => d !== 'content');
      const folder = rand(4) === 0 && folders.length > 0;
      const from = folder ? pick(folders) : pick(paths);
      const name = folder ? `f${rand(20)}` : from.endsWith('.md') ? pick(['index.md', '_index.md', `r${rand(60)}.md`, 'P_Upper.md', `n${rand(60)}.markdown`]) : `r${rand(60)}.png`;
      const to = `${pick(dirs())}/${name}`;
      const taken = (p: string) => fs.files.has(`${ROOT}/${p}`) || [...fs.files.keys()].some((k) => k.startsWith(`${ROOT}/${p}/`));
      const underFile = to.split('/').some((_, i, s) => i > 0 && fs.files.has(`${ROOT}/${s.slice(0, i).join('/')}`));
      if (!from || from === to || taken(to) || underFile || to.startsWith(from + '/')) continue;
      fs.rename(`${ROOT}/${from}`, `${ROOT}/${to}`);
      await engine.fileRenamed(`${ROOT}/${from}`, `${ROOT}/${to}`);
      applied++;
    }
    assert.ok(applied > 500, `only ${applied} renames applied`);
    assert.deepEqual(index.snapshot(), await freshSnapshot(fs));
  });

  it('EACCES and EISDIR on posts: one issue each, never fatal; after the fix, the index equals a fresh scan', async () => {
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A'), 'content/posts/locked.md': post('Locked'), 'content/posts/odd.md': post('Odd') });
    fs.failures.set(`${ROOT}/content/posts/locked.md`, 'EACCES');
    fs.failures.set(`${ROOT}/content/posts/odd.md`, 'EISDIR');
    const engine = await open(fs);
    const index = engine.sites[0].index;
    const codes = index.issues.map((i) => `${i.code} ${i.path}`).sort();
    assert.deepEqual(codes, [`site.unreadable ${ROOT}/content/posts/locked.md`, `site.unreadable ${ROOT}/content/posts/odd.md`]);
    assert.equal(index.pagesOfFile('content/posts/a.md')[0]?.url, '/posts/a/');
    // A read error while editing is not fatal either.
    await engine.fileChanged(`${ROOT}/content/posts/locked.md`);
    fs.failures.clear();
    await engine.fileChanged(`${ROOT}/content/posts/locked.md`);
    await engine.fileChanged(`${ROOT}/content/posts/odd.md`);
    assert.deepEqual(index.snapshot(), await freshSnapshot(fs));
  });

  it('a read error is forgotten once the file reads fine again (no stale warning)', async () => {
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/locked.md': post('Locked') });
    fs.failures.set(`${ROOT}/content/posts/locked.md`, 'EACCES');
    const engine = await open(fs);
    await engine.fileChanged(`${ROOT}/content/posts/locked.md`);
    assert.equal(engine.sites[0].index.issues.length, 1, 'a second failed read is not a second issue');
    fs.failures.clear();
    await engine.fileChanged(`${ROOT}/content/posts/locked.md`);
    assert.deepEqual(engine.sites[0].index.issues.map((i) => i.code), []);
  });

  it('a non-UTF-8 post saved again and again is reported once, and not at all once fixed or deleted', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, 0x0a, ...new TextEncoder().encode('---\n')]);
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/latin1.md': latin1, 'content/posts/other.md': latin1 });
    const engine = await open(fs);
    const index = engine.sites[0].index;
    for (let i = 0; i < 3; i++) await engine.fileChanged(`${ROOT}/content/posts/latin1.md`);
    assert.deepEqual(index.issues.map((i) => `${i.code} ${i.path.split('/').pop()}`).sort(), ['site.encoding latin1.md', 'site.encoding other.md']);
    fs.write(`${ROOT}/content/posts/latin1.md`, post('Fixed'));
    await engine.fileChanged(`${ROOT}/content/posts/latin1.md`);
    fs.delete(`${ROOT}/content/posts/other.md`);
    engine.fileDeleted(`${ROOT}/content/posts/other.md`);
    assert.deepEqual(index.issues, []);
  });

  it('a config changed to invalid and back: reported once while broken, gone after, index equals a fresh scan', async () => {
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A'), 'content/posts/b.md': post('B') });
    const engine = await open(fs);
    const before = engine.sites[0].index.snapshot();
    fs.write(`${ROOT}/hugo.toml`, 'baseURL = "https://example.org/"\n[taxonomies\ntag = \n');
    await engine.fileChanged(`${ROOT}/hugo.toml`);
    const broken = engine.sites[0].index.issues.filter((i) => i.path === `${ROOT}/hugo.toml`);
    assert.equal(broken.length, 1, JSON.stringify(broken));
    assert.equal(broken[0].code, 'config.syntax');
    assert.equal(engine.sites[0].index.pagesOfFile('content/posts/a.md')[0]?.url, '/posts/a/', 'still indexed with defaults');
    const diags = await engine.checkDocument(`${ROOT}/content/posts/a.md`, post('A'));
    assert.ok(Array.isArray(diags));
    fs.write(`${ROOT}/hugo.toml`, CONFIG);
    await engine.fileChanged(`${ROOT}/hugo.toml`);
    assert.deepEqual(engine.sites[0].index.issues, []);
    assert.deepEqual(engine.sites[0].index.snapshot(), before);
  });

  it('a config change event for a config file that is already gone is not fatal', async () => {
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A') });
    const engine = await open(fs);
    fs.delete(`${ROOT}/hugo.toml`);
    await engine.fileChanged(`${ROOT}/hugo.toml`);
    await engine.fileCreated(`${ROOT}/hugo.toml`);
    assert.ok(engine.sites.length <= 1);
  });
});

describe('robustness: hostile bytes and text', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const cases: Record<string, Uint8Array> = {
    'latin1.md': new Uint8Array([...utf8('---\ntitle: Caf'), 0xe9, ...utf8('\n---\n# Caf'), 0xe9, ...utf8('\n[x](/posts/a/)\n')]),
    'truncated.md': new Uint8Array([...utf8('---\ntitle: T\n---\n[x](/a/'), 0xe0, 0xa4]),
    'bom.md': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\r\ntitle: BOM\r\n---\r\n# H\r\n\r\n[x](#h)\r\n')]),
    'nul.md': utf8('---\ntitle: "a\u0000b"\n---\n# N\u0000ul\n\n[x](/po\u0000sts/)\n\u0000'),
    'cr.md': utf8('---\rtitle: Old Mac\r---\r# H\r\r[x](#h)\r'),
    'utf16.md': new Uint8Array([0xff, 0xfe, ...Array.from(utf8('---\ntitle: x\n---\n')).flatMap((b) => [b, 0])]),
  };

  it('crawl, check and render survive non-UTF-8 bytes, BOM, CR and CRLF line ends, NUL bytes', async () => {
    const tree: Record<string, string | Uint8Array> = { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A') };
    for (const [name, bytes] of Object.entries(cases)) tree[`content/posts/${name}`] = bytes;
    const fs = new MemoryFs(ROOT, tree);
    const engine = await open(fs);
    const site = engine.sites[0];
    const encoding = site.index.issues.filter((i) => i.code === 'site.encoding').map((i) => i.path.split('/').pop()).sort();
    assert.deepEqual(encoding, ['latin1.md', 'truncated.md', 'utf16.md']);
    const prep = await prepareSite(engine, site);
    for (const name of Object.keys(cases)) {
      const abs = `${ROOT}/content/posts/${name}`;
      const text = (await engine.readText(abs))!;
      const lines = new LineIndex(text);
      for (const d of await engine.checkDocument(abs, text)) assert.ok(d.end.line < lines.lineCount && lines.offsetAt(d.end) <= text.length, `${name}: ${d.code} at ${JSON.stringify(d.end)}`);
      const r = renderInSite(site, abs, text, prep, { resourceUri: () => undefined, allowHttpsImages: false });
      assert.equal(typeof r.bodyHtml, 'string');
    }
    assert.equal(site.index.pagesOfFile('content/posts/bom.md')[0]?.title, 'BOM');
  });

  it('lone surrogates in an unsaved document: checked and rendered without throwing, ranges inside the text', async () => {
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': post('A') });
    const engine = await open(fs);
    const site = engine.sites[0];
    const prep = await prepareSite(engine, site);
    const texts = [
      '---\ntitle: "\uD800"\ntags: [\uDC00]\n---\n# \uD83D\n\n[x](/posts/\uD800/) [y](#\uDC00) ![i](\uD800.png)\n',
      '\uFEFF\uFEFF---\ntitle: double BOM\n---\n',
      '---\ntitle: x\n---\n{{< relref "\uD800" >}} [z]({{< ref "\uDFFF#\uD800" >}})\n',
    ];
    for (const text of texts) {
      const abs = `${ROOT}/content/posts/edit.md`;
      engine.documentChanged(abs, text);
      const lines = new LineIndex(text);
      for (const d of await engine.checkDocument(abs, text)) assert.ok(lines.offsetAt(d.end) <= text.length && d.start.line <= d.end.line, JSON.stringify(d));
      assert.equal(typeof renderInSite(site, abs, text, prep, { resourceUri: () => undefined, allowHttpsImages: false }).bodyHtml, 'string');
    }
  });
});
