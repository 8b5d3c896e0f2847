/**
 * Front-matter dates: the written style a site uses (so a completed date looks like its
 * neighbours: `2019-04-11T14:39:51-07:00` on a Hugo blog, `2020-03-14 09:00:00 +0100` on a Jekyll
 * one) and whether a written date is a real one.
 */

export interface DateStyle {
  readonly dateOnly: boolean;
  /** Between date and time. */
  readonly sep: 'T' | ' ';
  readonly seconds: boolean;
  /** Digits of fractional seconds (0 = none). */
  readonly fraction: number;
  /** `-07:00`, `-0700`, `Z` or no zone at all. */
  readonly zone: 'colon' | 'plain' | 'Z' | 'none';
  /** Space before the zone (Jekyll writes `… 09:00:00 +0100`). */
  readonly zoneSpace: boolean;
}

/** Hugo's own format (archetypes write `{{ .Date }}` like this). */
export const RFC3339: DateStyle = { dateOnly: false, sep: 'T', seconds: true, fraction: 0, zone: 'colon', zoneSpace: false };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?( ?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function dateStyleOf(written: string): DateStyle | undefined {
  const m = ISO.exec(written.trim());
  if (!m) return undefined;
  if (!m[4]) return { dateOnly: true, sep: 'T', seconds: false, fraction: 0, zone: 'none', zoneSpace: false };
  const zone = !m[10] ? 'none' : m[10].toUpperCase() === 'Z' ? 'Z' : m[10].includes(':') ? 'colon' : 'plain';
  // TOML dates reach us re-serialised with `.000`; zero milliseconds are not a habit worth copying.
  const fraction = m[8] && !/^0+$/.test(m[8]) ? m[8].length : 0;
  return { dateOnly: false, sep: m[4] === ' ' ? ' ' : 'T', seconds: m[7] !== undefined, fraction, zone, zoneSpace: m[9] === ' ' && zone !== 'none' };
}

export function styleKey(s: DateStyle): string {
  return `${s.dateOnly ? 'D' : 'DT'}|${s.sep}|${s.seconds}|${s.fraction}|${s.zone}|${s.zoneSpace}`;
}

const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');

/**
 * `date` written in `style` at the given UTC offset (minutes east of UTC, e.g. -420 for -07:00).
 * A style without a zone writes local wall-clock time; `Z` writes UTC.
 */
export function formatDate(date: Date, style: DateStyle, offsetMinutes: number): string {
  const off = style.zone === 'Z' ? 0 : offsetMinutes;
  const t = new Date(date.getTime() + off * 60_000);
  const day = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (style.dateOnly) return day;
  let time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  if (style.seconds || style.fraction) time += `:${pad(t.getUTCSeconds())}`;
  if (style.fraction) time += '.' + String(t.getUTCMilliseconds()).padStart(3, '0').padEnd(style.fraction, '0').slice(0, style.fraction);
  let zone = '';
  if (style.zone === 'Z') zone = 'Z';
  else if (style.zone !== 'none') {
    const sign = off < 0 ? '-' : '+';
    zone = `${sign}${pad(Math.abs(off) / 60)}${style.zone === 'colon' ? ':' : ''}${pad(Math.abs(off) % 60)}`;
  }
  return `${day}${style.sep}${time}${style.zoneSpace && zone ? ' ' : ''}${zone}`;
}

/** Why a written date is not a date, or undefined when it is one. */
export function dateProblem(written: string): string | undefined {
  const s = written.trim();
  if (s === '') return undefined;
  const m = ISO.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) return `month ${m[2]} does not exist`;
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d < 1 || d > days) return `day ${m[3]} does not exist in ${y}-${m[2]}`;
    if (m[4] && (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7] ?? 0) > 60)) return `time ${m[5]}:${m[6]}${m[7] ? ':' + m[7] : ''} does not exist`;
    if (m[10] && m[10].toUpperCase() !== 'Z') {
      const digits = m[10].replace(':', '');
      if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3)) > 59) return `offset ${m[10]} does not exist`;
    }
    return undefined;
  }
  // Hugo and Jekyll also read other layouts (`Jan 2, 2006`, RFC 1123 …); accept what a date parser accepts.
  if (/\d/.test(s) && !isNaN(Date.parse(s))) return undefined;
  return 'it is not in a date format the generator reads (use e.g. 2024-05-01T09:30:00+02:00)';
}
