/** Go's reference-time layouts, as Hugo's `.Format` and `now.Format` print an instant. */
import { formatOffset, localTime, pad, type LocalTime } from '../../localTime';

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
