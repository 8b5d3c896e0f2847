/**
 * Finds every link in a document from markdown-it's tokens (what is a link is markdown-it's call;
 * we only locate each destination in the source to give it a range).
 *
 * Locating: markdown-it gives block tokens line maps but inline tokens no offsets. Inside the
 * source span of the token markdown-it says a link is in, we look for a destination that parses
 * (with markdown-it's own `parseLinkDestination`) to exactly the token's href. A link we cannot
 * locate is dropped rather than guessed: no range is better than a wrong one.
 *
 * Hugo shortcodes are a layer *before* Markdown: Hugo runs `{{< ref >}}` even inside code fences and
 * code spans (a missing target there still fails the build, verified with Hugo 0.111), so shortcodes
 * are found in the whole body and tagged with their context instead of being skipped in code. Inside
 * raw HTML (including HTML comments) Hugo 0.111 with the default `unsafe = false` drops the HTML and
 * the shortcode is never rendered (also verified), so those get context `raw-html`.
 * The escaped form (a comment marker right inside the braces) is inert: Hugo prints it as text.
 */
import type { Token } from '../markdown/parser';
import { analysisParser, type Markdown } from '../markdown/parser';
import { goldmarkUrlEnd } from '../markdown/linkify';
import type { Span } from '../markdown/math';
import { liquidTagLinks } from './liquidTags';
import { refShortcodeLinks } from './shortcodeRefs';
import { undefinedReferences } from './prose';
import { findCodeSpans, inside } from './spans';
import { htmlStartTags, type ScanState } from './htmlTags';
import { HUGO_ACTION, includeUses, pairedShortcodes, parseArgs, shortcodeUses, type ShortcodeCall, type ShortcodeUse } from './shortcodes';

export { findCodeSpans, liquidTagLinks, parseArgs };
export { textHash } from './facts';
import type { ExtractedLink, LinkKind } from './types';

export interface ExtractInput {
  /** The document as written. */
  readonly text: string;
  /** The same text with front matter blanked and (for Hugo) shortcodes masked, offsets unchanged. */
  readonly masked: string;
  readonly tokens: readonly Token[];
  readonly env: Record<string, unknown>;
  readonly bodyStart: number;
  readonly shortcodes: boolean;
  /** Find `{% post_url %}` / `{% link %}` tags in `text` (when Liquid was not rendered first). */
  readonly liquid: boolean;
  /** Math spans of `masked`: brackets there are never reference links. */
  readonly math?: readonly Span[];
  /** The parser that made `tokens`: destinations are located with its rules (kramdown's differ). */
  readonly parser?: Markdown;
}

/** The templates the document calls: Hugo shortcodes, or Jekyll includes. */
export function usedShortcodes(input: Pick<ExtractInput, 'text' | 'bodyStart' | 'shortcodes' | 'liquid'>): ShortcodeUse[] {
  return input.shortcodes ? shortcodeUses(input.text, input.bodyStart) : input.liquid ? includeUses(input.text, input.bodyStart) : [];
}

export function extractLinks(input: ExtractInput): ExtractedLink[] {
  return extractLinksAndPlaces(input).links;
}

/** The links, and where an offset of the text sits: code, raw HTML, or a paired shortcode's content. */
export function extractLinksAndPlaces(input: ExtractInput): { links: ExtractedLink[]; placeOf: (offset: number) => ShortcodeCall['place'] } {
  const out: ExtractedLink[] = [];
  const extractor = new Extractor(input, out);
  try {
    extractor.run();
  } catch {
    // Extraction must never take the document down: keep what was found so far.
  }
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { links: out, placeOf: (offset) => extractor.placeOf(offset) };
}

const CONTAINER = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open', 'blockquote_close', 'bullet_list_close', 'ordered_list_close', 'list_item_close']);

class Extractor {
  private readonly lineStarts: number[] = [0];
  private readonly md: Markdown;
  /** Ranges of code (fences, indented code, code spans) and raw HTML, for context tagging. */
  private readonly code: Span[] = [];
  private readonly html: Span[] = [];
  /** Hrefs used by reference-style links (definitions are only published through a use). */
  private readonly referencedHrefs = new Set<string>();
  private readonly coveredLines: Uint8Array;
  /** Inner content of shortcodes that print it as code (`highlight`): Markdown there is not rendered. */
  private readonly opaque: Span[] = [];
  /**
   * Inner content of paired `{{< name >}}…{{< /name >}}` shortcodes: handed to the shortcode's
   * template as it is, which may print it as code, or not at all: template text there is not judged.
   */
  private readonly pairedInner: Span[] = [];

