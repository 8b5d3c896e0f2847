/**
 * Link verdicts on Jekyll and Docusaurus sites: Liquid tags resolved through the Jekyll model, and
 * URL links accepted on a file-semantics (Docusaurus) site when the URL table has them.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

async function check(tree: Record<string, string>, file: string) {
  const fs = new MemoryFs('/site', tree);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  const text = new TextDecoder().decode(await fs.readFile('/site/' + file));
  const diags = await engine.checkDocument('/site/' + file, text);
  return diags.filter((d) => d.code.startsWith('link.') || d.code.startsWith('ref.'));
}

const jekyll = (body: string) => ({
  '_config.yml': 'title: T\npermalink: pretty\n',
  '_posts/2020-03-14-weekly-updates.md': '---\ntitle: Weekly\n---\nHello\n',
  '_posts/2099-01-01-far-future.md': '---\ntitle: Later\n---\nLater\n',
  'about.md': '---\ntitle: About\n---\nAbout\n',
  '_posts/2021-01-19-saying-no.md': `---\ntitle: No\n---\n${body}\n`,
});

describe('Jekyll Liquid link tags', () => {
  it('accepts post_url and link tags whose targets exist', async () => {
    const d = await check(jekyll('See {% post_url 2020-03-14-weekly-updates %} and {% link about.md %}.'), '_posts/2021-01-19-saying-no.md');
    assert.deepEqual(d, []);
  });

  it('reports a missing post_url target as a build failure, at the argument', async () => {
    const d = await check(jekyll('See {% post_url 2020-03-15-weekly-updates %}.'), '_posts/2021-01-19-saying-no.md');
    assert.equal(d.length, 1);
    assert.equal(d[0].code, 'ref.not-found');
    assert.equal(d[0].severity, 'error');
    assert.equal(d[0].target, '2020-03-15-weekly-updates');
    assert.match(d[0].message, /Could not find post/);
  });

  it('reports a missing {% link %} file', async () => {
    const d = await check(jekyll('See {% link missing.md %}.'), '_posts/2021-01-19-saying-no.md');
    assert.deepEqual(d.map((x) => x.code), ['ref.not-found']);
  });

  it('warns when post_url names a post the build does not publish (future-dated)', async () => {
    const d = await check(jekyll('See {% post_url 2099-01-01-far-future %}.'), '_posts/2021-01-19-saying-no.md');
    assert.deepEqual(d.map((x) => x.code), ['link.unpublished-target']);
  });

  it('ignores tags inside {% raw %}', async () => {
    const d = await check(jekyll('{% raw %}{% post_url 1999-01-01-nothing %}{% endraw %}'), '_posts/2021-01-19-saying-no.md');
    assert.deepEqual(d, []);
  });
});

describe('Docusaurus links (file semantics with a URL table)', () => {
  const docusaurus = (body: string) => ({
    'docusaurus.config.js': "module.exports = { url: 'https://d.example.com', baseUrl: '/', presets: [['classic', { blog: { routeBasePath: '/blog' }, docs: false }]] };\n",
    'package.json': '{"dependencies":{"@docusaurus/core":"^3.5.0"}}\n',
    'blog/2021-05-30-first-post.md': '---\ntitle: First\nslug: first\n---\nHello\n',
    'blog/2021-06-12-second-post/index.md': '---\ntitle: Second\n---\nHi\n',
    'blog/2021-07-20-third.md': `---\ntitle: Third\n---\n${body}\n`,
  });

  it('accepts URL links the blog publishes, and relative file links', async () => {
    const d = await check(docusaurus('[a](/blog/first) [b](/blog/2021/06/12/second-post) [c](./2021-05-30-first-post.md)'), 'blog/2021-07-20-third.md');
    assert.deepEqual(d, []);
  });

  it('still reports a link that is neither a file nor a published URL', async () => {
    const d = await check(docusaurus('[a](/blog/no-such-post)'), 'blog/2021-07-20-third.md');
    assert.deepEqual(d.map((x) => x.code), ['link.not-found']);
  });

  it('resolves .md links only within the plugin, and judges what the Link component makes of URLs (as Docusaurus 3.10 builds)', async () => {
    const tree = {
      ...docusaurus('[a](/blog/first/) [b](/site/blog/first) [c](../docs/intro.md) [d](/blog/2021/06/12/second-post#nope) [e](./cache.png) [f](2021-05-30-first-post.md) [g](/blog/first#title) [h](/blog/first#part)'),
      'docusaurus.config.js': "module.exports = { url: 'https://d.example.com', baseUrl: '/site/', presets: [['classic', { blog: { routeBasePath: '/blog' } }]] };\n",
      'blog/2021-05-30-first-post.md': '---\ntitle: First\nslug: first\n---\n# Title\n\n## Part\n',
      'blog/cache.png': 'png',
      'docs/intro.md': '---\ntitle: Intro\n---\nIntro\n',
    };
    const d = await check(tree, 'blog/2021-07-20-third.md');
    // a, b: baseUrl and the trailing slash are the Link component's; c: another plugin's file is
    // left as written; d: no such heading; e: a bundled asset; f: found from the file's folder;
    // g: h1 gets no id; h: h2 does.
    assert.deepEqual(d.map((x) => `${x.target} ${x.code}`), ['../docs/intro.md link.not-found', '/blog/2021/06/12/second-post#nope link.fragment-not-found', '/blog/first#title link.fragment-not-found']);
  });
});
