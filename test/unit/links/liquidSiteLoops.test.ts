/**
 * Pages that loop over the site's documents (`site.posts`, `site.tags`, `site.categories`, a
 * collection): their links are judged as Jekyll prints them, from the posts the site builds, and
 * follow the posts as they change. (Against the real jekyll: test/fixtures/verdicts/jekyll-site-loops.)
 */
import * as assert from 'node:assert/strict';
import { createPostcraft } from '../../../src/core/service';
import { LineIndex } from '../../../src/core/text';
import { jekyllLiquidContent } from '../../../src/core/generators/jekyll/liquidContent';
import { jekyllSite } from '../../../src/core/generators/jekyll/context';
import { loadJekyllConfig } from '../../../src/core/generators/jekyll/config';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';

const SITE = {
  '_config.yml': 'title: T\nbaseurl: /blog\nurl: https://blog.example.com\npermalink: /:year/:title/\nplugins: [jekyll-redirect-from]\ncollections:\n  notes:\n    output: true\n',
  '_posts/2024-01-01-one.md': '---\ntitle: One\ntags: [alpha, beta]\n---\n## Top\n',
  '_posts/2024-03-01-two.md': '---\ntags: alpha gamma\nredirect_to: https://elsewhere.example.com/\n---\nMoved.\n',
  '_posts/news/2024-02-01-three.md': '---\ntitle: Three\ncategories: [Releases]\n---\n',
  '_posts/2099-01-01-later.md': '---\ntitle: Later\ntags: [delta]\n---\n',
  '_notes/b.md': '---\ntitle: B\n---\n',
  '_notes/a.md': '---\ntitle: A\n---\n',
  'tags/alpha.md': '---\ntitle: Alpha\npermalink: /tags/alpha/\n---\n',
};

const TAGS = '---\ntitle: Tags\npermalink: /tags/\n---\n{% for tag in site.tags %}\n- [{{ tag[0] }}]({{ site.baseurl }}/tags/{{ tag[0] }}/)\n{% endfor %}\n';

async function engineWith(extra: Record<string, string>) {
  const fs = new MemoryFs('/site', { ...SITE, ...extra });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock('2025-01-01T00:00:00Z') });
  return { fs, engine, site: engine.sites[0] };
}

async function findings(file: string, extra: Record<string, string>) {
  const { engine, site, fs } = await engineWith(extra);
  const text = extra[file];
  const lines = new LineIndex(text);
  const diags = (await engine.checkSite(site)).filter((d) => d.file === file);
  return { engine, fs, site, diags: diags.map((d) => ({ code: d.code, target: d.target, text: text.slice(lines.offsetAt(d.start), lines.offsetAt(d.end)) })) };
}

