/**
 * Which destinations jekyll-relative-links' regexes see (src/core/markdown/relativeLinksPass.ts),
 * compared with the regexes themselves run in JavaScript (same semantics for these inputs: `.` stops
 * at a line break, `^`/`$` are line anchors), and the scan's cost on inputs where the regexes backtrack.
 * (The rewritten links themselves, against the real plugin: test/fixtures/verdicts/jekyll-github-pages.)
 */
import * as assert from 'node:assert/strict';
import { relativeLinksPassMatches } from '../../../src/core/markdown/relativeLinksPass';

const TITLE = String.raw`(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?`;
const INLINE = String.raw`\[(.*?)\]\(([^)]+?)(#.+?|)?` + TITLE + String.raw`\)`;
const REFERENCE = String.raw`^\s*?\[(.*?)\]: (.+?)(#.+?|)?` + TITLE + String.raw`\s*?$`;
const LINK = new RegExp(`(${INLINE}|${REFERENCE})`, 'gm');

/** The plugin's own regex: each match's path and fragment (`path|#fragment`). */
function byRegex(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LINK)) {
    const inline = m[2] !== undefined;
    out.push(inline ? `${m[3]}|${m[4] ?? ''}` : `${m[7]}|${m[8] ?? ''}`);
  }
  return out;
}

const ours = (text: string) => relativeLinksPassMatches(text, 0).map((m) => `${text.slice(m.start, m.pathEnd)}|${text.slice(m.pathEnd, m.end)}`);

const CASES = [
  '[a](x.md) and [b](../y.md#part) and ![c](img/z.png)',
  '[t](x.md "Title") [u](x.md#f "T") [v](x.md \'single\') [w](x.md "it\'s")',
  '[![badge](b.svg)](x.md) after [n](next.md)',
  '[a](<x.md>) [b]( x.md ) [c](x(1).md) [d]() [e](#only)',
  '[a] loose [b](x.md) [c]: not a definition',
  '[ref]: x.md\n  [indented]: ../y.md#frag "Title"  \n[two]:  spaced.md\n[none]:x.md\n\n\n[after]: blank.md',
  'text [a\nb](x.md) [c](x\ny.md) [d](ok.md)',
  '[^1]: a footnote\n[x](x.md?query=1)',
];

describe('jekyll-relative-links: the destinations its regexes match', () => {
  for (const text of CASES) {
    it(JSON.stringify(text.slice(0, 50)), () => assert.deepEqual(ours(text), byRegex(text)));
  }

  it('leaves out what the regexes do not see', () => {
    const text = '[![badge](b.svg)](x.md) [a](<x.md>) [b]( x.md ) [c](x.md \'t\')';
    // The outer link of a badge ends where the image's does; angle brackets, spaces and a
    // single-quoted title make the whole text the path, which names no file.
    assert.deepEqual(ours(text), ['b.svg|', '<x.md>|', ' x.md |', "x.md 't'|"]);
  });

  it('scans long lines of brackets in linear time', () => {
    const inputs = ['['.repeat(100_000), '[a]('.repeat(50_000), '[a]'.repeat(50_000) + '(', '\n['.repeat(100_000) + ']: x', ']('.repeat(100_000), '[a](x "'.repeat(30_000) + ')', "[a](x \"'".repeat(30_000) + ')', '[a](#'.repeat(30_000) + ')', '[a](x#y '.repeat(30_000) + ')', '[a]: x "\n'.repeat(30_000), '[a]: x#\n'.repeat(30_000), '\n'.repeat(100_000) + '[', '[a](b\n'.repeat(30_000) + ')'];
    for (const text of inputs) {
      const t0 = Date.now();
      relativeLinksPassMatches(text, 0);
      assert.ok(Date.now() - t0 < 500, `${JSON.stringify(text.slice(0, 8))}… took ${Date.now() - t0} ms`);
    }
  });
});

describe('jekyll-relative-links: the scan equals the regexes on random text', () => {
  it('5,000 strings of link punctuation', () => {
    // A fixed seed (xorshift): the same strings every run.
    let x = 0x2545f491;
    const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
    const alphabet = ['[', ']', '(', ')', '#', '"', "'", ' ', '\n', ':', ': ', '](', ']: ', 'a', 'x.md', '\\', '!', ' "', '#)'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 30);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      assert.deepEqual(ours(text), byRegex(text), JSON.stringify(text));
    }
  });
});
