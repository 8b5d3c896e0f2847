/**
 * Hugo page paths with dots, `url:` overrides under uglyURLs and HTML files copied as they are. The
 * fixtures test/fixtures/hugo-dotted-paths, hugo-ugly and hugo-raw-html are compared with the real
 * hugo in the conformance suite; these are the same rules on in-memory sites.
 */
import * as assert from 'node:assert/strict';
import { memorySite } from './helpers';

const CONFIG = 'baseURL = "https://example.org/"\n';

describe('Hugo page paths', () => {
  it('makes a folder of a slug, file name or permalink with a dot; a url with a dot is a file', async () => {
    const t = await memorySite({
      'hugo.toml': CONFIG + '[permalinks]\n  h = "/h/:slug.html"\n  nts = "/nts/:slug"\n',
      'content/posts/a.md': '---\ntitle: A\nslug: v1.2\n---\n',
      'content/posts/v2.0.md': '---\ntitle: B\n---\n',
      'content/h/a.md': '---\ntitle: A\nslug: hh\n---\n',
      'content/nts/a.md': '---\ntitle: A\nslug: v9.9\n---\n',
      'content/urls/a.md': '---\ntitle: A\nurl: /c/v1.3\n---\n',
      'content/urls/b.md': '---\ntitle: B\nurl: /d/v1.4/\n---\n',
      'content/urls/c.md': '---\ntitle: C\nurl: /e/v1.5/x\n---\n',
      'content/urls/d.md': '---\ntitle: D\nurl: /f/noext\n---\n',
    });
    assert.equal(t.url('content/posts/a.md'), '/posts/v1.2/');
    assert.equal(t.url('content/posts/v2.0.md'), '/posts/v2.0/');
    assert.equal(t.url('content/h/a.md'), '/h/hh.html/');
    assert.equal(t.url('content/nts/a.md'), '/nts/v9.9/');
    assert.equal(t.url('content/urls/a.md'), '/c/v1.3');
    assert.equal(t.url('content/urls/b.md'), '/d/v1.4/');
    assert.equal(t.url('content/urls/c.md'), '/e/v1.5/x', 'a dot anywhere in the url makes it a file');
    assert.equal(t.url('content/urls/d.md'), '/f/noext/');
  });

  it('never applies uglyURLs to a url, on a section, a taxonomy or a page', async () => {
    const t = await memorySite({
      'hugo.toml': CONFIG + '[uglyURLs]\n  post = true\n  tags = true\n',
      'content/post/_index.md': '---\ntitle: Blog\nurl: "/blog/"\n---\n',
      'content/post/a.md': '---\ntitle: A\nurl: /x\n---\n',
      'content/post/b.md': '---\ntitle: B\ntags: [t]\n---\n',
      'content/tags/_index.md': '---\ntitle: Tags\nurl: /all-tags/\n---\n',
    });
    assert.equal(t.url('content/post/_index.md'), '/blog/');
    assert.equal(t.url('content/post/a.md'), '/x/');
    assert.equal(t.url('content/post/b.md'), '/post/b.html', 'without a url the section is ugly');
    assert.equal(t.url('content/tags/_index.md'), '/all-tags/');
    assert.ok(!t.urls().includes('/tags.html'), 'a taxonomy _index with a url replaces the taxonomy page');
    assert.ok(t.urls().includes('/tags/t.html'));
  });

  it('copies an HTML file without front matter as it is, beside its section or in its bundle', async () => {
    const t = await memorySite({
      'hugo.toml': CONFIG,
      'content/docs/_index.md': '---\ntitle: Docs\n---\n',
      'content/docs/raw.html': '<html><body>raw</body></html>\n',
      'content/docs/fm.html': '---\ntitle: FM\n---\n<p>x</p>\n',
      'content/docs/plain.md': 'No front matter, still a page.\n',
      'content/docs/guide/index.md': '---\ntitle: Guide\n---\n',
      'content/docs/guide/in.html': '<p>in the bundle</p>\n',
      'content/loose/l.html': '<p>loose</p>\n',
    });
    assert.deepEqual(t.site.index.pagesOfFile('content/docs/raw.html'), []);
    assert.equal(t.url('content/docs/fm.html'), '/docs/fm/');
    assert.equal(t.url('content/docs/plain.md'), '/docs/plain/');
    const urls = t.urls();
    for (const u of ['/docs/raw.html', '/docs/guide/in.html', '/loose/l.html']) assert.ok(urls.includes(u), u);
    for (const u of ['/docs/raw/', '/docs/guide/in/', '/loose/l/']) assert.ok(!urls.includes(u), u);
  });
});