  constructor(
    private readonly input: ExtractInput,
    private readonly out: ExtractedLink[],
  ) {
    this.md = input.parser ?? analysisParser();
    const t = input.masked;
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.coveredLines = new Uint8Array(this.lineStarts.length + 1);
    if (input.shortcodes) {
      const RE = /\{\{[<%]\s*highlight\b[\s\S]*?[>%]\}\}([\s\S]*?)\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/g;
      RE.lastIndex = input.bodyStart;
      let m: RegExpExecArray | null;
      while ((m = RE.exec(input.text))) this.opaque.push({ start: m.index, end: m.index + m[0].length });
      this.pairedInner.push(...pairedShortcodes(input.text, input.bodyStart));
    }
  }

  private lineStart(line: number): number {
    if (line >= this.lineStarts.length) return this.input.masked.length;
    return this.lineStarts[Math.max(0, line)];
  }

  private push(kind: LinkKind, start: number, end: number, extra: Partial<ExtractedLink> = {}): void {
    if (kind !== 'ref' && kind !== 'relref' && kind !== 'figure' && inside(this.opaque, start)) return;
    this.out.push({ kind, target: this.input.text.slice(start, end), range: { start, end }, ...extra });
  }

  run(): void {
    const { tokens } = this.input;
    let lastMap: [number, number] | null = null;
    for (const t of tokens) {
      if (t.map && !CONTAINER.has(t.type)) for (let l = t.map[0]; l < t.map[1]; l++) this.coveredLines[l] = 1;
      if (t.map) lastMap = t.map as [number, number];
      const span = t.map ? { start: this.lineStart(t.map[0]), end: this.lineStart(t.map[1]) } : lastMap ? { start: this.lineStart(lastMap[0]), end: this.lineStart(lastMap[1]) } : undefined;
      if (!span) continue;
      if (t.type === 'fence' || t.type === 'code_block') this.code.push(span);
      else if (t.type === 'html_block') {
        this.html.push(span);
        this.htmlLinks(span);
      } else if (t.type === 'inline') this.inline(t, span);
    }
    // Binary searches in `inside` need source order.
    this.code.sort((a, b) => a.start - b.start);
    this.html.sort((a, b) => a.start - b.start);
    this.definitions();
    if (this.input.shortcodes) this.shortcodes();
    if (this.input.liquid) this.liquidTags();
  }

  // ------------------------------------------------------------------ inline content

