import * as assert from 'node:assert/strict';
import { memorySite } from './helpers';

describe('generator detection', () => {
  it('tells a Hexo site from a Jekyll one although both have _config.yml', async () => {
    const hexo = await memorySite({ '_config.yml': 'title: H\npermalink: :year/:title/\n', 'source/_posts/a.md': '---\ntitle: A\n---\n' });
    assert.equal(hexo.site.model.summary.generator, 'hexo');
    const jekyll = await memorySite({ '_config.yml': 'title: J\n', '_posts/2020-01-02-a.md': '---\ntitle: A\n---\n' });
    assert.equal(jekyll.site.model.summary.generator, 'jekyll');
  });

  it('takes a _config.yml without posts as Jekyll', async () => {
    const s = await memorySite({ '_config.yml': 'title: Pages only\n', 'about.md': '---\ntitle: About\n---\n' });
    assert.equal(s.site.model.summary.generator, 'jekyll');
    assert.equal(s.url('about.md'), '/about.html');
  });

  it('does not take a Jupyter Book (_config.yml with _toc.yml) as Jekyll', async () => {
    const s = await memorySite({ '_config.yml': 'title: Book\n', '_toc.yml': 'format: jb-book\n', 'intro.md': '# Intro\n' });
    assert.equal(s.site.model.summary.generator, 'folder');
  });

  it('falls back to a plain folder without any config', async () => {
    const s = await memorySite({ 'notes/a.md': '# A\n', 'b.md': '# B\n' });
    assert.equal(s.site.model.summary.generator, 'folder');
  });

  it('recognises Docusaurus, Eleventy and Astro from their config file names', async () => {
    for (const [file, id] of [
      ['docusaurus.config.ts', 'docusaurus'],
      ['eleventy.config.mjs', 'eleventy'],
      ['.eleventy.js', 'eleventy'],
      ['astro.config.mjs', 'astro'],
    ] as const) {
      const s = await memorySite({ [file]: 'export default {};\n', 'x.md': '# x\n' });
      assert.equal(s.site.model.summary.generator, id, file);
    }
  });

  it('keeps Hugo first', async () => {
    const s = await memorySite({ 'hugo.toml': 'title = "H"\n', '_config.yml': 'title: J\n', 'content/a.md': '---\ntitle: A\n---\n' });
    assert.equal(s.site.model.summary.generator, 'hugo');
  });
});
