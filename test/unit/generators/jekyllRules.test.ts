/**
 * Jekyll rules the conformance suite verified against jekyll 4.3.1 (test/fixtures/jekyll-*), restated
 * here so they are checked without jekyll installed.
 */
import * as assert from 'node:assert/strict';
import { createPostcraft } from '../../../src/core/service';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { memorySite } from './helpers';
import { entryPatterns } from '../../../src/core/generators/jekyll/place';
import { createDefaults } from '../../../src/core/generators/jekyll/defaults';
import { frontMatterDate } from '../../../src/core/generators/jekyll/urls';

const page = (fm: string, body = 'Body.') => `---\n${fm}\n---\n${body}\n`;

describe('Jekyll rules verified against jekyll 4.3', () => {
  it('exclude entries are string prefixes and globs whose * crosses folders', () => {
    const p = entryPatterns(['private', '*.tmp', 'vendor/bundle/']);
    assert.ok(p.matches('private-notes.md', false));
    assert.ok(p.matches('assets/old/x.tmp', false));
    assert.ok(p.matches('vendor/bundle', true));
    assert.ok(!p.matches('notes/private.md', false));
  });

  it('defaults: a longer scope path wins, then a typed scope; paths are string prefixes', () => {
    const d = createDefaults(
      [
        { path: 'man', type: 'pages', values: { permalink: '/m/:basename/', layout: 'a' } },
        { path: 'manual', values: { permalink: '/handbook/:basename/' } },
        { path: '', values: { layout: 'b', author: 'x' } },
      ],
      '',
    );
    assert.equal(d.find('manual/intro.md', 'pages', 'permalink'), '/handbook/:basename/');
    assert.equal(d.find('man-page.md', 'pages', 'permalink'), '/m/:basename/');
    assert.deepEqual(d.all('man-page.md', 'pages'), { permalink: '/m/:basename/', layout: 'a', author: 'x' });
  });

  it('a YAML timestamp without a zone is UTC; without seconds it is local time', () => {
    assert.deepEqual([frontMatterDate('2024-02-29 23:59:59', 'Asia/Tokyo')?.month, frontMatterDate('2024-02-29 23:59:59', 'Asia/Tokyo')?.day], [3, 1]);
    assert.equal(frontMatterDate('2024-02-29 23:59', 'Asia/Tokyo')?.day, 29);
    assert.equal(frontMatterDate('2024-02-29', 'Asia/Tokyo')?.day, 29);
  });

  it('weekdate pages, literal collection permalinks, dated collection files, page permalinks from defaults', async () => {
    const s = await memorySite({
      '_config.yml':
        'permalink: weekdate\ncollections:\n  styled: {output: true, permalink: pretty}\n  dated: {output: true, permalink: "/d/:year/:title/"}\n' +
        'defaults:\n  - scope: {path: manual, type: pages}\n    values: {permalink: "/handbook/:basename/", published: false}\n',
      'about.md': page('title: About'),
      '_styled/only.md': page('title: Only'),
      '_dated/2022-02-02-doc.md': page('title: Doc'),
      'manual/intro.md': page('title: Intro'),
    });
    assert.equal(s.url('about.md'), '/about');
    assert.equal(s.url('_styled/only.md'), '/pretty');
    assert.equal(s.url('_dated/2022-02-02-doc.md'), '/d/2022/doc/');
    assert.equal(s.url('manual/intro.md'), '/handbook/intro/');
    assert.equal(s.page('manual/intro.md')?.willPublish, true);
  });

  it('a page without front matter is copied as it is; an HTML page with front matter is a page', async () => {
    const s = await memorySite({
      '_config.yml': 'title: x\n',
      // Built with the site's own Jekyll (no GitHub Pages plugins): see jekyllGithubPages.test.ts.
      Gemfile: 'gem "jekyll"\n',
      'notes/raw.md': 'No front matter. [broken](/nowhere/)\n',
      'tags.html': page('permalink: /tags/', '<p>Tags</p>'),
      'plain.html': '<p>copied</p>\n',
      '_posts/2024-01-01-no-fm.md': 'A post needs no front matter.\n',
    });
    assert.equal(s.page('notes/raw.md'), undefined);
    assert.ok(s.urls().includes('/notes/raw.md'));
    assert.ok(!s.urls().includes('/notes/raw.html'));
    assert.equal(s.url('tags.html'), '/tags/');
    assert.ok(s.urls().includes('/plain.html'));
    assert.equal(s.url('_posts/2024-01-01-no-fm.md'), '/2024/01/01/no-fm.html');
  });

  it('a redirect_to page is served at its URL, but its links are not on the site, nor those of a copied file', async () => {
    const fs = new MemoryFs('/site', {
      '_config.yml': 'plugins: [jekyll-redirect-from]\n',
      '_posts/2024-01-01-gone.md': page('redirect_to: https://elsewhere.example.org/\nredirect_from: /old/', '[x](/nowhere/)'),
      '_posts/2024-01-02-links.md': page('title: L', '[a](/2024/01/01/gone.html) [b](/old/) [c](/redirects.json) [d](/missing/)'),
      // Copied as it is, not rendered: its link is not on the site either.
      'notes/raw.md': 'No front matter. [broken](/nowhere/)\n',
    });
    const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock('2026-01-15T12:00:00Z') });
    const diags = await engine.checkSite(engine.sites[0]);
    assert.deepEqual(
      diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.file} ${d.target}`),
      ['_posts/2024-01-02-links.md /missing/'],
    );
  });

  it('/x reaches x.html and x.html a page at /x; // merges; the own host in any form', async () => {
    const fs = new MemoryFs('/site', {
      '_config.yml': 'url: https://blog.example.com\n',
      'about.md': page('permalink: /about'),
      'files/LICENSE': 'text',
      '_posts/2024-01-02-target.md': page('title: T'),
      '_posts/2024-01-03-links.md': page(
        'title: L',
        ['/2024/01/02/target', '/2024//01/02/target.html', '/about.html', '//blog.example.com/about', 'http://WWW.blog.example.com/about', '/files/LICENSE.html', '/about/', '//blog.example.com/gone/']
          .map((u, i) => `[L${i}](${u})`)
          .join(' '),
      ),
    });
    const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock('2026-01-15T12:00:00Z') });
    const diags = await engine.checkSite(engine.sites[0]);
    assert.deepEqual(diags.filter((d) => d.code === 'link.not-found').map((d) => d.target), ['/files/LICENSE.html', '/about/', '//blog.example.com/gone/']);
  });
});
