/**
 * Wall-clock time at a fixed UTC offset, and offsets as front matter writes them. Shared by New Post
 * (dates in the author's offset) and Hugo's archetypes (Go layouts).
 */

/** Wall-clock fields of an instant seen at a fixed UTC offset. */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly millisecond: number;
  /** Minutes east of UTC (-420 for -07:00). */
  readonly offsetMinutes: number;
}

export function localTime(instant: Date, offsetMinutes: number): LocalTime {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  };
}

export const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** `-07:00`, `+05:30`, `+00:00` (with `colon: false`: `-0700`). */
export function formatOffset(offsetMinutes: number, colon = true): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

// Intl formatters are costly to make: one pair per zone, for the life of the process.
interface ZoneFormatters {
  /** `12/6/2026, GMT+01:00`: the offset alone, about three times cheaper than formatting parts. */
  readonly offset: Intl.DateTimeFormat | null;
  /** The wall-clock fields, for a runtime whose offset names are not `GMT±hh:mm[:ss]`. */
  readonly parts: Intl.DateTimeFormat;
}
const zoneFormatters = new Map<string, ZoneFormatters | null>();

function zoneFormatter(zone: string): ZoneFormatters | null {
  let f = zoneFormatters.get(zone);
  if (f === undefined) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      let offset: Intl.DateTimeFormat | null = null;
      try {
        offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      } catch {
        offset = null;
      }
      f = { parts, offset };
    } catch {
      f = null;
    }
    zoneFormatters.set(zone, f);
  }
  return f;
}

/** Whether an IANA zone name (`Europe/Berlin`) is one this runtime knows. */
export function knownZone(zone: string): boolean {
  return zoneFormatter(zone) !== null;
}

const LONG_OFFSET = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;

/** The offset from the wall-clock fields (the reference the fast path is tested against). */
export function zoneOffsetFromParts(epoch: number, zone: string): number {
  const f = zoneFormatter(zone);
  if (!f || !Number.isFinite(epoch)) return 0;
  const parts = f.parts.formatToParts(new Date(epoch));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const d = new Date(Date.UTC(2000, get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')));
  // Years 0–99 stay years 0–99 (Date.UTC would read them as 1900–1999).
  d.setUTCFullYear(get('year'));
  return Math.round((d.getTime() - Math.floor(epoch / 1000) * 1000) / 60_000);
}

/** Minutes east of UTC in an IANA zone at an instant (0 for UTC or a zone the runtime does not know). */
export function zoneOffsetAt(epoch: number, zone: string | undefined): number {
  if (!zone) return 0;
  const f = zoneFormatter(zone);
  if (!f || !Number.isFinite(epoch)) return 0;
  const m = f.offset ? LONG_OFFSET.exec(f.offset.format(new Date(epoch))) : null;
  if (!m) return zoneOffsetFromParts(epoch, zone);
  if (!m[1]) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  // LMT offsets have seconds (+00:53:28): rounded to the minute, as the parts path does.
  return Math.round(((m[1] === '-' ? -1 : 1) * seconds) / 60);
}

/**
 * The instant a wall-clock time names in a zone. `wallAsUtc` is the wall-clock time read as if it
 * were UTC. Across a change of offset the offset in force just before the change is tried first.
 */
export function instantInZone(wallAsUtc: number, zone: string | undefined): number {
  if (!zone) return wallAsUtc;
  const first = zoneOffsetAt(wallAsUtc, zone);
  const guess = wallAsUtc - first * 60_000;
  const second = zoneOffsetAt(guess, zone);
  return second === first ? guess : wallAsUtc - second * 60_000;
}
