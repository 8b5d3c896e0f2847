/**
 * Math written into a post: `$$…$$` (display; kramdown's math syntax too), `$…$` (inline, the KaTeX /
 * MathJax convention: no space inside either dollar, no digit right after the closing one), `\(…\)`
 * and `\[…\]`. A page that loads KaTeX or MathJax shows these as formulas, so brackets in them
 * (`a[i][j]`) are never reference links. Spans are found per block of text, never across a blank line.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const MATH = /\$\$[\s\S]+?\$\$|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|\$(?=[^\s$])[^$\n]*?[^\s$\\]\$(?!\d)|\$[^\s$]\$(?!\d)/g;

export function findMathSpans(text: string, from: number): Span[] {
  if (!text.includes('$') && !text.includes('\\(') && !text.includes('\\[')) return [];
  const out: Span[] = [];
  MATH.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = MATH.exec(text))) {
    // A span never crosses a paragraph break: the dollars belong to different blocks.
    if (/\n[ \t]*\r?\n/.test(m[0])) {
      MATH.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
