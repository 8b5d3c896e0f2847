/**
 * The TOML fast path must answer exactly as the smol-toml path does, whenever it answers at all.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSimpleToml } from '../../../src/core/frontmatter/tomlFast';
import { parseTomlWithLibrary, splitFrontMatter } from '../../../src/core/frontmatter/parse';

function same(source: string): 'fast' | 'slow' {
  const fast = parseSimpleToml(source, 5);
  if (!fast) return 'slow';
  const slow = parseTomlWithLibrary(source, 5);
  assert.deepEqual(slow.errors, [], `smol-toml reports errors for ${JSON.stringify(source)}`);
  assert.deepEqual(fast.data, slow.data, `data of ${JSON.stringify(source)}`);
  assert.deepEqual(fast.fields, slow.fields, `fields of ${JSON.stringify(source)}`);
  return 'fast';
}

describe('TOML fast path', () => {
  it('handles the usual post, identically to smol-toml', () => {
    const src = 'title = "Can our we"\ndate = 2016-06-05T14:53:53-05:00\ndraft = false\nweight = 12\nauthors = ["gus"]\ntags = ["feedback", \'testing\']\nslug = \'o"k\'\n\npublished = 2020-01-01\n';
    assert.equal(same(src), 'fast');
    assert.deepEqual(parseSimpleToml(src, 0)?.data.date, '2016-06-05T14:53:53.000-05:00');
  });

  it('is what splitFrontMatter gives for a TOML post', () => {
    const doc = '+++\ntitle = "A"\ntags = ["x", "y"]\n+++\nbody\n';
    const fm = splitFrontMatter(doc).frontMatter!;
    assert.deepEqual(fm.data, { title: 'A', tags: ['x', 'y'] });
    assert.deepEqual(fm.fields.map((f) => doc.slice(f.valueRange.start, f.valueRange.end)), ['"A"', '["x", "y"]']);
    assert.deepEqual(fm.errors, []);
  });

  it('gives up on what it does not model, leaving errors to the library', () => {
    for (const src of [
      'a = 1.5\n', 'a = 0x10\n', 'a = "x\\ty"\n', 'a = "x" # c\n', '# c\na = 1\n', '[params]\na = 1\n', 'a.b = 1\n', '"a" = 1\n',
      'a = 1\na = 2\n', 'a = [1, [2]]\n', 'a = {b = 1}\n', 'a = [1, ]\n', 'a = """x"""\n', 'a = "x\n', '  a = 1\n', 'a = 1 \n',
      'a = 1\r\n', 'a = +1\n', 'a = -0\n', 'a = 007\n', 'a = 1_000\n', 'a = inf\n', 'a = 10:30:00\n', 'a = [\n  1,\n]\n', 'a =\n', 'a = x\n',
      '__proto__ = 1\n',
    ]) {
      assert.equal(parseSimpleToml(src, 0), undefined, src);
    }
  });

  it('agrees with smol-toml on random simple front matter (property)', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9 _.\/:#é東-]{0,12}$/);
    const scalarText = fc.oneof(
      word.map((w) => `"${w}"`),
      word.map((w) => `'${w}'`),
      fc.integer({ min: -100000, max: 100000 }).map(String),
      fc.constantFrom(
        'true', 'false', 'True', '2016-06-05T14:53:53-05:00', '2016-06-05T14:53:53Z', '2016-06-05 14:53:53+01:00', '2016-06-05',
        '2016-06-05T14:53:53', '2016-02-30', '2016-13-01', '2016-06-05T25:00:00Z', '2016-06-05T14:53:53.123456+02:00', '1.5', '-0', '+7', '1e3',
        '"a\\"b"', '"tab\there"', "'it''s'", '9007199254740993',
      ),
    );
    const value = fc.oneof(
      scalarText,
      fc.array(scalarText, { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
      fc.array(scalarText, { maxLength: 3 }).map((a) => `[${a.join(',')}]`),
    );
    const key = fc.stringMatching(/^[a-zA-Z0-9_-]{1,8}$/);
    const sep = fc.constantFrom(' = ', '=', '  =  ');
    const doc = fc
      .uniqueArray(fc.tuple(key, sep, value, fc.boolean()), { selector: (t) => t[0], maxLength: 8 })
      .map((rows) => rows.map(([k, s, v, blank]) => `${blank ? '\n' : ''}${k}${s}${v}\n`).join(''));
    let fastCount = 0;
    fc.assert(
      fc.property(doc, (src) => {
        if (same(src) === 'fast') fastCount++;
      }),
      { numRuns: 500 },
    );
    assert.ok(fastCount > 60, `the fast path should take most simple inputs (took ${fastCount})`);
  });
});
