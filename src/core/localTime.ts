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

// Intl formatters are costly to make: one per zone, for the life of the process.
const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = zoneFormatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
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

/** Minutes east of UTC in an IANA zone at an instant (0 for UTC or a zone the runtime does not know). */
export function zoneOffsetAt(epoch: number, zone: string | undefined): number {
  if (!zone) return 0;
  const f = zoneFormatter(zone);
  if (!f || !Number.isFinite(epoch)) return 0;
  const parts = f.formatToParts(new Date(epoch));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((wall - Math.floor(epoch / 1000) * 1000) / 60_000);
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
