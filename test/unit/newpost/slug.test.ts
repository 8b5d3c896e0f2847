import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSafeSegment, slugify } from '../../../src/core/newpost/slug';

describe('New Post: slugify', () => {
  it('lower-cases and joins words with the separator', () => {
    assert.equal(slugify('Leading vs Managing', { separator: '_' }), 'leading_vs_managing');
    assert.equal(slugify('Leading vs Managing'), 'leading-vs-managing');
    assert.equal(slugify('  Many   spaces\tand\ttabs  '), 'many-spaces-and-tabs');
  });

  it('transliterates accents and other Latin letters', () => {
    assert.equal(slugify('Café au lait: ça va?'), 'cafe-au-lait-ca-va');
    assert.equal(slugify('Straße in Ærø'), 'strasse-in-aero');
    assert.equal(slugify('naïve coöperation'), 'naive-cooperation');
    // Decomposed input (e + combining acute) gives the same slug as the composed form.
    assert.equal(slugify('Cafe\u0301'), 'cafe');
  });

  it('romanises Greek and Cyrillic', () => {
    assert.equal(slugify('Привет, мир'), 'privet-mir');
    assert.equal(slugify('Ελληνικά'), 'ellinika');
  });

  it('keeps CJK, Hangul and Arabic as written (transliterating them is lossy), unless asked', () => {
    assert.equal(slugify('静的サイトの作り方'), '静的サイトの作り方');
    assert.equal(slugify('Hugo 入门 指南', { separator: '_' }), 'hugo_入门_指南');
    assert.equal(slugify('한국어 제목'), '한국어-제목');
    assert.equal(slugify('مرحبا بالعالم'), 'مرحبا-بالعالم');
    assert.equal(slugify('Hugo 入门', { nonLatin: 'transliterate' }), 'hugo-rumen');
    // Full-width punctuation separates words like ASCII punctuation does.
    assert.equal(slugify('入门、指南'), '入门-指南');
  });

  it('drops emoji and punctuation, joins apostrophes, spells out a lone ampersand', () => {
    assert.equal(slugify('🎉 Party time 🎉'), 'party-time');
    assert.equal(slugify("Don't panic!"), 'dont-panic');
    assert.equal(slugify('It’s “quoted”'), 'its-quoted');
    assert.equal(slugify('Tips & Tricks'), 'tips-and-tricks');
    assert.equal(slugify('C++/C# — a comparison (2024)'), 'c-c-a-comparison-2024');
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
  });

  it('is empty when nothing is left (the planner refuses such titles)', () => {
    assert.equal(slugify('!!!'), '');
    assert.equal(slugify('🎉🎉'), '');
    assert.equal(slugify(''), '');
  });

  it('trims very long titles at a word boundary, within 80 characters', () => {
    const title = 'An extremely long title about engineering leadership that keeps going well past any sensible file name length';
    const slug = slugify(title);
    assert.ok(slug.length <= 80, `${slug.length} chars`);
    assert.ok(title.toLowerCase().replace(/ /g, '-').startsWith(slug), 'a prefix of whole words');
    assert.ok(!slug.endsWith('-'));
    assert.equal(slug, 'an-extremely-long-title-about-engineering-leadership-that-keeps-going-well-past');
    // One endless word is cut inside it.
    assert.equal(slugify('a'.repeat(200)).length, 80);
    // CJK (3 bytes a character) is also bounded in bytes, for file systems' 255-byte names.
    const cjk = slugify('漢'.repeat(200));
    assert.ok(new TextEncoder().encode(cjk).length <= 180 && cjk.length >= 50);
  });

  it('does not produce Windows device names', () => {
    assert.equal(slugify('CON'), 'con-post');
    assert.equal(slugify('nul', { separator: '_' }), 'nul_post');
  });

  it('property: any title gives a safe single path segment, or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('..', '../x', '/abs', 'C:\\x', '.hidden', 'a/b\\c', '\u0000x')), fc.constantFrom('-' as const, '_' as const), (title, separator) => {
        const s = slugify(title, { separator });
        if (s === '') return true;
        return isSafeSegment(s) && !s.includes('/') && !s.includes('\\') && !s.includes('..') && !s.includes('\u0000') && !s.startsWith('.') && !s.startsWith(separator) && !s.endsWith(separator) && Array.from(s).length <= 80;
      }),
      { numRuns: 500 },
    );
  });
});
