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
