/**
 * The index's central promise: after ANY sequence of edits, creations, deletions and renames, the
 * incrementally updated index equals a fresh crawl of the same files.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { SiteIndex } from '../../../src/core/site/index';
import { loadHugo } from '../../../src/core/generators/hugo/load';

const ROOT = '/site';
const CONFIG = 'baseURL = "https://example.org/blog/"\n[permalinks]\nnews = "/:year/:slug/"\n[taxonomies]\ntag = "tags"\nseries = "series"\n';

const DOCS = [
  'content/_index.md',
  'content/about.md',
  'content/posts/_index.md',
  'content/posts/a.md',
  'content/posts/B_Upper.md',
  'content/posts/x/index.md',
  'content/posts/x/_index.md',
  'content/posts/x/inner.md',
  'content/posts/x/deeper/index.md',
  'content/posts/sec/_index.md',
  'content/posts/sec/c.md',
  'content/news/n.md',
  'content/tags/go/_index.md',
  'content/tags/_index.md',
] as const;
const FILES = ['content/posts/x/pic.png', 'content/posts/sec/file.txt', 'content/posts/x/deeper/d.png', 'static/img/logo.png', 'static/x.txt'] as const;
const FOLDERS = ['content/posts/x', 'content/posts/sec', 'content/posts', 'static/img'] as const;

const frontMatter = fc
  .record(
    {
      title: fc.constantFrom('Alpha', 'Beta, two', 'Gamma Ray'),
      slug: fc.constantFrom('custom', 'Other Slug'),
      url: fc.constantFrom('/fixed/', '/Loud/Place'),
      draft: fc.boolean(),
      date: fc.constantFrom('2020-01-02', '2099-05-06', '2019-04-11T14:39:51-07:00'),
      expiryDate: fc.constantFrom('2001-01-01', '2098-01-01'),
      tags: fc.array(fc.constantFrom('Go', 'go', 'Static Sites', 'misc'), { maxLength: 3 }),
      series: fc.constantFrom('One', 'two'),
      aliases: fc.array(fc.constantFrom('/old/', 'rel', 'x.html'), { maxLength: 2 }),
      // Given by an index file to the pages below it: edits must re-derive them.
      cascade: fc.constantFrom<unknown>({ draft: true }, { slug: 'from-above' }, { date: '2099-01-01' }, [{ _target: { path: '/posts/**' }, url: '/cascaded/' }], { _build: { render: 'never' } }),
    },
    { requiredKeys: [] },
  )
  .map((fm) => {
    const lines = Object.entries(fm).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    return `---\n${lines.join('\n')}\n---\n# Heading\n\n[link](/posts/a/) and [other](../x/)\n`;
  });
const broken = fc.constantFrom('---\ntitle: [unclosed\n---\nbody', '---\nno end', '+++\ntitle = \n+++\n', '\uFEFF---\r\ntitle: bom crlf\r\ntags: [misc]\r\n---\r\n');

type Op =
  | { op: 'write'; file: string; text: string; via: 'editor' | 'disk' }
  | { op: 'retitle'; file: string; title: string }
  | { op: 'add'; file: string }
  | { op: 'delete'; path: string }
  | { op: 'rename'; from: string; to: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('write' as const), file: fc.constantFrom(...DOCS), text: fc.oneof({ weight: 6, arbitrary: frontMatter }, { weight: 1, arbitrary: broken }), via: fc.constantFrom('editor' as const, 'disk' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), file: fc.constantFrom(...FILES) }) },
  // Title-only edits take the index's patch path (no URL table rebuild): it must stay exact too.
  { weight: 3, arbitrary: fc.record({ op: fc.constant('retitle' as const), file: fc.constantFrom(...DOCS), title: fc.constantFrom('T1', 'Second title', 'Third, with comma') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...DOCS, ...FILES, ...FOLDERS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), from: fc.constantFrom(...DOCS, ...FOLDERS), to: fc.constantFrom(...DOCS, 'content/posts/y', 'content/news/moved') }) },
);

async function freshIndex(fs: MemoryFs): Promise<SiteIndex> {
  const model = await loadHugo(fs, ROOT);
  const index = new SiteIndex(ROOT, model, fs, { clock: fixedClock() });
  await index.crawl();
  return index;
}

const isDir = (fs: MemoryFs, rel: string) => [...fs.files.keys()].some((k) => k.startsWith(`${ROOT}/${rel}/`));
/** A real file system cannot hold a file where a folder is, or below a file. */
const blocked = (fs: MemoryFs, rel: string) => isDir(fs, rel) || rel.split('/').some((_, i, segs) => i > 0 && fs.files.has(`${ROOT}/${segs.slice(0, i).join('/')}`));
const exists = (fs: MemoryFs, rel: string) => fs.files.has(`${ROOT}/${rel}`) || [...fs.files.keys()].some((k) => k.startsWith(`${ROOT}/${rel}/`));

