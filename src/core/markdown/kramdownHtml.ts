/**
 * Raw HTML as kramdown reads it (verified with jekyll 4.3, kramdown's GFM input and its own
 * `input: kramdown` alike; test/fixtures/verdicts/jekyll-kramdown and jekyll-kramdown-input):
 * - a tag's unquoted attribute value is word characters only: `<img src=&#8221;&#8221; />` or
 *   `<a href=/x/>` is no tag, kramdown prints it as text;
 * - a line starting with a tag that is not a span element (`<p>`, `<div>`, `<section>`, a custom
 *   element) opens an HTML block that runs to the matching end tag, blank lines and all, or to the
 *   end of the document when there is none: Markdown inside is text (CommonMark ends most blocks at
 *   the first blank line). A span element (`<span>`, `<img>`, `<a>`…) starts a paragraph instead.
 */
import type MarkdownIt from 'markdown-it';

type Markdown = ReturnType<typeof MarkdownIt>;
type BlockRule = (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type InlineRule = (state: MarkdownIt.StateInline, silent: boolean) => boolean;

/** kramdown's span elements: at the start of a line they begin a paragraph, not an HTML block. */
const SPAN_ELEMENTS = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby s samp select small span strike strong sub sup textarea tt u var'.split(' '),
);
/** Elements with no content: the tag alone is the block. */
const VOID_ELEMENTS = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = `\\s+${NAME}(?:\\s*=\\s*(?:[\\p{L}\\p{M}\\p{N}_]+|"[^"]*"|'[^']*'))?`;
/** An opening tag kramdown accepts, at the start of the text. */
const OPEN_TAG = new RegExp(`^<(${NAME})((?:${ATTRIBUTE})*)\\s*(/)?>`, 'u');
/** The same, where a block may start (sticky: no copy of the rest of the document per line). */
const OPEN_TAG_AT = new RegExp(OPEN_TAG.source.slice(1), 'uy');

export function kramdownHtml(md: Markdown): void {
  md.block.ruler.at('html_block', htmlBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const original = rules.find((r) => r.name === 'html_inline')?.fn;
  if (!original) return;
  md.inline.ruler.at('html_inline', (state, silent) => {
    const start = state.pos;
    if (!original(state, true)) return false;
    const text = state.src.slice(start, state.pos);
    state.pos = start;
    if (/^<[A-Za-z]/.test(text) && OPEN_TAG.exec(text)?.[0].length !== text.length) return false;
    return original(state, silent);
  });
}

const htmlBlock: BlockRule = (state, startLine, endLine, silent) => {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x3c) return false;
  const limit = state.eMarks[endLine - 1];
  const end = blockEnd(state.src, pos, limit, silent);
  if (end === undefined) return false;
  if (silent) return true;
  let last = startLine;
  while (last < endLine - 1 && state.eMarks[last] < end - 1) last++;
  const token = state.push('html_block', '', 0);
  token.map = [startLine, last + 1];
  token.content = state.getLines(startLine, last + 1, state.blkIndent, true);
  state.line = last + 1;
  return true;
};

/** Where the HTML block starting at `pos` ends (exclusive); undefined when none starts there. */
function blockEnd(src: string, pos: number, limit: number, startOnly: boolean): number | undefined {
  if (src.startsWith('<!--', pos)) return until(src, '-->', pos + 4, limit);
  if (src.startsWith('<?', pos)) return until(src, '?>', pos + 2, limit);
  OPEN_TAG_AT.lastIndex = pos;
  const m = OPEN_TAG_AT.exec(src);
  if (!m || m.index + m[0].length > limit) return undefined;
  const name = m[1].toLowerCase();
  if (SPAN_ELEMENTS.has(name)) return undefined;
  const after = pos + m[0].length;
  if (startOnly || m[3] || VOID_ELEMENTS.has(name)) return after;
  return matchingEnd(src, after, limit, name);
}

function until(src: string, end: string, from: number, limit: number): number {
  const at = src.indexOf(end, from);
  return at < 0 || at + end.length > limit ? limit : at + end.length;
}

/** The offset after the end tag matching the element opened before `from` (same-name nesting counted). */
function matchingEnd(src: string, from: number, limit: number, name: string): number {
  const TAG = new RegExp(`<(/?)(${NAME})\\b[^>]*?(/?)>`, 'g');
  TAG.lastIndex = from;
  let depth = 1;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(src)) && m.index < limit) {
    if (m[2].toLowerCase() !== name) continue;
    if (m[1]) depth--;
    else if (!m[3]) depth++;
    if (depth === 0) return Math.min(limit, m.index + m[0].length);
  }
  return limit;
}
