/**
 * What each generator contributes to the site model. One implementation per generator, in
 * src/core/generators/<name>; the index (site/index.ts) drives them and never branches on a
 * generator's name.
 */
import type { Page, SiteIssue, SiteSummary, Taxonomy } from './model';
import type { MarkdownDialect } from '../markdown/dialect';
import type { LiquidSite } from '../markdown/liquid';

/** What the index knows about the site's files, for rules that depend on siblings (bundles). */
export interface FileLookup {
  /** Site-relative posix path. */
  has(file: string): boolean;
  /**
   * Front matter of another indexed document, for rules that inherit from an ancestor (a Hugo page
   * below a draft section is not published). Optional: lookups built without documents omit it.
   */
  data?(file: string): FrontMatterData | undefined;
  /**
   * Names of the files in a folder (site-relative) whose name starts with `index` or `_index`: a
   * fast path for bundle rules, which ask about every folder above every page.
   */
  indexFilesIn?(dir: string): readonly string[];
}

/** Front matter reduced to what URL rules need. */
export type FrontMatterData = Readonly<Record<string, unknown>>;

/**
 * What `pagesFor` receives for a document without any front matter (compare by identity): Jekyll
 * copies such a file as it is instead of making it a page.
 */
export const NO_FRONT_MATTER: FrontMatterData = Object.freeze({});

export interface StaticDir {
  /** Site-relative folder whose files are published as they are. */
  readonly dir: string;
  /** URL prefix they are published under (sub-path included), no trailing slash. */
  readonly urlPrefix: string;
}

export interface AuthorSource {
  /** Site-relative path. */
  readonly path: string;
  readonly shape: 'folder' | 'map';
}

export type FileRole =
  | { readonly role: 'page' }
  /** A file published beside a page (bundle resource). */
  | { readonly role: 'resource' }
  /** Markdown that is not a page of its own (e.g. a Markdown file inside a Hugo leaf bundle). */
  | { readonly role: 'none' };

/**
 * What the generator makes of a link path before the browser sees it: a link to a content file, an
 * asset it bundles, a URL (site-absolute, decoded, sub-path included), or nothing that works.
 */
export type LinkRewrite =
  | { readonly file: string }
  | { readonly asset: string }
  | { readonly url: string }
  | { readonly broken: string };

export interface GeneratorModel {
  readonly summary: SiteSummary;
  /** How the generator reads a post's Markdown (links, footnotes, raw HTML, heading ids): checker and preview alike. */
  readonly dialect: MarkdownDialect;
  /** Liquid's site variables, for a dialect whose templates are Liquid. */
  readonly liquid?: LiquidSite;
  /**
   * Headings get ids from a plugin whose rule we do not model (Eleventy's IdAttributePlugin or
   * markdown-it-anchor): fragments into headings are not judged.
   */
  readonly unknownHeadingIds?: boolean;
  /** Headings below this level are rendered without an id (Docusaurus: h1 has none). Default 1. */
  readonly headingIdsFromLevel?: number;
  /**
   * For 'file' link semantics: how the generator rewrites a (decoded, query- and fragment-less) link
   * path written in `fromFile`, published at `pageUrl`. Undefined: plain file-path semantics.
   */
  rewriteLink?(fromFile: string, pageUrl: string | undefined, path: string, files: FileLookup): LinkRewrite | undefined;
  readonly taxonomies: readonly Taxonomy[];
  /** Configuration problems found while loading (positioned where possible). */
  readonly issues: readonly SiteIssue[];
  /** Site-relative folders to crawl for content. */
  readonly contentDirs: readonly string[];
  readonly staticDirs: readonly StaticDir[];
  /** Site-relative folder names never crawled (build output, caches). */
  readonly ignoreDirs: readonly string[];
  /** Extra site-relative files the model depends on (config, data), so the host can watch them. */
  readonly watchFiles: readonly string[];
  /** Site-relative folders whose every file the model reads (Jekyll's `_data`, Liquid's `site.data`). */
  readonly watchDirs?: readonly string[];
  /** Whether a site-relative path is a content document (Markdown or similar) of this site. */
  isContentDocument(file: string): boolean;
  /** What a content-folder file is, given its siblings. */
  roleOf(file: string, files: FileLookup): FileRole;
  /** The page(s) a content document publishes (none for a headless page or a non-page). */
  pagesFor(file: string, data: FrontMatterData, files: FileLookup, now: Date): Page[];
  /**
   * Where a content document that publishes no page of its own is still served, as a file whose
   * content we do not check: Jekyll copies a file without front matter as it is, and replaces a
   * `redirect_to` page with a redirect (its `redirect_from` pages stay). The index asks only for
   * documents without pages.
   */
  copiedDocumentUrls?(file: string, data: FrontMatterData, now: Date): readonly string[];
  /** URL a bundle resource or other non-document content file is published at. */
  resourceUrl(file: string, files: FileLookup, pageOf: (file: string) => Page | undefined): string | undefined;
  /**
   * The content document a resource is published with (its bundle's index file), when it has one:
   * the resource is published only when that page is.
   */
  resourceOwner?(file: string, files: FileLookup): string | undefined;
  /** Every URL a resource is published at, when there can be several (one per language); wins over resourceUrl. */
  resourceUrls?(file: string, files: FileLookup, pageOf: (file: string) => Page | undefined): string[];
  /** Pages the generator makes itself (home, sections, taxonomy and term pages) and feeds. */
  derivedPages(
    pages: readonly Page[],
    terms: ReadonlyMap<string, ReadonlyMap<string, number>>,
  ): { pages: Page[]; extraUrls: string[]; /** Redirect pages the generator writes itself: `from` → the page at `to`. */ redirects?: { from: string; to: string }[] };
  /** Taxonomy values a page declares: plural → values. */
  termsOf(data: FrontMatterData): Map<string, string[]>;
  /**
   * Candidate content files for a Hugo-style `ref`/`relref` argument or Jekyll `post_url`, in the order
   * the generator tries them. Site-relative paths; the caller picks the first that exists.
   */
  refCandidates?(ref: string, fromFile: string): string[];
  /**
   * Where author records live: a folder with one file per author (Hugo `data/authors/<id>.toml`) or
   * one file mapping ids to records (Jekyll `_data/authors.yml`, Docusaurus `blog/authors.yml`).
   */
  readonly authorSources?: readonly AuthorSource[];
  /**
   * Jekyll: whether the generator reads this file's `date` (posts, drafts and collection documents;
   * a page's `date` is never read, so it cannot fail the build).
   */
  readsDate?(file: string): boolean;
  /** Normalises a term the way the generator puts it in a URL (for comparing and for term URLs). */
  termKey(taxonomy: string, term: string): string;
}
