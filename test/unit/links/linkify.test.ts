/**
 * Bare URLs end where Goldmark ends them. The expected hrefs are what hugo 0.111 wrote for the same
 * text (the conformance fixture hugo-markdown builds a sample of them for real).
 */
import * as assert from 'node:assert/strict';
import { goldmarkUrlEnd } from '../../../src/core/markdown/linkify';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { GOLDMARK, KRAMDOWN_GFM } from '../../../src/core/markdown/dialect';

const CASES: [string, string | undefined][] = [
  ['https://x.org/a.', 'https://x.org/a'],
  ['(https://x.org/b)', 'https://x.org/b'],
  ['https://x.org/c,', 'https://x.org/c'],
  ['https://x.org/d，中文', 'https://x.org/d'],
  ['https://x.org/g?q=1&r=2#', 'https://x.org/g?q=1&r=2#'],
  ['https://x.org/h_', 'https://x.org/h'],
  ["https://x.org/i'", "https://x.org/i'"],
  ['https://x.org/k;', 'https://x.org/k;'],
  ['https://x.org/l:', 'https://x.org/l'],
  ['https://x.org/n?', 'https://x.org/n'],
  ['https://x.org/p-)', 'https://x.org/p-'],
  ['https://x.org/中文路径', 'https://x.org/'],
  ['https://x.org/u).', 'https://x.org/u)'],
  ['https://x.org/a&amp;', 'https://x.org/a'],
  ['https://localhost/', undefined],
  ['中文https://x.org/', undefined],
  ['x)https://x.org/', undefined],
  ['a`https://x.org/q', 'https://x.org/q'],
  ['a\\`https://x.org/', undefined],
];

describe("bare URLs as Goldmark's linkify ends them", () => {
  for (const [text, href] of CASES) {
    it(`${text} → ${href ?? 'no link'}`, () => {
      const at = text.indexOf('https://');
      const end = goldmarkUrlEnd(text, at);
      assert.equal(end === undefined ? undefined : text.slice(at, end), href);
    });
  }

  it('are links on Hugo sites (linkify on by default) and text on kramdown ones', () => {
    const doc = '---\ntitle: t\n---\nSee https://blog.example.com/posts/a/，然后 and `https://in.code/`.\n';
    assert.deepEqual(analyzeDocument(doc, { dialect: GOLDMARK }).links.map((l) => l.target), ['https://blog.example.com/posts/a/']);
    assert.deepEqual(analyzeDocument(doc, { dialect: { ...GOLDMARK, linkify: false } }).links, []);
    assert.deepEqual(analyzeDocument(doc, { dialect: KRAMDOWN_GFM }).links, []);
  });

  it('are links right after a link, image, code span, autolink or raw HTML, not after text (hugo 0.111)', () => {
    const doc = [
      '---\ntitle: t\n---',
      '[w](https://a.example/x)https://x.org/1 ![i](i.png)https://x.org/2 `c`https://x.org/3',
      '<https://a.example/>https://x.org/4 <b>b</b>https://x.org/5 [r][d]https://x.org/6',
      'x)https://x.org/no1 a]https://x.org/no2 a&amp;https://x.org/no3 [u]https://x.org/no4',
      '',
      '[d]: https://a.example/d',
      '',
    ].join('\n');
    const bare = analyzeDocument(doc, { dialect: GOLDMARK }).links.map((l) => l.target).filter((t) => t.startsWith('https://x.org/'));
    assert.deepEqual(bare, ['https://x.org/1', 'https://x.org/2', 'https://x.org/3', 'https://x.org/4', 'https://x.org/5', 'https://x.org/6']);
  });

  it("are read only in posts that mention the site's own host (other hosts are never judged)", () => {
    const own = '---\ntitle: t\n---\nSee https://Blog.Example.com/posts/a/ and https://other.org/b.\n';
    const other = '---\ntitle: t\n---\nSee https://other.org/b.\n';
    const o = { dialect: GOLDMARK, bareUrlHosts: ['blog.example.com'] };
    assert.deepEqual(analyzeDocument(own, o).links.map((l) => l.target), ['https://Blog.Example.com/posts/a/', 'https://other.org/b']);
    assert.deepEqual(analyzeDocument(other, o).links, []);
  });
});
