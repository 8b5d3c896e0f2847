import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fmGet, fmPick, jsonErrorOffset, splitFrontMatter } from '../../../src/core/frontmatter/parse';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { GOLDMARK } from '../../../src/core/markdown/dialect';

/** The single error of a document's front matter, with the text at its start. */
function errorOf(text: string) {
  const fm = splitFrontMatter(text).frontMatter;
  assert.ok(fm, 'front matter found');
  assert.equal(fm.errors.length, 1, JSON.stringify(fm.errors));
  const e = fm.errors[0];
  return { ...e, at: text.slice(e.range.start, e.range.start + 6) };
}

describe('splitFrontMatter: error positions', () => {
  it('YAML: an unclosed quote is reported where it opens, not at the end of the block', () => {
    const text = '---\ntitle: "Rye\ntags: [a]\n---\nbody\n';
    const e = errorOf(text);
    assert.equal(e.code, 'frontmatter.syntax');
    assert.equal(e.range.start, text.indexOf('"Rye'));
    assert.match(e.message, /^YAML: Missing closing "quote/);
  });

  it('YAML: an unclosed flow list is reported at its [', () => {
    const text = '---\ntitle: x\ntags: [a, b\ndate: 2023-01-01\n---\n';
    const e = errorOf(text);
    assert.equal(e.range.start, text.indexOf('[a, b'));
  });

  it('YAML with CRLF line ends: same offsets in the CRLF text', () => {
    const text = '---\r\ntitle: x\r\ntags: [a\r\n---\r\n';
    assert.equal(errorOf(text).range.start, text.indexOf('[a'));
  });

  it('TOML: the offending value, line and column translated to an offset', () => {
    const text = '+++\ntitle = "x"\ntags = ["a"]\ndraft = tru\n+++\n';
    const e = errorOf(text);
    assert.equal(e.range.start, text.indexOf('tru'));
    assert.match(e.message, /^TOML: /);
  });

  it('JSON: a trailing comma and a missing comma, at the offending character', () => {
    let text = '{\n  "title": "x",\n  "tags": ["a",]\n}\nbody\n';
    let e = errorOf(text);
    assert.equal(e.range.start, text.indexOf(']'));
    assert.doesNotMatch(e.message, /\n/);
    text = '{\n  "title": "x"\n  "tags": ["a"]\n}\n';
    e = errorOf(text);
    assert.equal(e.range.start, text.indexOf('"tags"'));
  });

  it('jsonErrorOffset agrees with JSON.parse on validity', () => {
    for (const ok of ['{}', '{"a": [1, 2.5e3, true, null, "x\\n"]}', ' [ ] ']) assert.equal(jsonErrorOffset(ok), -1, ok);
    assert.equal(jsonErrorOffset('{"a": tru}'), 6);
    assert.equal(jsonErrorOffset('{"a": "b"'), 9);
    assert.equal(jsonErrorOffset('{"a" "b"}'), 5);
  });

  it('a BOM shifts every offset by one and is not part of the block', () => {
    const text = '\uFEFF---\ntitle: a\ntitle: b\n---\n';
    const fm = splitFrontMatter(text).frontMatter!;
    assert.equal(fm.format, 'yaml');
    assert.equal(fm.range.start, 1);
    assert.equal(fm.errors[0].code, 'frontmatter.duplicate-key');
    assert.equal(text.slice(fm.errors[0].range.start, fm.errors[0].range.end), 'title');
    // On the value the generator ignores: the first one (Hugo and Jekyll keep the last).
    assert.equal(fm.errors[0].range.start, text.indexOf('title'));
  });

  it('unclosed blocks: YAML and TOML at the opening line, JSON at the brace', () => {
    for (const [text, code] of [
      ['---\ntitle: a\n', 'frontmatter.unclosed'],
      ['+++\ntitle = "a"\n', 'frontmatter.unclosed'],
      ['{\n "title": "a"\n', 'frontmatter.unclosed'],
    ] as const) {
      const e = errorOf(text);
      assert.equal(e.code, code);
      assert.equal(e.range.start, 0);
    }
  });

  it('records how each value is written (shape), for completion to copy', () => {
    const yaml = splitFrontMatter("---\na: [x, y]\nb:\n  - 'x'\nc: \"t\"\nd: 3\ne:\nf: {k: v}\n---\n").frontMatter!;
    const shapes = Object.fromEntries(yaml.fields.map((f) => [f.key, f.shape]));
    assert.deepEqual(shapes['a'], { kind: 'list', flow: true, quote: '' });
    assert.deepEqual(shapes['b'], { kind: 'list', flow: false, quote: "'" });
    assert.deepEqual(shapes['c'], { kind: 'scalar', flow: false, quote: '"' });
    assert.deepEqual(shapes['d'], { kind: 'scalar', flow: false, quote: '' });
    assert.equal(shapes['e']?.kind, 'empty');
    assert.deepEqual(shapes['f'], { kind: 'map', flow: true, quote: '' });
    const toml = splitFrontMatter("+++\na = ['x']\nb = \"t\"\nc = 2023-01-01\n+++\n").frontMatter!;
    assert.deepEqual(toml.fields.map((f) => f.shape), [
      { kind: 'list', flow: true, quote: "'" },
      { kind: 'scalar', flow: false, quote: '"' },
      { kind: 'scalar', flow: false, quote: '' },
    ]);
    const json = splitFrontMatter('{"a": ["x"], "b": "t"}\n').frontMatter!;
    assert.deepEqual(json.fields.map((f) => f.shape?.kind), ['list', 'scalar']);
  });
});

describe('front matter is never read as Markdown', () => {
  it('tags: [a, b] in front matter is no reference link, in YAML, TOML and JSON', () => {
    const opts = { dialect: GOLDMARK };
    for (const text of ['---\ntags: [a, b]\ntitle: "[x](y.md)"\n---\n[real](z.md)\n', '+++\ntags = ["a", "b"]\ntitle = "[x](y.md)"\n+++\n[real](z.md)\n', '{\n"tags": ["a"], "title": "[x](y.md)"\n}\n[real](z.md)\n']) {
      const a = analyzeDocument(text, opts);
      assert.deepEqual(a.links.map((l) => l.target), ['z.md'], text);
      assert.deepEqual(a.headings, []);
    }
  });
});

describe('case-insensitive front-matter keys', () => {
  it('fmPick answers what fmGet answers, name by name (property)', () => {
    const names = ['date', 'publishdate', 'draft', 'title', 'x'];
    const key = fc.constantFrom('date', 'Date', 'DATE', 'publishDate', 'PublishDate', 'publishdate', 'draft', 'Draft', 'title', 'TİTLE', 'Title', 'x', 'X', 'other');
    const data = fc.array(fc.tuple(key, fc.oneof(fc.string(), fc.integer(), fc.constant(null))), { maxLength: 8 }).map((pairs) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of pairs) o[k] = v;
      return o;
    });
    fc.assert(
      fc.property(data, (o) => {
        assert.deepEqual(fmPick(o, names), names.map((n) => fmGet(o, n)), JSON.stringify(o));
      }),
      { numRuns: 500 },
    );
  });

  it('prefers the exact spelling, else the first other spelling', () => {
    assert.deepEqual(fmPick({ Title: 'a', title: 'b', DRAFT: true, Draft: false }, ['title', 'draft']), ['b', true]);
  });
});
