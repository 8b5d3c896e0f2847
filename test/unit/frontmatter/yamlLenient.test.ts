/**
 * YAML that Hugo (Go's yaml.v2) and Jekyll (libyaml) accept and the `yaml` package rejects is read as
 * they read it (the values here are the ones hugo 0.111 and jekyll 4.3 printed for the same text:
 * test/fixtures/frontmatter/); what they reject keeps its errors.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseYamlWithLibrary, splitFrontMatter } from '../../../src/core/frontmatter/parse';
import { relaxYaml } from '../../../src/core/frontmatter/yamlLenient';

const read = (src: string) => parseYamlWithLibrary(src, 0);

describe('YAML as Hugo and Jekyll read it', () => {
  it('a quoted scalar whose continuation lines start at the margin', () => {
    const r = read('date: 2010-03-09 14:28:59 +01:00\ntitle: "\nA title on the next line"\ntags: [a]\n');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.data, { date: '2010-03-09 14:28:59 +01:00', title: ' A title on the next line', tags: ['a'] });
    const title = r.fields.find((f) => f.key === 'title')!;
    assert.deepEqual([title.valueRange.start, title.valueRange.end], [40, 67], 'the value keeps its place in the text');
    assert.deepEqual(title.shape, { kind: 'scalar', flow: false, quote: '"' });
  });

  it('folds blank lines, CRLF and single quotes the way libyaml does', () => {
    assert.deepEqual(read('d: "First.\r\n\r\nSecond, at the margin."\r\ne: 1\r\n').data, { d: 'First.\nSecond, at the margin.', e: 1 });
    assert.deepEqual(read("t: 'it''s\nhere'\n").data, { t: "it's here" });
    assert.deepEqual(read('t: "a\n\n\nb  \n  c"\nx: "\\\nno space"\n').data, { t: 'a\n\nb c', x: 'no space' });
    assert.deepEqual(read('tags:\n  - "tides\nand currents"\n  - almanac\n').data, { tags: ['tides and currents', 'almanac'] });
  });

  it('flow collections indented with tabs, or not at all, and comments inside them', () => {
    assert.deepEqual(read('tags: [\n\t"tabs",\n\t"flow"\n]\n').data, { tags: ['tabs', 'flow'] });
    assert.deepEqual(read('categories: [\nharbour,\nlogbook\n]\n').data, { categories: ['harbour', 'logbook'] });
    assert.deepEqual(read('palette: {\n\thull: blue,\n\tsail: white\n}\n').data, { palette: { hull: 'blue', sail: 'white' } });
    assert.deepEqual(read('tags: [a, # one\n\tb]\n').data, { tags: ['a', 'b'] });
    assert.deepEqual(read('tags: ["a\nb", c]\n').data, { tags: ['a b', 'c'] });
  });

  it('keeps the errors of what Go and libyaml reject too', () => {
    for (const src of [
      'title: "a\n...\nb"\n', // a document marker inside quotes
      'tags:\n\t- a\n', // a tab as block indentation
      'title: "never closed\ndate: 2021-01-01\n',
      '"two\nlines": v\n', // a key over two lines
      'title: "a\nb" tail\n',
      'title: "unknown \\q\nescape"\n',
      'tags: [a,\nb\n', // never closed
    ]) {
      assert.ok(read(src).errors.some((e) => e.code === 'frontmatter.syntax'), JSON.stringify(src));
    }
  });

  it('never rewrites the text of a block scalar', () => {
    const src = 'desc: |\n  She said: "hello\n  world\ntitle: "a\nb"\n';
    assert.deepEqual(read(src).data, { desc: 'She said: "hello\nworld\n', title: 'a b' });
  });

  it('leaves text alone that needs no leniency', () => {
    assert.equal(relaxYaml('title: "a"\ntags: [x, y]\n'), undefined);
    assert.equal(relaxYaml('title: "never closed\n'), undefined);
  });

  it('positions errors and fields in the whole document, after the opening line', () => {
    const text = '---\ntitle: "\nFlush left"\ntags: [\n\tx\n]\n---\nbody\n';
    const fm = splitFrontMatter(text).frontMatter!;
    assert.deepEqual(fm.errors, []);
    assert.deepEqual(
      fm.fields.map((f) => text.slice(f.valueRange.start, f.valueRange.end)),
      ['"\nFlush left"', '[\n\tx\n]'],
    );
  });

  it('a quoted value reads the same with its continuation lines at the margin as indented (property)', () => {
    // (A `---` or `...` at the margin ends the document, for Go too: not generated.)
    const line = fc.stringMatching(/^[A-Za-z0-9 ,.!?:#'-]{0,20}$/).map((l) => l.replace(/^(?:---|\.\.\.)/, 'x'));
    // Known gap: a single-quoted line ending in an escaped quote (`'a''`) followed by a line at the
    // margin that starts with `#` or `:` is misread by `yaml` without an error (it closes the scalar
    // there), and we re-read only what `yaml` reports as broken. Such lines are left out here.
    const quoted = fc.tuple(fc.constantFrom('"', "'"), fc.array(line, { minLength: 2, maxLength: 5 })).map(([q, lines]) => {
      const inner = lines.map((l) => (q === "'" ? l.replace(/'+$/, '').replace(/'/g, "''") : l));
      return { q, inner };
    });
    const doc = fc.array(quoted, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(doc, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 4 }), (scalars, nl, indent) => {
        const build = (pad: string) => scalars.map((s, i) => `k${i}: ${s.q}${s.inner.join(nl + pad)}${s.q}${nl}`).join('') + `last: x${nl}`;
        const indented = parseDocument(build(' '.repeat(indent)));
        fc.pre(indented.errors.length === 0);
        const ours = read(build(''));
        assert.deepEqual(ours.errors, []);
        assert.deepEqual(ours.data, indented.toJS());
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a flow list reads the same over tab-indented or unindented lines as on one line (property)', () => {
    const item = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.stringMatching(/^[a-z ]{1,8}$/).map((s) => `"${s}"`));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.constantFrom('\t', '', '\t\t', ' \t'), fc.boolean(), (items, pad, trailingComma) => {
        const oneLine = parseDocument(`tags: [${items.join(', ')}]\n`).toJS() as unknown;
        const multi = `tags: [\n${items.map((i) => pad + i).join(',\n')}${trailingComma ? ',' : ''}\n]\ntitle: x\n`;
        const ours = read(multi);
        assert.deepEqual(ours.errors, [], multi);
        assert.deepEqual(ours.data, { ...(oneLine as object), title: 'x' });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});
