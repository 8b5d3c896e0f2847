/**
 * One pass over a document: front matter, headings with the generator's ids, HTML anchors and links.
 * The index stores the result (not the text), and the link checker and completion read it.
 */
import { splitFrontMatter, type FrontMatter } from '../frontmatter/parse';
import type { Heading } from '../site/model';
import type { ExtractedLink } from '../links/types';
import { extractLinksAndPlaces, textHash, usedShortcodes } from '../links/extract';
import type { ShortcodeUse } from '../links/shortcodes';
import { maskShortcodes, parserFor, type Token } from './parser';
import { HeadingIdGenerator, kramdownId, splitHeadingAttributes } from './headingIds';
import type { MarkdownDialect } from './dialect';
import { kramdownBlocks } from './kramdown';
import { findMathSpans } from './math';
import { renderLiquid, type LiquidSite, type RenderedLiquid } from './liquid';
import { mapLiquidLinks } from './liquidLinks';
import { markRelativePass } from './relativeLinksPass';
import { codeLineIds } from './codeLineIds';

export interface AnalyzeOptions {
  /** How the site's generator reads Markdown (shared with the preview). */
  readonly dialect: MarkdownDialect;
  /** The site's Liquid variables, for a dialect whose templates are Liquid. */
  readonly liquid?: LiquidSite;
  /** Above this size only the front matter is read… */
  readonly maxBodyBytes?: number;
  /**
   * …and the links, when set: for a host that analyses off its main thread (the editor's worker), so
   * a large post still gets its links checked. Headings and anchors are skipped either way.
   */
  readonly linksOverLimit?: boolean;
  /**
   * The site's own hosts. A bare URL (linkify) is judged only when it is the site's own, so a text
   * that mentions none of them is parsed without linkify (its regular expressions cost a tenth of
   * the parse). Unset: linkify as the dialect says.
   */
  readonly bareUrlHosts?: readonly string[];
  /**
   * The file is HTML (a Hugo `.html` content file, a Jekyll HTML page): the generator reads no
   * Markdown in it, so it has no Markdown headings; its ids are the id/name attributes it writes.
   */
  readonly htmlFile?: boolean;
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd|mkdn)$/i;

/** Whether the generator reads the file as Markdown (an `.html` content file is published as written). */
export function isMarkdownFile(file: string): boolean {
  return MARKDOWN_FILE.test(file);
}

/** An HTML page's source (other formats, AsciiDoc or Org, are rendered by tools whose ids we do not model). */
export function isHtmlFile(file: string): boolean {
  return /\.html?$/i.test(file);
}

export interface DocumentAnalysis {
  readonly frontMatter?: FrontMatter;
  readonly bodyStart: number;
  readonly headings: Heading[];
  readonly htmlIds: string[];
  readonly links: ExtractedLink[];
  /** Over the size limit: headings and anchors were not read (nor links, unless `partialLinks`). */
  readonly partial: boolean;
  readonly partialLinks?: boolean;
  /** Hash of the analysed text: a check tells by it whether the index holds this very text. */
  readonly textHash: number;
  /** Includes or tags whose output we cannot see may print ids of their own (Liquid). */
  readonly hiddenIds: boolean;
  /** Templates called (shortcodes, includes): which print ids the site's templates decide (src/core/links/fragments.ts). */
  readonly shortcodes?: readonly ShortcodeUse[];
  /** Its Liquid names `site.posts`, `site.tags`…: checks render it again with them (links/liquidContent.ts). */
  readonly liquidContent?: boolean;
  /** Ids the page may have or not (regular expression sources): fragments matching one are not judged. */
  readonly unsureIds?: readonly string[];
}

/** Plain data: it crosses to and from the analysis worker by structured clone as it is. */
export type PortableAnalysis = DocumentAnalysis;

/**
 * A heading's text as the id generator reads it. Goldmark makes ids from the entity as written
 * (`R&eacute;sum&eacute;` → `reacutesumeacute`), kramdown from the character it stands for (both
 * verified with hugo 0.111 and jekyll 4.3).
 */
function inlineText(children: readonly Token[] | null, decodeEntities: boolean): string {
  let s = '';
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'text_special') s += t.info === 'entity' && !decodeEntities ? t.markup : t.content;
    else if (t.type === 'image') s += inlineText(t.children, decodeEntities);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += ' ';
  }
  return s;
}

/**
 * Goldmark makes the id from the heading's source as written, raw HTML and a link's URL included
 * (`## See [x](https://a.org/)` is `see-xhttpsaorg`), and from the last line of a setext heading
 * (verified with hugo 0.111, unsafe or not).
 */
const ID_FROM_SOURCE: ReadonlySet<string> = new Set(['goldmark', 'goldmark-ascii']);

function mentionsAny(text: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => h !== '' && new RegExp(h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i').test(text));
}

function lastLine(s: string): string {
  return s.slice(s.lastIndexOf('\n') + 1);
}

const HTML_ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Comments and the text of scripts, styles, templates and text areas: no element of the page is in them. */
const NOT_ELEMENTS = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

export function collectHtmlIds(html: string, out: string[]): void {
  const live = html.includes('<!--') || /<(?:script|style|template|textarea)\b/i.test(html) ? html.replace(NOT_ELEMENTS, ' ') : html;
  HTML_ID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HTML_ID.exec(live))) out.push(m[1] ?? m[2] ?? m[3]);
}

