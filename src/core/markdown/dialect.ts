/**
 * A generator's Markdown dialect: what its renderer does with a post's text. The link checker, the
 * heading ids and the preview all read the same dialect, so they can never disagree about whether
 * `[^1]: x` is a footnote or a link, whether a `<span id>` reaches the page, or which id a heading gets.
 *
 * Plain data (it crosses to the analysis worker by structured clone).
 */
import type { HeadingIdStyle } from '../site/model';
import type { HighlightSettings } from './codeLineIds';

export interface MarkdownDialect {
  /** How automatic heading ids are made. */
  readonly headingIds: HeadingIdStyle;
  /** Headings get no automatic id at all (kramdown `auto_ids: false`): only explicit ones exist. */
  readonly noAutoIds?: boolean;
  /** `## Title {#id}` sets the id (Goldmark's attribute syntax, kramdown, MDX). */
  readonly headingAttributes: boolean;
  /** `[^1]` / `[^1]: text` are footnotes, not links (Goldmark and kramdown: on by default). */
  readonly footnotes: boolean;
  /** A line starting with `: ` makes the line above a term (Goldmark's and kramdown's definition lists). */
  readonly definitionLists: boolean;
  /**
   * Raw HTML reaches the page (Goldmark with `renderer.unsafe`, kramdown, MDX). When false the renderer
   * drops it: its ids and links do not exist on the published page.
   */
  readonly rawHtml: boolean;
  /** What runs over the text before Markdown: Hugo's shortcodes, Liquid (Jekyll, Eleventy), or nothing. */
  readonly templates: 'shortcodes' | 'liquid' | 'none';
  /** Bare URLs (`https://…`, `www.…`) become links (Goldmark's linkify extension). */
  readonly linkify: boolean;
  /** Smart quotes and dashes in text (Goldmark's typographer, kramdown's smart quotes). */
  readonly typographer: boolean;
  /**
   * kramdown block syntax: an attribute list line (`{: #id .class}`) is a block of its own that gives the
   * block before (or after) it an id; `<div markdown="1">` parses its content as Markdown; `$$…$$` is math.
   */
  readonly kramdown: boolean;
  /** Math written in the text (`$…$`, `$$…$$`, `\(…\)`) may be rendered by the page: never read as links. */
  readonly math: boolean;
  /**
   * A regex pass rewrites links before the text is read (jekyll-relative-links, a GitHub Pages
   * default): the analysis marks the links it matches (`relativePass`), and the site model says what
   * each becomes. See relativeLinksPass.ts.
   */
  readonly relativeLinksPass?: boolean;
  /** Hugo's highlighter settings: code blocks with anchored line numbers print ids (codeLineIds.ts). */
  readonly highlight?: HighlightSettings;
}

/** Hugo 0.111's Goldmark defaults (raw HTML omitted, footnotes and `{#id}` on). */
export const GOLDMARK: MarkdownDialect = {
  headingIds: 'goldmark',
  headingAttributes: true,
  footnotes: true,
  definitionLists: true,
  rawHtml: false,
  templates: 'shortcodes',
  linkify: true,
  typographer: true,
  kramdown: false,
  math: true,
};

/** Jekyll 4's kramdown with its default `input: GFM`. */
export const KRAMDOWN_GFM: MarkdownDialect = {
  headingIds: 'kramdown-gfm',
  headingAttributes: true,
  footnotes: true,
  definitionLists: true,
  rawHtml: true,
  templates: 'liquid',
  linkify: false,
  typographer: true,
  kramdown: true,
  math: true,
};

/** CommonMark with GitHub's extensions, raw HTML rendered, no template layer (plain folders, MDX-like). */
export const COMMONMARK_GFM: MarkdownDialect = {
  headingIds: 'github',
  headingAttributes: true,
  footnotes: true,
  definitionLists: false,
  rawHtml: true,
  templates: 'none',
  linkify: false,
  typographer: false,
  kramdown: false,
  math: true,
};

/** A short key naming every option, for caches of parsers built per dialect. */
export function dialectKey(d: MarkdownDialect): string {
  return [d.headingIds, d.noAutoIds, d.headingAttributes, d.footnotes, d.definitionLists, d.rawHtml, d.templates, d.linkify, d.typographer, d.kramdown, d.math, d.relativeLinksPass].map(String).join('|');
}
