/**
 * Hugo `cascade`: front matter an index file gives itself and the pages below it. The fixture
 * test/fixtures/hugo-cascade is compared with the real hugo in the conformance suite; these are the
 * finer rules, on in-memory sites.
 */
import * as assert from 'node:assert/strict';
import { memorySite } from './helpers';
import { globRegExp } from '../../../src/core/generators/hugo/cascade';

const CONFIG = 'baseURL = "https://example.org/"\n';

describe('Hugo cascade', () => {
  it('gives keys to the index itself and below; own keys win whatever their case; nearer cascades win', async () => {
    const t = await memorySite({
      'hugo.toml': CONFIG,
      'content/guides/_index.md': '---\ntitle: Guides\ncascade:\n  slug: from-guides\n  url: /everything/\n---\n',
      'content/guides/a.md': '---\ntitle: A\nURL: /a-place/\n---\n',
      'content/guides/inner/_index.md': '---\ntitle: Inner\nurl: /inner/\ncascade:\n  slug: from-inner\n---\n',
      'content/guides/inner/b.md': '---\ntitle: B\nUrl: ""\n---\n',
      'content/other/c.md': '---\ntitle: C\n---\n',
    });
    assert.equal(t.url('content/guides/_index.md'), '/everything/', 'the index takes its own cascade');
    assert.equal(t.url('content/guides/a.md'), '/a-place/', 'its own URL wins over the cascaded one, whatever its case');
    assert.equal(t.url('content/guides/inner/_index.md'), '/inner/');
    assert.equal(t.url('content/guides/inner/b.md'), '/guides/inner/from-inner/', 'the nearer slug wins; an own empty url is still its own');
    assert.equal(t.url('content/other/c.md'), '/other/c/');
    assert.equal(t.page('content/other/c.md')?.willPublish, true);
  });

  it('applies a targeted entry only where its path, kind and language match', async () => {
    const t = await memorySite({
      'hugo.toml': CONFIG,
      'content/_index.md': [
        '---',
        'title: Home',
        'cascade:',
        '  - _target: {path: "/notes/*.md", kind: page}',
        '    slug: note',
        '  - _target: {path: "/notes/**", kind: section}',
        '    url: /all-notes/',
        '  - _target: {lang: fr}',
        '    draft: true',
        '  - _target: {environment: development}',
        '    draft: true',
        '---',
        '',
      ].join('\n'),
      'content/notes/_index.md': '---\ntitle: Notes\n---\n',
      'content/notes/one.md': '---\ntitle: One\n---\n',
      'content/notes/deep/two.md': '---\ntitle: Two\n---\n',
      'content/about.md': '---\ntitle: About\n---\n',
    });
    assert.equal(t.url('content/notes/_index.md'), '/all-notes/', 'the section matched the section entry');
    assert.equal(t.page('content/notes/one.md')?.status, 'published');
    assert.equal(t.url('content/notes/one.md'), '/notes/note/', '* matched within the folder');
    assert.equal(t.url('content/notes/deep/two.md'), '/notes/deep/two/', '* does not cross a slash');
    assert.equal(t.page('content/about.md')?.status, 'published', 'language and environment entries do not match');
  });

  it('reads globs as hugo does', () => {
    assert.ok(globRegExp('/posts/**').test('/posts/a/b.md'));
    assert.ok(!globRegExp('/posts/*').test('/posts/a/b.md'));
    assert.ok(globRegExp('/{posts,news}/*.md').test('/news/x.md'));
    assert.ok(globRegExp('/Posts/*.md').test('/posts/x.md'), 'case-insensitive');
    assert.ok(!globRegExp('/posts/?.md').test('/posts/ab.md'));
  });

  it('re-derives the pages below when a cascade is edited', async () => {
    const t = await memorySite({
      'hugo.toml': CONFIG,
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/p.md': '---\ntitle: P\n---\n',
    });
    assert.equal(t.url('content/posts/p.md'), '/posts/p/');
    t.site.index.updateDocument('content/posts/_index.md', '---\ntitle: Posts\ncascade:\n  slug: renamed\n---\n');
    assert.equal(t.url('content/posts/p.md'), '/posts/renamed/');
    assert.ok(t.urls().includes('/posts/renamed/') && !t.urls().includes('/posts/p/'));
    t.site.index.updateDocument('content/posts/_index.md', '---\ntitle: Posts\n---\n');
    assert.equal(t.url('content/posts/p.md'), '/posts/p/');
  });
});

describe('Hugo kinds, outputs and taxonomy permalinks', () => {
  it('moves term pages with [permalinks], drops feeds [outputs] leaves out, publishes nothing for a disabled kind', async () => {
    const t = await memorySite({
      'hugo.toml': 'baseURL = "https://example.org/"\ndisableKinds = ["section"]\n[outputs]\nhome = ["HTML"]\n[permalinks]\ntags = "/topic/:slug/"\n',
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/a.md': '---\ntitle: A\ntags: [Team Work, go]\n---\n',
      'content/tags/go/_index.md': '---\ntitle: The Go language\n---\n',
    });
    const urls = t.urls();
    assert.ok(urls.includes('/topic/team-work/') && urls.includes('/topic/the-go-language/'), urls.join(' '));
    assert.ok(!urls.includes('/tags/go/') && !urls.includes('/topic/go/'));
    assert.ok(urls.includes('/topic/team-work/index.xml'), 'terms keep their feeds');
    assert.ok(!urls.includes('/index.xml'), 'the home page has no feed');
    assert.equal(t.page('content/posts/_index.md')?.willPublish, false, 'sections are disabled');
    assert.equal(t.page('content/posts/a.md')?.willPublish, true);
  });
});
