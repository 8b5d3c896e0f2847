/**
 * Dates for new posts, written in the author's local offset (`2019-04-11T14:39:51-07:00`) the way
 * blogs write them by hand, not in UTC: a post dated `…Z` shows the wrong hour on most themes.
 * The clock and the offset are inputs, so tests fix both.
 */

import { formatOffset, localTime, pad, type LocalTime } from '../localTime';
import type { DateStyle } from '../site/generator';

export { formatOffset, localTime, type LocalTime, type DateStyle };



export function formatDate(instant: Date, offsetMinutes: number, style: DateStyle = 'rfc3339'): string {
  const t = localTime(instant, offsetMinutes);
  const day = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  const time = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  switch (style) {
    case 'date':
      return day;
    case 'local':
      return `${day} ${time}`;
    case 'space-offset':
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
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? [+-]\d{4}$/.test(s)) return 'space-offset';
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/.test(s)) return 'local';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return 'date';
  return undefined;
}

