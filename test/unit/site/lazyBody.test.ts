/**
 * On hosts that read synchronously (Node), a cold crawl parses front matter only and analyses each
 * body on first use. The result must be the same index as the eager path's.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

class SyncMemoryFs extends MemoryFs {
  reads = 0;
  readFileSync(path: string): Uint8Array {
    this.reads++;
    const f = this.files.get(path);
    if (!f) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return f;
  }
}

const tree = {
  'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n',
  'content/posts/_index.md': '---\ntitle: Posts\n---\n',
  'content/posts/a.md': '---\ntitle: A\ntags: [x, y]\n---\n# Intro\n\n## Setup {#setup}\n\n[b](../b/) [c](/posts/c/#nope) {{< relref "b.md" >}}\n',
  'content/posts/b/index.md': '+++\ntitle = "B"\n+++\n## Same\n\n## Same\n\n<a id="raw"></a>\n',
  'content/posts/b/pic.png': 'png',
  'content/posts/c.md': '---\ntitle: C\ndraft: true\n---\nbody\n',
};

describe('front matter first, body on demand', () => {
  it('builds the same index as the eager crawl, and reads bodies only when asked', async () => {
    const lazyFs = new SyncMemoryFs('/site', tree);
    const lazy = await createPostcraft({ fs: lazyFs, roots: ['/site'], clock: fixedClock() });
    const readsAfterCrawl = lazyFs.reads;
    // Pages are there without any body analysis.
    assert.equal(lazy.sites[0].index.pagesOfFile('content/posts/a.md')[0].url, '/posts/a/');
    assert.equal(lazyFs.reads, readsAfterCrawl, 'no body read for the URL model');
    const eager = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    assert.deepEqual(lazy.sites[0].index.snapshot(), eager.sites[0].index.snapshot());
    assert.ok(lazyFs.reads > readsAfterCrawl, 'bodies were read when headings and links were needed');
  });

  it('checks a site the same way either way', async () => {
    const lazy = await createPostcraft({ fs: new SyncMemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const eager = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const a = await lazy.checkSite(lazy.sites[0]);
    const b = await eager.checkSite(eager.sites[0]);
    assert.deepEqual(a, b);
    assert.ok(a.some((d) => d.code === 'link.fragment-not-found' || d.code === 'link.unpublished-target'), JSON.stringify(a.map((d) => d.code)));
  });

  it('a file changed on disk before its body is read gets an empty body until its change event', async () => {
    const fs = new SyncMemoryFs('/site', tree);
    const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
    fs.write('/site/content/posts/a.md', '---\ntitle: A\n---\nshorter\n');
    assert.deepEqual(engine.sites[0].index.document('content/posts/a.md')!.body().links, []);
    await engine.fileChanged('/site/content/posts/a.md');
    assert.deepEqual(engine.sites[0].index.document('content/posts/a.md')!.body().links, []);
    assert.equal(engine.sites[0].index.document('content/posts/a.md')!.body().size, '---\ntitle: A\n---\nshorter\n'.length);
  });

  it('a section index that changes status re-derives the pages below, bodies still readable', async () => {
    const lazyFs = new SyncMemoryFs('/site', tree);
    const lazy = await createPostcraft({ fs: lazyFs, roots: ['/site'], clock: fixedClock() });
    const eager = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const draftSection = '---\ntitle: Posts\ndraft: true\n---\n';
    for (const e of [lazy, eager]) e.documentChanged('/site/content/posts/_index.md', draftSection);
    const a = lazy.sites[0].index.document('content/posts/a.md')!;
    assert.equal(a.pages[0].willPublish, false, 'below a draft section now');
    assert.deepEqual(a.body().headings.map((h) => h.id), ['intro', 'setup']);
    assert.equal(a.body().links.length, 3);
    assert.equal(a.body().size, tree['content/posts/a.md'].length);
    assert.deepEqual(lazy.sites[0].index.snapshot(), eager.sites[0].index.snapshot());
  });
});
