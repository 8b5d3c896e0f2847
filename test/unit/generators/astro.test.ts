import * as assert from 'node:assert/strict';
import { memorySite, exampleSite } from './helpers';
import { scanContentConfig } from '../../../src/core/generators/astro/load';
import { entrySlug } from '../../../src/core/generators/astro/model';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

const md = (fm: string) => `---\n${fm}\n---\nBody.\n`;
const route = (collection: string) => `---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('${collection}')).map((e) => ({ params: { slug: e.id } })); }\n---\n`;

describe('Astro model', () => {
  it('slugs entry ids like the glob loader', () => {
    assert.equal(entrySlug('first-light.md'), 'first-light');
    assert.equal(entrySlug('2024/Dark-Sky_Trip.md'), '2024/dark-sky_trip');
    assert.equal(entrySlug('guides/index.md'), 'guides');
    assert.equal(entrySlug('Hello World!.mdx'), 'hello-world');
  });

  it('reads glob loader bases from the content config', () => {
    const m = scanContentConfig(`const posts = defineCollection({ loader: glob({ pattern: '**/*.md', base: './data/posts' }) });\nexport const collections = { blog: posts };`);
    assert.deepEqual([...m], [['blog', 'data/posts']]);
  });

  it('publishes entries under the route that reads their collection', async () => {
    const s = await memorySite({
      'astro.config.mjs': `export default defineConfig({ base: '/docs', trailingSlash: 'never' });`,
      'src/content/posts/one.md': md('title: One'),
      'src/content/posts/two.md': md('slug: custom/two'),
      'src/content/posts/wip.md': md('draft: true'),
      'src/pages/articles/[...slug].astro': route('posts'),
      'src/pages/[...page].astro': route('posts'),
      'src/pages/about.md': md('title: About'),
      'src/pages/_hidden.md': md('title: H'),
      'public/robots.txt': 'User-agent: *',
    });
    assert.equal(s.url('src/content/posts/one.md'), '/docs/articles/one');
    assert.equal(s.url('src/content/posts/two.md'), '/docs/articles/custom/two');
    assert.equal(s.page('src/content/posts/wip.md')?.willPublish, false);
    assert.equal(s.url('src/pages/about.md'), '/docs/about');
    assert.equal(s.page('src/pages/_hidden.md'), undefined);
    assert.equal(s.site.index.lookupUrl('/docs/robots.txt')[0]?.type, 'file');
  });

  it('leaves entries of a collection without a route at their file path, with a note', async () => {
    const s = await memorySite({ 'astro.config.mjs': 'export default {};', 'src/content/notes/a.md': md('title: A') });
    assert.equal(s.url('src/content/notes/a.md'), '/src/content/notes/a.md');
    assert.equal(s.page('src/content/notes/a.md')?.willPublish, false, 'Astro publishes nothing for it');
    assert.equal(s.site.index.issues.find((i) => i.code === 'astro.route-unknown')?.severity, 'info');
  });

  it('gives the example site the URLs its README documents', async () => {
    const s = await exampleSite('astro-blog');
    assert.equal(s.site.model.summary.generator, 'astro');
    assert.equal(s.url('src/content/blog/first-light.md'), '/blog/first-light/');
    assert.equal(s.url('src/content/blog/2024/Dark-Sky_Trip.md'), '/blog/2024/dark-sky_trip/');
    assert.equal(s.page('src/content/blog/comet-plans.md')?.willPublish, false);
    assert.equal(s.url('src/pages/about.md'), '/about/');
    assert.equal(s.site.index.lookupUrl('/')[0]?.type, 'file');
    assert.deepEqual(s.generated(), ['/tags/equipment/', '/tags/moon/', '/tags/travel/']);
    // The id keeps the underscore: the hyphenated spelling is not a page.
    assert.equal(s.site.index.lookupUrl('/blog/2024/dark-sky_trip/')[0]?.type, 'page');
    assert.equal(s.site.index.lookupUrl('/blog/2024/dark-sky-trip/').length, 0);
  });
});

describe('Astro routes from the postcraft.astro.routes setting', () => {
  it('publishes a collection whose route cannot be read under the folder the setting names', async () => {
    const tree = {
      'astro.config.mjs': 'export default {};',
      // A route built in a way we cannot read statically (the collection name comes from elsewhere).
      'src/pages/articles/[...slug].astro': "---\nimport { load } from '../../lib';\nexport const getStaticPaths = load;\n---\n",
      'src/content/blog/first-light.md': md('title: First light'),
    };
    const without = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const withRoutes = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock(), settings: { astroRoutes: { blog: '/articles/' } } });
    const url = (e: typeof without) => e.sites[0].index.pagesOfFile('src/content/blog/first-light.md')[0]?.url;
    assert.notEqual(url(without), '/articles/first-light/');
    assert.equal(url(withRoutes), '/articles/first-light/');
  });
});
