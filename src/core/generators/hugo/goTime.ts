/**
 * Go's `time.Parse` for the layouts Hugo tries on a front-matter date (spf13/cast 1.5's list, which
 * Hugo 0.111 calls through htime.ToTimeInDefaultLocationE). Go is more lenient than an ISO reader in
 * some places and stricter in others, and a date Hugo cannot read is silently dropped (the zero
 * date), so the check and the permalinks must read exactly what Go reads [verified 0.111:
 * test/fixtures/hugo-dates, test/fixtures/frontmatter/hugo-dates]:
 * - the hour (`15`) takes one or two digits (`2019-04-09T8:09:26-07:00`); month, day, minute and
 *   second take exactly two;
 * - a fraction may follow the seconds (`.5` or `,5`) even where the layout has none;
 * - a space in the layout matches one or more spaces;
 * - hour 24, second 60 and a day past the month's end are errors; a numeric offset is not range
 *   checked (`+25:00` is read as written, by the Go release Debian's Hugo is built with);
 * - no leading or trailing text: `" 2019-04-09"` is no date.
 */

export interface GoTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Milliseconds of the fraction (truncated). */
  readonly millis: number;
  /** Minutes east of UTC when the text had a numeric offset (or `Z`/`UTC`); undefined otherwise. */
  readonly offset?: number;
}

/** Why Go refused a text, for messages. */
export type GoTimeResult = { readonly ok: true; readonly time: GoTime } | { readonly ok: false; readonly range?: string };

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHORT_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// The layout elements these layouts use, longest first where one is a prefix of another.
const ELEMENTS = ['Monday', 'Mon', 'Jan', '2006', '01', '02', '_2', '15', '04', '05', '06', 'PM', 'MST', 'Z07:00', 'Z0700', '-07:00', '-0700', '.999999999', '.000000000', '.000000', '.000', '3'] as const;
type Element = (typeof ELEMENTS)[number];
type Chunk = { readonly lit: string } | { readonly el: Element };

function compile(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = '';
  let i = 0;
  while (i < layout.length) {
    const el = ELEMENTS.find((e) => layout.startsWith(e, i));
    if (el) {
      if (lit) out.push({ lit });
      lit = '';
      out.push({ el });
      i += el.length;
    } else lit += layout[i++];
  }
  if (lit) out.push({ lit });
  return out;
}

/** spf13/cast 1.5 `timeFormats`, in its order; `zone: false` layouts are read in Hugo's default location. */
export const CAST_LAYOUTS: readonly { readonly layout: string; readonly chunks: readonly Chunk[] }[] = [
  '2006-01-02T15:04:05Z07:00', // RFC3339
  '2006-01-02T15:04:05',
  'Mon, 02 Jan 2006 15:04:05 -0700', // RFC1123Z
  'Mon, 02 Jan 2006 15:04:05 MST', // RFC1123
  '02 Jan 06 15:04 -0700', // RFC822Z
  '02 Jan 06 15:04 MST', // RFC822
  'Monday, 02-Jan-06 15:04:05 MST', // RFC850
  '2006-01-02 15:04:05.999999999 -0700 MST',
  '2006-01-02T15:04:05-0700',
  '2006-01-02 15:04:05Z0700',
  '2006-01-02 15:04:05',
  'Mon Jan _2 15:04:05 2006', // ANSIC
  'Mon Jan _2 15:04:05 MST 2006', // UnixDate
  'Mon Jan 02 15:04:05 -0700 2006', // RubyDate
  '2006-01-02 15:04:05Z07:00',
  '2006-01-02',
  '02 Jan 2006',
  '2006-01-02 15:04:05 -07:00',
  '2006-01-02 15:04:05 -0700',
  '3:04PM', // Kitchen
  'Jan _2 15:04:05', // Stamp
  'Jan _2 15:04:05.000', // StampMilli
  'Jan _2 15:04:05.000000', // StampMicro
  'Jan _2 15:04:05.000000000',
].map((layout) => ({ layout, chunks: compile(layout) }));

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** Go's getnum: one or two digits (`fixed`: exactly two). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

function lookup(names: readonly string[], s: string): [number, string] | undefined {
  const lower = s.toLowerCase();
  for (let i = 0; i < names.length; i++) if (lower.startsWith(names[i])) return [i, s.slice(names[i].length)];
  return undefined;
}

