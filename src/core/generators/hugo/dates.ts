/** Front-matter dates as Hugo reads them, keeping the written calendar fields for permalinks. */

export interface WrittenDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Milliseconds since epoch; no offset written → UTC (Hugo's default `timeZone`). */
  readonly epoch: number;
}

// Seconds are not optional: no layout Hugo tries reads `2020-01-02T15:04` [verified 0.111].
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

// The other layouts Hugo (spf13/cast) reads: RFC 1123/822/850, ANSIC, Unix and Ruby dates, and
// `02 Jan 2006`. Anything else (`January 5, 2017`, `2013/04/05`) is no date to Hugo: the zero date,
// year 1 in permalinks [verified 0.111: test/fixtures/hugo-dates].
const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ZONE = '(?:[A-Z]{3,5}|[+-]\\d{4})';
const GO_LAYOUTS = [
  `^${DAY}, \\d{2} ${MON} \\d{4} \\d{2}:\\d{2}:\\d{2} ${ZONE}$`,
  `^${LONG_DAY}, \\d{2}-${MON}-\\d{2} \\d{2}:\\d{2}:\\d{2} ${ZONE}$`,
  `^${DAY} ${MON} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}$`,
  `^${DAY} ${MON} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} ${ZONE} \\d{4}$`,
  `^${DAY} ${MON} \\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4} \\d{4}$`,
  `^\\d{2} ${MON} \\d{2} \\d{2}:\\d{2} ${ZONE}$`,
  `^\\d{2} ${MON} \\d{4}$`,
].map((src) => new RegExp(src));

/** A date in one of GO_LAYOUTS, read as Go reads it; undefined for any other text. */
function parseGoLayout(s: string): WrittenDate | undefined {
  if (!GO_LAYOUTS.some((r) => r.test(s))) return undefined;
  let t = /^\d{2} [A-Z][a-z]{2} \d{4}$/.test(s) ? `${s} 00:00` : s;
  // Go reads two-digit years 69–99 as 19xx and 00–68 as 20xx (JavaScript: 50–99 as 19xx).
  t = t.replace(/^(\d{2} [A-Z][a-z]{2} |[A-Za-z]+, \d{2}-[A-Z][a-z]{2}-)(\d{2})( )/, (_m, a: string, yy: string, b: string) => `${a}${Number(yy) < 69 ? '20' : '19'}${yy}${b}`);
  // Zone abbreviations: Hugo's default location (UTC) knows none, and Go then reads offset 0.
  t = t.replace(/\b[A-Z]{3,5}\b/g, '+0000');
  if (!/[+-]\d{4}/.test(t)) t += ' +0000';
  const epoch = Date.parse(t);
  if (isNaN(epoch)) return undefined;
  const off = /([+-])(\d{2})(\d{2})/.exec(t);
  const offsetMs = off ? (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) * 60000 : 0;
  // The calendar day as written (in the written offset), as Go keeps it.
  const local = new Date(epoch + offsetMs);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), epoch };
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

// Posts repeat their date under several keys (date, publishDate, lastmod) and sites repeat dates:
// parsing each distinct string once is a visible saving on a 10,000-post crawl.
const memo = new Map<string, WrittenDate | null>();

export function parseWrittenDate(v: unknown): WrittenDate | undefined {
  if (typeof v === 'string') {
    const hit = memo.get(v);
    if (hit !== undefined) return hit ?? undefined;
    const d = parseUncached(v);
    if (memo.size >= 20_000) memo.clear();
    memo.set(v, d ?? null);
    return d;
  }
  return parseUncached(v);
}

function parseUncached(v: unknown): WrittenDate | undefined {
  if (v instanceof Date) {
    return isNaN(v.getTime()) ? undefined : { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate(), epoch: v.getTime() };
  }
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  if (CANONICAL.test(s)) {
    // Already the string the general path below would build and parse: skip the rebuilding.
    const epoch = Date.parse(s);
    if (isNaN(epoch)) return undefined;
    return { year: digits(s, 0, 4), month: digits(s, 5, 7), day: digits(s, 8, 10), epoch };
  }
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', se = '00', frac = '', off] = m;
    const offset = off ? (off.toUpperCase() === 'Z' ? 'Z' : off.length === 5 ? `${off.slice(0, 3)}:${off.slice(3)}` : off) : 'Z';
    const epoch = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${se}${frac}${offset}`);
    if (isNaN(epoch)) return undefined;
    return { year: Number(y), month: Number(mo), day: Number(d), epoch };
  }
  return parseGoLayout(s);
}

export function dayOfYear(d: WrittenDate): number {
  const start = Date.UTC(d.year, 0, 1);
  return Math.floor((Date.UTC(d.year, d.month - 1, d.day) - start) / 86400000) + 1;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
