/**
 * The text pass jekyll-relative-links (0.7, GitHub Pages' default plugin) runs over a page's content
 * before Liquid and Markdown: `content.gsub(LINK_REGEX)`, where LINK_REGEX is
 *
 *   inline     \[(.*?)\]\(([^)]+?)(#.+?|)?(TITLE)?\)
 *   reference  ^\s*?\[(.*?)\]: (.+?)(#.+?|)?(TITLE)?\s*?$
 *   TITLE      \s+"(?:\\"|[^"])*(?<!\\)"  |  \s+"(?:\\'|[^'])*(?<!\\)'
 *
 * (Ruby: `.` stops at a line break, `^`/`$` are line anchors). Only what these regexes match is
 * rewritten, which is not every link Markdown sees: a destination in `<…>`, with spaces around it,
 * holding `)`, a link whose text holds an image (`[![badge](b.svg)](x.md)`: the match ends at the
 * image), a title in single quotes, a definition without exactly one space after the colon — all stay
 * as written. This module finds the matches the way the regex engine does, in linear time (the
 * regexes themselves backtrack quadratically on a long line of brackets), and marks the links whose
 * destination (path and fragment) is exactly a match's.
 */
import type { ExtractedLink } from '../links/types';

export interface PassMatch {
  /** Offsets in the text of the destination the pass sees: its path and `#fragment`, no title. */
  readonly start: number;
  readonly end: number;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** Where TITLE, anchored at the end of `s`, starts at the earliest (never at 0); -1 when nowhere. */
function titleStart(s: string): number {
  const end = s.length - 1;
  const close = s.charCodeAt(end);
  if ((close !== 34 && close !== 39) || s.charCodeAt(end - 1) === 92) return -1;
  // The opening `"`: one not escaped with `\`, with whitespace before it, and no unescaped closing
  // quote between it and the end. `"…"`: the body ends at the first unescaped `"` going back;
  // `"…'` (the second alternative): the leftmost `"` before an unescaped `'`.
  let open = -1;
  for (let i = end - 1; i >= 1; i--) {
    const c = s.charCodeAt(i);
    const escaped = s.charCodeAt(i - 1) === 92;
    if (c === 39 && close === 39 && !escaped) break;
    if (c !== 34 || escaped) continue;
    if (isSpace(s.charCodeAt(i - 1))) open = i;
    if (close === 34) break;
  }
  if (open < 1) return -1;
  let start = open - 1;
  while (start > 1 && isSpace(s.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * The destination inside what follows `](` or `]: ` up to the match's end (`rest`): the path and its
 * `#fragment` run up to a title, if one ends the match (where the path ends in it does not matter:
 * the fragment is kept as written).
 */
function destinationLength(rest: string): number {
  const title = titleStart(rest);
  return title >= 1 ? title : rest.length;
}

/** `text.indexOf(needle, from)`, remembering the last answer: the scan asks about rising offsets. */
function finder(text: string, needle: string): (from: number) => number {
  let askedFrom = Infinity;
  let answer = -1;
  return (from) => {
    if (from >= askedFrom && (answer < 0 || from <= answer)) return answer;
    askedFrom = from;
    answer = text.indexOf(needle, from);
    return answer;
  };
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly matchEnd: number;
}

/** Every destination the pass matches in `text` from `from` (the content after the front matter). */
export function relativeLinksPassMatches(text: string, from: number): PassMatch[] {
  const out: PassMatch[] = [];
  const n = text.length;
  const nextInline = finder(text, '](');
  const nextClose = finder(text, ')');
  const nextReference = finder(text, ']: ');
  const nextBreak = finder(text, '\n');
  const lineEnd = (i: number) => {
    const e = nextBreak(i);
    return e < 0 ? n : e;
  };
  // An inline match failed on this line: later brackets on it fail too (they see fewer `](`). With
  // no `)` left in the text, no inline match is possible any more.
  let inlineDeadUntil = -1;
  let noClose = false;
  let blank = { from: -1, to: -1, found: undefined as Found | undefined };

  /** `\[(.*?)\]\(([^)]+?)(#.+?|)?(TITLE)?\)` at the bracket `i`. */
  const inlineAt = (i: number, end: number): Found | undefined => {
    for (let k = nextInline(i + 1); k >= 0 && k < end; k = text.indexOf('](', k + 1)) {
      const s = k + 2;
      // The path is at least one character, none of them `)`.
      if (s >= n || text.charCodeAt(s) === 41) continue;
      const q = nextClose(s + 1);
      if (q < 0) {
        noClose = true;
        return undefined;
      }
      return { start: s, end: s + destinationLength(text.slice(s, q)), matchEnd: q + 1 };
    }
    return undefined;
  };

  /** `\[(.*?)\]: (.+?)(#.+?|)?(TITLE)?\s*?$` at the bracket `j`. */
  const referenceAt = (j: number): Found | undefined => {
    const end = lineEnd(j);
    const t = nextReference(j + 1);
    if (t < 0 || t >= end || t + 3 >= end) return undefined;
    const s = t + 3;
    let e = end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    // Only spaces after the colon: the path is one of them, no destination.
    return { start: s, end: e === s ? s : s + destinationLength(text.slice(s, e)), matchEnd: end };
  };

  let i = from;
  while (i < n) {
    if (text.charCodeAt(i) === 91 && i >= inlineDeadUntil && !noClose) {
      const end = lineEnd(i);
      const m = inlineAt(i, end);
      if (m) {
        out.push(m);
        i = m.matchEnd;
        continue;
      }
      inlineDeadUntil = end;
    }
    if (i === from || text.charCodeAt(i - 1) === 10) {
      // `^\s*?\[`: blank lines and indentation before the bracket belong to the match.
      if (i < blank.from || i > blank.to) {
        let j = i;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        blank = { from: i, to: j, found: text.charCodeAt(j) === 91 ? referenceAt(j) : undefined };
      }
      const m = blank.found;
      if (m) {
        if (m.end > m.start) out.push(m);
        i = m.matchEnd;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** The links whose destination is exactly one the pass matched, marked `relativePass`. */
export function markRelativePass(text: string, from: number, links: readonly ExtractedLink[]): ExtractedLink[] {
  const matches = relativeLinksPassMatches(text, from);
  if (!matches.length) return links as ExtractedLink[];
  const byStart = new Map<number, number>();
  for (const m of matches) byStart.set(m.start, m.end);
  return links.map((l) =>
    (l.kind === 'inline' || l.kind === 'image' || l.kind === 'definition') && l.href === undefined && !l.liquidRef && byStart.get(l.range.start) === l.range.end ? { ...l, relativePass: true } : l,
  );
}
