/** Front-matter dates as Hugo reads them, keeping the written calendar fields for permalinks. */
import { daysIn, parseHugoDateText, type GoTime } from './goTime';
import { instantInZone } from '../../localTime';

export interface WrittenDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Milliseconds since epoch; no offset written → the site's `timeZone` (UTC by default). */
  readonly epoch: number;
  /** Minutes east of UTC as written (`Z` is 0); undefined when the text has none. */
  readonly offset?: number;
}

/** Hugo's date keys: `date`, `lastmod`, `publishDate`, `expiryDate` and their aliases (pagemeta), any case. */
export const HUGO_DATE_KEYS: ReadonlySet<string> = new Set(['date', 'lastmod', 'modified', 'publishdate', 'pubdate', 'published', 'expirydate', 'unpublishdate']);

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/**
 * Epoch of a wall-clock time at its written offset (minutes east), or in the site's zone when none
 * was written (Go's ParseInLocation); years 0–99 stay years 0–99.
 */
function epochOf(t: GoTime, zone: string | undefined): number {
  const d = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second, t.millis));
  d.setUTCFullYear(t.year);
  return t.offset === undefined ? instantInZone(d.getTime(), zone) : d.getTime() - t.offset * 60_000;
}

/**
 * A front-matter date as Hugo reads it. `zone`: the site's `timeZone`, which dates written without
 * an offset are read in [verified 0.111: hugo-posts fixture, `hugo list future`]; UTC without it.
 * No memo (it was process-wide state): the two usual forms skip the layout search (~0.5 µs instead
 * of ~2.5), and a post's repeated date is read once by its caller (computeStatus).
 */
export function parseWrittenDate(v: unknown, zone?: string): WrittenDate | undefined {
  if (typeof v === 'string') return parseString(v, zone);
  if (v instanceof Date) {
    return isNaN(v.getTime()) ? undefined : { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate(), epoch: v.getTime(), offset: 0 };
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    // cast reads a number as Unix seconds (`date: 2020` is 1970-01-01T00:33:40Z).
    const epoch = Math.trunc(v) * 1000;
    const d = new Date(epoch);
    return isNaN(epoch) ? undefined : { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), epoch, offset: 0 };
  }
  return undefined;
}

function parseString(s: string, zone: string | undefined): WrittenDate | undefined {
  if (CANONICAL.test(s)) {
    // The usual form, and valid as far as a regular expression can tell: skip the layout search.
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 7);
    const day = digits(s, 8, 10);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year) && digits(s, 11, 13) < 24 && digits(s, 14, 16) < 60 && digits(s, 17, 19) < 60) {
      const epoch = Date.parse(s);
      const offset = s.endsWith('Z') ? 0 : (s.charCodeAt(19) === 45 ? -1 : 1) * (digits(s, 20, 22) * 60 + digits(s, 23, 25));
      if (!isNaN(epoch)) return { year, month, day, epoch, offset };
    }
  }
  if (DAY_ONLY.test(s)) {
    // A day alone: midnight in the site's zone (UTC without one), as the layout search reads it (tested against it).
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 7);
    const day = digits(s, 8, 10);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year)) return { year, month, day, epoch: epochOf({ year, month, day, hour: 0, minute: 0, second: 0, millis: 0 }, zone), offset: undefined };
  }
  const r = parseHugoDateText(s);
  if (!r.ok) return undefined;
  // The calendar day as written (in the written offset), as Go keeps it.
  return { year: r.time.year, month: r.time.month, day: r.time.day, epoch: epochOf(r.time, zone), offset: r.time.offset };
}

/**
 * Why Hugo reads no date from a front-matter value (it then drops it: the page gets the zero date),
 * or undefined when it reads one. Only strings and booleans can fail; numbers are Unix seconds.
 */
export function hugoDateProblem(v: unknown): string | undefined {
  if (typeof v === 'boolean') return 'true or false is no date';
  if (typeof v !== 'string' || v === '' || parseWrittenDate(v)) return undefined;
  const r = parseHugoDateText(v);
  const range = !r.ok ? r.range : undefined;
  if (range) return `its ${range} is out of range`;
  if (v.trim() !== v) return 'it has leading or trailing spaces';
  return 'it is in none of the forms Hugo reads (e.g. 2024-05-01, 2024-05-01T09:30:00+02:00, 2024-05-01 09:30:00)';
}

export function dayOfYear(d: WrittenDate): number {
  const start = Date.UTC(d.year, 0, 1);
  return Math.floor((Date.UTC(d.year, d.month - 1, d.day) - start) / 86400000) + 1;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
