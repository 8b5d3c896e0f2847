/**
 * What Jekyll makes of a document's `date` (posts, drafts, collection documents; a page's `date` is
 * never read). Jekyll turns the value into text and calls Ruby's `Time.parse` on it
 * (Document#merge_date! → Utils.parse_date): when Ruby raises, the build fails with "Invalid date
 * '…': Document '…' does not have a valid date in the YAML front matter" [verified 4.3.1:
 * test/fixtures/frontmatter/jekyll]. Ruby is lenient in ways an ISO reader is not: one-digit
 * fields, a day past the month's end rolls over (`2020-11-31` is 2020-12-01), `24:00:00` is the next
 * midnight and second 60 the next minute. It fails on a month outside 1–12, a day outside 1–31, an
 * hour over 24 (or 24 with minutes or seconds), minute 60, second 61 and an offset of 24 hours or
 * more. Text Ruby's date reader might or might not understand (`April 2019`, `09.04.2019`) is left
 * alone: we cannot judge it.
 */

export type JekyllDateVerdict =
  | { readonly kind: 'ok' }
  /** Ruby reads it as another day than written: `as` is the day it becomes. */
  | { readonly kind: 'rolls'; readonly as: string }
  /** Ruby raises: the build fails. */
  | { readonly kind: 'fails'; readonly reason: string }
  | { readonly kind: 'unknown' };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|t| +)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?)? *(Z|z|UTC|GMT|[A-Z]{3,4}|[+-]\d{2}(?::?\d{2})?)?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(month: number, year: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** Jekyll's reading of a document's `date` value (as YAML gave it: text, number, or a parsed date). */
export function jekyllDateVerdict(value: unknown): JekyllDateVerdict {
  if (value instanceof Date) return { kind: 'ok' };
  if (typeof value !== 'string') return { kind: 'unknown' };
  const s = value.trim();
  if (s === '') return { kind: 'unknown' };
  const m = ISO.exec(s);
  if (!m) {
    // Ruby finds no date at all in text without digits or month and day names.
    if (!/\d/.test(s) && !/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(s)) return { kind: 'fails', reason: `there is no date in '${s}'` };
    return { kind: 'unknown' };
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12) return { kind: 'fails', reason: `month ${m[2]} does not exist` };
  if (day < 1 || day > 31) return { kind: 'fails', reason: `day ${m[3]} does not exist` };
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0))) return { kind: 'fails', reason: `time ${m[4]}:${m[5]}${m[6] ? ':' + m[6] : ''} does not exist` };
  if (minute > 59) return { kind: 'fails', reason: `minute ${m[5]} does not exist` };
  if (second > 60) return { kind: 'fails', reason: `second ${m[6]} does not exist` };
  const zone = m[7];
  if (zone && /^[+-]/.test(zone)) {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3) || 0);
    if (minutes >= 24 * 60) return { kind: 'fails', reason: `offset ${zone} is a day or more` };
  }
  // Ruby's Time normalises what is left: day 31 of a 30-day month, hour 24, second 60.
  if (day > daysIn(month, year) || hour === 24 || second === 60) {
    const d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second);
    return { kind: 'rolls', as: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${m[4] !== undefined ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : ''}` };
  }
  return { kind: 'ok' };
}
