import * as assert from 'node:assert/strict';
import { dateProblem, dateStyleOf, formatDate, RFC3339 } from '../../../src/core/frontmatter/dates';

describe('front-matter dates', () => {
  const when = new Date('2026-01-15T12:34:56.789Z');

  it('detects the written style and writes a new date the same way', () => {
    const samples = ['2019-04-11T14:39:51-07:00', '2020-03-14 09:00:00 +0100', '2021-06-10', '2021-06-10T18:00:00Z', '2021-06-10T18:00', '2021-06-10T18:00:00.123+02:00'];
    const expected = ['2026-01-15T05:34:56-07:00', '2026-01-15 05:34:56 -0700', '2026-01-15', '2026-01-15T12:34:56Z', '2026-01-15T05:34', '2026-01-15T05:34:56.789-07:00'];
    samples.forEach((s, i) => assert.equal(formatDate(when, dateStyleOf(s)!, -420), expected[i], s));
  });

  it('TOML re-serialised milliseconds (.000) are not copied', () => {
    assert.equal(dateStyleOf('2020-03-09T11:20:00.000-05:00')!.fraction, 0);
  });

  it('positive and half-hour offsets, and the default RFC 3339 style', () => {
    assert.equal(formatDate(when, RFC3339, 330), '2026-01-15T18:04:56+05:30');
    assert.equal(formatDate(when, RFC3339, 0), '2026-01-15T12:34:56+00:00');
  });

  it('says why a date is not one', () => {
    assert.match(dateProblem('2023-02-29')!, /day 29/);
    assert.equal(dateProblem('2024-02-29'), undefined);
    assert.match(dateProblem('2023-00-10')!, /month 00/);
    assert.match(dateProblem('2023-01-10T25:00:00Z')!, /time 25:00/);
    assert.match(dateProblem('2023-01-10T10:00:00+19:00')!, /offset/);
    assert.match(dateProblem('soon')!, /not in a date format/);
    assert.equal(dateProblem('Jan 2, 2006'), undefined);
    assert.equal(dateProblem(''), undefined);
  });
});
