/**
 * What the Jekyll model's rules need of the site's config, computed once per model and passed to
 * them (the placer, the front-matter defaults, the time zone), with the path helpers every rule uses.
 */
import { posix } from '../../posix';
import type { FrontMatterData } from '../../site/generator';
import type { JekyllConfig } from './config';
import { createPlacer, type Placement } from './place';
import { createDefaults, type DefaultsLookup } from './defaults';
import { addPermalinkSuffix, fillTemplate } from './urls';

/** Document::DATE_FILENAME_MATCHER: `[dir/]2019-03-01-title.md`. */
export const DATE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
/** HTML pages and posts (`.htm` keeps its own output extension: not modelled, taken as a static file). */
const HTML = /\.html$/i;

export interface JekyllSite {
  readonly c: JekyllConfig;
  readonly basePath: string;
  readonly place: (file: string) => Placement;
  readonly defaults: DefaultsLookup;
  /** Without `timezone:` Jekyll uses the build machine's zone: UTC on GitHub Pages and CI runners. */
  readonly zone: string;
  /** Per model: posts seen so far, by file name without extension (`post_url` may omit the subfolder). */
  readonly knownPosts: Map<string, Set<string>>;
}

export function jekyllSite(c: JekyllConfig): JekyllSite {
  return {
    c,
    basePath: c.basePath,
    place: createPlacer(c),
    defaults: createDefaults(c.defaults, c.collectionsDir),
    zone: c.timezone ?? 'UTC',
    knownPosts: new Map(),
  };
}

export function extOf(file: string): string {
  return /\.[^./]*$/.exec(posix.basename(file).replace(/^\.+/, ''))?.[0] ?? '';
}

export function isMarkdown(j: JekyllSite, file: string): boolean {
  return j.c.markdownExts.includes(extOf(file).toLowerCase());
}

/**
 * Text files a collection holds as documents when they have front matter (CollectionReader reads
 * any such file as a document; choosealicense's `_licenses/*.txt`) [verified: jekyll 4.3 output].
 */
const COLLECTION_TEXT = /\.(txt|text|xml|json|csv|tsv)$/i;

/**
 * What Jekyll converts into a page or document when it has front matter (here: Markdown and HTML,
 * and text files in a collection).
 */
export function isDoc(j: JekyllSite, file: string): boolean {
  return isMarkdown(j, file) || HTML.test(file) || (COLLECTION_TEXT.test(file) && j.place(file).kind === 'collection');
}

/** Document#output_ext: `.html` for what a converter renders (Markdown, HTML), a text file keeps its own. */
export function outputExt(j: JekyllSite, file: string): string {
  return isMarkdown(j, file) || HTML.test(file) ? '.html' : extOf(file);
}

/** Document#relative_path and FrontmatterDefaults paths are taken inside collections_dir. */
export function relPath(j: JekyllSite, file: string): string {
  const dir = j.c.collectionsDir;
  return dir && file.startsWith(dir + '/') ? file.slice(dir.length + 1) : file;
}

/** Document#cleaned_relative_path: without extension, collection folder and trailing dots. */
export function cleanedPath(j: JekyllSite, file: string, collectionDir: string): string {
  const rel = relPath(j, file);
  return rel.slice(0, rel.length - extOf(rel).length).replace(collectionDir, '').replace(/\.+$/, '');
}

/** Front matter over the defaults that apply to the file (Document#merge_defaults). */
export function withDefaults(j: JekyllSite, file: string, type: string, data: FrontMatterData): FrontMatterData {
  return { ...j.defaults.all(relPath(j, file), type), ...data };
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** Page#template (Markdown and HTML pages are `html?`). */
function pageTemplate(j: JekyllSite, base: string): string {
  return base === 'index' ? '/:path/' : addPermalinkSuffix('/:path/:basename', j.c.permalink);
}

/** A page's URL from its folder and file name, under its permalink (own or the defaults'). */
export function pageUrl(j: JekyllSite, p: { dir: string; base: string }, permalink: string | undefined): string {
  // Page#process: the name without its extension and trailing dots.
  const basename = p.base.slice(0, p.base.length - extOf(p.base).length).replace(/\.+$/, '');
  return j.basePath + fillTemplate(permalink ?? pageTemplate(j, basename), { path: p.dir, basename, output_ext: '.html' });
}

/** Page#permalink: the page's own `permalink`, else the front-matter defaults' (never for `published`). */
export function pagePermalink(j: JekyllSite, file: string, rawData: FrontMatterData): string | undefined {
  return str(rawData['permalink']) ?? str(j.defaults.find(relPath(j, file), 'pages', 'permalink'));
}
