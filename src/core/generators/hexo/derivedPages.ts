/**
 * Pages Hexo's generator plugins write: home, archives (yearly and monthly), tag and category pages,
 * each paginated, and feeds and sitemaps. Each list comes from its own plugin, as `hexo init`
 * installs them [verified hexo 8.1 + generators].
 */
import type { Page } from '../../site/model';
import { derivedCollector } from '../../site/derived';
import { slugize, type HexoSite } from './context';

type Terms = ReadonlyMap<string, ReadonlyMap<string, number>>;

interface Lists {
  readonly home: string;
  readonly add: (p: Page) => void;
  readonly extra: string[];
  /** Adds the pages 2… of a list of `n` posts at `base`. */
  readonly paged: (base: string, n: number) => void;
}

export function derivedPages(h: HexoSite, pages: readonly Page[], terms: Terms): { pages: Page[]; extraUrls: string[] } {
  const c = h.c;
  const { out, extra, add } = derivedCollector(pages);
  const has = (plugin: string) => h.plugins.has(`hexo-generator-${plugin}`);
  const posts = pages.filter((p) => p.section === 'posts' && p.willPublish);
  const home = h.basePath + '/';
  const pageCount = (n: number) => (c.perPage > 0 ? Math.ceil(n / c.perPage) : 1);
  const paged = (base: string, n: number) => {
    for (let i = 2; i <= pageCount(n); i++) extra.push(`${base}${c.paginationDir}/${i}/`);
  };
  const lists: Lists = { home, add, extra, paged };
  if (has('index')) {
    add({ url: home, kind: 'home', status: 'published', willPublish: true, lang: 'en', aliases: [], section: '' });
    paged(home, posts.length);
  }
  if (has('archive') && posts.length) archives(h, lists, posts);
  termPages(h, lists, terms, has);
  if (has('feed')) extra.push(...c.feedPaths.map((p) => home + p.replace(/^\/+/, '')));
  if (has('sitemap')) extra.push(...c.sitemapPaths.map((p) => home + p.replace(/^\/+/, '')));
  return { pages: out, extraUrls: extra };
}

/** hexo-generator-archive: the archive, then yearly and monthly archives, each paginated like it. */
function archives(h: HexoSite, { home, add, extra, paged }: Lists, posts: readonly Page[]): void {
  const archive = `${home}${h.c.archiveDir}/`;
  add({ url: archive, kind: 'section', status: 'published', willPublish: true, lang: 'en', aliases: [], section: h.c.archiveDir });
  paged(archive, posts.length);
  const periods = new Map<string, number>();
  for (const p of posts) {
    const m = /^(\d{4})-(\d{1,2})/.exec(p.date ?? '');
    if (!m) continue;
    for (const k of [m[1], `${m[1]}/${m[2].padStart(2, '0')}`]) periods.set(k, (periods.get(k) ?? 0) + 1);
  }
  for (const [period, n] of periods) {
    extra.push(`${archive}${period}/`);
    paged(`${archive}${period}/`, n);
  }
}

/** hexo-generator-tag and -category: an index page if enabled, and a page per term (categories by path). */
function termPages(h: HexoSite, { home, add, paged }: Lists, terms: Terms, has: (plugin: string) => boolean): void {
  const c = h.c;
  for (const [tax, dir, map, plugin, index] of [
    ['tags', c.tagDir, c.tagMap, 'tag', c.tagIndexPage],
    ['categories', c.categoryDir, c.categoryMap, 'category', c.categoryIndexPage],
  ] as const) {
    if (!has(plugin)) continue;
    const list = terms.get(`en\u0000${tax}`) ?? new Map<string, number>();
    if (index) add({ url: `${home}${dir}/`, kind: 'taxonomy', status: 'published', willPublish: true, lang: 'en', aliases: [], section: dir, taxonomy: tax });
    for (const [term, count] of list) {
      const paths = tax === 'categories' && h.categoryPaths.get(term)?.size ? [...h.categoryPaths.get(term)!] : [slugize(map[term] ?? term, c.filenameCase)];
      for (const path of paths) {
        const url = `${home}${dir}/${path}/`;
        add({ url, kind: 'term', status: 'published', willPublish: true, lang: 'en', aliases: [], section: dir, taxonomy: tax, term });
        paged(url, count);
      }
    }
  }
}
