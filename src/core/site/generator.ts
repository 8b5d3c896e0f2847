/**
 * What each generator contributes to the site model. One implementation per generator, in
 * src/core/generators/<name>; the index (site/index.ts) drives them and never branches on a
 * generator's name.
 */
import type { Page, SiteIssue, SiteSummary, Taxonomy } from './model';
import type { MarkdownDialect } from '../markdown/dialect';
import type { FileSystemHost } from '../host';
import type { Severity } from '../diagnostics';
import type { FrontMatterFormat } from '../frontmatter/parse';
import type { LiquidSite } from '../markdown/liquid';
import type { PublishingRules } from './publishing';
import type { TemplateCatalogue } from './templates';
import type { ParamsRead } from './paramsRead';

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
  readonly shape: 'file-per-author' | 'map';
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

/** What a generator's link pass (`dialect.relativeLinksPass`) makes of one link it matched. */
export interface PassReadings {
  /** What the pass may rewrite the link to: the link works when one of them does. */
  readonly rewrites: readonly LinkRewrite[];
  /** The link may also stay as written (the pass finds no file there, or may not run): judged as written too. */
  readonly asWritten: boolean;
  /** Site-relative source paths looked up, whether or not they exist: their changes change the verdict. */
  readonly files: readonly string[];
  /** The source path the pass looks up first, for messages. */
  readonly file?: string;
}

/** A document as the index holds it, for values made of the whole site. */
export interface ContentDocument {
  readonly file: string;
  readonly data: FrontMatterData;
  readonly pages: readonly Page[];
}

