/** Our posix path helpers answer what Node's path.posix answers (the engine must not need Node). */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { posix as node } from 'node:path';
import { posix as ours } from '../../src/core/posix';

const segment = fc.constantFrom('a', 'b', 'c.d', '.e', '..', '.', '', 'f.', '..g', '...', 'h..', 'héllo', 'x y');
const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean()).map(([abs, segs, trailing]) => (abs ? '/' : '') + segs.join('/') + (trailing ? '/' : ''));
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000) };

describe('posix path helpers', () => {
  for (const fn of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute'] as const) {
    it(`${fn} answers what Node's path.posix answers`, () => {
      fc.assert(fc.property(path, (p) => assert.deepEqual(ours[fn](p), node[fn](p), JSON.stringify(p))), runs);
    });
  }

  it("join answers what Node's path.posix answers", () => {
    fc.assert(fc.property(fc.array(path, { maxLength: 4 }), (ps) => assert.equal(ours.join(...ps), node.join(...ps), JSON.stringify(ps))), runs);
  });

  it("relative answers what Node's path.posix answers for absolute paths", () => {
    const abs = path.map((p) => '/' + p);
    fc.assert(fc.property(abs, abs, (a, b) => assert.equal(ours.relative(a, b), node.relative(a, b), JSON.stringify([a, b]))), runs);
  });
});
