/**
 * Front-matter dates for display. The author wrote `2019-04-11T14:39:51-07:00`; a reader of the
 * preview should see 14:39 at −07:00, the time the author meant, so we never go through a Date
 * (which would move it to the machine's zone or UTC).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const WRITTEN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

export interface DisplayDate {
  /** `11 April 2019, 14:39 (UTC−07:00)`; the raw text when it is not a date we can read. */
  readonly text: string;
  /** Machine-readable form for `<time datetime>`, when the value parsed. */
  readonly datetime?: string;
}

function offsetLabel(off: string): string {
  if (off.toUpperCase() === 'Z') return 'UTC';
  const norm = off.length === 5 ? `${off.slice(0, 3)}:${off.slice(3)}` : off;
  if (norm === '+00:00' || norm === '-00:00') return 'UTC';
  // A real minus sign reads better than a hyphen next to digits.
  return `UTC${norm.replace('-', '\u2212')}`;
}

export function displayDate(value: unknown): DisplayDate | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const raw = String(value).trim();
  const m = WRITTEN.exec(raw);
  if (!m) return { text: raw };
  const [, y, mo, d, h, mi, , off] = m;
  const month = MONTHS[Number(mo) - 1];
  if (!month || Number(d) < 1 || Number(d) > 31) return { text: raw };
  let text = `${Number(d)} ${month} ${y}`;
  if (h !== undefined) {
    text += `, ${h}:${mi}`;
    if (off) text += ` (${offsetLabel(off)})`;
  }
  return { text, datetime: raw.replace(' ', 'T') };
}