async function apply(fs: MemoryFs, index: SiteIndex, o: Op): Promise<void> {
  switch (o.op) {
    case 'write': {
      if (blocked(fs, o.file)) return;
      const existed = fs.files.has(`${ROOT}/${o.file}`);
      fs.write(`${ROOT}/${o.file}`, o.text);
      if (o.via === 'editor') index.updateDocument(o.file, o.text);
      else if (existed) await index.fileChanged(o.file);
      else await index.fileCreated(o.file);
      return;
    }
    case 'retitle': {
      const bytes = fs.files.get(`${ROOT}/${o.file}`);
      if (!bytes) return;
      const old = new TextDecoder().decode(bytes);
      const text = /^title: .*$/m.test(old) ? old.replace(/^title: .*$/m, `title: ${JSON.stringify(o.title)}`) : old.replace(/^---\n/, `---\ntitle: ${JSON.stringify(o.title)}\n`);
      fs.write(`${ROOT}/${o.file}`, text);
      index.urls(); // make sure a URL table exists, so the edit patches it rather than dropping it
      index.updateDocument(o.file, text);
      return;
    }
    case 'add':
      if (fs.files.has(`${ROOT}/${o.file}`) || blocked(fs, o.file)) return;
      fs.write(`${ROOT}/${o.file}`, 'bytes');
      await index.fileCreated(o.file);
      return;
    case 'delete':
      if (!exists(fs, o.path)) return;
      fs.delete(`${ROOT}/${o.path}`);
      index.fileDeleted(o.path);
      return;
    case 'rename':
      // A rename onto an existing path or into itself is refused by real file systems too.
      if (!exists(fs, o.from) || exists(fs, o.to) || blocked(fs, o.to) || o.to.startsWith(o.from + '/') || o.from === o.to) return;
      fs.rename(`${ROOT}/${o.from}`, `${ROOT}/${o.to}`);
      await index.fileRenamed(o.from, o.to);
      return;
  }
}

describe('SiteIndex incremental updates (property)', () => {
  it('equals a fresh crawl after any sequence of edits, creations, deletions and renames', async function () {
    this.timeout(300_000);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const fs = new MemoryFs(ROOT, {
          'hugo.toml': CONFIG,
          'content/posts/a.md': '---\ntitle: A\ntags: [Go]\n---\n',
          'content/posts/x/index.md': '---\ntitle: X\n---\n',
          'content/posts/x/pic.png': 'png',
          'static/img/logo.png': 'png',
        });
        const index = await freshIndex(fs);
        for (const o of ops) await apply(fs, index, o);
        const fresh = await freshIndex(fs);
        assert.deepEqual(index.snapshot(), fresh.snapshot());
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('an edit to one document does not re-read the others', async () => {
    const tree: Record<string, string> = { 'hugo.toml': CONFIG };
    for (let i = 0; i < 50; i++) tree[`content/posts/p${i}.md`] = `---\ntitle: P${i}\n---\n`;
    const fs = new MemoryFs(ROOT, tree);
    const index = await freshIndex(fs);
    let reads = 0;
    const orig = fs.readFile.bind(fs);
    fs.readFile = async (p: string) => {
      reads++;
      return orig(p);
    };
    index.updateDocument('content/posts/p3.md', '---\ntitle: Changed\nslug: new\n---\n');
    await index.fileChanged('content/posts/p4.md');
    assert.equal(reads, 1);
    assert.equal(index.pagesOfFile('content/posts/p3.md')[0].url, '/blog/posts/new/');
  });

  it('a title edit patches the URL table instead of rebuilding it', async () => {
    const fs = new MemoryFs(ROOT, { 'hugo.toml': CONFIG, 'content/posts/a.md': '---\ntitle: Old\ntags: [Go]\n---\n', 'content/posts/b.md': '---\ntitle: B\n---\n' });
    const index = await freshIndex(fs);
    const table = index.urls();
    index.updateDocument('content/posts/a.md', '---\ntitle: New\ntags: [Go]\n---\n');
    assert.equal(index.urls(), table, 'same table object: not rebuilt');
    const t = index.lookupUrl('/blog/posts/a/')[0];
    assert.ok(t.type === 'page' && t.page.title === 'New');
    index.updateDocument('content/posts/a.md', '---\ntitle: New\ntags: [Go, more]\n---\n');
    assert.notEqual(index.urls(), table, 'a term change rebuilds');
    assert.equal(index.lookupUrl('/blog/tags/more/')[0]?.type, 'page');
  });
});
