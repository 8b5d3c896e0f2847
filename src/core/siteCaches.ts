/**
 * What the features keep per site between calls: tables built from the site's index, each rebuilt
 * when what it was built from changes. The engine creates one with each site and clears it when the
 * site is reloaded or the engine disposed, so no table outlives its site (they were module-level
 * WeakMaps keyed by the index, the model or the URL table).
 *
 * Memo tables of constant inputs that hold no site data stay in their modules, bounded: the
 * markdown-it set-ups per dialect (markdown/parser.ts, render/markdown.ts), the compiled regular
 * expression per cascade glob (generators/hugo/cascade.ts), the 24 value shapes
 * (frontmatter/shape.ts) and the Liquid parser (markdown/liquid.ts).
 */
import type { Author, Heading, Page } from './site/model';
import type { DocumentBody } from './site/index';
import type { ShortcodeIds, ShortcodeRenderer } from './site/generator';
import type { RenderedCall } from './links/renderedCalls';
import type { FrontMatterStats } from './frontmatter/siteStats';
import type { DuplicateGroup } from './frontmatter/nearDuplicates';
import type { RefIndex } from './links/hugoRefs';
import type { RefCandidates } from './links/refProblems';
import type { UrlCandidates } from './links/suggest';
import type { PostCache } from './publishing/postCache';
import type { LiquidSite } from './markdown/liquid';
import type { ExtractedLink } from './links/types';

/** A table built from one URL table (the index replaces it when pages come, go or move). */
export interface PerUrlTable<T> {
  readonly urls: object;
  readonly table: T;
}

export class SiteCaches {
  /** images/checks.ts: the site's files by lower-cased base name, per index version. */
  filesByName?: { readonly version: number; readonly byName: ReadonlyMap<string, readonly string[]> };
  /** frontmatter/siteStats.ts: values, keys and date styles of the site's front matter, kept in step with the index. */
  frontMatterStats?: FrontMatterStats;
  /** frontmatter/authors.ts: data-file records completed by the authors' term pages, per index version. */
  authors?: { readonly version: number; readonly records: readonly Author[]; readonly list: readonly Author[] };
  /** frontmatter/completion.ts: taxonomy field → value → the generator's URL key of it. */
  readonly termKeys = new Map<string, Map<string, string>>();
  /** frontmatter/checks.ts: near-duplicate groups per field, for one version of the front-matter table. */
  nearDuplicates?: { readonly version: number; readonly byField: Map<string, Map<string, DuplicateGroup>> };
  /** links/hugoRefs.ts: Hugo's ref lookup tables, per drafts setting and language. */
  refIndexes?: PerUrlTable<Map<string, RefIndex>>;
  /** links/refProblems.ts: "did you mean" candidates for refs. */
  refCandidates?: PerUrlTable<RefCandidates> & { readonly includeDrafts: boolean };
  /** links/suggest.ts: "did you mean" candidates for URLs, per drafts setting. */
  urlCandidates?: PerUrlTable<Map<boolean, UrlCandidates>>;
  /**
   * links/fragments.ts: the ids a document's page has, per body, for one set of the site's shortcode
   * facts (the ids its shortcodes print depend on them; link checks have them, navigation has none).
   */
  readonly fragmentIds = new Map<ReadonlyMap<string, ShortcodeIds> | undefined, WeakMap<DocumentBody, Set<string>>>();
  /** links/renderedCalls.ts: what each shortcode call of a body prints, per set of the site's renderers. */
  readonly renderedCalls = new Map<ReadonlyMap<string, ShortcodeRenderer> | undefined, WeakMap<DocumentBody, { readonly urls: object; readonly includeDrafts: boolean; readonly calls: readonly (RenderedCall | undefined)[] }>>();
  /** render/siteShortcodes.ts: the HTML each shortcode call of a body prints in the preview, per set of renderers. */
  readonly previewCalls = new WeakMap<DocumentBody, { readonly renderers: ReadonlyMap<string, ShortcodeRenderer>; readonly urls: object; readonly includeDrafts: boolean; readonly calls: Readonly<Record<string, string>> }>();
  /** publishing/postCache.ts: post entries, reused while their page, the sections and the clock allow. */
  posts?: PostCache;
  /** links/liquidContent.ts: Liquid's `site` with the documents' values, per index version. */
  liquidContent?: { readonly version: number; readonly vars: LiquidSite };
  /** links/liquidContent.ts: the generator's record of each document for those values, per front matter read. */
  readonly liquidEntries = new WeakMap<object, unknown>();
  /** links/liquidContent.ts: the links of pages rendered with those values, per file. */
  readonly contentLinks = new Map<string, { readonly version: number; readonly text: string; readonly links: readonly ExtractedLink[] }>();
  /** authoring/completion.ts: the lower-cased text a page is matched by. */
  readonly haystacks = new WeakMap<Page, string>();
  /** authoring/targets.ts: heading id → line of its first heading, per headings of a body. */
  readonly headingLines = new WeakMap<readonly Heading[], Map<string, number>>();

  /** Lets go of every table (the site was reloaded, or the engine disposed). */
  clear(): void {
    this.frontMatterStats = undefined;
    this.authors = undefined;
    this.termKeys.clear();
    this.nearDuplicates = undefined;
    this.refIndexes = undefined;
    this.refCandidates = undefined;
    this.urlCandidates = undefined;
    this.fragmentIds.clear();
    this.renderedCalls.clear();
    this.posts = undefined;
    this.liquidContent = undefined;
    this.contentLinks.clear();
    // WeakMaps cannot be cleared; theirs are keyed by the site's pages and bodies, which go with it.
  }
}
