/**
 * The markdown-it set-ups used for analysis (headings, links), one per dialect, so ids and link
 * verdicts follow the generator's Markdown: with footnotes where it has them (`[^1]: x` is then a
 * footnote, not a link definition).
 */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import deflist from 'markdown-it-deflist';
import { GOLDMARK, type MarkdownDialect } from './dialect';
import { kramdownHtml } from './kramdownHtml';

export type Token = MarkdownIt.Token;
export type Markdown = ReturnType<typeof MarkdownIt>;

// Module-level on purpose: keyed by four booleans of the dialect (at most 16 set-ups), holding no
// site data, and shared by every site and engine in the process (the worker thread's too).
const parsers = new Map<string, Markdown>();

/** A parser configured like the dialect's renderer (GFM tables and strikethrough, raw HTML parsed). */
export function parserFor(dialect: MarkdownDialect): Markdown {
  const key = `${dialect.footnotes}|${dialect.definitionLists}|${dialect.kramdown}|${dialect.linkify}`;
  let md = parsers.get(key);
  if (!md) {
    md = MarkdownIt({ html: true, linkify: dialect.linkify, typographer: false });
    if (dialect.linkify) goldmarkLinkify(md);
    // Entities stay tokens of their own: Goldmark makes heading ids from `&eacute;` as written.
    md.core.ruler.disable('text_join');
    if (dialect.footnotes) md.use(footnote);
    if (dialect.definitionLists) md.use(deflist);
    if (dialect.kramdown) kramdownRules(md);
    parsers.set(key, md);
  }
  return md;
}

/** Goldmark's linkify: a bare URL needs a scheme or `www.` (a bare `a.md`, Moldova's TLD, stays text). */
export function goldmarkLinkify(md: Markdown): void {
  md.linkify.set({ fuzzyLink: false });
  md.linkify.add('www.', {
    validate: (text, pos) => {
      const m = /^[a-z0-9-]+(\.[a-z0-9-]+)+[^\s<]*/i.exec(text.slice(pos));
      return m ? m[0].length : 0;
    },
    normalize: (match) => {
      match.url = 'http://' + match.url;
    },
  });
}

/** kramdown's differences from CommonMark that change which links a page has (checker and preview). */
export function kramdownRules(md: Markdown): void {
  lastDefinitionWins(md);
  spacedDestinations(md);
  kramdownHtml(md);
}

type BlockRule = (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * kramdown keeps the last definition of a label (it warns "overwriting"), CommonMark the first:
 * verified with jekyll 4.3 (`[Dup]: /first/` then `[dup]: /last/` links to /last/).
 */
function lastDefinitionWins(md: Markdown): void {
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const original = rules.find((r) => r.name === 'reference')?.fn;
  if (!original) return;
  md.block.ruler.at('reference', (state, startLine, endLine, silent) => {
    if (silent) return original(state, startLine, endLine, silent);
    const env = state.env as { references?: Record<string, unknown> };
    const kept = env.references ?? {};
    env.references = {};
    const ok = original(state, startLine, endLine, silent);
    env.references = Object.assign(kept, env.references);
    return ok;
  });
}

type DestinationResult = { ok: boolean; pos: number; str: string };

/**
 * kramdown takes spaces into an inline link's destination: `[Jane](Jane Doe)` links to "Jane Doe" and
 * `[x](a b "t")` to "a b" (verified with jekyll 4.3); CommonMark ends it at the first space and prints
 * the brackets. The destination runs to the title or the closing parenthesis, on one line.
 */
function spacedDestinations(md: Markdown): void {
  const original = md.helpers.parseLinkDestination as (str: string, start: number, max: number) => DestinationResult;
  const parseLinkDestination = (str: string, start: number, max: number): DestinationResult => {
    const res = original(str, start, max);
    if (!res.ok || str.charCodeAt(start) === 0x3c || str.charCodeAt(res.pos) !== 0x20) return res;
    let pos = res.pos;
    let end = pos;
    let level = 0;
    while (pos < max) {
      const c = str.charCodeAt(pos);
      if (c === 0x0a) return res;
      if (c === 0x20) {
        let next = pos;
        while (str.charCodeAt(next) === 0x20) next++;
        const n = str.charCodeAt(next);
        if (n === 0x22 || n === 0x27 || (n === 0x29 && level === 0)) break;
        pos = next;
        continue;
      }
      if (c === 0x28) level++;
      if (c === 0x29) {
        if (level === 0) break;
        level--;
      }
      pos++;
      end = pos;
    }
    if (pos >= max || end === res.pos) return res;
    return { ok: true, pos: end, str: md.utils.unescapeAll(str.slice(start, end)) };
  };
  // The instance gets its own helpers object: the default one is shared by every markdown-it instance.
  (md as { helpers: Markdown['helpers'] }).helpers = { ...md.helpers, parseLinkDestination } as Markdown['helpers'];
}

/** The parser of Hugo's default dialect (benchmarks and tests that need "a" parser). */
export function analysisParser(): Markdown {
  return parserFor(GOLDMARK);
}

/**
 * Hugo runs shortcodes before Markdown, so `[x]({{< relref "a.md" >}})` is a link for Hugo but not
 * for a CommonMark parser (the destination has spaces). Masking each shortcode with a same-length
 * run of non-space characters keeps every offset and lets markdown-it see the link.
 */
export function maskShortcodes(text: string): string {
  return text.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, (m) => m.replace(/[^\n]/g, 'x').replace(/^x{2}/, 'hs').replace(/x{2}$/, 'sh'));
}
