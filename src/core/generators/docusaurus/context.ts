/**
 * What the Docusaurus model's rules need of the site's config, computed once per model and passed to
 * them: the plugin folders (blogs, docs, pages) a file may sit in, predefined tags, author pages.
 */
import type { FrontMatterData } from '../../site/generator';
import { fmGet } from '../../frontmatter/parse';
import type { DocusaurusBlog, DocusaurusConfig, DocusaurusDocs } from './config';
import { trailing } from './paths';

export const MD = /\.mdx?$/i;
export const PAGE_EXT = /\.(mdx?|jsx?|tsx?)$/i;

/** A tag predefined in `tags.yml`. */
export interface PredefinedTag {
  readonly label: string;
  /** Without the tags route: `/release`. */
  readonly permalink: string;
}

/** An author from `authors.yml` that has a page of their own (Docusaurus ≥3.5 `page:`). */
export interface AuthorPage {
  readonly key: string;
  readonly permalink: string;
}

export type Placement =
  | { readonly kind: 'blog'; readonly blog: DocusaurusBlog; readonly inner: string }
  | { readonly kind: 'docs'; readonly docs: DocusaurusDocs; readonly inner: string }
  | { readonly kind: 'pages'; readonly inner: string }
  | { readonly kind: 'none' };

interface PluginRoot {
  readonly dir: string;
  readonly place: (inner: string) => Placement;
}

export interface DocusaurusSite {
  readonly c: DocusaurusConfig;
  readonly basePath: string;
  readonly lang: string;
  /** Plugin folders, longest first. */
  readonly roots: readonly PluginRoot[];
  /** Per blog id: predefined tags by key. */
  readonly tags: ReadonlyMap<string, ReadonlyMap<string, PredefinedTag>>;
  /** Per blog id with a non-empty authors map: the authors that have pages. */
  readonly authorPages: ReadonlyMap<string, readonly AuthorPage[]>;
  /** Per model: inline `{label, permalink}` tags seen in posts, so their term pages get the right URL. */
  readonly inlineTagPermalinks: Map<string, string>;
}

export function docusaurusSite(c: DocusaurusConfig, tags: DocusaurusSite['tags'], authorPages: DocusaurusSite['authorPages']): DocusaurusSite {
  const roots: PluginRoot[] = [
    ...c.blogs.map((b) => ({ dir: b.path, place: (inner: string): Placement => ({ kind: 'blog', blog: b, inner }) })),
    ...c.docs.map((d) => ({ dir: d.path, place: (inner: string): Placement => ({ kind: 'docs', docs: d, inner }) })),
    ...(c.pagesPath ? [{ dir: c.pagesPath, place: (inner: string): Placement => ({ kind: 'pages', inner }) }] : []),
  ].sort((a, b) => b.dir.length - a.dir.length);
  return { c, basePath: c.basePath, lang: c.defaultLocale, roots, tags, authorPages, inlineTagPermalinks: new Map() };
}

/** The plugins' default `exclude`: `_` files and folders, tests. */
function excludedName(inner: string): boolean {
  return inner.split('/').some((s) => s.startsWith('_') || s === '__tests__') || /\.test\.[jt]sx?$/.test(inner);
}

export function place(d: DocusaurusSite, file: string): Placement {
  for (const r of d.roots) {
    if (r.dir === '.' || file.startsWith(r.dir + '/')) {
      const inner = r.dir === '.' ? file : file.slice(r.dir.length + 1);
      if (excludedName(inner)) return { kind: 'none' };
      return r.place(inner);
    }
  }
  return { kind: 'none' };
}

/** A route with `trailingSlash` applied. */
export function fin(d: DocusaurusSite, path: string): string {
  return trailing(path, d.c.trailingSlash, d.basePath);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

export function flag(data: FrontMatterData, key: string): boolean {
  const v = fmGet(data, key);
  return v === true || v === 'true';
}
