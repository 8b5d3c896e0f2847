import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

const md = (fm: string) => `---\n${fm}\n---\nBody.\n`;

/** Each site, then a change: the updated index must equal a fresh crawl of the changed files. */
const cases: [string, Record<string, string>, [string, string][]][] = [
  ['jekyll', { '_config.yml': 'permalink: pretty\n', '_posts/2020-01-01-a.md': md('title: A'), 'about.md': md('title: About') }, [['_posts/2020-01-01-a.md', md('categories: [x]\nslug: b')], ['_posts/2020-02-02-new.md', md('tags: [t]')]]],
  ['docusaurus', { 'docusaurus.config.js': `module.exports = { baseUrl: '/', presets: [['classic', {}]] };`, 'blog/2020-01-01-a.md': md('tags: [x]'), 'docs/intro.md': md('title: I') }, [['blog/2020-01-01-a.md', md('slug: moved\ntags: [y]')], ['blog/2021-01-01-b/index.md', md('title: B')]]],
  ['eleventy', { '.eleventy.js': '', 'a.md': md('title: A'), 'posts/p.md': md('tags: [x]') }, [['a.md', md('permalink: /elsewhere/')], ['posts/index.md', md('title: P')]]],
  ['hexo', { '_config.yml': 'title: H\n', 'source/_posts/a.md': md('date: 2020-01-01\ntags: [x]') }, [['source/_posts/a.md', md('date: 2021-05-06\ncategories: [c, d]')], ['source/_drafts/d.md', md('title: D')]]],
  ['astro', { 'astro.config.mjs': 'export default {};', 'src/pages/blog/[...slug].astro': `getCollection('blog')`, 'src/content/blog/a.md': md('title: A') }, [['src/content/blog/a.md', md('slug: custom')], ['src/content/blog/sub/b.md', md('tags: [x]')]]],
];

describe('generator models keep the index incremental', () => {
  for (const [id, tree, changes] of cases) {
    it(`${id}: updates equal a fresh crawl`, async () => {
      const fs = new MemoryFs('/site', tree);
      const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
      assert.equal(engine.sites[0].model.summary.generator, id);
      for (const [file, text] of changes) {
        const existed = fs.files.has('/site/' + file);
        fs.write('/site/' + file, text);
        if (existed) await engine.fileChanged('/site/' + file);
        else await engine.fileCreated('/site/' + file);
      }
      const fresh = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
      assert.deepEqual(engine.sites[0].index.snapshot(), fresh.sites[0].index.snapshot());
    });
  }
});

describe('a post deleted on disk while an editor still holds its text', () => {
  it('leaves the index once its change event finds no file (it was put back by a check of the open text)', async () => {
    const fs = new MemoryFs('/site', { 'hugo.toml': 'baseURL = "/"\n', 'content/posts/a.md': md('title: A') });
    const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
    const fresh = engine.sites[0].index.snapshot();
    engine.documentChanged('/site/content/posts/gone.md', md('title: Gone'));
    assert.equal(engine.sites[0].index.pagesOfFile('content/posts/gone.md').length, 1);
    // The file never reached the disk (or was deleted): closing the editor sends a change event.
    await engine.fileChanged('/site/content/posts/gone.md');
    assert.deepEqual(engine.sites[0].index.snapshot(), fresh);
    assert.deepEqual(engine.sites[0].index.issues, [], 'a missing file is not a read error');
  });
});

describe('a check of a post the index does not hold', () => {
  it('analyses it for the caller and leaves the index as it is (a check racing a delete event)', async () => {
    const fs = new MemoryFs('/site', { 'hugo.toml': 'baseURL = "/"\n', 'content/posts/a.md': md('title: A') });
    const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
    const fresh = engine.sites[0].index.snapshot();
    // The file was read, then deleted (and the delete event handled) before its check started.
    const diags = await engine.checkDocument('/site/content/posts/gone.md', '---\ntitle: Gone\n---\n[x](/posts/nope/)\n');
    assert.deepEqual(diags.map((d) => d.code), ['link.not-found'], 'still checked');
    assert.deepEqual(engine.sites[0].index.snapshot(), fresh, 'not put back into the index');
  });
});
