/** Hugo URL paths: `[permalinks]` patterns, term paths, trailing slashes and `.html` (uglyURLs). */
import type { HugoSite } from './context';
import { dayOfYear, MONTH_NAMES, type WrittenDate } from './dates';
import { makePath, urlize } from './paths';

export interface PermalinkContext {
  readonly section: string;
  readonly sections: string[];
  readonly name: string;
  readonly slug?: string;
  readonly title?: string;
  readonly date?: WrittenDate;
}

export function expandPermalink(h: HugoSite, pattern: string, ctx: PermalinkContext): string {
  const opts = h.opts;
  const pad = (n: number) => String(n).padStart(2, '0');
  const out = pattern.replace(/:(year|monthname|month|day|yearday|sections|section|title|slugorfilename|slug|filename|contentbasename)\b/g, (_m, tok: string) => {
    const d = ctx.date;
    switch (tok) {
      case 'year':
        // Go formats the zero date's year as an integer: a page without a date is at `/1/…` [verified 0.111].
        return d ? String(d.year) : '1';
      case 'month':
        return d ? pad(d.month) : '01';
      case 'monthname':
        return d ? MONTH_NAMES[d.month - 1] : 'January';
      case 'day':
        return d ? pad(d.day) : '01';
      case 'yearday':
        return d ? String(dayOfYear(d)) : '1';
      case 'section':
        return ctx.section;
      case 'sections':
        return ctx.sections.join('/');
      case 'title':
        return urlize(ctx.title ?? '', opts);
      case 'slug':
        return urlize(ctx.slug ?? ctx.title ?? '', opts);
      case 'slugorfilename':
        return ctx.slug ? urlize(ctx.slug, opts) : ctx.name;
      case 'filename':
      case 'contentbasename':
        return ctx.name;
    }
    return _m;
  });
  return makePath(out, opts);
}

/** The `[permalinks]` pattern for a section or taxonomy, as configured (keys lower-cased). */
export function permalinkFor(h: HugoSite, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(h.c.permalinks, key) ? h.c.permalinks[key] : undefined;
}

/**
 * A term page's path: `[permalinks]` keyed by the taxonomy applies to its terms (`tags =
 * "/topic/:slug/"` → `/topic/team-work/`) [verified 0.111: test/fixtures/hugo-outputs]; else
 * `/<taxonomy folder>/<term>/`.
 */
export function termPath(h: HugoSite, plural: string, folder: string, term: string, fm: { slug?: string; title?: string } = {}): string {
  const pattern = permalinkFor(h, plural);
  // A term's own `_index` may give it a slug or title: `:slug` then uses them [verified 0.111].
  if (pattern) return cleanJoin(expandPermalink(h, pattern, { section: plural, sections: [plural], name: term, slug: fm.slug, title: fm.title ?? term }));
  return cleanJoin(urlize(folder, h.opts), urlize(term, h.opts)) + '/';
}

/**
 * A page's path made by Hugo (not a `url:`): always a folder, or `<path>.html` with uglyURLs, whatever
 * its last segment holds — a slug, file name or permalink with a dot (`v1.2`, `:slug.html`) is a
 * folder too (`/posts/v1.2/index.html`, `/h/a.html/index.html`) [verified 0.111: test/fixtures/hugo-dots].
 */
export function withTrailing(url: string, ugly: boolean): string {
  if (ugly) return url.replace(/\/+$/, '') + '.html';
  return url.endsWith('/') ? url : url + '/';
}

/**
 * A `url:` front matter value's path. uglyURLs never apply to it; it is a file written as it is when
 * the value holds a dot anywhere and does not end with a slash (`/c/v1.3`, `/e/v1.5/x`, `/s.html`),
 * else a folder (`/x`, `/blog/` → `/blog/index.html`, also in an ugly section) [verified 0.111:
 * test/fixtures/hugo-dots, hugo-ugly-map].
 */
export function urlOverridePath(fmUrl: string): string {
  const path = cleanJoin(fmUrl);
  if (fmUrl.includes('.') && !fmUrl.endsWith('/')) return path;
  return path.endsWith('/') ? path : path + '/';
}

export function cleanJoin(...parts: string[]): string {
  const joined = parts.join('/').replace(/\/{2,}/g, '/');
  return joined.startsWith('/') ? joined : '/' + joined;
}
