/** Pages each blog plugin writes (list, pagination, archive, tags, authors, feeds), and the sitemap and 404. */
import type { Page } from '../../site/model';
import type { DocusaurusBlog } from './config';
import { joinRoute } from './paths';
import { fin, type DocusaurusSite } from './context';
import { tagPermalink } from './tags';

type Terms = ReadonlyMap<string, ReadonlyMap<string, number>>;
type Add = (url: string, kind: Page['kind'], section: string, more?: Partial<Page>) => void;

export function derivedPages(d: DocusaurusSite, pages: readonly Page[], terms: Terms): { pages: Page[]; extraUrls: string[] } {
  const out: Page[] = [];
  const extra: string[] = [];
  const have = new Set(pages.map((p) => p.url));
  const add: Add = (url, kind, section, more = {}) => {
    if (have.has(url)) return;
    have.add(url);
    out.push({ url, kind, status: 'published', willPublish: true, lang: d.lang, aliases: [], section, ...more });
  };
  for (const b of d.c.blogs) blogPages(d, b, pages, terms, add, extra);
  extra.push(joinRoute(d.basePath, 'sitemap.xml'), joinRoute(d.basePath, '404.html'));
  return { pages: out, extraUrls: extra };
}

function blogPages(d: DocusaurusSite, b: DocusaurusBlog, pages: readonly Page[], terms: Terms, add: Add, extra: string[]): void {
  const basePath = d.basePath;
  // A blog at the site root (`routeBasePath: '/'`) lists its posts on the home page.
  const base = b.routeBasePath ? joinRoute(basePath, b.routeBasePath) : basePath + '/';
  const section = b.routeBasePath || b.path;
  const posts = pages.filter((p) => p.file?.startsWith(b.path === '.' ? '' : b.path + '/') && p.willPublish);
  add(fin(d, base), base === basePath + '/' ? 'home' : 'section', section);
  const perPage = b.postsPerPage === 'ALL' ? Infinity : Math.max(1, b.postsPerPage);
  for (let i = 2; i <= Math.ceil(posts.length / perPage); i++) extra.push(fin(d, joinRoute(base, b.pageBasePath, String(i))));
  if (b.archiveBasePath !== undefined) add(fin(d, joinRoute(base, b.archiveBasePath)), 'section', section);
  const blogTerms = terms.get(`${d.lang}\u0000tags`);
  if (blogTerms && blogTerms.size) {
    add(fin(d, joinRoute(base, b.tagsBasePath)), 'taxonomy', section, { taxonomy: 'tags' });
    for (const [term, count] of blogTerms) {
      const u = fin(d, joinRoute(base, b.tagsBasePath, tagPermalink(d, b.id, term)));
      add(u, 'term', section, { taxonomy: 'tags', term });
      for (let i = 2; i <= Math.ceil(count / perPage); i++) extra.push(fin(d, joinRoute(base, b.tagsBasePath, tagPermalink(d, b.id, term), b.pageBasePath, String(i))));
    }
  }
  const authors = d.authorPages.get(b.id);
  if (authors) {
    add(fin(d, joinRoute(base, b.authorsBasePath)), 'taxonomy', section, { taxonomy: 'authors' });
    for (const a of authors) add(fin(d, joinRoute(base, b.authorsBasePath, a.permalink)), 'term', section, { taxonomy: 'authors', term: a.key });
  }
  for (const t of b.feedTypes) extra.push(joinRoute(base, t === 'rss' ? 'rss.xml' : t === 'atom' ? 'atom.xml' : 'feed.json'));
}
