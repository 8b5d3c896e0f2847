/**
 * Hugo front-matter dates: the shortcut for dates already written in full ISO form must give what
 * the general reading gives.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hugoDateProblem, parseWrittenDate } from '../../../src/core/generators/hugo/dates';
import { parseHugoDateText } from '../../../src/core/generators/hugo/goTime';

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
    assert.deepEqual(parseWrittenDate('2019-04-11T23:39:51-07:00'), { year: 2019, month: 4, day: 11, epoch: Date.parse('2019-04-12T06:39:51Z'), offset: -420 });
    assert.equal(parseWrittenDate('2019-13-11T23:39:51Z'), undefined);
  });

  it("reads a date without an offset in the site's timeZone (Go's ParseInLocation), one with an offset as written", () => {
    // Summer and winter time in New York [verified 0.111: test/fixtures/hugo-posts, hugo list all].
    assert.equal(parseWrittenDate('2024-06-01T10:00:00', 'America/New_York')?.epoch, Date.parse('2024-06-01T14:00:00Z'));
    assert.equal(parseWrittenDate('2024-01-01', 'America/New_York')?.epoch, Date.parse('2024-01-01T05:00:00Z'));
    assert.equal(parseWrittenDate('2024-06-01 10:05:00', 'America/New_York')?.epoch, Date.parse('2024-06-01T14:05:00Z'));
    assert.equal(parseWrittenDate('2024-06-01T10:00:00', 'America/New_York')?.offset, undefined);
    assert.equal(parseWrittenDate('2024-06-01T16:00:00+02:00', 'America/New_York')?.epoch, Date.parse('2024-06-01T14:00:00Z'));
    // The calendar day stays the written one (permalinks).
    assert.deepEqual(parseWrittenDate('2024-06-01', 'Asia/Tokyo'), { year: 2024, month: 6, day: 1, epoch: Date.parse('2024-05-31T15:00:00Z'), offset: undefined });
    // Without a zone, UTC.
    assert.equal(parseWrittenDate('2024-06-01T10:00:00')?.epoch, Date.parse('2024-06-01T10:00:00Z'));
  });

  // What hugo 0.111 printed for `.Date` of each text (verified: test/fixtures/frontmatter/hugo-accepted
  // and a wider one-off batch): the instant, or undefined for the zero date.
  const VERIFIED: [string, string | undefined][] = [
    ['2019-04-09T8:09:26-07:00', '2019-04-09T15:09:26.000Z'],
    ['2019-04-09 8:09:26', '2019-04-09T08:09:26.000Z'],
    ['2019-04-09T08:09:26.5-07:00', '2019-04-09T15:09:26.500Z'],
    ['2019-04-09T08:09:26,5Z', '2019-04-09T08:09:26.500Z'],
    ['2019-04-09T08:09:26+0700', '2019-04-09T01:09:26.000Z'],
    ['2019-04-09 08:09:26 +01:00', '2019-04-09T07:09:26.000Z'],
    ['2019-04-09 08:09:26 +0100', '2019-04-09T07:09:26.000Z'],
    ['2019-04-09 08:09:26Z', '2019-04-09T08:09:26.000Z'],
    ['2019-04-09 08:09:26.123 +0100 CET', '2019-04-09T07:09:26.123Z'],
    ['2019-04-09T08:09:26+25:00', '2019-04-08T07:09:26.000Z'],
    ['Tue, 09 Apr 2019 8:09:26 +0000', '2019-04-09T08:09:26.000Z'],
    ['Tue Apr 9 08:09:26 2019', '2019-04-09T08:09:26.000Z'],
    ['09 Apr 2019', '2019-04-09T00:00:00.000Z'],
    ['2020-02-29', '2020-02-29T00:00:00.000Z'],
    ['2019-04-09 08:09:26 UTC', undefined],
    ['2019-04-09T24:00:00Z', undefined],
    ['2019-04-09T23:60:00Z', undefined],
    ['2019-04-09T08:09:60Z', undefined],
    ['2020-02-30', undefined],
    ['2019-02-29', undefined],
    ['2019-04-09t08:09:26Z', undefined],
    ['2019-04-09T08:09:26z', undefined],
    ['2019-04-09T08:09:26 -07:00', undefined],
    ['2019-04-09T8:9:26', undefined],
    ['2019-04-09T08:09:26+07', undefined],
    ['2019-04-09T08:09:26.Z', undefined],
    ['2019-4-09', undefined],
    ['9 Apr 2019', undefined],
    ['Tue, 9 Apr 2019 08:09:26 +0000', undefined],
    ['2019-04-09T08:09Z', undefined],
    [' 2019-04-09', undefined],
    ['2019-04-09 ', undefined],
    ['Jan 2, 2006', undefined],
  ];

  it('reads exactly the texts hugo reads, to the same instant', () => {
    for (const [text, instant] of VERIFIED) {
      const d = parseWrittenDate(text);
      assert.equal(d && new Date(d.epoch).toISOString(), instant, text);
      assert.equal(hugoDateProblem(text) === undefined, instant !== undefined, text);
    }
  });

  it('reads a number as Unix seconds and no boolean as a date, as cast does', () => {
    assert.equal(parseWrittenDate(5)?.epoch, 5000);
    assert.match(hugoDateProblem(true) ?? '', /no date/);
    assert.equal(hugoDateProblem(2020), undefined);
  });

  it('the shortcut for the canonical form answers what the layouts of Go answer (property)', () => {
    const canonical = fc
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
      fc.property(canonical, (s) => {
        const go = parseHugoDateText(s);
        const ours = parseWrittenDate(s);
        assert.equal(!!ours, go.ok, s);
        if (ours && go.ok) {
          const t = go.time;
          const d = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second));
          d.setUTCFullYear(t.year);
          assert.deepEqual(ours, { year: t.year, month: t.month, day: t.day, epoch: d.getTime() - (t.offset ?? 0) * 60_000, offset: t.offset }, s);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the shortcut for a day alone answers what the layouts of Go answer (property)', () => {
    const day = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, mo, d]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}`);
    const check = (s: string) => {
      const go = parseHugoDateText(s);
      const ours = parseWrittenDate(s);
      assert.equal(!!ours, go.ok, s);
      if (ours && go.ok) {
        const t = go.time;
        const d = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second, t.millis));
        d.setUTCFullYear(t.year);
        assert.deepEqual(ours, { year: t.year, month: t.month, day: t.day, epoch: d.getTime() - (t.offset ?? 0) * 60_000, offset: t.offset }, s);
        // In a site's zone the shortcut and the layout search agree too (midnight there).
        assert.equal(parseWrittenDate(s, 'Asia/Tokyo')?.epoch, parseWrittenDate(`${s} 00:00:00`, 'Asia/Tokyo')?.epoch, s);
      }
    };
    fc.assert(fc.property(day, check), { numRuns: 3000 });
    for (const s of ['0000-01-01', '0099-12-31', '2024-02-29', '2023-02-29', '2024-00-10', '2024-13-01', '1970-01-01']) check(s);
  });
});
