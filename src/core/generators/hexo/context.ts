/**
 * What the Hexo model's rules need of the site's config, computed once per model and passed to them,
 * and where a file sits in `source/` (post, draft, page, asset or not published).
 */
import type { HexoConfig } from './config';

export const MARKDOWN = /\.(md|markdown|mkd|mkdn|mdwn|mdown|mdtxt|mdtext)$/i;
/** What Hexo renders to HTML by default (hexo-renderer-* in a new site); the rest is copied. */
export const RENDERABLE = /\.(md|markdown|mkd|mkdn|mdwn|mdown|mdtxt|mdtext|html|htm|ejs|njk|swig|pug|styl)$/i;

export type Placement = { kind: 'post' | 'draft'; inner: string } | { kind: 'page'; inner: string } | { kind: 'asset'; inner: string } | { kind: 'hidden' };

export interface HexoSite {
  readonly c: HexoConfig;
  /** The source folder (`source`). */
  readonly src: string;
  readonly basePath: string;
  /** `skip_render` patterns, compiled. */
  readonly skip: readonly RegExp[];
  /** `hexo-*` packages the site's package.json lists. */
  readonly plugins: ReadonlySet<string>;
  /** Per model: category paths seen in posts (`[a, b]` is b inside a: its page is `/categories/a/b/`). */
  readonly categoryPaths: Map<string, Set<string>>;
}

function globRe(pattern: string): RegExp {
  return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '(?:.*/)?') + '$');
}

export function hexoSite(c: HexoConfig, plugins: ReadonlySet<string>): HexoSite {
  return { c, src: c.sourceDir, basePath: c.basePath, skip: c.skipRender.map(globRe), plugins, categoryPaths: new Map() };
}

export function place(h: HexoSite, file: string): Placement {
  if (!file.startsWith(h.src + '/')) return { kind: 'hidden' };
  const inner = file.slice(h.src.length + 1);
  if (inner.startsWith('_posts/')) return { kind: 'post', inner: inner.slice(7) };
  if (inner.startsWith('_drafts/')) return { kind: 'draft', inner: inner.slice(8) };
  // Files and folders starting with `_` or `.` are not published (hexo `isHiddenFile`).
  if (inner.split('/').some((s) => s.startsWith('_') || s.startsWith('.'))) return { kind: 'hidden' };
  if (RENDERABLE.test(inner) && !h.skip.some((r) => r.test(inner))) return { kind: 'page', inner };
  return { kind: 'asset', inner };
}

/** Renderable output path → URL, with `pretty_urls`. */
export function finish(h: HexoSite, path: string): string {
  let p = path.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) p += 'index.html';
  // `x/index.html` is served at `x/` whatever `trailing_index` says; we list the folder form.
  p = p.replace(/(^|\/)index\.html$/, '$1');
  if (!h.c.trailingHtml) p = p.replace(/\.html$/, '');
  return (h.basePath + '/' + p).replace(/\/{2,}/g, '/');
}

export function finishAsset(h: HexoSite, inner: string): string {
  return (h.basePath + '/' + inner).replace(/\/{2,}/g, '/');
}

/** hexo-util slugize: accents dropped, control characters removed, specials and spaces → `-`. */
export function slugize(s: string, transform: 0 | 1 | 2 = 0): string {
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return transform === 1 ? out.toLowerCase() : transform === 2 ? out.toUpperCase() : out;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
