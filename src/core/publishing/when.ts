/**
 * Instants as a writer reads them: "12 March 2027, 09:00 +01:00" in the offset the generator reads
 * the date in, "3 days from now", and RFC 3339 the way Go prints it (`hugo list future`).
 */
import { formatOffset, instantInZone, localTime, pad, zoneOffsetAt } from '../localTime';
import type { ReadDate } from '../site/publishing';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `12 March 2027, 09:00 +01:00` (`UTC` for offset zero). */
export function humanDate(d: Pick<ReadDate, 'epoch' | 'offset'>): string {
  const t = localTime(new Date(d.epoch), d.offset);
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}, ${pad(t.hour)}:${pad(t.minute)} ${d.offset === 0 ? 'UTC' : formatOffset(d.offset)}`;
}

/** RFC 3339 as Go's time.RFC3339 prints it: seconds, no fraction, `Z` for offset zero. */
export function rfc3339(d: Pick<ReadDate, 'epoch' | 'offset'>): string {
  const t = localTime(new Date(d.epoch), d.offset);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${d.offset === 0 ? 'Z' : formatOffset(d.offset)}`;
}

const UNITS: readonly [string, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `3 days from now`, `2 years ago`, `in under a minute`: the largest whole unit. */
export function relativeTime(epoch: number, now: number): string {
  const diff = epoch - now;
  const abs = Math.abs(diff);
  for (const [unit, ms] of UNITS) {
    const n = Math.floor(abs / ms);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ${diff > 0 ? 'from now' : 'ago'}`;
  }
  return diff > 0 ? 'less than a minute from now' : 'less than a minute ago';
}

const WHEN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time typed by the writer (`2027-03-12 09:00`, `2027-03-12T09:00:00+01:00`, `2027-03-12`): with
 * an offset as written, without one in the site's zone, else at `fallbackOffset` (the writer's own).
 */
export function parseWhen(text: string, zone: string | undefined, fallbackOffset: number): Date | undefined {
  const m = WHEN.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', off] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const back = new Date(wall);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23) return undefined;
  if (off) {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.replace(/[^0-9]/g, '');
    const minutes = off.toUpperCase() === 'Z' ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(wall - minutes * 60_000);
  }
  return new Date(zone ? instantInZone(wall, zone) : wall - fallbackOffset * 60_000);
}

/** `2027-03-12 09:00` in the site's zone (the writer's offset without one): what parseWhen reads back. */
export function wallClock(at: Date, zone: string | undefined, fallbackOffset: number): string {
  const t = localTime(at, zone ? zoneOffsetAt(at.getTime(), zone) : fallbackOffset);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}
