/**
 * One pass over a document: front matter, headings with the generator's ids, HTML anchors and links.
 * The index stores the result (not the text), and the link checker and completion read it.
 */
import { splitFrontMatter, type FrontMatter } from '../frontmatter/parse';
import type { Heading, HeadingIdStyle } from '../site/model';
import type { ExtractedLink } from '../links/types';
import { adoptLinkFacts, extractLinks, linkFactsOf, textHash, type LinkFacts } from '../links/extract';
import { analysisParser, maskShortcodes, type Token } from './parser';
import { HeadingIdGenerator, splitHeadingAttributes } from './headingIds';

export interface AnalyzeOptions {
  readonly headingIdStyle: HeadingIdStyle;
  /** Hugo: mask shortcodes so links written with them parse as links. */
  readonly shortcodes: boolean;
  /** Liquid ({% %}) tags are links too (Jekyll). */
  readonly liquid: boolean;
  /** Goldmark's `{#id}` heading attributes are honoured. */
  readonly headingAttributes: boolean;
  /** Above this size only the front matter is read… */
  readonly maxBodyBytes?: number;
  /**
   * …and the links, when set: for a host that analyses off its main thread (the editor's worker), so
   * a large post still gets its links checked. Headings and anchors are skipped either way.
   */
  readonly linksOverLimit?: boolean;
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
}

/**
 * A DocumentAnalysis as plain data, safe to post to or from another thread (structured clone):
 * the links array's side facts travel beside it. Front-matter values are JSON-like already (dates
 * stay strings).
 */
export interface PortableAnalysis {
  readonly analysis: DocumentAnalysis;
  readonly links: LinkFacts;
}

export function toPortable(analysis: DocumentAnalysis): PortableAnalysis {
  return { analysis, links: linkFactsOf(analysis.links) };
}

/** The analysis back from its copy, with the facts the checker reads re-attached. */
export function fromPortable(p: PortableAnalysis): DocumentAnalysis {
  adoptLinkFacts(p.analysis.links, p.links);
  return p.analysis;
}

function inlineText(children: readonly Token[] | null): string {
  let s = '';
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'text_special') s += t.info === 'entity' ? t.markup : t.content;
    else if (t.type === 'image') s += inlineText(t.children);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += ' ';
  }
  return s;
}

const HTML_ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function collectHtmlIds(html: string, out: string[]): void {
  HTML_ID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HTML_ID.exec(html))) out.push(m[1] ?? m[2] ?? m[3]);
}

export function analyzeDocument(text: string, o: AnalyzeOptions): DocumentAnalysis {
  const split = splitFrontMatter(text);
  const partial = o.maxBodyBytes !== undefined && text.length > o.maxBodyBytes;
  if (partial && !o.linksOverLimit) {
    // The hash tells later callers this (empty) analysis is of this very text: without it every
    // check of a large file re-analysed it.
    const links: ExtractedLink[] = [];
    adoptLinkFacts(links, { sourceHash: textHash(text), hiddenIds: false });
    return { frontMatter: split.frontMatter, bodyStart: split.bodyStart, headings: [], htmlIds: [], links, partial };
  }
  // Blank out the front matter (keeping line breaks) so token line numbers are document lines.
  const masked0 = split.bodyStart > 0 ? text.slice(0, split.bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(split.bodyStart) : text;
  const masked = o.shortcodes ? maskShortcodes(masked0) : masked0;
  const env: Record<string, unknown> = {};
  const tokens = analysisParser().parse(masked, env);
  const headings: Heading[] = [];
  const htmlIds: string[] = [];
  const ids = new HeadingIdGenerator(o.headingIdStyle);
  // Explicit ids are reserved first: Goldmark registers attribute ids while parsing, before auto ids.
  const pending: { level: number; text: string; line: number; custom?: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      let textContent = inlineText(inline?.children ?? null);
      let custom: string | undefined;
      if (o.headingAttributes) {
        const a = splitHeadingAttributes(textContent);
        textContent = a.text;
        custom = a.id;
      }
      pending.push({ level: Number(t.tag.slice(1)), text: textContent.trim(), line: t.map ? t.map[0] : 0, custom });
    } else if (t.type === 'html_block') collectHtmlIds(t.content, htmlIds);
    else if (t.type === 'inline') for (const c of t.children ?? []) if (c.type === 'html_inline') collectHtmlIds(c.content, htmlIds);
  }
  for (const h of pending) if (h.custom) ids.reserve(h.custom);
  for (const h of pending) headings.push({ level: h.level, text: h.text, line: h.line, id: h.custom ?? ids.next(h.text) });
  const links = extractLinks({ text, masked, tokens, env, bodyStart: split.bodyStart, shortcodes: o.shortcodes, liquid: o.liquid });
  if (partial) return { frontMatter: split.frontMatter, bodyStart: split.bodyStart, headings: [], htmlIds: [], links, partial, partialLinks: true };
  return { frontMatter: split.frontMatter, bodyStart: split.bodyStart, headings, htmlIds, links, partial };
}