/**
 * An HTML content file is HTML from its front matter on, whatever its indentation (Markdown would
 * read four leading spaces as code): one raw HTML block the link extraction reads as it is.
 */
function wholeHtmlBlock(input: string, bodyStart: number): Token[] {
  let first = 0;
  let lines = 1;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) !== 10) continue;
    lines++;
    if (i < bodyStart) first++;
  }
  return [{ type: 'html_block', map: [first, lines], content: input.slice(bodyStart), children: null } as unknown as Token];
}

/** The ids an HTML file writes: its id/name attributes outside comments, scripts, styles and templates. */
function htmlFileIds(html: string): string[] {
  const out: string[] = [];
  collectHtmlIds(html, out);
  return out;
}

export function analyzeDocument(text: string, o: AnalyzeOptions): DocumentAnalysis {
  const split = splitFrontMatter(text);
  const partial = o.maxBodyBytes !== undefined && text.length > o.maxBodyBytes;
  if (partial && !o.linksOverLimit) {
    // The hash tells later callers this (empty) analysis is of this very text: without it every
    // check of a large file re-analysed it.
    return { frontMatter: split.frontMatter, bodyStart: split.bodyStart, headings: [], htmlIds: [], links: [], partial, textHash: textHash(text), hiddenIds: false };
  }
  const d = o.dialect;
  // Blank out the front matter (keeping line breaks) so token line numbers are document lines.
  const blanked = split.bodyStart > 0 ? text.slice(0, split.bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(split.bodyStart) : text;
  // Liquid runs first (Jekyll): the rendered text is what Markdown reads, mapped back afterwards.
  const liquid = d.templates === 'liquid' && /\{[{%]/.test(blanked) ? renderLiquid(blanked, o.liquid, split.frontMatter?.data ?? {}) : undefined;
  const source = liquid ? liquid.text : text;
  let input = liquid ? liquid.text : d.templates === 'shortcodes' ? maskShortcodes(blanked) : blanked;
  const kd = d.kramdown ? kramdownBlocks(input, split.bodyStart) : undefined;
  if (kd) input = kd.text;
  const env: Record<string, unknown> = {};
  const parser = parserFor(d.linkify && o.bareUrlHosts && !mentionsAny(text, o.bareUrlHosts) ? { ...d, linkify: false } : d);
  const tokens = o.htmlFile ? wholeHtmlBlock(input, split.bodyStart) : parser.parse(input, env);
  const { headings, htmlIds } = o.htmlFile ? { headings: [], htmlIds: htmlFileIds(input) } : headingsAndIds(tokens, d, kd?.idsByLine, liquid ? lineMapper(text, liquid) : undefined, kd?.autoIdLines);
  if (kd && !o.htmlFile) htmlIds.push(...kd.tagIds);
  const shortcodes = d.templates === 'shortcodes';
  const extracted = extractLinksAndPlaces({ text: source, masked: input, tokens, env, parser, bodyStart: split.bodyStart, shortcodes, liquid: d.templates === 'liquid' && !liquid, math: d.math ? findMathSpans(input, split.bodyStart) : [] });
  let links = extracted.links;
  if (liquid) links = mapLiquidLinks(text, split.bodyStart, liquid, links);
  // The pass runs on the text as written, before Liquid (a generator plugin, not a template).
  if (d.relativeLinksPass) links = markRelativePass(text, split.bodyStart, links);
  const uses = usedShortcodes({ text, bodyStart: split.bodyStart, shortcodes, liquid: d.templates === 'liquid' }).map((u) => {
    const place = u.at && extracted.placeOf(u.at.start);
    return place && u.at ? { ...u, at: { ...u.at, place } } : u;
  });
  // A script in an HTML page may add ids once it runs: the page's ids are not all in its text.
  // A page that loops over the site's documents (`site.categories`) may print ids from them
  // (`<h2 id="{{ category | first }}">`), which this analysis of the page alone cannot see.
  const liquidContent = !!liquid && namesContent(blanked, o.liquid);
  const lineIds = d.highlight && !o.htmlFile ? highlightedLineIds(tokens, uses, d) : undefined;
  if (lineIds) htmlIds.push(...lineIds.ids);
  const facts = { textHash: textHash(text), hiddenIds: (liquid?.hidden ?? false) || liquidContent || (!!o.htmlFile && /<script\b/i.test(input)), ...(uses.length ? { shortcodes: uses } : {}), ...(liquidContent ? { liquidContent: true } : {}), ...(lineIds?.unsure.length ? { unsureIds: lineIds.unsure } : {}) };
  if (partial) return { frontMatter: split.frontMatter, bodyStart: split.bodyStart, headings: [], htmlIds: [], links, partial, partialLinks: true, ...facts };
  return { frontMatter: split.frontMatter, bodyStart: split.bodyStart, headings, htmlIds, links, partial, ...facts };
}

/**
 * Hugo's line anchors of highlighted code. A `{{% %}}` call's output, or a call's content holding a
 * fence, is Markdown of the page too: the fenced blocks Hugo counts (`hl-<k>`) are then not known.
 */
function highlightedLineIds(tokens: readonly Token[], uses: readonly ShortcodeUse[], d: MarkdownDialect): ReturnType<typeof codeLineIds> {
  const calls = uses.filter((u) => u.name === 'highlight' && (d.rawHtml || u.at?.place !== 'raw-html')).map((u) => ({ args: u.args, inner: u.at?.inner }));
  const ordinalsSure = !uses.some((u) => u.at?.markdown || /^[ \t>]*(?:```|~~~)/m.test(u.at?.inner ?? ''));
  return codeLineIds(tokens, calls, d.highlight!, ordinalsSure);
}

/** The text names a `site` value made of the documents, which this analysis (of one document) lacks. */
function namesContent(text: string, vars: LiquidSite | undefined): boolean {
  const keys = vars?.contentKeys?.filter((k) => !Object.prototype.hasOwnProperty.call(vars.site, k));
  if (!keys?.length) return false;
  const names = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`\\bsite\\s*(?:\\.\\s*(?:${names})\\b|\\[\\s*["'](?:${names})["'])`).test(text);
}

/** Lines of the rendered text → lines of the source (Liquid output may add or remove lines). */
function lineMapper(source: string, liquid: RenderedLiquid): (line: number) => number {
  const starts = lineStartsOf(liquid.text);
  const srcStarts = lineStartsOf(source);
  return (line) => {
    const at = liquid.toSource(starts[Math.min(line, starts.length - 1)], false);
    let lo = 0;
    let hi = srcStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (srcStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function lineStartsOf(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/**
 * Headings with the generator's ids, and the ids raw HTML puts on the page (only when the dialect
 * keeps raw HTML: Goldmark without `unsafe` drops it, and its ids with it).
 */
function headingsAndIds(tokens: readonly Token[], d: MarkdownDialect, ialIds: ReadonlyMap<number, string> | undefined, mapLine: ((line: number) => number) | undefined, autoIdLines?: ReadonlySet<number>): { headings: Heading[]; htmlIds: string[] } {
  const headings: Heading[] = [];
  const htmlIds: string[] = [];
  const ids = new HeadingIdGenerator(d.headingIds);
  // Explicit ids are reserved first: Goldmark registers attribute ids while parsing, before auto ids.
  const pending: { level: number; text: string; idText: string; line: number; custom?: string; opens?: boolean }[] = [];
  const first = tokens[0];
  const opens = first?.type === 'heading_open' && Number(first.tag.slice(1)) <= 3 && (first.markup.startsWith('#') || (!!first.map && first.map[1] - first.map[0] === 2));
  let termIds = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // A definition list with `{:auto_ids}` next to it (the line before or after): its terms have ids.
    if (t.type === 'dl_open' && t.map && autoIdLines && (autoIdLines.has(t.map[0] - 1) || autoIdLines.has(t.map[1]))) termIds = true;
    else if (t.type === 'dl_close') termIds = false;
    else if (termIds && t.type === 'dt_open') htmlIds.push(kramdownId(inlineText(tokens[i + 1]?.children ?? null, d.kramdown).trim()));
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      let textContent = inlineText(inline?.children ?? null, d.kramdown);
      let idText = ID_FROM_SOURCE.has(d.headingIds) ? lastLine(inline?.content ?? '') : textContent;
      let custom: string | undefined;
      if (d.headingAttributes) {
        const a = splitHeadingAttributes(textContent);
        if (a.id !== undefined || a.text !== textContent) idText = ID_FROM_SOURCE.has(d.headingIds) ? splitHeadingAttributes(idText).text.trim() : a.text.trim();
        textContent = a.text;
        custom = a.id;
      }
      if (ialIds && t.map) custom = ialIds.get(t.map[1]) ?? custom;
      const line = t.map ? t.map[0] : 0;
      pending.push({ level: Number(t.tag.slice(1)), text: textContent.trim(), idText, line: mapLine ? mapLine(line) : line, custom, ...(i === 0 && opens ? { opens: true } : {}) });
    } else if (t.map && ialIds?.has(t.map[1]) && /_open$|^(fence|code_block|html_block|hr)$/.test(t.type) && t.level === 0) {
      htmlIds.push(ialIds.get(t.map[1])!);
    } else if (!d.rawHtml) continue;
    else if (t.type === 'html_block') collectHtmlIds(t.content, htmlIds);
    else if (t.type === 'inline') for (const c of t.children ?? []) if (c.type === 'html_inline') collectHtmlIds(c.content, htmlIds);
  }
  for (const h of pending) if (h.custom) ids.reserve(h.custom);
  for (const h of pending) {
    const id = h.custom ?? (d.noAutoIds ? '' : ids.next(h.idText));
    headings.push({ level: h.level, text: h.text, line: h.line, id, ...(h.opens ? { opensBody: true } : {}) });
  }
  return { headings, htmlIds };
}
