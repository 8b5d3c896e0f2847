/**
 * The pages Hugo makes without a content file — home pages, sections, taxonomy and term lists — with
 * their feeds, sitemaps and the language redirects; and the taxonomy terms pages are filed under.
 */
import type { FrontMatterData } from '../../site/generator';
import type { Page, PageKind } from '../../site/model';
import { fmGet, fmList } from '../../frontmatter/parse';
import { derivedCollector, type DerivedCollector } from '../../site/derived';
import { isUgly } from './config';
import { makePath, urlize } from './paths';
import type { HugoSite } from './context';
import { isTopLevel, langPrefix } from './content';
import { termPath, withTrailing } from './permalinks';
import { feedFileName } from './outputFormats';

type Redirect = { from: string; to: string };

/** Per `lang\0plural`, the terms published pages use, with their counts. */
export type PublishedTerms = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function derivedPages(h: HugoSite, pages: readonly Page[], terms: PublishedTerms): { pages: Page[]; extraUrls: string[]; redirects: Redirect[] } {
  const collector = derivedCollector(pages);
  const redirects = homes(h, collector);
  sections(h, pages, collector);
  taxonomies(h, pages, terms, collector);
  // List pages have a feed at `<dir>/index.xml`, also with uglyURLs (`/posts.html` →
  // `/posts/index.xml`) [verified 0.111].
  for (const p of [...pages, ...collector.out]) {
    if ((p.kind === 'section' || p.kind === 'taxonomy' || p.kind === 'term') && p.willPublish && hasFeed(h, p.kind)) {
      collector.extra.push((p.url.endsWith('/') ? p.url : p.url.replace(/\.html$/, '') + '/') + feedFileName(h.c.raw));
    }
  }
  return { pages: collector.out, extraUrls: collector.extra, redirects };
}

/** Whether pages of a kind have an RSS feed: `[outputs]` where set, else Hugo's defaults (lists do). */
function hasFeed(h: HugoSite, kind: PageKind): boolean {
  if (h.disabledKinds.has('rss')) return false;
  const formats = h.c.outputs[kind];
  return formats ? formats.includes('rss') : kind !== 'page';
}

/** Each language's home page, its feed and sitemap, robots.txt; returns the language redirects. */
function homes(h: HugoSite, { add, extra }: DerivedCollector): Redirect[] {
  const { c, basePath, multilingual } = h;
  const kinds = h.disabledKinds;
  for (const l of c.languages) {
    const lp = langPrefix(h, l.code);
    if (!kinds.has('home')) add({ url: basePath + lp + '/', kind: 'home', status: 'published', willPublish: true, lang: l.code, aliases: [], section: '' });
    // The home feed goes with the home page [verified 0.111: hugo-disable-kinds-lists].
    if (hasFeed(h, 'home') && !kinds.has('home')) extra.push(basePath + lp + '/' + feedFileName(c.raw));
    // Multilingual: every language has `/<lang>/sitemap.xml`, even the one served at the root,
    // and `/sitemap.xml` is the index of them [verified 0.111].
    if (!kinds.has('sitemap')) extra.push(basePath + (multilingual ? `/${l.code}` : lp) + '/sitemap.xml');
  }
  if (multilingual && !kinds.has('sitemap')) extra.push(basePath + '/sitemap.xml');
  // The language that is not in its own folder still gets a redirect there (`/en/` → `/`), and
  // with defaultContentLanguageInSubdir the root redirects to it (`/` → `/en/`) [verified 0.111].
  const redirects: Redirect[] = [];
  const home = basePath + langPrefix(h, c.defaultContentLanguage) + '/';
  if (c.defaultContentLanguageInSubdir) redirects.push({ from: basePath + '/', to: home });
  else if (multilingual) redirects.push({ from: basePath + `/${c.defaultContentLanguage}/`, to: home });
  if (c.enableRobotsTXT) extra.push(basePath + '/robots.txt');
  return redirects;
}

/**
 * Top-level sections with at least one published page, unless an `_index` already made the
 * section page. A section Hugo makes itself is lower-cased even with disablePathToLower, one
 * from an `_index` keeps its case (`/dated/` vs `/Posts/`) [verified 0.111].
 */