export interface GeneratorModel {
  readonly summary: SiteSummary;
  /** How the generator reads a post's Markdown (links, footnotes, raw HTML, heading ids): checker and preview alike. */
  readonly dialect: MarkdownDialect;
  /** Liquid's site variables, for a dialect whose templates are Liquid. */
  readonly liquid?: LiquidSite;
  /**
   * Liquid's `site` values made of the documents (`site.posts`, `site.tags`, a collection's docs):
   * a page that loops over them is rendered with these at check time (links/liquidContent.ts). Only
   * values the generator gives exactly; a field left out stays unknown to templates.
   */
  liquidContent?(docs: Iterable<ContentDocument>, now: Date, memo: WeakMap<object, unknown>): Record<string, unknown>;
  /** Link forms, moves and New Post, as this generator has them. */
  readonly authoring: AuthoringFacts;
  /**
   * Pages are also named by content path (Hugo's `ref`/`relref`, `.GetPage`): a missing one fails the
   * build, and a `.md` destination with URL semantics names a page it does not reach.
   */
  readonly contentRefs?: boolean;
  /** Ids and heading rules the site's templates add to every page (Hugo's layouts), read once. */
  readTemplateFacts?(fs: FileSystemHost): Promise<TemplateFacts>;
  /**
   * The templates content calls (Hugo's shortcodes, Jekyll's includes): read once per site by
   * site/templates.ts, again when a file below `templateDirs` changes.
   */
  readTemplateCatalogue?(fs: FileSystemHost): Promise<TemplateCatalogue>;
  /** Site-relative folders `readTemplateCatalogue` reads. */
  readonly templateDirs?: readonly string[];
  /**
   * Headings get ids from a plugin whose rule we do not model (Eleventy's IdAttributePlugin or
   * markdown-it-anchor): fragments into headings are not judged.
   */
  readonly unknownHeadingIds?: boolean;
  /**
   * Whether a plugin removes the heading a page's body opens with (`Heading.opensBody`), taking it for
   * the title (jekyll-titles-from-headings' `strip_title`): 'yes', or 'maybe' when we cannot tell the
   * plugin is on; `why` says so in messages. Undefined: the heading stays.
   */
  openingHeading?(file: string, data: FrontMatterData): { readonly removed: 'yes' | 'maybe'; readonly why: string } | undefined;
  /** Headings below this level are rendered without an id (Docusaurus: h1 has none). Default 1. */
  readonly headingIdsFromLevel?: number;
  /**
   * For 'file' link semantics: how the generator rewrites a (decoded, query- and fragment-less) link
   * path written in `fromFile`, published at `pageUrl`. Undefined: plain file-path semantics.
   */
  rewriteLink?(fromFile: string, pageUrl: string | undefined, path: string, files: FileLookup): LinkRewrite | undefined;
  /**
   * For a link the dialect's link pass matched (`relativePass`), written in `fromFile` with `path`
   * (the destination before `#`, as written): what the pass makes of it. Undefined: it stays as written.
   */
  relativeLink?(fromFile: string, path: string, files: FileLookup): PassReadings | undefined;
  readonly taxonomies: readonly Taxonomy[];
  /** Configuration problems found while loading (positioned where possible). */
  readonly issues: readonly SiteIssue[];
  /** Site-relative folders to crawl for content. */
  readonly contentDirs: readonly string[];
  readonly staticDirs: readonly StaticDir[];
  /** Folder names never crawled, at any depth (dependencies, caches). */
  readonly ignoreDirs: readonly string[];
  /**
   * Site-relative folders never crawled (build output): only these paths — a content folder of the
   * same name deeper down (`content/x/resources/`) is content.
   */
  readonly ignoreRootDirs?: readonly string[];
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
   * Where a content document is served besides its pages, as a file whose content we do not check:
   * Jekyll copies a file without front matter as it is (also when a plugin made a page of it), and
   * replaces a `redirect_to` page with a redirect (its `redirect_from` pages stay); Hugo copies an
   * HTML file without front matter like a bundle resource (`pageOf`: the page of a content file, for
   * the bundle's URL; `resourceOwner` says whose publishing it follows). The index asks for documents
   * without pages and documents without front matter.
   */
  copiedDocumentUrls?(file: string, data: FrontMatterData, now: Date, files: FileLookup, pageOf: (file: string) => Page | undefined): readonly string[];
  /**
   * URLs a content document may be published at, depending on what we cannot tell (a plugin that
   * may be on): links to them get no finding, and what is there is not judged.
   */
  uncertainUrls?(file: string, data: FrontMatterData, files: FileLookup): readonly string[];
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
  /** How the generator reads front matter where that differs from the generic rules. */
  readonly frontMatterRules?: FrontMatterRules;
  /** Normalises a term the way the generator puts it in a URL (for comparing and for term URLs). */
  termKey(taxonomy: string, term: string): string;
  /** Why a post is or is not live, and the keys publishing it sets. Absent: read from the pages' status alone. */
  readonly publishing?: PublishingRules;
}

/** How a site writes dates in front matter. */
export type DateStyle =
  /** `2019-04-11T14:39:51-07:00` (RFC 3339: Hugo, Docusaurus…) */
  | 'rfc3339'
  /** `2020-03-14 10:00:00 -0700` (Jekyll's own style) */
  | 'space-offset'
  /** `2019-04-11 14:39:51` (Hexo; the site's timezone applies) */
  | 'local'
  /** `2019-04-11` */
  | 'date';

/** The front matter a new post gets when the site's posts show no convention of their own. */
export interface FrontMatterStyle {
  readonly format: FrontMatterFormat;
  readonly keyOrder: readonly string[];
  readonly dateKey?: string;
  readonly dateStyle: DateStyle;
  readonly authorKey?: string;
}

/** What a generator's own new-post template (Hugo's archetypes) is given. */
export interface PostTemplateInput {
  readonly title: string;
  /** The post's name: file stem or bundle folder. */
  readonly name: string;
  readonly section: string;
  /** Content-relative path of the new page file (`posts/x.md`, `posts/x/index.md`). */
  readonly contentPath: string;
  readonly date: string;
  readonly now: Date;
  readonly offsetMinutes: number;
}

/** A generator's own template for new posts, found for a section. */
export interface PostTemplate {
  /** Site-relative path of the template file or folder. */
  readonly source: string;
  readonly bundle: boolean;
  render(input: PostTemplateInput): { files: { rel: string; content: string | Uint8Array }[]; warnings: string[] };
}

/** Where a generator expects a new post, and how it is written. */
export interface PostLayout {
  /** Folder that `section` names are relative to ('' = the site root). */
  readonly sectionBase: string;
  /** Whether posts may go in several folders (Hugo sections, Astro collections, Eleventy folders). */
  readonly sections: boolean;
  /** Sections are the first folder level under the base (Hugo sections, Astro collections). */
  readonly firstLevelSections: boolean;
  /** Folder used when the site has no posts yet. */
  readonly defaultFolder: string;
  /** Drafts live in their own folder (Jekyll `_drafts`, Hexo `source/_drafts`). */
  readonly draftsFolder?: string;
  /** File names start with the date (`2019-04-11-slug.md`). */
  readonly datedNames: boolean;
  /** The generator has folder-per-post posts (Hugo page bundles, Docusaurus folders). */
  readonly bundles: boolean;
  /** A tag every post of a folder carries is its collection: a new post gets it too (Eleventy). */
  readonly folderTags?: boolean;
  readonly defaults: FrontMatterStyle;
  /** The generator's own template for a post of a section (Hugo: `archetypes/`). */
  templateFor?(fs: FileSystemHost, section: string, preferBundle: boolean | undefined): Promise<PostTemplate | undefined>;
}

/** What writing for a generator involves beyond its URLs: the links we write, moves, New Post. */
export interface AuthoringFacts {
  /** Link forms of the generator's own that completion and fixes may write. */
  readonly linkForms: readonly ('relref' | 'post_url')[];
  /** A moved page can keep its old URL as an `aliases` entry (Hugo). */
  readonly aliasesOnMove: boolean;
  readonly newPost: PostLayout;
  /** Where the generator keeps the images posts show (undefined: beside the post). */
  readonly images?: ImageFacts;
}

/**
 * Where a generator keeps images when the site's own posts show no convention of their own. The
 * image planner (core/images) still checks that the file would be published there.
 */
export interface ImageFacts {
  /** Site-relative folder for images outside bundles, published as static files. */
  readonly defaultFolder: string;
  /** Images go beside the post: when it is a bundle's index file, also beside a single file when the site does so, or never. */
  readonly beside: 'bundle' | 'any' | 'never';
  /**
   * Site-relative folders a theme's templates may take a front-matter image from besides the files
   * the site publishes as they are (Hugo's `assets`, read by `resources.Get`): a value found there
   * is not reported.
   */
  readonly templateRoots?: readonly string[];
  /** A theme is not on disk: it may ship the image, so front-matter images are not judged. */
  readonly unknownTheme?: boolean;
  /**
   * A single-file post can become a leaf bundle (`x.md` → `x/index.md`) with its images beside it;
   * the planner still checks that the URL stays (core/images/bundle.ts).
   */
  readonly toBundle?: boolean;
}

/** The front matter most generators' posts start from: YAML with title, date and tags. */
export const BASIC_FRONT_MATTER: FrontMatterStyle = { format: 'yaml', keyOrder: ['title', 'date', 'tags'], dateKey: 'date', dateStyle: 'rfc3339', authorKey: 'author' };

/** What a site's templates add to its pages beyond the content. */
export interface TemplateFacts {
  /** Literal `id="…"` values in layouts: fragments every page (of some layout) may have. */
  readonly layoutIds: ReadonlySet<string>;
  /** A heading render hook may give headings other ids: fragments are then not judged. */
  readonly headingHook: boolean;
  /** The front-matter keys the templates read (undefined: not known for this generator). */
  readonly paramsRead?: ParamsRead;
  /**
   * An image render hook looks the destination up in the assets folder (`resources.Get`) and
   * publishes what it finds: the files there (paths inside the folder), which such images reach.
   */
  readonly imageAssets?: ReadonlySet<string>;
}

/** The ids a shortcode's template prints. */
export type ShortcodeIds = { readonly kind: 'none' } | { readonly kind: 'argument'; readonly position?: number; readonly name?: string } | { readonly kind: 'unknown' };

/**
 * One call of a shortcode as its template sees it: the arguments (positional or named), the text
 * between its tags when it has a closing tag, and the page it is on.
 */
export interface ShortcodeRenderCall {
  readonly args: readonly string[];
  readonly named: Readonly<Record<string, string>>;
  /** The text between the opening and the closing tag ('' for `/>}}`); undefined when the call has none. */
  readonly inner?: string;
  /** Arguments written without quotes (positions, names), which the generator may read as numbers. */
  readonly bare?: readonly (number | string)[];
  readonly frontMatter: Readonly<Record<string, unknown>>;
  /** The page's URL as the site publishes it, its title and language. */
  readonly page?: { readonly url: string; readonly title?: string; readonly lang?: string };
  /** The content file, site-relative. */
  readonly file?: string;
  /** The URL of the page a `ref`/`relref` path names from this page (undefined: none, or ambiguous). */
  readonly resolveRef?: (path: string) => string | undefined;
}

/**
 * Renders one call the way the generator does and returns the HTML it prints, or undefined when the
 * template does anything we cannot evaluate exactly. Text the page itself holds (`.Inner`) and
 * Markdown the generator renders (`markdownify`) are wrapped in OPAQUE_START … OPAQUE_END: their ids
 * count, but their links are judged where they are written (or not at all), never twice.
 */
export type ShortcodeRenderer = (call: ShortcodeRenderCall) => string | undefined;
export const OPAQUE_START = '\uE000';
export const OPAQUE_END = '\uE001';

/**
 * A link a shortcode's template prints from one of its arguments (`<img src="{{ .Get "src" }}">`):
 * where the shortcode is called, the argument's value is a link on the page.
 */
export interface ShortcodeLink {
  /** `href` of an `<a>`, `src` of an `<img>`. */
  readonly attr: 'href' | 'src';
  /** The argument: by position (`.Get 0`) or by name (`.Get "src"`). */
  readonly position?: number;
  readonly name?: string;
  /** What the template prints right before the argument: the site's baseURL as configured. */
  readonly prefix?: string;
}

/** A finding about a front-matter value, as the generator's own reading decides it. */
export interface ValueFinding {
  readonly severity: Severity;
  readonly message: string;
}

/** How a generator reads front matter where that differs from the generic rules. */
export interface FrontMatterRules {
  /**
   * Its own reading of a date key's value: a finding, `null` when it reads the value (or ignores the
   * key), undefined to leave the value to the generic reading.
   */
  dateFinding?(file: string, key: string, value: unknown): ValueFinding | null | undefined;
  /** What it reads instead of a known key's value of the wrong type, when it throws the value away. */
  readsInstead?(type: 'string' | 'date' | 'number' | 'bool' | 'list' | 'map', value: unknown): string | undefined;
  /** An author with no record stops the build. */
  readonly unknownAuthorFails?: boolean;
}
