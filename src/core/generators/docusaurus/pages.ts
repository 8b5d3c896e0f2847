/** What a Docusaurus file is (page, resource, nothing) and the page it publishes: blog post, doc, page. */
import { posix } from '../../posix';
import type { FileRole, FrontMatterData } from '../../site/generator';
import type { Page } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import type { DocusaurusDocs } from './config';
import { joinRoute, parseBlogFileName, resolveRelative, stripNumberPrefix } from './paths';
import { MD, PAGE_EXT, fin, flag, place, str, type DocusaurusSite } from './context';

export function isContentDocument(d: DocusaurusSite, file: string): boolean {
  return MD.test(file) && place(d, file).kind !== 'none';
}

export function roleOf(d: DocusaurusSite, file: string): FileRole {
  const p = place(d, file);
  if (p.kind === 'none') return { role: 'none' };
  return MD.test(file) ? { role: 'page' } : { role: 'resource' };
}

function docsSlug(p: { docs: DocusaurusDocs; inner: string }, data: FrontMatterData): string {
  const strip = (s: string) => (p.docs.numberPrefixes ? stripNumberPrefix(s) : s);
  const dirRaw = posix.dirname(p.inner);
  const dir = dirRaw === '.' ? '' : dirRaw.split('/').map(strip).join('/');
  const fileName = strip(posix.basename(p.inner).replace(/\.[^.]+$/, ''));
  const fmSlug = str(fmGet(data, 'slug'));
  if (fmSlug?.startsWith('/')) return fmSlug;
  // isCategoryIndex: `index`, `README`, or the folder's own name.
  const parentName = dirRaw === '.' ? undefined : posix.basename(dirRaw);
  const lower = posix.basename(p.inner).replace(/\.[^.]+$/, '').toLowerCase();
  if (!fmSlug && (lower === 'index' || lower === 'readme' || (parentName !== undefined && lower === parentName.toLowerCase()))) return '/' + dir + (dir ? '/' : '');
  const baseId = fmSlug ?? str(fmGet(data, 'id')) ?? fileName;
  return resolveRelative(baseId, dir);
}

export function pagesFor(d: DocusaurusSite, file: string, data: FrontMatterData): Page[] {
  const { basePath, lang } = d;
  const p = place(d, file);
  if (!MD.test(file) || p.kind === 'none') return [];
  const title = str(fmGet(data, 'title'));
  const draft = flag(data, 'draft');
  const st = { status: draft ? ('draft' as const) : ('published' as const), willPublish: !draft };
  if (p.kind === 'blog') {
    const parsed = parseBlogFileName(p.inner);
    const slug = str(fmGet(data, 'slug')) ?? parsed.slug;
    const url = fin(d, joinRoute(basePath, p.blog.routeBasePath, slug));
    const dateRaw = fmGet(data, 'date');
    const date = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : parsed.date;
    return [{ file, url, kind: 'page', ...st, lang, aliases: [], title, date, section: p.blog.routeBasePath || p.blog.path }];
  }
  if (p.kind === 'docs') {
    const url = fin(d, joinRoute(basePath, p.docs.routeBasePath, docsSlug(p, data)));
    return [{ file, url, kind: url === basePath + '/' ? 'home' : 'page', ...st, lang, aliases: [], title, section: p.docs.routeBasePath || p.docs.path }];
  }
  const route = '/' + p.inner.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, '$1');
  const url = fin(d, joinRoute(basePath, route));
  return [{ file, url, kind: url === basePath + '/' ? 'home' : 'page', ...st, lang, aliases: [], title, section: '' }];
}

export function resourceUrl(d: DocusaurusSite, file: string): string | undefined {
  const p = place(d, file);
  // React pages are routes too; blog and docs assets are bundled under hashed names instead.
  if (p.kind === 'pages' && PAGE_EXT.test(file)) {
    const route = '/' + p.inner.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, '$1');
    return fin(d, joinRoute(d.basePath, route));
  }
  return undefined;
}