function sections(h: HugoSite, pages: readonly Page[], { add }: DerivedCollector): void {
  const found = new Map<string, string>();
  const madeByIndex = new Set<string>();
  for (const p of pages) {
    if (p.kind === 'page' && p.willPublish && p.section && p.file) found.set(`${p.lang}\u0000${p.section}`, p.lang);
    if (p.kind === 'section' && p.file && isTopLevel(h, p.file)) madeByIndex.add(`${p.lang}\u0000${p.section}`);
  }
  if (h.disabledKinds.has('section')) return;
  for (const [key, lang] of found) {
    const section = key.split('\u0000')[1];
    if (h.taxonomyPlurals.has(section.toLowerCase()) || madeByIndex.has(key)) continue;
    const ugly = isUgly(h.c, section);
    const url = h.basePath + langPrefix(h, lang) + withTrailing('/' + makePath(section, { ...h.opts, disablePathToLower: false }) + '/', ugly);
    add({ url, kind: 'section', status: 'published', willPublish: true, lang, aliases: [], section });
  }
}

/**
 * A taxonomy's list page exists even when no page uses it [verified 0.111: /categories/ on a site
 * without categories]; a term page only when a published page uses the term or a term folder has
 * an `_index` (a term used only by drafts has none) [verified 0.111].
 */
function taxonomies(h: HugoSite, pages: readonly Page[], terms: PublishedTerms, { add }: DerivedCollector): void {
  const { c, basePath } = h;
  const kinds = h.disabledKinds;
  const termsWithIndex = new Set<string>();
  // A taxonomy's `_index` makes its page, at its `url:` if it has one [verified 0.111: /alltags/, no /tags/].
  const taxonomyWithIndex = new Set<string>();
  // A taxonomy whose `_index` is a draft (not published by its status; a disabled kind is another
  // matter) has no term pages either [verified 0.111].
  const hiddenTaxonomy = new Set<string>();
  for (const p of pages) {
    if (p.kind === 'term' && p.file && p.taxonomy && p.term) termsWithIndex.add(`${p.lang}\u0000${p.taxonomy}\u0000${termKey(h, p.term)}`);
    if (p.kind === 'taxonomy' && p.file && p.taxonomy) taxonomyWithIndex.add(`${p.lang}\u0000${p.taxonomy}`);
    if (p.kind === 'taxonomy' && p.file && p.taxonomy && !p.willPublish && p.status !== 'published') hiddenTaxonomy.add(`${p.lang}\u0000${p.taxonomy}`);
  }
  for (const t of c.taxonomies) {
    for (const l of c.languages) {
      const lp = langPrefix(h, l.code);
      const langTerms = terms.get(`${l.code}\u0000${t.plural}`);
      const tUgly = isUgly(c, t.plural);
      if (!kinds.has('taxonomy') && !kinds.has('taxonomyterm') && !taxonomyWithIndex.has(`${l.code}\u0000${t.plural}`)) {
        const tu = basePath + lp + withTrailing('/' + urlize(t.plural, h.opts) + '/', tUgly);
        add({ url: tu, kind: 'taxonomy', status: 'published', willPublish: true, lang: l.code, aliases: [], section: t.plural, taxonomy: t.plural });
      }
      if (kinds.has('term') || !langTerms || hiddenTaxonomy.has(`${l.code}\u0000${t.plural}`)) continue;
      for (const term of langTerms.keys()) {
        // A term with its own `_index` has its page already (its URL may differ: a permalink's :slug).
        if (termsWithIndex.has(`${l.code}\u0000${t.plural}\u0000${termKey(h, term)}`)) continue;
        const u = basePath + lp + withTrailing(termPath(h, t.plural, t.plural, term), tUgly);
        add({ url: u, kind: 'term', status: 'published', willPublish: true, lang: l.code, aliases: [], section: t.plural, taxonomy: t.plural, term });
      }
    }
  }
}

/** A page's taxonomy values: plural → values as written. */
export function termsOf(h: HugoSite, data: FrontMatterData): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const t of h.c.taxonomies) {
    const v = fmGet(data, t.plural);
    const list = Array.isArray(v) ? fmList({ v }, 'v') : typeof v === 'string' && v.trim() ? [v] : [];
    if (list.length) m.set(t.plural, list);
  }
  return m;
}

/** The key a term's page is filed under (one page per key). */
export function termKey(h: HugoSite, term: string): string {
  // With disablePathToLower, `Go` and `go` are two terms with two pages [verified 0.111: /tags/Capital-Tag/].
  // Memoised: every rebuild of the URL table asks for every term use (tens of thousands on a big site).
  let k = h.termKeys.get(term);
  if (k === undefined) {
    k = urlize(term, h.opts);
    if (h.termKeys.size > 50_000) h.termKeys.clear();
    h.termKeys.set(term, k);
  }
  return k;
}
