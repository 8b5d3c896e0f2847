/**
 * The site model's vocabulary: what a site is, what a page is, and where it is published.
 * Every feature (links, completion, preview, New Post, CLI) reads these types.
 */
import type { ShortcodeUse } from '../links/shortcodes';
import type { ExtractedLink } from '../links/types';
import type { FrontMatter } from '../frontmatter/parse';
import type { TextRange } from '../text';

export type GeneratorId = 'hugo' | 'jekyll' | 'docusaurus' | 'eleventy' | 'hexo' | 'astro' | 'folder';
export type PageKind = 'page' | 'section' | 'home' | 'term' | 'taxonomy';
export type PublishStatus = 'published' | 'draft' | 'future' | 'expired';

/**
 * How a Markdown link destination is resolved by the generator:
 * - `url`: copied into href unchanged, resolved by the browser against the page URL (Hugo default);
 * - `content-path`: a render hook looks the destination up as a content path (Hugo with a link hook);
 * - `file`: relative file paths, rewritten by the generator (Docusaurus, plain folders).
 */
export type LinkSemantics = 'url' | 'content-path' | 'file';

/** How heading ids are computed, per renderer. */
export type HeadingIdStyle = 'goldmark' | 'goldmark-ascii' | 'blackfriday' | 'kramdown' | 'kramdown-gfm' | 'slugize' | 'github';

export interface SiteIssue {
  /** Absolute path of the file the issue is in. */
  readonly path: string;
  readonly range?: TextRange;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
}

export interface Language {
  readonly code: string;
  /** Folder of this language's content, relative to the site root (posix), when it has its own. */
  readonly contentDir?: string;
  readonly weight: number;
}

export interface Taxonomy {
  /** Singular name as configured (`tag`). */
  readonly singular: string;
  /** Plural, the front-matter key and URL segment (`tags`). */
  readonly plural: string;
}

export interface Page {
  /** Site-relative posix path of the source file; undefined for pages the generator makes itself. */
  readonly file?: string;
  /** Path part of the published URL, with the baseURL sub-path: `/blog/posts/x/`. */
  readonly url: string;
  readonly kind: PageKind;
  readonly status: PublishStatus;
  /** Whether a default production build publishes it (status plus buildDrafts/buildFuture/…). */
  readonly willPublish: boolean;
  /**
   * Whether the files of its bundle are published, when that differs from willPublish: Hugo
   * publishes a headless or never-rendered bundle's files, but not a draft's.
   */
  readonly resourcesPublished?: boolean;
  readonly lang: string;
  /** Published redirect URLs (path parts, sub-path included). */
  readonly aliases: readonly string[];
  /** Where the same page is also published in another HTML output format (Hugo's AMP, a custom format). */
  readonly alsoAt?: readonly string[];
  readonly title?: string;
  /** Date as written in front matter. */
  readonly date?: string;
  /** Top-level section (`posts`), '' for root pages. */
  readonly section: string;
  readonly bundle?: 'leaf' | 'branch';
  /** For term pages: the taxonomy and term. */
  readonly taxonomy?: string;
  readonly term?: string;
}

export interface Heading {
  readonly level: number;
  readonly text: string;
  /** The id the generator gives it (auto or custom). */
  readonly id: string;
  /** 0-based line of the heading in the document. */
  readonly line: number;
  /**
   * The body opens with it (only blank lines before it), as an ATX heading of level 1–3 or a one-line
   * setext heading: a plugin may take it for the page's title and remove it (see GeneratorModel.openingHeading).
   */
  readonly opensBody?: boolean;
}

/** A file that is a page's resource or a static file: published as-is at `url`. */
export interface PublishedFile {
  readonly file: string;
  readonly url: string;
}

export interface SiteSummary {
  readonly root: string;
  readonly generator: GeneratorId;
  readonly configFile?: string;
  readonly title?: string;
  readonly baseURL?: string;
  /** `/blog` for `baseURL = https://x.org/blog/`, '' for a root site. */
  readonly basePath: string;
  /**
   * Root-relative link destinations reach below basePath (Hugo's canonifyURLs and relativeURLs
   * rewrite `/x/` to `<baseURL>x/` or a relative path from it) [verified 0.111].
   */
  readonly rootLinksAtBase?: boolean;
  /**
   * The site's host serves `x.html` at `/x` too (GitHub Pages and `jekyll serve` do; Jekyll writes a
   * page whose URL is `/x` as x.html, so `/x.html` reaches it as well) [verified: jekyll 4.3 output].
   */
  readonly htmlExtensionOptional?: boolean;
  readonly linkSemantics: LinkSemantics;
  readonly contentDirs: readonly string[];
}

/**
 * What the index keeps of every document without reading its body: all the URL model, the term
 * tables, authors and front-matter features need.
 */
export interface DocumentFacts {
  readonly file: string;
  readonly frontMatter?: FrontMatter;
  /** True when only the front matter was parsed (very large file). */
  readonly partial: boolean;
  /** Over the limit, but its links were read (and are checked). */
  readonly partialLinks?: boolean;
}

/** What reading a document's body tells (no full text: memory matters on 10k posts). */
export interface DocumentBody {
  readonly headings: readonly Heading[];
  /** Explicit `id="…"` / `name="…"` anchors found in raw HTML. */
  readonly htmlIds: readonly string[];
  readonly links: readonly ExtractedLink[];
  /** Characters of the whole text; -1 when the file changed or went away since the crawl. */
  readonly size: number;
  /** Hash of the text this was read from (a check tells by it whether the index is current). */
  readonly textHash?: number;
  /** It uses includes or tags whose output we cannot see: they may print ids of their own. */
  readonly hiddenIds: boolean;

  readonly shortcodes?: readonly ShortcodeUse[];
  /** Its Liquid loops over the site's documents (`site.posts`, `site.tags`): checks render it with them. */
  readonly liquidContent?: boolean;
  /** Ids that may be on the page or not (regular expression sources): fragments matching one are not judged. */
  readonly unsureIds?: readonly string[];
}

/** An author record from the site's data files. */
export interface Author {
  readonly id: string;
  /** Display name (`name`, `title`, `display_name` …), when the record has one. */
  readonly name?: string;
  /** Site-relative file the record is in. */
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
}
