import * as assert from 'node:assert/strict';
import { memorySite, exampleSite } from './helpers';
import { scanEleventyConfig } from '../../../src/core/generators/eleventy/load';

const md = (fm: string) => `---\n${fm}\n---\nBody.\n`;

describe('Eleventy model', () => {
  it('reads dir, pathPrefix and passthrough copies from the config text', () => {
    const c = scanEleventyConfig(`module.exports = function (cfg) {
  cfg.addPassthroughCopy("src/assets");
  cfg.addPassthroughCopy({ "static/fonts": "fonts" });
  return { dir: { input: "src", includes: "_inc", output: "dist" }, pathPrefix: "/blog/" };
};`);
    assert.equal(c.input, 'src');
    assert.equal(c.includes, 'src/_inc');
    assert.equal(c.output, 'dist');
    assert.equal(c.basePath, '/blog');
    assert.deepEqual(c.passthrough, [
      { from: 'src/assets', to: 'assets' },
      { from: 'static/fonts', to: 'fonts' },
    ]);
    assert.equal(scanEleventyConfig(`export default function (c) { c.setInputDirectory('content'); }`).input, 'content');
    assert.equal(scanEleventyConfig('').input, '');
  });

  it('reads from the config whether headings get ids and whether root links get pathPrefix (HtmlBasePlugin)', () => {
    const plain = scanEleventyConfig(`export default function (c) { c.addPassthroughCopy('img'); }`);
    assert.equal(plain.headingIds, 'none');
    assert.equal(plain.rootLinksAtBase, false);
    const ids = scanEleventyConfig(`import { IdAttributePlugin, HtmlBasePlugin } from '@11ty/eleventy';
export default function (c) { c.addPlugin(IdAttributePlugin); c.addPlugin(HtmlBasePlugin); }`);
    assert.equal(ids.headingIds, 'unknown');
    assert.equal(ids.rootLinksAtBase, true);
    assert.equal(scanEleventyConfig(`const anchor = require('markdown-it-anchor'); module.exports = (c) => c.amendLibrary('md', (md) => md.use(anchor));`).headingIds, 'unknown');
  });

  it('uses cool URIs by default and front-matter permalinks when given', async () => {
    const s = await memorySite({
      '.eleventy.js': 'module.exports = () => ({});\n',
      'index.md': md('title: Home'),
      'about.md': md('title: About'),
      'blog/index.md': md('title: Blog'),
      'blog/blog.md': md('title: Also blog?'),
      'blog/2024-01-02-first.md': md('title: First'),
      'custom.md': md('permalink: /elsewhere/page.html'),
      'templated.md': md('title: Hello There\npermalink: "/posts/{{ title | slugify }}/"'),
      'unknown.md': md('permalink: "/x/{{ page.date | date }}/"'),
      'gone.md': md('permalink: false'),
      '_includes/layout.md': 'layout',
      '_site/old/index.md': 'output',
    });
    assert.equal(s.url('index.md'), '/');
    assert.equal(s.url('about.md'), '/about/');
    assert.equal(s.url('blog/index.md'), '/blog/');
    assert.equal(s.url('blog/blog.md'), '/blog/');
    assert.equal(s.url('blog/2024-01-02-first.md'), '/blog/2024-01-02-first/');
    assert.equal(s.url('custom.md'), '/elsewhere/page.html');
    assert.equal(s.url('templated.md'), '/posts/hello-there/');
    // A permalink template we cannot evaluate keeps the default URL.
    assert.equal(s.url('unknown.md'), '/unknown/');
    assert.equal(s.page('gone.md')?.willPublish, false);
    assert.equal(s.page('_includes/layout.md'), undefined);
    assert.equal(s.page('_site/old/index.md'), undefined);
  });

  it('applies directory data permalinks with page.fileSlug, and drafts only when the config drops them', async () => {
    const tree = {
      'src/posts/posts.json': '{ "permalink": "/blog/{{ page.fileSlug }}/" }',
      'src/posts/2024-02-10-first-steps.md': md('title: F'),
      'src/posts/own.md': md('permalink: /own/'),
      'src/posts/wip.md': md('draft: true'),
    };
    const plain = await memorySite({ 'eleventy.config.js': `export const config = { dir: { input: 'src' } };`, ...tree });
    assert.equal(plain.url('src/posts/2024-02-10-first-steps.md'), '/blog/first-steps/');
    assert.equal(plain.url('src/posts/own.md'), '/own/');
    assert.deepEqual([plain.page('src/posts/wip.md')?.status, plain.page('src/posts/wip.md')?.willPublish], ['draft', true]);
    const dropping = await memorySite({ 'eleventy.config.js': `export default (c) => { c.addPreprocessor('drafts', '*', (d) => (d.draft ? false : undefined)); };\nexport const config = { dir: { input: 'src' } };`, ...tree });
    assert.equal(dropping.page('src/posts/wip.md')?.willPublish, false);
  });

  it('gives the example site the URLs its README documents', async () => {
    const s = await exampleSite('eleventy-blog');
    assert.equal(s.site.model.summary.generator, 'eleventy');
    assert.deepEqual(
      s.site.index.contentPages().filter((p) => p.willPublish).map((p) => [p.file, p.url]).sort(),
      [
        ['src/about.md', '/about/'],
        ['src/notes/notes.md', '/notes/'],
        ['src/posts/2024-02-10-first-steps.md', '/blog/first-steps/'],
        ['src/posts/oven-temperatures.md', '/oven-temperatures.html'],
      ],
    );
    assert.equal(s.page('src/posts/scoring-patterns.md')?.willPublish, false);
    assert.equal(s.page('src/private-checklist.md')?.willPublish, false);
    assert.equal(s.site.index.lookupUrl('/img/starter.svg')[0]?.type, 'file');
    assert.equal(s.site.index.lookupUrl('/')[0]?.type, 'file', 'index.njk is the home page');
    assert.equal(s.page('README.md'), undefined);
  });
});