/** Go's skip: a layout space matches one or more spaces of the value (none only at its end). */
function skip(value: string, lit: string): string | undefined {
  let v = value;
  let p = lit;
  while (p.length) {
    if (p[0] === ' ') {
      if (v.length && v[0] !== ' ') return undefined;
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (!v.length || v[0] !== p[0]) return undefined;
    v = v.slice(1);
    p = p.slice(1);
  }
  return v;
}

/** Go's parseTimeZone for a `MST` element: length of the abbreviation, or 0. */
function zoneLength(v: string): number {
  if (v.length < 3) return 0;
  if (v.startsWith('ChST') || v.startsWith('MeST')) return 4;
  if (v.startsWith('GMT')) {
    const m = /^GMT(?:[+-]\d{1,2})?/.exec(v);
    return m ? m[0].length : 3;
  }
  let n = 0;
  while (n < 6 && n < v.length && v.charCodeAt(n) >= 65 && v.charCodeAt(n) <= 90) n++;
  if (n === 3) return 3;
  if (n === 4 && (v[3] === 'T' || v.startsWith('WITA'))) return 4;
  if (n === 5 && v[4] === 'T') return 5;
  return 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar Go uses (year 0 is a leap year). */
export function daysIn(month: number, year: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** What time.Parse has read so far: the rest of the value and the fields. */
interface ParseState {
  v: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offset?: number;
  pm?: boolean;
  /** The field found out of range, if any (Go reports it once the whole value is read). */
  range?: string;
}

function readYear(s: ParseState, el: '2006' | '06'): boolean {
  if (el === '2006') {
    if (s.v.length < 4 || !/^\d{4}/.test(s.v)) return false;
    s.year = Number(s.v.slice(0, 4));
    s.v = s.v.slice(4);
    return true;
  }
  if (!/^\d{2}/.test(s.v)) return false;
  const yy = Number(s.v.slice(0, 2));
  s.year = yy >= 69 ? 1900 + yy : 2000 + yy;
  s.v = s.v.slice(2);
  return true;
}

function readMonth(s: ParseState, el: '01' | 'Jan'): boolean {
  const r = el === 'Jan' ? lookup(SHORT_MONTHS, s.v) : getnum(s.v, true);
  if (!r) return false;
  s.month = el === 'Jan' ? r[0] + 1 : r[0];
  s.v = r[1];
  if (s.month < 1 || s.month > 12) s.range = 'month';
  return true;
}

function readDay(s: ParseState, el: '02' | '_2'): boolean {
  if (el === '_2' && s.v[0] === ' ') s.v = s.v.slice(1);
  const r = getnum(s.v, el === '02');
  if (!r) return false;
  [s.day, s.v] = r;
  if (s.day > 31) s.range = 'day';
  return true;
}

function readHour(s: ParseState, el: '15' | '3'): boolean {
  const r = getnum(s.v, false);
  if (!r) return false;
  [s.hour, s.v] = r;
  if (el === '15' ? s.hour >= 24 : s.hour > 12) s.range = 'hour';
  return true;
}

function readMinute(s: ParseState): boolean {
  const r = getnum(s.v, true);
  if (!r) return false;
  [s.minute, s.v] = r;
  if (s.minute >= 60) s.range = 'minute';
  return true;
}

function readSecond(s: ParseState, next: Chunk | undefined): boolean {
  const r = getnum(s.v, true);
  if (!r) return false;
  [s.second, s.v] = r;
  if (s.second >= 60) s.range = 'second';
  // A fraction after the seconds is read even when the layout has none (unless it has one next).
  const layoutHasFraction = next && 'el' in next && next.el.startsWith('.');
  if (!layoutHasFraction) readOptionalFraction(s);
  return true;
}

/** `.5` or `,5`, any number of digits, when the value has one here. */
function readOptionalFraction(s: ParseState): void {
  const v = s.v;
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
    let n = 2;
    while (isDigit(v, n)) n++;
    s.millis = Number((v.slice(1, n) + '00').slice(0, 3));
    s.v = v.slice(n);
  }
}

/** `.000`, `.000000`, `.000000000`: exactly that many digits. */
function readFixedFraction(s: ParseState, el: '.000' | '.000000' | '.000000000'): boolean {
  const v = s.v;
  const digits = el.length - 1;
  if (v.length < digits + 1 || (v[0] !== '.' && v[0] !== ',') || !new RegExp(`^\\d{${digits}}`).test(v.slice(1))) return false;
  s.millis = Number(v.slice(1, 4));
  s.v = v.slice(digits + 1);
  return true;
}

function readAmPm(s: ParseState): boolean {
  const p = s.v.slice(0, 2);
  if (p !== 'PM' && p !== 'AM') return false;
  s.pm = p === 'PM';
  s.v = s.v.slice(2);
  return true;
}

function readWeekday(s: ParseState, el: 'Mon' | 'Monday'): boolean {
  const r = lookup(el === 'Mon' ? SHORT_DAYS : LONG_DAYS, s.v);
  if (!r) return false;
  s.v = r[1];
  return true;
}

function readZoneName(s: ParseState): boolean {
  if (s.v.startsWith('UTC')) {
    s.v = s.v.slice(3);
    return true;
  }
  const n = zoneLength(s.v);
  if (!n) return false;
  s.v = s.v.slice(n);
  return true;
}

function readOffset(s: ParseState, el: 'Z07:00' | 'Z0700' | '-07:00' | '-0700'): boolean {
  if (el[0] === 'Z' && s.v[0] === 'Z') {
    s.offset = 0;
    s.v = s.v.slice(1);
    return true;
  }
  const colon = el.includes(':');
  const m = (colon ? /^([+-])(\d\d):(\d\d)/ : /^([+-])(\d\d)(\d\d)/).exec(s.v);
  if (!m) return false;
  s.offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  s.v = s.v.slice(m[0].length);
  return true;
}

/** Reads one layout element; false when the value does not fit it. */
function readElement(s: ParseState, el: Element, next: Chunk | undefined): boolean {
  switch (el) {
    case '2006':
    case '06':
      return readYear(s, el);
    case '01':
    case 'Jan':
      return readMonth(s, el);
    case '02':
    case '_2':
      return readDay(s, el);
    case '15':
    case '3':
      return readHour(s, el);
    case '04':
      return readMinute(s);
    case '05':
      return readSecond(s, next);
    case '.999999999':
      readOptionalFraction(s);
      return true;
    case '.000':
    case '.000000':
    case '.000000000':
      return readFixedFraction(s, el);
    case 'PM':
      return readAmPm(s);
    case 'Mon':
    case 'Monday':
      return readWeekday(s, el);
    case 'MST':
      return readZoneName(s);
    case 'Z07:00':
    case 'Z0700':
    case '-07:00':
    case '-0700':
      return readOffset(s, el);
  }
}

/** The fields read, checked as Go checks them once the whole value is consumed. */
function finishTime(s: ParseState): GoTimeResult {
  if (s.v.length) return { ok: false, range: s.range };
  if (s.range) return { ok: false, range: s.range };
  let { hour, month, day } = s;
  if (s.pm !== undefined) {
    if (s.pm && hour < 12) hour += 12;
    else if (!s.pm && hour === 12) hour = 0;
  }
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  if (day < 1 || day > daysIn(month, s.year)) return { ok: false, range: 'day' };
  return { ok: true, time: { year: s.year, month, day, hour, minute: s.minute, second: s.second, millis: s.millis, offset: s.offset } };
}

/** `value` read with one layout, as Go's time.Parse reads it. */
export function parseGoLayout(value: string, chunks: readonly Chunk[]): GoTimeResult {
  const s: ParseState = { v: value, year: 0, month: -1, day: -1, hour: 0, minute: 0, second: 0, millis: 0 };
  for (let c = 0; c < chunks.length; c++) {
    const ch = chunks[c];
    if ('lit' in ch) {
      const rest = skip(s.v, ch.lit);
      if (rest === undefined) return { ok: false, range: s.range };
      s.v = rest;
    } else if (!readElement(s, ch.el, chunks[c + 1])) return { ok: false, range: s.range };
  }
  return finishTime(s);
}

/** The first of cast's layouts that reads `value`; else the most telling out-of-range field. */
export function parseHugoDateText(value: string): GoTimeResult {
  let range: string | undefined;
  for (const l of CAST_LAYOUTS) {
    const r = parseGoLayout(value, l.chunks);
    if (r.ok) return r;
    range ??= r.range;
  }
  return { ok: false, range };
}
