/**
 * Jekyll posts are read after Liquid, with the site's variables: the checker judges the URL Liquid
 * prints, reports it where it is written, and stays silent about what it cannot evaluate. (The same
 * rules against the real jekyll: test/fixtures/verdicts/jekyll-liquid.)
 */
import * as assert from 'node:assert/strict';
import { createPostcraft } from '../../../src/core/service';
import { LineIndex } from '../../../src/core/text';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';

const SITE = {
  '_config.yml': 'title: T\nbaseurl: /blog\nurl: https://blog.example.com\npermalink: /:title/\n',
  '_data/links.yml': 'guide: /blog/guide/\n',
  'guide.md': '---\ntitle: Guide\npermalink: /guide/\n---\n## Setup\n',
  'included.md': '---\ntitle: Included\npermalink: /included/\n---\n{% include toc.html %}\n\n## Real\n',
};

async function check(post: string, fs = new MemoryFs('/site', { ...SITE, '_posts/2024-01-02-post.md': post })) {
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock('2025-01-01T00:00:00Z') });
  const site = engine.sites[0];
  const diags = (await engine.checkSite(site)).filter((d) => d.file === '_posts/2024-01-02-post.md');
  const lines = new LineIndex(post);
  return { engine, fs, diags: diags.map((d) => ({ code: d.code, target: d.target, text: post.slice(lines.offsetAt(d.start), lines.offsetAt(d.end)) })) };
}

describe('links printed by Liquid (Jekyll)', () => {
  it('judges the URL Liquid prints and reports it where it is written', async () => {
    const post = '---\ntitle: P\n---\n[a]({{ site.baseurl }}/guide/) [b]({{ site.data.links.guide }}#setup) [c]({{ "/nope/" | relative_url }}) [d]({% link guide.md %}#gone)\n';
    const r = await check(post);
    assert.deepEqual(r.diags, [
      { code: 'link.not-found', target: '{{ "/nope/" | relative_url }}', text: '{{ "/nope/" | relative_url }}' },
      { code: 'link.fragment-not-found', target: '{% link guide.md %}#gone', text: '{% link guide.md %}#gone' },
    ]);
  });

  it('says nothing about a destination with a variable the site does not define', async () => {
    const r = await check('---\ntitle: P\n---\n[a]({{ site.github.url }}/nope/) [b]({{ page.url }}#x)\n');
    assert.deepEqual(r.diags, []);
  });

  it('does not judge fragments into a page whose include may print ids', async () => {
    const r = await check('---\ntitle: P\n---\n[a]({{ "/included/" | relative_url }}#made-by-the-include)\n');
    assert.deepEqual(r.diags, []);
  });

  it('re-reads site.data when a data file changes', async () => {
    const post = '---\ntitle: P\n---\n[a]({{ site.data.links.guide }})\n';
    const r = await check(post);
    assert.deepEqual(r.diags, []);
    assert.equal(r.engine.isConfigFile('/site/_data/links.yml'), true);
    r.fs.write('/site/_data/links.yml', 'guide: /blog/moved/\n');
    await r.engine.fileChanged('/site/_data/links.yml');
    const site = r.engine.sites[0];
    const after = (await r.engine.checkSite(site)).filter((d) => d.file === '_posts/2024-01-02-post.md');
    assert.deepEqual(after.map((d) => d.code), ['link.not-found']);
  });
});