  private inline(t: Token, span: Span): void {
    const children = t.children ?? [];
    const m = this.input.masked;
    const codeSpans = children.some((c) => c.type === 'code_inline') ? findCodeSpans(m, span.start, span.end) : [];
    for (const s of codeSpans) this.code.push(s);
    const used = new Set<number>();
    let htmlCursor = span.start;
    let linkifyCursor = span.start;
    const htmlState: ScanState = {};
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (c.type === 'link_open' && c.markup === 'linkify') {
        linkifyCursor = this.linkified(children[i + 1]?.content ?? '', linkifyCursor, span, afterInlineNode(children[i - 1]));
      } else if (c.type === 'link_open' || c.type === 'image') {
        const href = String(c.attrGet(c.type === 'image' ? 'src' : 'href') ?? '');
        if (c.markup === 'autolink') this.autolink(href, span, used, codeSpans);
        else this.destination(c.type === 'image' ? 'image' : 'inline', href, span, used, codeSpans);
      } else if (c.type === 'html_inline') {
        const at = m.indexOf(c.content, htmlCursor);
        if (at < 0 || at >= span.end) continue;
        htmlCursor = at + c.content.length;
        const s = { start: at, end: at + c.content.length };
        this.html.push(s);
        if (!c.content.startsWith('<!--')) this.htmlLinks(s, htmlState);
      } else if (c.type === 'text') this.undefinedReferences(c.content, span, codeSpans);
    }
    this.templates(span, codeSpans);
  }

  /** Per inline span: every `](dest` with its normalised href, in source order (built once). */
  private candidates?: { span: Span; byHref: Map<string, number[]> };

  private destinationsOf(span: Span, codeSpans: readonly Span[]): Map<string, number[]> {
    if (this.candidates && this.candidates.span === span) return this.candidates.byHref;
    const m = this.input.masked;
    const md = this.md;
    const seg = m.slice(span.start, span.end);
    const byHref = new Map<string, number[]>();
    let j = 0;
    for (;;) {
      j = seg.indexOf('](', j);
      if (j < 0) break;
      let p = span.start + j + 2;
      j += 2;
      if (inside(codeSpans, p)) continue;
      while (p < span.end && (m[p] === ' ' || m[p] === '\t')) p++;
      if (m[p] === '\r') p++;
      if (m[p] === '\n') p++;
      while (p < span.end && (m[p] === ' ' || m[p] === '\t')) p++;
      const res = md.helpers.parseLinkDestination(m, p, span.end);
      if (!res.ok) continue;
      const href = md.normalizeLink(res.str);
      const list = byHref.get(href);
      if (list) list.push(p);
      else byHref.set(href, [p]);
    }
    this.candidates = { span, byHref };
    return byHref;
  }

  /**
   * Finds `](dest` in the span whose destination parses to `href`; an unlocated link is a reference
   * use. Candidates are collected once per paragraph, so a paragraph of n links costs O(n), not O(n²).
   */
  private destination(kind: LinkKind, href: string, span: Span, used: Set<number>, codeSpans: readonly Span[]): void {
    const m = this.input.masked;
    const list = this.destinationsOf(span, codeSpans).get(href);
    let p = -1;
    while (list && list.length) {
      const q = list.shift()!;
      if (!used.has(q)) {
        p = q;
        break;
      }
    }
    if (p < 0) {
      this.referencedHrefs.add(href);
      return;
    }
    used.add(p);
    const res = this.md.helpers.parseLinkDestination(m, p, span.end);
    const angle = m[p] === '<';
    const start = angle ? p + 1 : p;
    const end = angle ? res.pos - 1 : res.pos;
    if (end <= start) return;
    // A destination that is (or contains) a masked shortcode is reported as the shortcode; one
    // with template code is reported as a template.
    if (this.input.text.slice(start, end) !== m.slice(start, end) || m.slice(start, end).includes('{{')) return;
    this.push(kind, start, end);
  }

  /**
   * A bare URL the dialect's linkify made a link (Goldmark): located by its text, in order. Only one
   * written with its scheme is kept (`www.…` is another host's address, never a path of this site).
   */
  private linkified(text: string, from: number, span: Span, afterNode: boolean): number {
    if (!/^https?:\/\//i.test(text)) return from;
    const m = this.input.masked;
    const at = m.indexOf(text, from);
    if (at < 0 || at + text.length > span.end) return from;
    // Goldmark decides where the URL ends (and whether it is a link at all), not markdown-it.
    // Right after the element's closing `)`, `]`, `>` or backtick (not after text between them).
    const end = goldmarkUrlEnd(m, at, afterNode && at > 0 && /[)\]>`]/.test(m[at - 1]));
    if (end === undefined || end > span.end) return at + text.length;
    // A URL that runs into a shortcode (masked here) gets the shortcode's output in its href when Hugo
    // renders it: not a value we can judge.
    if (this.input.text !== m && this.input.text.slice(at, end) !== m.slice(at, end)) return Math.max(end, at + text.length);
    this.push('autolink', at, end);
    return Math.max(end, at + text.length);
  }

  private autolink(href: string, span: Span, used: Set<number>, codeSpans: readonly Span[]): void {
    if (href.startsWith('mailto:')) return;
    const seg = this.input.masked.slice(span.start, span.end);
    let j = 0;
    for (;;) {
      j = seg.indexOf('<', j);
      if (j < 0) return;
      const close = seg.indexOf('>', j);
      if (close < 0) return;
      const start = span.start + j + 1;
      j += 1;
      if (used.has(start) || inside(codeSpans, start)) continue;
      if (this.md.normalizeLink(seg.slice(j, close)) === href) {
        used.add(start);
        this.push('autolink', start, span.start + close);
        return;
      }
    }
  }

  /**
   * `<a href>` / `<img src>` inside a raw HTML span, read tag by tag (htmlTags.ts); `state` carries an
   * open script or style from one piece of a paragraph's inline HTML to the next.
   */
  private htmlLinks(span: Span, state: ScanState = {}): void {
    for (const tag of htmlStartTags(this.input.masked.slice(span.start, span.end), state)) {
      const want = tag.name === 'a' ? 'href' : tag.name === 'img' ? 'src' : undefined;
      if (!want) continue;
      for (const a of tag.attributes) {
        if (a.name !== want) continue;
        const start = span.start + a.valueStart;
        if (a.value.trim() === '' || this.input.text.slice(start, start + a.value.length) !== a.value) continue;
        this.push(want === 'href' ? 'html-href' : 'html-src', start, start + a.value.length, { context: 'raw-html' });
      }
    }
  }

  private undefinedReferences(content: string, span: Span, codeSpans: readonly Span[]): void {
    const refs = (this.input.env['references'] ?? {}) as Record<string, unknown>;
    const found = undefinedReferences({ content, source: this.input.masked, span, codeSpans, math: this.input.math ?? [], refs, normalize: (l) => this.md.utils.normalizeReference(l) });
    for (const r of found) this.push('reference', r.start, r.start + r.label.length, { label: r.label, defined: false });
  }

  /**
   * Template code (`{{ … }}` not a shortcode) in text, which Hugo publishes literally: reported where it
   * was surely meant to run — in a link's destination, or calling Hugo's own functions and variables
   * (`relref`, `.Site`, `site.`, `.Params`, `partial`…). Not `{{ name }}` placeholders in prose, nor
   * `{{{ … }}}`, raw HTML (a client-side template, or omitted), code, or a paired shortcode's content.
   */
  private templates(span: Span, codeSpans: readonly Span[]): void {
    if (!this.input.shortcodes) return;
    // Searches stay inside the paragraph: a `{{` without a close must not scan the rest of the file.
    const seg = this.input.masked.slice(span.start, span.end);
    // `{{{ x }}}` is a client-side template (Handlebars, Mustache); `{{{ x }}` is a brace, then an action.
    let braceThenAction = -1;
    let j = 0;
    for (;;) {
      j = seg.indexOf('{{', j);
      if (j < 0) return;
      const i = span.start + j;
      const next = seg[j + 2];
      const close = seg.indexOf('}}', j + 2);
      if (next === '{' && seg[j + 3] !== '{' && close >= 0 && seg[close + 2] !== '}' && seg[j - 1] !== '{') braceThenAction = j + 1;
      if (next === '<' || next === '%' || next === '{' || (seg[j - 1] === '{' && j !== braceThenAction) || close < 0 || inside(codeSpans, i) || inside(this.html, i) || inside(this.pairedInner, i)) {
        j += next === '{' && braceThenAction === j + 1 ? 1 : 2;
        continue;
      }
      const action = seg.slice(j, close + 2);
      if (/\]\([^\s()]*$/.test(seg.slice(Math.max(0, j - 200), j)) || HUGO_ACTION.test(action)) this.push('template', i, span.start + close + 2);
      j = close + 2;
    }
  }

  // ------------------------------------------------------------------ block-level constructs

  /** Reference definitions: markdown-it consumes them without a token, on lines no leaf token covers. */
  private definitions(): void {
    const refs = (this.input.env['references'] ?? {}) as Record<string, { href?: string }>;
    if (Object.keys(refs).length === 0) return;
    const m = this.input.masked;
    const seen = new Set<string>();
    const firstBody = this.lineOf(this.input.bodyStart);
    for (let l = firstBody; l < this.lineStarts.length; l++) {
      if (this.coveredLines[l]) continue;
      const s = this.lineStart(l);
      const lineEnd = this.lineStart(l + 1);
      let k = s;
      while (k < lineEnd && k - s < 3 && m[k] === ' ') k++;
      if (m[k] !== '[') continue;
      const def = /^ {0,3}\[((?:[^[\]\\]|\\.){1,999})\]:[ \t]*(\r?\n[ \t]*)?/.exec(m.slice(s, lineEnd + 400));
      if (!def) continue;
      const norm = this.md.utils.normalizeReference(def[1]);
      const ref = refs[norm];
      if (!ref || seen.has(norm)) continue;
      const p = s + def[0].length;
      const res = this.md.helpers.parseLinkDestination(m, p, m.length);
      // Another definition of the label may be the one in force (kramdown keeps the last).
      if (!res.ok || this.md.normalizeLink(res.str) !== ref.href) continue;
      seen.add(norm);
      // An unused definition is not published at all, so it cannot be a broken link.
      if (!this.referencedHrefs.has(ref.href)) continue;
      const angle = m[p] === '<';
      const start = angle ? p + 1 : p;
      const end = angle ? res.pos - 1 : res.pos;
      if (end > start && this.input.text.slice(start, end) === m.slice(start, end)) this.push('definition', start, end, { label: def[1], defined: true });
    }
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  placeOf(offset: number): ShortcodeCall['place'] {
    if (this.pairedInner.some((s) => s.start < offset && offset < s.end)) return 'inner';
    return this.contextAt(offset);
  }

  private contextAt(offset: number): 'code' | 'raw-html' | undefined {
    if (inside(this.html, offset)) return 'raw-html';
    if (inside(this.code, offset)) return 'code';
    return undefined;
  }

  /** Hugo `ref`/`relref` and `figure src=`, found in the whole body and tagged with where they sit. */
  private shortcodes(): void {
    for (const l of refShortcodeLinks(this.input.text, this.input.bodyStart)) {
      const context = this.contextAt(l.whole!.start);
      this.out.push(context ? { ...l, context } : l);
    }
  }

  private liquidTags(): void {
    for (const l of liquidTagLinks(this.input.text, this.input.bodyStart)) {
      const context = this.contextAt(l.whole!.start);
      this.out.push(context ? { ...l, context } : l);
    }
  }
}

/**
 * Whether a token is an inline element Goldmark has just parsed (a link or image, inline or by
 * reference, an autolink, a code span, raw HTML): a bare URL right after one is linkified.
 */
function afterInlineNode(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.type === 'link_close') return prev.markup !== 'linkify';
  return prev.type === 'image' || prev.type === 'code_inline' || prev.type === 'html_inline';
}
