/** Pages Jekyll's plugins write themselves: feed, sitemap, redirects.json, pagination, archives. */
import type { Page } from '../../site/model';
import { derivedCollector } from '../../site/derived';
import type { JekyllConfig } from './config';
import { fillTemplate, slugify } from './urls';
import type { JekyllSite } from './context';

type Archives = NonNullable<JekyllConfig['archives']>;

export function derivedPages(j: JekyllSite, pages: readonly Page[], terms: ReadonlyMap<string, ReadonlyMap<string, number>>): { pages: Page[]; extraUrls: string[] } {
  const { c, basePath } = j;
  const { out, extra, add } = derivedCollector(pages);
  const posts = pages.filter((p) => p.section === 'posts' && p.willPublish);
  if (c.plugins.includes('jekyll-feed')) extra.push(basePath + '/feed.xml');
  if (c.plugins.includes('jekyll-sitemap')) extra.push(basePath + '/sitemap.xml', basePath + '/robots.txt');
  if (c.plugins.includes('jekyll-redirect-from') && c.redirectsJson) extra.push(basePath + '/redirects.json');
  if (c.paginate && (c.plugins.includes('jekyll-paginate') || c.plugins.includes('jekyll-paginate-v2'))) {
    const n = Math.ceil(posts.length / c.paginate);
    for (let i = 2; i <= n; i++) extra.push(basePath + fillTemplate(c.paginatePath.replace(':num', String(i)), {}));
  }
  if (c.archives) archivePages(j, c.archives, posts, terms, add, extra);
  return { pages: out, extraUrls: extra };
}

/** jekyll-archives: a page per tag and category, and per year, month and day posts were written. */
function archivePages(j: JekyllSite, a: Archives, posts: readonly Page[], terms: ReadonlyMap<string, ReadonlyMap<string, number>>, add: (p: Page) => void, extra: string[]): void {
  const basePath = j.basePath;
  // jekyll-archives defaults; term names are slugified (Utils.slugify, default mode).
  const links: Record<string, string> = { year: '/:year/', month: '/:year/:month/', day: '/:year/:month/:day/', tag: '/tag/:name/', category: '/category/:name/', ...a.permalinks };
  for (const [tax, singular] of [['tags', 'tag'], ['categories', 'category']] as const) {
    if (!a.enabled.includes(tax)) continue;
    for (const term of terms.get(`en\u0000${tax}`)?.keys() ?? []) {
      const url = basePath + fillTemplate(links[singular], { name: slugify(term) });
      add({ url, kind: 'term', status: 'published', willPublish: true, lang: 'en', aliases: [], section: tax, taxonomy: tax, term });
    }
  }
  const dates = new Set<string>();
  for (const p of posts) {
    const d = /^(\d{4})\/(\d{2})\/(\d{2})/.exec((p.date ?? '').replace(/-/g, '/'));
    if (!d) continue;
    if (a.enabled.includes('year')) dates.add(fillTemplate(links.year, { year: d[1] }));
    if (a.enabled.includes('month')) dates.add(fillTemplate(links.month, { year: d[1], month: d[2] }));
    if (a.enabled.includes('day')) dates.add(fillTemplate(links.day, { year: d[1], month: d[2], day: d[3] }));
  }
  for (const u of dates) extra.push(basePath + u);
}
