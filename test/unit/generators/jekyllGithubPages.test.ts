/**
 * GitHub Pages' default plugins on in-memory Jekyll sites: who builds the site decides whether they
 * are on, off, or unknown ("cannot tell": what works only with them gets no finding). The rules
 * themselves are pinned against the real plugins by test/fixtures/verdicts/jekyll-github-pages,
 * jekyll-relative-links-options and jekyll-vanilla-md-links.
 */
import * as assert from 'node:assert/strict';
import { createPostcraft } from '../../../src/core/service';
import { gemfileJekyllPlugins } from '../../../src/core/generators/jekyll/githubPages';
import { explainLink } from '../../../src/core/api';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';

const fm = (front: string, body = '') => `---\n${front}\n---\n${body}`;

/** A site with a guide, a page without front matter, a README folder and a post. */
const BASE: Record<string, string> = {
  '_config.yml': 'title: T\nurl: https://blog.example.com\n',
  'guide.md': fm('title: Guide\npermalink: /guide/', '## Setup\n'),
  'plain.md': '# Plain\n\n[in plain](/nowhere/)\n',
  'docs/README.md': '# Docs\n',
  '_posts/2024-01-02-post.md': fm('title: Post', '[p1](../guide.md)\n'),
};

const LINKS = [
  '[a](guide.md)',
  '[b](missing.md)',
  '[c](guide.md#setup)',
  '[d](guide.md#nope)',
  '[e](/plain.html)',
  '[f](/docs/)',
  '[g](/plain/)',
  '[h](plain.md)',
].join('\n\n');

async function check(extra: Record<string, string>, now = '2024-06-01T00:00:00Z') {
  const fs = new MemoryFs('/site', { ...BASE, 'index.md': fm('title: Home', LINKS + '\n'), ...extra });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock(now) });
  const site = engine.sites[0];
  const diags = await engine.checkSite(site);
  const found = (file: string) =>
    diags
      .filter((d) => d.file === file && (d.severity === 'error' || d.severity === 'warning'))
      .map((d) => `${d.target} ${d.code}`)
      .sort();
  return { engine, site, diags, found, fs };
}

