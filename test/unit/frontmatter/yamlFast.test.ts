/**
 * The YAML fast path must answer exactly as the `yaml` library does, whenever it answers at all.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSimpleYaml } from '../../../src/core/frontmatter/yamlFast';
import { parseYamlWithLibrary } from '../../../src/core/frontmatter/parse';

function same(source: string): 'fast' | 'slow' {
  const fast = parseSimpleYaml(source, 7);
  if (!fast) return 'slow';
  const slow = parseYamlWithLibrary(source, 7);
  assert.deepEqual(slow.errors, [], `yaml reports errors for ${JSON.stringify(source)}`);
  assert.deepEqual(fast.data, slow.data, `data of ${JSON.stringify(source)}`);
  assert.deepEqual(fast.fields, slow.fields, `fields of ${JSON.stringify(source)}`);
  return 'fast';
}

describe('YAML fast path', () => {
  it('handles the reference post style, identically to yaml', () => {
    const src = 'title: "Leading vs Managing"\ndate: 2019-04-11T14:39:51-07:00\ndraft: false\nauthors: ["rich"]\ntags: ["leadership", "alignment"]\n';
    assert.equal(same(src), 'fast');
  });

  it('handles block lists, bare values, single quotes, integers, empty values and comments', () => {
    assert.equal(same("# a comment\ntitle: It's fine\nweight: 10\nslug: 'o''clock'\ntags:\n  - a\n  - \"b c\"\ncategories:\n- x\nsummary:\nalias: [/old/x/, legacy]\n"), 'fast');
  });

  it('gives up on what it does not model', () => {
    for (const src of [
      'a: 1.5\n', 'a: 0x10\n', 'a: ~\n', 'a: null\n', 'a: yes: no\n', 'a:\n  b: 1\n', 'a: |\n  text\n', 'a: "x\\ty"\n',
      'a: [1, [2]]\n', 'a: {b: 1}\n', 'a: 1\na: 2\n', 'a: &x 1\n', 'a: !tag x\n', 'a: x # comment\n', 'a:\n  - x\n    y\n',
      'a: 012\n', 'a: +1\n', 'a: .5\n', 'a: 1e3\n', 'true: x\n', 'a:\r\n', '  a: x\n', 'a: [x, ]\n', 'a: "x\n',
    ]) {
      assert.equal(parseSimpleYaml(src, 0), undefined, src);
    }
  });

  it('agrees with yaml on random simple front matter (property)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9 _.\/-]{0,12}$/);
    const scalarText = fc.oneof(
      word,
      word.map((w) => `"${w}"`),
      word.map((w) => `'${w}'`),
      fc.integer({ min: -1000, max: 100000 }).map(String),
      fc.constantFrom('true', 'false', 'True', '2019-04-11T14:39:51-07:00', '2020-01-01', '2020-01-01 10:00:00 -0700', '1.5', '.5', '1e3', '0o17', '0x1F', '+12', '-0', '007', '.inf', '1_000', '12:30', 'C++', 'a, b', 'x:y', 'é ü 東京', '50%'),
    );
    const value = fc.oneof(
      scalarText.map((s) => ` ${s}`),
      fc.array(scalarText, { maxLength: 4 }).map((a) => ` [${a.join(', ')}]`),
      fc.array(scalarText, { minLength: 1, maxLength: 3 }).map((a) => '\n' + a.map((s) => `  - ${s}`).join('\n')),
      fc.constant(''),
    );
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/);
    const doc = fc.uniqueArray(fc.tuple(key, value), { selector: (t) => t[0], maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}:${v}\n`).join(''));
    let fastCount = 0;
    fc.assert(
      fc.property(doc, (src) => {
        if (same(src) === 'fast') fastCount++;
      }),
      { numRuns: 400 },
    );
    assert.ok(fastCount > 100, `the fast path should take most simple inputs (took ${fastCount})`);
  });
});
