/** Front-matter dates as Hugo reads them, keeping the written calendar fields for permalinks. */

export interface WrittenDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Milliseconds since epoch; no offset written → UTC (Hugo's default `timeZone`). */
  readonly epoch: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

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
  const epoch = Date.parse(s);
  if (isNaN(epoch)) return undefined;
  const dt = new Date(epoch);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate(), epoch };
}

export function dayOfYear(d: WrittenDate): number {
  const start = Date.UTC(d.year, 0, 1);
  return Math.floor((Date.UTC(d.year, d.month - 1, d.day) - start) / 86400000) + 1;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
