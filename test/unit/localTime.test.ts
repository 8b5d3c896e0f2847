/**
 * Offsets in IANA zones: the fast path (the offset's own name, `GMT+05:45`) answers what the
 * wall-clock fields answer, for every zone kind (half and quarter hours, negative DST, seconds in
 * local mean time, zones that skipped a day) across three centuries.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { instantInZone, zoneOffsetAt, zoneOffsetFromParts } from '../../src/core/localTime';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Africa/Monrovia', 'Pacific/Chatham', 'America/St_Johns', 'Europe/Dublin', 'Pacific/Apia', 'Asia/Tokyo', 'UTC', 'Etc/GMT+5', 'Europe/London', 'America/Caracas'];

describe('localTime: offsets in a zone', () => {
  it('the offset name answers what the wall-clock fields answer (property)', () => {
    const epoch = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), epoch, (zone, t) => {
        assert.equal(zoneOffsetAt(t, zone), zoneOffsetFromParts(t, zone), `${zone} at ${new Date(t).toISOString()}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('known offsets, and the instants around a change of offset', () => {
    assert.equal(zoneOffsetAt(Date.UTC(2024, 6, 1), 'Europe/Berlin'), 120);
    assert.equal(zoneOffsetAt(Date.UTC(2024, 0, 1), 'Asia/Kathmandu'), 345);
    assert.equal(zoneOffsetAt(Date.UTC(2024, 0, 1), 'America/St_Johns'), -210);
    assert.equal(zoneOffsetAt(Date.UTC(1850, 0, 1), 'Europe/Berlin'), 53, 'local mean time +00:53:28, to the minute');
    assert.equal(zoneOffsetAt(Date.UTC(2024, 0, 1), 'UTC'), 0);
    assert.equal(zoneOffsetAt(Date.UTC(2024, 0, 1), undefined), 0);
    assert.equal(zoneOffsetAt(Date.UTC(2024, 0, 1), 'No/Such_Zone'), 0);
    // Berlin's spring change, 2024-03-31 01:00 UTC: a minute before and at the change.
    const change = Date.UTC(2024, 2, 31, 1, 0, 0);
    assert.equal(zoneOffsetAt(change - 60_000, 'Europe/Berlin'), 60);
    assert.equal(zoneOffsetAt(change, 'Europe/Berlin'), 120);
    assert.equal(instantInZone(Date.UTC(2024, 5, 1, 10, 0, 0), 'America/New_York'), Date.UTC(2024, 5, 1, 14, 0, 0));
  });
});
