/**
 * Features that need front matter only never read a document's body. On a host that reads
 * synchronously the crawl indexes documents by their front matter and a body is read and parsed at
 * its first `body()` call; this counts the host's reads after the crawl while those features run.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft } from '../../../src/core/service';
import { ENV } from '../newpost/helpers';

/** Counts reads per path: synchronous ones (how the index reads a body) and asynchronous ones. */
class CountingFs extends MemoryFs {
  readonly syncReads: string[] = [];
  readonly asyncReads: string[] = [];
  readFileSync(path: string): Uint8Array {
    this.syncReads.push(path);
    const f = this.files.get(path);
    if (!f) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return f;
  }
  override async readFile(path: string): Promise<Uint8Array> {
    this.asyncReads.push(path);
    return super.readFile(path);
  }
}

const body = (n: number) => `# Post ${n}\n\n## Part\n\n[next](../p${n + 1}/) [part](../p${n + 1}/#part) {{< relref "p${n + 2}.md" >}}\n`;
const post = (n: number, fm: string) => `---\ntitle: Post ${n}\ndate: 2024-0${1 + (n % 9)}-01\n${fm}\n---\n${body(n)}`;

const TREE = {
  'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n',
  'data/authors/jane.toml': 'name = "Jane Doe"\n',
  'content/authors/lee/_index.md': '---\ntitle: Lee Park\n---\n',
  'content/posts/_index.md': '---\ntitle: Posts\n---\n',
  'content/posts/p1.md': post(1, 'tags: [baking, bread]\nauthors: [jane]'),
  'content/posts/p2.md': post(2, 'tags: [baking]\nauthors: [lee]'),
  'content/posts/p3/index.md': post(3, 'tags: [Baking, knives]\ndraft: true'),
  'content/posts/p4.md': post(4, 'tags: [knife]\naliases: [/old/p4/]'),
};

async function crawled(): Promise<{ fs: CountingFs; engine: Postcraft }> {
  const fs = new CountingFs('/site', TREE);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  fs.syncReads.length = 0;
  fs.asyncReads.length = 0;
  return { fs, engine };
}

describe('front-matter-only features read no body', () => {
  it('the URL table, terms, taxonomy values, authors, front-matter completion and hover', async () => {
    const { fs, engine } = await crawled();
    const site = engine.sites[0];
    const index = site.index;
    assert.ok(index.allPages().length > 5);
    assert.ok(index.lookupUrl('/posts/p1/').length);
    assert.ok(index.lookupUrl('/old/p4/').length);
    assert.equal(index.pageCount('page'), 4);
    assert.ok(index.termCounts().get('tags')?.has('baking'));
    const fields = engine.frontMatter.taxonomyFields(site);
    const authors = fields.find((f) => f.field === 'authors')!;
    assert.deepEqual(engine.frontMatter.taxonomyValues(site, authors).map((v) => [v.value, v.author?.name]).sort(), [['jane', 'Jane Doe'], ['lee', 'Lee Park']]);
    const text = '---\ntitle: New\ntags: [\n---\n';
    const items = engine.frontMatter.complete(site, 'content/posts/new.md', text, text.indexOf('[') + 1).items;
    assert.ok(items.some((i) => i.label === 'baking'), JSON.stringify(items.map((i) => i.label)));
    const p1 = TREE['content/posts/p1.md'];
    assert.match(engine.frontMatter.hover(site, 'content/posts/p1.md', p1, p1.indexOf('bread') + 1)?.markdown ?? '', /bread/);
    assert.deepEqual(fs.syncReads, [], 'no body read');
    assert.deepEqual(fs.asyncReads, []);
  });

  it('New Post: its choices and its plan read sample posts as files, never an indexed body', async () => {
    const { fs, engine } = await crawled();
    const choices = engine.newPost.choices(engine.sites[0]);
    assert.ok(choices.tags.some((t) => t.value === 'baking'), JSON.stringify(choices.tags));
    const r = await engine.newPost.plan({ title: 'Rye at Home', tags: ['baking'] }, ENV);
    assert.equal(r.kind, 'planned', JSON.stringify(r));
    assert.deepEqual(fs.syncReads, [], 'no body read');
    // The plan reads a few posts whole, as files, to copy the site's habits (key order, quoting).
    assert.ok(fs.asyncReads.length <= 20);
  });

  it('the counter sees a body read: the first body() reads the file, later calls keep it', async () => {
    const { fs, engine } = await crawled();
    const doc = engine.sites[0].index.document('content/posts/p1.md')!;
    assert.deepEqual(fs.syncReads, []);
    assert.deepEqual(doc.body().headings.map((h) => h.id), ['post-1', 'part']);
    assert.deepEqual(fs.syncReads, ['/site/content/posts/p1.md']);
    doc.body();
    assert.equal(fs.syncReads.length, 1, 'kept after the first call');
  });
});
