/**
 * Code spans and positions: whether an offset lies inside one of a set of source spans.
 */
import type { Span } from '../markdown/math';

/**
 * Whether an offset lies in one of the spans. Spans are kept in source order (tokens come in order),
 * so a binary search finds the last span starting at or before the offset; overlapping spans (a
 * code span inside a paragraph already listed) fall back to a short scan backwards.
 */
export function inside(spans: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = last, seen = 0; k >= 0 && seen < 64; k--, seen++) if (offset < spans[k].end) return true;
  return false;
}

/** CommonMark code spans in a source span: a backtick run closed by a run of the same length. */
export function findCodeSpans(s: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let i = start;
  while (i < end) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    let n = 0;
    while (s[i + n] === '`') n++;
    let j = i + n;
    let closed = -1;
    while (j < end) {
      if (s[j] !== '`') {
        j++;
        continue;
      }
      let k = 0;
      while (s[j + k] === '`') k++;
      if (k === n) {
        closed = j;
        break;
      }
      j += k;
    }
    if (closed < 0) {
      i += n;
      continue;
    }
    out.push({ start: i, end: closed + n });
    i = closed + n;
  }
  return out;
}