describe('Jekyll on GitHub Pages: whether the default plugins are on', () => {
  it('reads the Gemfile: github-pages, a :jekyll_plugins group, gem options', () => {
    const text = 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\ngroup :jekyll_plugins do\n  gem "jekyll-feed", "~> 0.12"\n  gem \'jekyll-relative-links\'\nend\ngem "jekyll-sitemap", :group => :jekyll_plugins\ngem "rake"\n';
    assert.deepEqual(gemfileJekyllPlugins(text).sort(), ['github-pages', 'jekyll-feed', 'jekyll-relative-links', 'jekyll-sitemap']);
  });

  it('cannot tell (no Gemfile, no workflow, nothing listed): a link that works only with the plugins gets no finding', async () => {
    const r = await check({});
    assert.deepEqual(r.found('index.md'), [
      // Broken with the plugins and without them: the file does not exist / the heading does not.
      'guide.md#nope link.fragment-not-found',
      'missing.md link.not-found',
      '/plain/ link.not-found',
    ].sort());
    // A file without front matter is no page we can be sure of: its links are not judged.
    assert.deepEqual(r.site.index.pagesOfFile('plain.md'), []);
    assert.deepEqual(r.found('plain.md'), []);
    // The URLs it may have are not offered as suggestions either.
    const g = r.diags.find((d) => d.target === '/plain/');
    assert.ok(!String(g?.message).includes('/plain.html'), g?.message);
  });

  it('a Gemfile without github-pages: plain Jekyll, the .md links lead nowhere', async () => {
    const r = await check({ Gemfile: 'gem "jekyll"\n' });
    assert.deepEqual(r.found('index.md'), ['/docs/ link.not-found', '/plain.html link.not-found', '/plain/ link.not-found', 'guide.md link.not-found', 'guide.md#nope link.not-found', 'guide.md#setup link.not-found', 'missing.md link.not-found'].sort());
  });

  for (const [name, extra] of [
    ['the github-pages gem', { Gemfile: 'gem "github-pages", group: :jekyll_plugins\n' }],
    ["GitHub's Pages workflow", { '.github/workflows/pages.yml': 'jobs:\n  build:\n    steps:\n      - uses: actions/jekyll-build-pages@v1\n' }],
    ['the plugins listed', { '_config.yml': BASE['_config.yml'] + 'plugins: [jekyll-relative-links, jekyll-optional-front-matter, jekyll-readme-index]\n' }],
    ['a Gemfile plugin group', { Gemfile: 'gem "jekyll"\ngroup :jekyll_plugins do\n  gem "jekyll-relative-links"\n  gem "jekyll-optional-front-matter"\n  gem "jekyll-readme-index"\nend\n' }],
  ] as const) {
    it(`${name}: .md links are their pages, plain Markdown and READMEs are pages`, async () => {
      const r = await check(extra);
      assert.deepEqual(r.found('index.md'), ['guide.md#nope link.fragment-not-found', 'missing.md link.not-found', '/plain/ link.not-found'].sort());
      assert.equal(r.site.index.pagesOfFile('plain.md')[0]?.url, '/plain.html');
      assert.equal(r.site.index.pagesOfFile('docs/README.md')[0]?.url, '/docs/');
      // The plain page's own links are on the site now; a post's are not rewritten.
      assert.deepEqual(r.found('plain.md'), ['/nowhere/ link.not-found']);
      assert.deepEqual(r.found('_posts/2024-01-02-post.md'), ['../guide.md link.not-found']);
    });
  }

  it('`postcraft resolve` follows a rewritten link to its page', async () => {
    const r = await check({ Gemfile: 'gem "github-pages"\n' });
    const e = await explainLink(r.engine, r.site, 'index.md', '[x](guide.md#setup)');
    assert.deepEqual({ verdict: e.verdict, file: e.file, url: e.url, fragment: e.fragment }, { verdict: 'ok', file: 'guide.md', url: '/guide/', fragment: 'setup' });
    assert.equal((await explainLink(r.engine, r.site, 'index.md', 'guide.md#nope')).verdict, 'link.fragment-not-found');
  });

  it("a plugin's own `enabled: false` turns it off, also on GitHub Pages", async () => {
    const r = await check({ Gemfile: 'gem "github-pages"\n', '_config.yml': BASE['_config.yml'] + 'relative_links:\n  enabled: false\nreadme_index:\n  enabled: false\n' });
    assert.ok(r.found('index.md').includes('guide.md link.not-found'));
    assert.ok(r.found('index.md').includes('/docs/ link.not-found'));
    assert.equal(r.site.index.pagesOfFile('plain.md')[0]?.url, '/plain.html');
  });

  it('GitHub Pages publishes future-dated posts unless the site says `future: false`', async () => {
    const future = { '_posts/2030-01-01-later.md': fm('title: Later'), 'later.md': fm('title: L', '[x](/2030/01/01/later.html)\n') };
    assert.deepEqual((await check({ ...future, Gemfile: 'gem "github-pages"\n' })).found('later.md'), []);
    assert.deepEqual((await check({ ...future, Gemfile: 'gem "jekyll"\n' })).found('later.md'), ['/2030/01/01/later.html link.unpublished-target']);
    const off = await check({ ...future, Gemfile: 'gem "github-pages"\n', '_config.yml': BASE['_config.yml'] + 'future: false\n' });
    assert.deepEqual(off.found('later.md'), ['/2030/01/01/later.html link.unpublished-target']);
  });

  it('a README is the index only of a folder without one', async () => {
    const r = await check({ Gemfile: 'gem "github-pages"\n', 'docs/index.html': fm('title: Docs index'), 'notes/README.md': '# Notes\n', 'notes/index.md': '# No front matter: a page at /notes/ all the same\n' });
    assert.equal(r.site.index.pagesOfFile('docs/README.md').length, 0);
    assert.equal(r.site.index.pagesOfFile('notes/README.md').length, 0);
    assert.equal(r.site.index.pagesOfFile('notes/index.md')[0]?.url, '/notes/');
    // Still copied as they are.
    assert.equal(r.site.index.lookupUrl('/docs/README.md')[0]?.type, 'file');
  });

  it('when it cannot tell, a fragment into the heading a plugin may strip is not judged', async () => {
    const strip = { '_config.yml': BASE['_config.yml'] + 'titles_from_headings:\n  strip_title: true\n', 'opens.md': fm('permalink: /opens/', '# Opening\n\n## Later\n'), 'to.md': fm('title: To', '[x](/opens/#opening) [y](/opens/#later) [z](/opens/#none)\n') };
    assert.deepEqual((await check(strip)).found('to.md'), ['/opens/#none link.fragment-not-found']);
    assert.deepEqual((await check({ ...strip, Gemfile: 'gem "github-pages"\n' })).found('to.md'), ['/opens/#none link.fragment-not-found', '/opens/#opening link.fragment-not-found']);
    assert.deepEqual((await check({ ...strip, Gemfile: 'gem "jekyll"\n' })).found('to.md'), ['/opens/#none link.fragment-not-found']);
  });

  for (const [name, gemfile] of [
    ['GitHub Pages', 'gem "github-pages"\n'],
    ['cannot tell', undefined],
  ] as const) {
    it(`${name}: an index updated file by file equals a fresh crawl`, async () => {
      const fs = new MemoryFs('/site', { ...BASE, ...(gemfile ? { Gemfile: gemfile } : {}) });
      const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
      const changes: [string, string][] = [
        ['docs/index.md', fm('title: Docs')],
        ['plain.md', fm('title: Plain now')],
        ['other/README.markdown', '# Other\n'],
        ['docs/index.md', '# Docs without front matter\n'],
      ];
      for (const [file, text] of changes) {
        const existed = fs.files.has('/site/' + file);
        fs.write('/site/' + file, text);
        if (existed) await engine.fileChanged('/site/' + file);
        else await engine.fileCreated('/site/' + file);
      }
      fs.delete('/site/docs/index.md');
      engine.fileDeleted('/site/docs/index.md');
      const fresh = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
      assert.deepEqual(engine.sites[0].index.snapshot(), fresh.sites[0].index.snapshot());
    });
  }
});
