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
  /** Offsets in the text of the destination the pass sees: its path, then its `#fragment` (no title). */
  readonly start: number;
  readonly pathEnd: number;
  readonly end: number;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE = 41;
const HASH = 35;
const NEWLINE = 10;

/** `text.indexOf(needle, from)`, remembering its last answer: the scan asks about rising offsets. */
function finder(find: (from: number) => number): (from: number) => number {
  let askedFrom = Infinity;
  let answer = -1;
  return (from) => {
    if (from >= askedFrom && (answer < 0 || from <= answer)) return answer;
    askedFrom = from;
    answer = find(from);
    return answer;
  };
}

/** The first `ch` at or after `from` that no backslash precedes. */
function unescaped(text: string, ch: string): (from: number) => number {
  return finder((from) => {
    for (let p = text.indexOf(ch, from); p >= 0; p = text.indexOf(ch, p + 1)) if (text.charCodeAt(p - 1) !== BACKSLASH) return p;
    return -1;
  });
}

interface Found extends PassMatch {
  /** Where the regex's match ends: the scan goes on from there. */
  readonly matchEnd: number;
}

/**
 * The regex engine's walk, in linear time. What follows `](` (inline) or `]: ` (reference) is a path
 * as short as possible, then an optional `#fragment` (at least one character, on one line), an
 * optional TITLE, and the end: `)` for an inline link, blanks to the end of the line for a
 * reference. A fragment or title may run past the first `)`.
 */
class Scanner {
  private readonly n: number;
  private readonly nextClose: (from: number) => number;
  private readonly nextBreak: (from: number) => number;
  private readonly nextQuote: (from: number) => number;
  private readonly nextApostrophe: (from: number) => number;
  /** A fragment failed on this line: any later `#` on it fails too (it has fewer ends to try). */
  private fragmentDeadUntil = -1;
  /** The run of blanks last measured. */
  private run = { from: -1, to: -1 };

  constructor(private readonly text: string) {
    this.n = text.length;
    this.nextClose = finder((f) => text.indexOf(')', f));
    this.nextBreak = finder((f) => text.indexOf('\n', f));
    this.nextQuote = unescaped(text, '"');
    this.nextApostrophe = unescaped(text, "'");
  }

  lineEnd(i: number): number {
    const e = this.nextBreak(i);
    return e < 0 ? this.n : e;
  }

  private lastLine = { end: -1, lastText: -1 };

  /** Where `\s*?$` ends when it starts at `x` (the line's end), or -1 when something else is on the line. */
  private blanksToEnd(x: number): number {
    const end = this.lineEnd(x);
    if (this.lastLine.end !== end) {
      // The line's last character that is not a blank (or the line break before it).
      let last = end - 1;
      while (last >= 0 && this.text.charCodeAt(last) !== NEWLINE && isSpace(this.text.charCodeAt(last))) last--;
      this.lastLine = { end, lastText: last };
    }
    return x > this.lastLine.lastText ? end : -1;
  }

  /** What may follow a title or fragment: `)` inline, blanks to the line's end for a reference. */
  private ending(x: number, inline: boolean): number {
    if (inline) return this.text.charCodeAt(x) === CLOSE ? x + 1 : -1;
    return this.blanksToEnd(x);
  }

  /** TITLE at `t` followed by the ending: where the match ends, or -1. */
  private titleAt(t: number, inline: boolean): number {
    const text = this.text;
    if (!isSpace(text.charCodeAt(t))) return -1;
    // `\s+` runs to the end of the blanks (remembered: every blank of a run asks).
    if (t < this.run.from || t >= this.run.to) {
      let w = t;
      while (w < this.n && isSpace(text.charCodeAt(w))) w++;
      this.run = { from: t, to: w };
    }
    const w = this.run.to;
    if (text.charCodeAt(w) !== QUOTE) return -1;
    // `"…"`: its body passes a `"` only as `\"`, so it closes at the first unescaped one; the second
    // alternative, `"…'`, at the first unescaped `'`.
    for (const close of [this.nextQuote(w + 1), this.nextApostrophe(w + 1)]) {
      if (close < 0) continue;
      const end = this.ending(close + 1, inline);
      if (end >= 0) return end;
    }
    return -1;
  }

  /** `#.+?` at `e`, then TITLE?, then the ending: [fragment end, match end], or undefined. */
  private fragmentAt(e: number, inline: boolean): [number, number] | undefined {
    if (e < this.fragmentDeadUntil) return undefined;
    const end = this.lineEnd(e);
    for (let f = e + 2; f <= end; f++) {
      if (isSpace(this.text.charCodeAt(f))) {
        const t = this.titleAt(f, inline);
        if (t >= 0) return [f, t];
      }
      const plain = this.ending(f, inline);
      if (plain >= 0) return [f, plain];
    }
    this.fragmentDeadUntil = end;
    return undefined;
  }

