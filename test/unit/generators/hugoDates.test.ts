/**
 * Hugo front-matter dates: the shortcut for dates already written in full ISO form must give what
 * the general reading gives.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWrittenDate } from '../../../src/core/generators/hugo/dates';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('Hugo written dates', () => {
  it('a full ISO date reads as the same date written with a space (the general path), property', () => {
    const iso = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([sg, h, m]) => `${sg}${pad(h)}:${pad(m)}`)),
      )
      .map(([y, mo, d, h, mi, s, off]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${off}`);
    fc.assert(
      fc.property(iso, (s) => {
        assert.deepEqual(parseWrittenDate(s), parseWrittenDate(s.replace('T', ' ')), s);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the written calendar day, whatever the offset', () => {
    assert.deepEqual(parseWrittenDate('2019-04-11T23:39:51-07:00'), { year: 2019, month: 4, day: 11, epoch: Date.parse('2019-04-12T06:39:51Z') });
    assert.equal(parseWrittenDate('2019-13-11T23:39:51Z'), undefined);
  });
});
