import * as assert from 'node:assert/strict';
import { memorySite, exampleSite } from './helpers';
import { scanDocusaurusConfig } from '../../../src/core/generators/docusaurus/config';
import { kebabCase, parseBlogFileName } from '../../../src/core/generators/docusaurus/paths';

const md = (fm: string) => `---\n${fm}\n---\nBody.\n`;
const classic = (blog: string, extra = '') => `// comment with blog: { routeBasePath: 'wrong' }
const config = {
  title: 'T',
  url: 'https://example.org',
  baseUrl: '/',${extra}
  presets: [['classic', { docs: false, blog: ${blog} }]],
  themeConfig: { blog: { sidebar: { groupByYear: true } } },
};
module.exports = config;
`;

describe('Docusaurus model', () => {
  it('reads blog options and site settings from the config text without running it', () => {
    const issues: never[] = [];
    const c = scanDocusaurusConfig(classic(`{ routeBasePath: '/news', path: './posts', blogSidebarCount: 'ALL', postsPerPage: 5, feedOptions: { type: 'all' } }`, "\n  trailingSlash: true,"), '/x/docusaurus.config.js', issues);
    assert.equal(c.blogs.length, 1);
    assert.equal(c.blogs[0].routeBasePath, 'news');
    assert.equal(c.blogs[0].path, 'posts');
    assert.equal(c.blogs[0].postsPerPage, 5);
    assert.equal(c.blogs[0].blogSidebarCount, 'ALL');
    assert.deepEqual(c.blogs[0].feedTypes, ['rss', 'atom', 'json']);
    assert.equal(c.trailingSlash, true);
    assert.equal(c.url, 'https://example.org');
    assert.equal(c.docs.length, 0);
  });

  it('reports a computed baseUrl and keeps the default', () => {
    const issues: { code: string }[] = [];
    const c = scanDocusaurusConfig(`export default { url: 'https://x.org', baseUrl: process.env.BASE ?? '/', presets: [['classic', {}]] };`, '/x/docusaurus.config.mjs', issues as never[]);
    assert.equal(c.basePath, '');
    assert.equal(issues[0]?.code, 'config.dynamic');
    // The classic preset without options has the blog and docs at their defaults.
    assert.equal(c.blogs[0].routeBasePath, 'blog');
    assert.equal(c.docs[0].routeBasePath, 'docs');
  });

  it('follows blog options kept in a variable', () => {
    const c = scanDocusaurusConfig(`const blogOptions = { routeBasePath: 'journal', path: 'journal' };\nexport default { baseUrl: '/', presets: [['classic', { blog: blogOptions }]] };`, '/x/docusaurus.config.mjs');
    assert.deepEqual(c.blogs.map((b) => [b.path, b.routeBasePath]), [['journal', 'journal']]);
  });

  it('reads standalone blog plugin instances', () => {
    const c = scanDocusaurusConfig(`module.exports = { baseUrl: '/site/', plugins: [['@docusaurus/plugin-content-blog', { id: 'news', path: 'news', routeBasePath: 'updates' }]] };`, '/x/docusaurus.config.js');
    assert.deepEqual(c.blogs.map((b) => [b.id, b.path, b.routeBasePath]), [['news', 'news', 'updates']]);
    assert.equal(c.basePath, '/site');
  });

  it('parses dated file and folder names like blogUtils', () => {
    assert.deepEqual(parseBlogFileName('2019-05-30-welcome.md'), { date: '2019-05-30', slug: '/2019/05/30/welcome' });
    assert.deepEqual(parseBlogFileName('2019-05-30-welcome/index.mdx'), { date: '2019-05-30', slug: '/2019/05/30/welcome' });
    assert.deepEqual(parseBlogFileName('releases/2020-01-02-v2.md'), { date: '2020-01-02', slug: '/2020/01/02/releases/v2' });
    assert.deepEqual(parseBlogFileName('plain-post.md'), { slug: '/plain-post' });
    assert.deepEqual(parseBlogFileName('folder/index.md'), { slug: '/folder' });
  });

  it('kebab-cases tags like lodash', () => {
    assert.equal(kebabCase('Release Notes'), 'release-notes');
    assert.equal(kebabCase('CI'), 'ci');
    assert.equal(kebabCase('iOS'), 'i-os');
    assert.equal(kebabCase('web3'), 'web-3');
    assert.equal(kebabCase('Node.js'), 'node-js');
    assert.equal(kebabCase('XMLHttpRequest'), 'xml-http-request');
  });

  it('builds blog URLs: dates, slugs (relative to routeBasePath), baseUrl and trailingSlash', async () => {
    const s = await memorySite({
      'docusaurus.config.js': classic(`{ routeBasePath: 'news' }`, "\n  trailingSlash: true,").replace("baseUrl: '/'", "baseUrl: '/site/'"),
      'blog/2019-05-30-welcome.md': md('title: W'),
      'blog/2019-06-01-folder-post/index.md': md('title: F'),
      'blog/plain.md': md('title: P'),
      'blog/custom.md': md('slug: my-slug'),
      'blog/absolute.md': md('slug: /from-root'),
      'blog/_partial.md': md('title: not a post'),
      'blog/drafty.md': md('draft: true'),
      'blog/hidden.md': md('unlisted: true'),
    });
    assert.equal(s.url('blog/2019-05-30-welcome.md'), '/site/news/2019/05/30/welcome/');
    assert.equal(s.url('blog/2019-06-01-folder-post/index.md'), '/site/news/2019/06/01/folder-post/');
    assert.equal(s.url('blog/plain.md'), '/site/news/plain/');
    assert.equal(s.url('blog/custom.md'), '/site/news/my-slug/');
    assert.equal(s.url('blog/absolute.md'), '/site/news/from-root/');
    assert.equal(s.page('blog/_partial.md'), undefined);
    assert.deepEqual([s.page('blog/drafty.md')?.status, s.page('blog/drafty.md')?.willPublish], ['draft', false]);
    assert.equal(s.page('blog/hidden.md')?.willPublish, true);
  });

  it('makes tag, archive, author and pagination pages; tags.yml and inline tag objects set tag URLs', async () => {
    const posts: Record<string, string> = {};
    for (let i = 1; i <= 11; i++) posts[`blog/2020-01-${String(i).padStart(2, '0')}-p${i}.md`] = md('tags: [Release Notes]');
    const s = await memorySite({
      'docusaurus.config.js': classic('{}'),
      ...posts,
      'blog/tagged.md': md('tags: [ci, {label: Big News, permalink: /big}]'),
      'blog/tags.yml': 'ci:\n  label: CI\n  permalink: /continuous-integration\n',
      'blog/authors.yml': 'ann:\n  name: Ann\n  page: true\nbo:\n  name: Bo\nCarl Jr:\n  name: Carl\n  page: {permalink: custom-carl}\n',
    });
    const g = s.generated();
    for (const u of ['/blog', '/blog/archive', '/blog/tags', '/blog/tags/release-notes', '/blog/tags/continuous-integration', '/blog/tags/big', '/blog/authors', '/blog/authors/ann', '/blog/authors/custom-carl']) {
      assert.ok(g.includes(u), `${u} in ${g.join(' ')}`);
    }
    assert.ok(!g.includes('/blog/authors/bo'));
    assert.equal(s.site.index.lookupUrl('/blog/page/2')[0]?.type, 'generated');
    assert.equal(s.site.index.lookupUrl('/blog/page/3').length, 0);
    assert.equal(s.site.index.lookupUrl('/blog/rss.xml')[0]?.type, 'generated');
    assert.deepEqual([...(s.site.index.termCounts().get('tags')?.keys() ?? [])].sort(), ['Big News', 'Release Notes', 'ci']);
    assert.deepEqual(s.site.index.authors().map((a) => a.id), ['ann', 'bo', 'Carl Jr']);
  });

  it('puts a blog-only site at the root with routeBasePath "/"', async () => {
    const s = await memorySite({
      'docusaurus.config.js': classic(`{ routeBasePath: '/' }`),
      'blog/2020-01-01-x.md': md('tags: [a]'),
    });
    assert.equal(s.url('blog/2020-01-01-x.md'), '/2020/01/01/x');
    const home = s.site.index.allPages().find((p) => p.url === '/');
    assert.equal(home?.kind, 'home');
    assert.ok(s.generated().includes('/tags/a'));
  });

  it('maps docs (number prefixes, index, id, slug) and Markdown pages', async () => {
    const s = await memorySite({
      'docusaurus.config.js': `module.exports = { baseUrl: '/', presets: [['classic', { docs: { routeBasePath: 'docs' }, blog: false }]] };`,
      'docs/01-intro.md': md('title: Intro'),
      'docs/02-guides/index.md': md('title: Guides'),
      'docs/02-guides/03-setup.md': md('id: install'),
      'docs/02-guides/moved.md': md('slug: /elsewhere'),
      'docs/api/api.md': md('title: API'),
      'src/pages/about.md': md('title: About'),
      'src/pages/help/index.md': md('title: Help'),
      'src/pages/contact.tsx': 'export default () => null;',
      'static/img/logo.png': 'png',
    });
    assert.equal(s.url('docs/01-intro.md'), '/docs/intro');
    assert.equal(s.url('docs/02-guides/index.md'), '/docs/guides/');
    assert.equal(s.url('docs/02-guides/03-setup.md'), '/docs/guides/install');
    assert.equal(s.url('docs/02-guides/moved.md'), '/docs/elsewhere');
    assert.equal(s.url('docs/api/api.md'), '/docs/api/');
    assert.equal(s.url('src/pages/about.md'), '/about');
    assert.equal(s.url('src/pages/help/index.md'), '/help/');
    assert.equal(s.site.index.lookupUrl('/contact')[0]?.type, 'file');
    assert.equal(s.site.index.lookupUrl('/img/logo.png')[0]?.type, 'file');
    assert.equal(s.site.model.summary.linkSemantics, 'file');
  });

  it('gives the example site the URLs its README documents', async () => {
    const s = await exampleSite('docusaurus-blog');
    assert.equal(s.site.model.summary.generator, 'docusaurus');
    assert.equal(s.site.model.dialect.headingIds, 'github');
    assert.equal(s.url('blog/2021-05-30-first-post.md'), '/blog/2021/05/30/first-post');
    assert.equal(s.url('blog/2021-06-12-second-post/index.md'), '/blog/2021/06/12/second-post');
    assert.equal(s.url('blog/2021-07-20-release-checklist.md'), '/blog/release-checklist');
    // authors.yml exists, so the authors list does too; no author has `page:`, so no author pages.
    assert.deepEqual(s.generated(), ['/blog', '/blog/archive', '/blog/authors', '/blog/tags', '/blog/tags/ci', '/blog/tags/release', '/blog/tags/tooling', '/blog/tags/writing']);
    assert.deepEqual(s.site.index.authors().map((a) => [a.id, a.name]), [
      ['lena', 'Lena Fischer'],
      ['sam', 'Sam Adeyemi'],
    ]);
    assert.equal(s.site.model.summary.baseURL, 'https://docs-blog.example.com/');
    // The folder post's image is a file of the site (links to it resolve as files), not a URL of its own.
    assert.ok(s.site.index.hasFile('blog/2021-06-12-second-post/cache-hits.png'));
  });
});