  /** The destination after `](` (inline) or `]: ` at `s`, up to `limit` (the first `)`, or the line's end). */
  tail(s: number, limit: number, inline: boolean): Found | undefined {
    const text = this.text;
    for (let e = s + 1; e < limit; e++) {
      const c = text.charCodeAt(e);
      if (c === HASH) {
        const f = this.fragmentAt(e, inline);
        if (f) return { start: s, pathEnd: e, end: f[0], matchEnd: f[1] };
      }
      if (isSpace(c)) {
        const t = this.titleAt(e, inline);
        if (t >= 0) return { start: s, pathEnd: e, end: e, matchEnd: t };
        if (!inline) {
          const b = this.blanksToEnd(e);
          if (b >= 0) return { start: s, pathEnd: e, end: e, matchEnd: b };
        }
      }
    }
    if (inline) return { start: s, pathEnd: limit, end: limit, matchEnd: limit + 1 };
    return limit > s ? { start: s, pathEnd: limit, end: limit, matchEnd: limit } : undefined;
  }

  /** `\[(.*?)\]\(` at the bracket `i`, and its tail: the first `](` on the line whose tail matches. */
  inlineAt(i: number, nextInline: (from: number) => number): Found | 'no-close' | undefined {
    const end = this.lineEnd(i);
    for (let k = nextInline(i + 1); k >= 0 && k < end; k = this.text.indexOf('](', k + 1)) {
      const s = k + 2;
      // The path is at least one character, none of them `)`.
      if (s >= this.n || this.text.charCodeAt(s) === CLOSE) continue;
      const q = this.nextClose(s + 1);
      if (q < 0) return 'no-close';
      return this.tail(s, q, true);
    }
    return undefined;
  }

  /** `\[(.*?)\]: ` at the bracket `j`, and its tail. */
  referenceAt(j: number, nextReference: (from: number) => number): Found | undefined {
    const end = this.lineEnd(j);
    const t = nextReference(j + 1);
    if (t < 0 || t + 3 >= end) return undefined;
    return this.tail(t + 3, end, false);
  }
}

/** Every destination the pass matches in `text` from `from` (the content after the front matter). */
export function relativeLinksPassMatches(text: string, from: number): PassMatch[] {
  const out: PassMatch[] = [];
  const n = text.length;
  const scan = new Scanner(text);
  const nextInline = finder((f) => text.indexOf('](', f));
  const nextReference = finder((f) => text.indexOf(']: ', f));
  // An inline match failed on this line: later brackets on it fail too (they see fewer `](`). With
  // no `)` left in the text, no inline match is possible any more.
  let inlineDeadUntil = -1;
  let noClose = false;
  let blank = { from: -1, to: -1, found: undefined as Found | undefined };
  let i = from;
  while (i < n) {
    if (text.charCodeAt(i) === 91 && i >= inlineDeadUntil && !noClose) {
      const m = scan.inlineAt(i, nextInline);
      if (m === 'no-close') noClose = true;
      else if (m) {
        out.push(m);
        i = m.matchEnd;
        continue;
      } else inlineDeadUntil = scan.lineEnd(i);
    }
    if (i === from || text.charCodeAt(i - 1) === NEWLINE) {
      // `^\s*?\[`: blank lines and indentation before the bracket belong to the match.
      if (i < blank.from || i > blank.to) {
        let j = i;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        blank = { from: i, to: j, found: text.charCodeAt(j) === 91 ? scan.referenceAt(j, nextReference) : undefined };
      }
      const m = blank.found;
      if (m) {
        out.push(m);
        i = m.matchEnd;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** The links whose destination is exactly one the pass matched, marked with the path it reads. */
export function markRelativePass(text: string, from: number, links: readonly ExtractedLink[]): ExtractedLink[] {
  const matches = relativeLinksPassMatches(text, from);
  if (!matches.length) return links as ExtractedLink[];
  const byStart = new Map<number, PassMatch>();
  for (const m of matches) byStart.set(m.start, m);
  return links.map((l) => {
    if ((l.kind !== 'inline' && l.kind !== 'image' && l.kind !== 'definition') || l.href !== undefined || l.liquidRef) return l;
    const m = byStart.get(l.range.start);
    return m && m.end === l.range.end ? { ...l, relativePass: text.slice(m.start, m.pathEnd) } : l;
  });
}
