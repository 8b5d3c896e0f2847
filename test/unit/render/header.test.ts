import * as assert from 'node:assert/strict';
import { renderHeader, coverImageOf } from '../../../src/core/render/header';
import { displayDate } from '../../../src/core/render/dates';
import { renderPost, DEFAULT_MARKUP } from '../../../src/core/render/render';
import { plainHooks } from './helpers';

describe('preview header card', () => {
  it('shows the date in the offset the author wrote, not UTC', () => {
    assert.deepEqual(displayDate('2019-04-11T14:39:51-07:00'), { text: '11 April 2019, 14:39 (UTC\u221207:00)', datetime: '2019-04-11T14:39:51-07:00' });
    assert.equal(displayDate('2021-02-03T15:30:00+00:00')?.text, '3 February 2021, 15:30 (UTC)');
    assert.equal(displayDate('2020-01-14T16:05:00+0100')?.text, '14 January 2020, 16:05 (UTC+01:00)');
    assert.equal(displayDate('2022-01-25')?.text, '25 January 2022');
    assert.equal(displayDate('2022-01-25 07:45')?.text, '25 January 2022, 07:45');
    assert.equal(displayDate('next tuesday')?.text, 'next tuesday');
    assert.equal(displayDate(undefined), undefined);
    assert.equal(displayDate({}), undefined);
  });

  it('renders title, authors by display name, chips and status from front matter', () => {
    const text = '---\ntitle: "Leading <vs> Managing"\ndate: 2019-04-11T14:39:51-07:00\nauthors: ["rich", "ghost"]\ntags: ["leadership", "alignment"]\ncategories: management\n---\n\nBody.\n';
    const names: Record<string, string> = { rich: 'Rich Alvarez' };
    const post = renderPost(text, DEFAULT_MARKUP, plainHooks({ authorName: (id) => names[id], status: 'future' }));
    const h = post.headerHtml;
    assert.equal(post.title, 'Leading <vs> Managing');
    assert.match(h, /<h1 class="pc-title">Leading &lt;vs&gt; Managing<span class="pc-badge pc-badge-future"/);
    assert.match(h, /11 April 2019, 14:39 \(UTC\u221207:00\)/);
    assert.match(h, /<span class="pc-author" data-author="rich" title="rich">Rich Alvarez<\/span>/);
    // An id without a record is shown as written.
    assert.match(h, /data-author="ghost">ghost<\/span>/);
    assert.deepEqual([...h.matchAll(/pc-chip-tag">([^<]*)</g)].map((m) => m[1]), ['leadership', 'alignment']);
    assert.deepEqual([...h.matchAll(/pc-chip-category">([^<]*)</g)].map((m) => m[1]), ['management']);
    // Front matter is never printed as text in the body.
    assert.doesNotMatch(post.bodyHtml, /authors|leadership/);
    assert.match(post.bodyHtml, /<p data-line="8">Body.<\/p>/);
  });

  it('shows a draft badge from draft: true when the file has no page', () => {
    const h = renderHeader({ data: { title: 'T', draft: true }, resolveImage: plainHooks().resolveImage });
    assert.match(h, /pc-badge-draft"[^>]*>Draft</);
    const published = renderHeader({ data: { title: 'T', draft: false }, status: 'published', resolveImage: plainHooks().resolveImage });
    assert.doesNotMatch(published, /pc-badge/);
  });

  it('finds the cover image in images, cover and image, and marks a missing one', () => {
    assert.equal(coverImageOf({ images: ['/a.png', '/b.png'] }), '/a.png');
    assert.equal(coverImageOf({ cover: { image: 'c.jpg', alt: 'x' } }), 'c.jpg');
    assert.equal(coverImageOf({ cover: 'd.jpg' }), 'd.jpg');
    assert.equal(coverImageOf({ image: 'e.webp' }), 'e.webp');
    assert.equal(coverImageOf({ title: 'none' }), undefined);
    const ok = renderHeader({ data: { title: 'T', images: ['/img/cover.png'] }, resolveImage: plainHooks().resolveImage });
    assert.match(ok, /<div class="pc-cover"><img src="https:\/\/res.test\/img\/cover.png"/);
    const missing = renderHeader({ data: { title: 'T', cover: 'missing.png' }, resolveImage: plainHooks().resolveImage });
    assert.match(missing, /pc-image-missing" title="not found: missing.png"/);
  });

  it('tolerates odd front matter without throwing', () => {
    for (const data of [{}, { title: 42, tags: 'solo', authors: [null, { a: 1 }, 'x'], date: ['x'] }, { title: '', images: [] }]) {
      const h = renderHeader({ data, resolveImage: plainHooks().resolveImage });
      assert.match(h, /^<header class="pc-header"/);
    }
    const broken = renderPost('---\ntitle: [unclosed\n---\nText\n', DEFAULT_MARKUP, plainHooks());
    assert.match(broken.headerHtml, /pc-fm-error/);
    assert.match(broken.bodyHtml, /<p data-line="3">Text<\/p>/);
  });
});
