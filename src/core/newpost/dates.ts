/**
 * Dates for new posts, written in the author's local offset (`2019-04-11T14:39:51-07:00`) the way
 * blogs write them by hand, not in UTC: a post dated `…Z` shows the wrong hour on most themes.
 * The clock and the offset are inputs, so tests fix both.
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

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `-07:00`, `+05:30`, `+00:00` (with `colon: false`: `-0700`). */
export function formatOffset(offsetMinutes: number, colon = true): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

/** How a site writes dates in front matter, detected from its posts. */
export type DateStyle =
  /** `2019-04-11T14:39:51-07:00` (Hugo, RFC 3339) */
  | 'rfc3339'
  /** `2020-03-14 10:00:00 -0700` (Jekyll's own style) */
  | 'jekyll'
  /** `2019-04-11 14:39:51` (Hexo; the site's timezone applies) */
  | 'local'
  /** `2019-04-11` */
  | 'date';

export function formatDate(instant: Date, offsetMinutes: number, style: DateStyle = 'rfc3339'): string {
  const t = localTime(instant, offsetMinutes);
  const day = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  const time = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  switch (style) {
    case 'date':
      return day;
    case 'local':
      return `${day} ${time}`;
    case 'jekyll':
      return `${day} ${time} ${formatOffset(offsetMinutes, false)}`;
    default:
      return `${day}T${time}${formatOffset(offsetMinutes)}`;
  }
}

/** `2019-04-11`: the day as the author sees it, for dated file names. */
export function datePrefix(instant: Date, offsetMinutes: number): string {
  return formatDate(instant, offsetMinutes, 'date');
}

/** Recognises the style of a date value as written in a post. */
export function dateStyleOf(written: string): DateStyle | undefined {
  const s = written.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) return 'rfc3339';
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? [+-]\d{4}$/.test(s)) return 'jekyll';
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(s)) return 'local';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return 'date';
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Go's reference-time layouts (`2006-01-02T15:04:05-07:00`, `Jan 2, 2006`), as Hugo's `.Format`
 * and `now.Format` use them. Longest tokens first, as Go matches them.
 */
const GO_TOKENS: readonly [string, (t: LocalTime) => string][] = [
  ['January', (t) => MONTHS[t.month - 1]],
  ['Monday', (t) => DAYS[t.weekday]],
  ['Z07:00', (t) => (t.offsetMinutes === 0 ? 'Z' : formatOffset(t.offsetMinutes))],
  ['Z0700', (t) => (t.offsetMinutes === 0 ? 'Z' : formatOffset(t.offsetMinutes, false))],
  ['-07:00', (t) => formatOffset(t.offsetMinutes)],
  ['-0700', (t) => formatOffset(t.offsetMinutes, false)],
  ['-07', (t) => formatOffset(t.offsetMinutes).slice(0, 3)],
  ['2006', (t) => pad(t.year, 4)],
  ['.000', (t) => '.' + pad(t.millisecond, 3)],
  ['Jan', (t) => MONTHS[t.month - 1].slice(0, 3)],
  ['Mon', (t) => DAYS[t.weekday].slice(0, 3)],
  // Zone abbreviations need a tz database; Go itself prints the numeric offset when it has none.
  ['MST', (t) => formatOffset(t.offsetMinutes, false)],
  ['01', (t) => pad(t.month)],
  ['02', (t) => pad(t.day)],
  ['_2', (t) => String(t.day).padStart(2, ' ')],
  ['03', (t) => pad(t.hour % 12 || 12)],
  ['04', (t) => pad(t.minute)],
  ['05', (t) => pad(t.second)],
  ['06', (t) => pad(t.year % 100)],
  ['15', (t) => pad(t.hour)],
  ['PM', (t) => (t.hour < 12 ? 'AM' : 'PM')],
  ['pm', (t) => (t.hour < 12 ? 'am' : 'pm')],
  ['1', (t) => String(t.month)],
  ['2', (t) => String(t.day)],
  ['3', (t) => String(t.hour % 12 || 12)],
  ['4', (t) => String(t.minute)],
  ['5', (t) => String(t.second)],
];

export function formatGoLayout(instant: Date, offsetMinutes: number, layout: string): string {
  const t = localTime(instant, offsetMinutes);
  let out = '';
  let i = 0;
  outer: while (i < layout.length) {
    for (const [token, fn] of GO_TOKENS) {
      if (layout.startsWith(token, i)) {
        out += fn(t);
        i += token.length;
        continue outer;
      }
    }
    out += layout[i++];
  }
  return out;
}