describe('Liquid loops over the site (Jekyll)', () => {
  it('gives site.posts newest first, tags and categories as Jekyll does, and output collections', async () => {
    const fs = new MemoryFs('/site', SITE);
    const loaded = await loadJekyllConfig(fs, '/site', undefined);
    const j = jekyllSite(loaded.config);
    const docs = [];
    for (const [file, text] of Object.entries(SITE)) {
      if (!file.endsWith('.md')) continue;
      const m = /^---\n([\s\S]*?)\n---/.exec(text);
      const data: Record<string, unknown> = {};
      for (const line of (m?.[1] ?? '').split('\n')) {
        const kv = /^(\w+): (.*)$/.exec(line);
        if (kv) data[kv[1]] = kv[2].startsWith('[') ? kv[2].slice(1, -1).split(', ') : kv[2];
      }
      docs.push({ file, data, pages: [] });
    }
    const c = jekyllLiquidContent(j, docs, new Date('2025-01-01T00:00:00Z'));
    const posts = c['posts'] as Record<string, unknown>[];
    // The future post is not built; the redirected one still is a post (its title made of its name).
    assert.deepEqual(posts.map((p) => [p['title'], p['url']]), [['Two', '/2024/two/'], ['Three', '/2024/three/'], ['One', '/2024/one/']]);
    assert.deepEqual(Object.keys(c['tags'] as object), ['alpha', 'beta', 'gamma']);
    assert.deepEqual(((c['tags'] as Record<string, Record<string, unknown>[]>)['alpha']).map((p) => p['title']), ['Two', 'One']);
    // Folders inside _posts give no categories (only those above it do).
    assert.deepEqual(Object.keys(c['categories'] as object), ['Releases']);
    assert.ok((posts[2]['date'] as Date).toISOString().startsWith('2024-01-01'));
    assert.deepEqual((c['notes'] as Record<string, unknown>[]).map((d) => d['url']), ['/notes/a/', '/notes/b/']);
  });

  it('judges each link a loop prints, on the template that printed it', async () => {
    const r = await findings('tags/index.md', { 'tags/index.md': TAGS });
    const where = '{{ site.baseurl }}/tags/{{ tag[0] }}/';
    assert.deepEqual(r.diags, [
      { code: 'link.not-found', target: '/blog/tags/beta/', text: where },
      { code: 'link.not-found', target: '/blog/tags/gamma/', text: where },
    ]);
  });

  it('checks the page again when a post gains a tag or a tag page appears', async () => {
    const r = await findings('tags/index.md', { 'tags/index.md': TAGS });
    assert.deepEqual(r.engine.sites[0].links.graph.dependenciesOf('tags/index.md').includes('site:content'), true);
    r.fs.write('/site/tags/beta.md', '---\ntitle: Beta\npermalink: /tags/beta/\n---\n');
    await r.engine.fileCreated('/site/tags/beta.md');
    r.fs.write('/site/_posts/2024-01-01-one.md', '---\ntitle: One\ntags: [alpha, beta, epsilon]\n---\n');
    await r.engine.fileChanged('/site/_posts/2024-01-01-one.md');
    const after = (await r.engine.checkSite(r.engine.sites[0])).filter((d) => d.file === 'tags/index.md');
    assert.deepEqual(after.map((d) => d.target), ['/blog/tags/epsilon/', '/blog/tags/gamma/']);
  });

  it('judges links from dates and fragments, and none whose value it cannot know', async () => {
    const page = [
      '---\ntitle: Archive\n---',
      '{% for post in site.posts %}[d]({{ site.baseurl }}/{{ post.date | date: "%Y/%m" }}/{{ post.slug }}/){% endfor %}',
      '{% for post in site.posts limit:1 offset:2 %}[f]({{ post.url | relative_url }}#top) [g]({{ post.url | relative_url }}#gone){% endfor %}',
      '{% for post in site.posts %}[x]({{ post.url | relative_url }}{{ post.excerpt }}){% endfor %}',
      '{% for note in site.notes %}[n]({{ note.url | relative_url }}){% endfor %}',
      '',
    ].join('\n');
    const r = await findings('archive.md', { 'archive.md': page });
    // Posts are under /:year/:title/, not /:year/:month/…; excerpt is not a value we give.
    assert.deepEqual(r.diags.map((d) => [d.code, d.target]), [
      ['link.not-found', '/blog/2024/03/two/'],
      ['link.not-found', '/blog/2024/02/three/'],
      ['link.not-found', '/blog/2024/01/one/'],
      ['link.fragment-not-found', '/blog/2024/one/#gone'],
    ]);
  });

  it('narrows a link inside an if to its destination as written', async () => {
    const page = '---\ntitle: P\n---\n{% if site.title %}\nSee [a]({{ site.baseurl }}/nope/).\n{% endif %}\n';
    const r = await findings('p.md', { 'p.md': page });
    assert.deepEqual(r.diags, [{ code: 'link.not-found', target: '{{ site.baseurl }}/nope/', text: '{{ site.baseurl }}/nope/' }]);
  });
});
