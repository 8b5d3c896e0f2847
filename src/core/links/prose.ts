/**
 * Whether brackets read as a reference link a writer meant (`[text][label]`), or as code, and the
 * full references in a paragraph's text whose label has no definition.
 */
import type { Span } from '../markdown/math';
import { inside } from './spans';

/**
 * Whether `[a][b]` at `rel` in `segment` reads as a reference link a writer meant: not brackets
 * attached to code-like text (`m[i][j]`, `$rows['a']['b']`, `[[wiki]]`) nor a label in quotes.
 */
export function looksLikeProse(segment: string, at: number): boolean {
  const before = at > 0 ? segment[at - 1] : ' ';
  if (/[\p{L}\p{N}_\])$'"`[]/u.test(before)) return false;
  const m = /^\[([^[\]]*)\]\[([^[\]]*)\]/.exec(segment.slice(at));
  if (!m) return false;
  const label = m[2] || m[1];
  // A numeric label is a reference (`[the guide][1]`) only when the text reads as words.
  return !/^\s*["'`]|["'`]\s*$/.test(label) && (!/^[\d\s.,:;+*/=<>-]*$/.test(label) || (m[2] !== '' && /\p{L}/u.test(m[1])));
}

export interface ReferenceScan {
  /** A text token's content, as markdown-it leaves it (no definition: the brackets are text). */
  readonly content: string;
  /** The masked source and the span of the paragraph the token is in. */
  readonly source: string;
  readonly span: Span;
  readonly codeSpans: readonly Span[];
  readonly math: readonly Span[];
  /** The document's definitions, by normalized label. */
  readonly refs: Readonly<Record<string, unknown>>;
  readonly normalize: (label: string) => string;
}

/**
 * `[text][label]` whose label has no definition: markdown-it leaves it as text. Only the full and
 * collapsed forms are references; `[x]` alone (or `tags: [a, b]`) is just text. Returns each label
 * and where it starts in the source.
 */
export function undefinedReferences(o: ReferenceScan): { label: string; start: number }[] {
  const out: { label: string; start: number }[] = [];
  if (!o.content.includes('][')) return out;
  // Only in a post that writes reference links (it has definitions), or with a numbered label
  // (`[text][1]`): elsewhere `[FLINK-123][docs]` is a tag list the writer means as text.
  const writesReferences = Object.keys(o.refs).length > 0;
  const RE = /\[([^[\]]*)\]\[([^[\]]*)\]/g;
  let segment: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(o.content))) {
    const label = m[2] || m[1];
    if (!label.trim() || label.startsWith('^') || label.length > 999) continue;
    if (!writesReferences && !/^\s*\d+\s*$/.test(label)) continue;
    if (Object.prototype.hasOwnProperty.call(o.refs, o.normalize(label))) continue;
    // Only when the same characters are in the source (no escapes that would make it text).
    const seg = (segment ??= o.source.slice(o.span.start, o.span.end));
    let rel = seg.indexOf(m[0]);
    while (rel >= 0 && inside(o.codeSpans, o.span.start + rel)) rel = seg.indexOf(m[0], rel + 1);
    if (rel < 0) continue;
    const at = o.span.start + rel;
    if (!looksLikeProse(segment, rel) || inside(o.math, at)) continue;
    out.push({ label, start: m[2] ? at + m[1].length + 3 : at + 1 });
  }
  return out;
}
