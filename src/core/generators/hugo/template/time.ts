/**
 * Go's time.Time as Hugo 0.111's templates use it: `now`, `time`/`time.AsTime`, `time.Format` and
 * `dateFormat`, and a time's `.Format` and date fields. Layouts follow Go 1.20's reference-time
 * rules (time.nextStdChunk), checked against `hugo new`.
 *
 * What is not known here is refused: the zone's abbreviation (`MST`, which Go prints from the
 * location's name), and so printing a time at all (its String() holds the abbreviation, and for
 * `now` a monotonic-clock reading); the offset of a date written without one (Hugo reads it in the
 * site's time zone); digits of a fraction finer than a millisecond in a written date.
 */
import { localTime, pad, type LocalTime } from '../../../localTime';
import { parseHugoDateText } from '../goTime';
import { arity, toStr } from './cast';
import type { Fn } from './exec';
import { EvalError, type GoObject, type Value } from './values';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of a time in its own zone. */
type Wall = Pick<LocalTime, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond'>;

function civil(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

export class TimeValue implements GoObject {
  readonly goType = 'time.Time';

  /** `offsetMinutes` undefined: a date written without an offset, whose zone is the site's. */
  constructor(
    readonly wall: Wall,
    readonly offsetMinutes: number | undefined,
  ) {}

  static at(instant: Date, offsetMinutes: number): TimeValue {
    return new TimeValue(localTime(instant, offsetMinutes), offsetMinutes);
  }

  get weekday(): number {
    return civil(this.wall.year, this.wall.month, this.wall.day).getUTCDay();
  }

  get yearDay(): number {
    const { year, month, day } = this.wall;
    return Math.round((civil(year, month, day).getTime() - civil(year, 1, 1).getTime()) / 86_400_000) + 1;
  }

  offset(what: string): number {
    if (this.offsetMinutes === undefined) throw new EvalError(`${what} of a date written without an offset (Hugo reads it in the site's time zone)`);
    return this.offsetMinutes;
  }

  member(name: string, args: readonly Value[]): Value {
    if (name === 'Format') {
      arity('.Format', args, 1);
      return formatLayout(this, toStr(args[0], '.Format'));
    }
    arity(`.${name}`, args, 0);
    const w = this.wall;
    switch (name) {
      case 'Year':
        return w.year;
      case 'Day':
        return w.day;
      case 'Hour':
        return w.hour;
      case 'Minute':
        return w.minute;
      case 'Second':
        return w.second;
      case 'YearDay':
        return this.yearDay;
      case 'Unix': {
        const wallMs = civil(w.year, w.month, w.day).getTime() + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
        return Math.floor((wallMs - this.offset('.Unix') * 60_000) / 1000);
      }
      default:
        throw new EvalError(`time.Time.${name} is not supported`);
    }
  }
}

/** A numeric zone offset as Go writes it: `-07`, `-0700`, `-07:00` (with seconds `-070000`, `-07:00:00`). */
function numericZone(minutes: number, hoursOnly: boolean, colon: boolean, seconds: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  const sep = colon ? ':' : '';
  let out = sign + pad(Math.floor(a / 60));
  if (!hoursOnly) out += sep + pad(a % 60);
  if (seconds) out += sep + '00';
  return out;
}

/** The zone chunks Go knows, longest first as nextStdChunk tries them (`Z…` print `Z` for UTC). */
const ZONES: readonly [string, boolean, boolean, boolean][] = [
  ['-070000', false, false, true],
  ['-07:00:00', false, true, true],
  ['-0700', false, false, false],
  ['-07:00', false, true, false],
  ['-07', true, false, false],
];

const lowerAt = (s: string, i: number) => /[a-z]/.test(s[i] ?? '');

/** One layout chunk at `i`: its length and what it prints, or undefined for a literal character. */
function chunk(t: TimeValue, layout: string, i: number): [number, string] | undefined {
  const w = t.wall;
  const at = (s: string) => layout.startsWith(s, i);
  const c = layout[i];
  switch (c) {
    case 'J':
      if (at('January')) return [7, MONTHS[w.month - 1]];
      if (at('Jan') && !lowerAt(layout, i + 3)) return [3, MONTHS[w.month - 1].slice(0, 3)];
      return undefined;
    case 'M':
      if (at('Monday')) return [6, DAYS[t.weekday]];
      if (at('Mon') && !lowerAt(layout, i + 3)) return [3, DAYS[t.weekday].slice(0, 3)];
      if (at('MST')) throw new EvalError("the zone's abbreviation (MST in a layout) is not known here");
      return undefined;
    case '0': {
      const d = layout[i + 1] ?? '';
      if (d >= '1' && d <= '6') return [2, pad([w.month, w.day, w.hour % 12 || 12, w.minute, w.second, w.year % 100][Number(d) - 1])];
      if (at('002')) return [3, pad(t.yearDay, 3)];
      return undefined;
    }
    case '1':
      return at('15') ? [2, pad(w.hour)] : [1, String(w.month)];
    case '2':
      if (at('2006')) {
        if (w.year < 0 || w.year > 9999) throw new EvalError('a year outside 0–9999');
        return [4, pad(w.year, 4)];
      }
      return [1, String(w.day)];
    case '_':
      // `_2006` is a literal `_` before the year: the year is the next chunk.
      if (at('_2') && !at('_2006')) return [2, String(w.day).padStart(2, ' ')];
      if (at('__2')) return [3, String(t.yearDay).padStart(3, ' ')];
      return undefined;
    case '3':
      return [1, String(w.hour % 12 || 12)];
    case '4':
      return [1, String(w.minute)];
    case '5':
      return [1, String(w.second)];
    case 'P':
      return at('PM') ? [2, w.hour < 12 ? 'AM' : 'PM'] : undefined;
    case 'p':
      return at('pm') ? [2, w.hour < 12 ? 'am' : 'pm'] : undefined;
    case '-':
    case 'Z': {
      const iso = c === 'Z';
      for (const [z, hoursOnly, colon, seconds] of ZONES) {
        const name = iso ? 'Z' + z.slice(1) : z;
        if (!at(name)) continue;
        const off = t.offset('a zone offset');
        return [name.length, iso && off === 0 ? 'Z' : numericZone(off, hoursOnly, colon, seconds)];
      }
      return undefined;
    }
    case '.':
    case ',': {
      const d = layout[i + 1];
      if (d !== '0' && d !== '9') return undefined;
      let j = i + 1;
      while (layout[j] === d) j++;
      if (/[0-9]/.test(layout[j] ?? '')) return undefined;
      const n = j - i - 1;
      if (n > 9) return undefined;
      const digits = (pad(w.millisecond, 3) + '000000').slice(0, n);
      if (d === '0') return [n + 1, c + digits];
      const trimmed = digits.replace(/0+$/, '');
      return [n + 1, trimmed ? c + trimmed : ''];
    }
    default:
      return undefined;
  }
}

/** time.Time.Format. */
export function formatLayout(t: TimeValue, layout: string): string {
  let out = '';
  let i = 0;
  while (i < layout.length) {
    const std = chunk(t, layout, i);
    if (std) {
      out += std[1];
      i += std[0];
    } else out += layout[i++];
  }
  return out;
}

/** cast.ToTimeE as Hugo calls it: a time as it is, a date string read with spf13/cast's layouts. */
export function toTime(v: Value, fn: string): TimeValue {
  if (v instanceof TimeValue) return v;
  if (typeof v !== 'string') throw new EvalError(`${fn}: unable to read a ${v === null || v === undefined ? 'nil' : typeof v} as a date`);
  const r = parseHugoDateText(v);
  if (!r.ok) throw new EvalError(`${fn}: unable to parse date: ${v}`);
  // Go keeps nanoseconds; we keep milliseconds, so finer digits would be lost.
  if (/[.,]\d{4,}/.test(v)) throw new EvalError(`${fn}: a fraction finer than a millisecond`);
  const g = r.time;
  return new TimeValue({ year: g.year, month: g.month, day: g.day, hour: g.hour, minute: g.minute, second: g.second, millisecond: g.millis }, g.offset);
}

function formatWith(name: string): Fn {
  return (a) => {
    arity(name, a, 2);
    const layout = toStr(a[0], name);
    // Hugo's localized layouts (`:date_long`) depend on the site's language.
    if (layout.startsWith(':')) throw new EvalError(`${name}: the layout ${layout} is not supported`);
    return formatLayout(toTime(a[1], name), layout);
  };
}

const now: Fn = (a, env) => {
  arity('now', a, 0);
  if (!env.clock) throw new EvalError('now: no clock here');
  return TimeValue.at(env.clock.now, env.clock.offsetMinutes);
};

const asTime: Fn = (a) => {
  // time.AsTime's second argument is a time zone name.
  arity('time', a, 1);
  return toTime(a[0], 'time');
};

export const TIME_FUNCTIONS: ReadonlyMap<string, Fn> = new Map<string, Fn>([
  ['now', now],
  ['time.Now', now],
  ['time', asTime],
  ['time.AsTime', asTime],
  ['time.Format', formatWith('time.Format')],
  ['dateFormat', formatWith('dateFormat')],
]);
