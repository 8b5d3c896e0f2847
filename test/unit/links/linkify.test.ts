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

  it("are read only in posts that mention the site's own host (other hosts are never judged)", () => {
    const own = '---\ntitle: t\n---\nSee https://Blog.Example.com/posts/a/ and https://other.org/b.\n';
    const other = '---\ntitle: t\n---\nSee https://other.org/b.\n';
    const o = { dialect: GOLDMARK, bareUrlHosts: ['blog.example.com'] };
    assert.deepEqual(analyzeDocument(own, o).links.map((l) => l.target), ['https://Blog.Example.com/posts/a/', 'https://other.org/b']);
    assert.deepEqual(analyzeDocument(other, o).links, []);
  });
});
