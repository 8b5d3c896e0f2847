/**
 * What a Jekyll source file is (a page, a resource, nothing) and the page it publishes: posts,
 * drafts, collection documents and pages, with jekyll-redirect-from's `redirect_to`, the files
 * copied as they are, and the pages GitHub Pages' plugins make of some of those (pluginPages.ts).
 */
import { posix } from '../../posix';
import { NO_FRONT_MATTER, type FileLookup, type FileRole, type FrontMatterData } from '../../site/generator';
import type { Page } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import { postTemplate } from './urls';
import { DATE_NAME, isDoc, isMarkdown, pagePermalink, pageUrl, str, withDefaults, type JekyllSite } from './context';
import { collectionTemplate, documentUrl, nowParts, redirects, status } from './documents';
import { resourceUrl } from './staticFiles';
import { plainMarkdown, readmeWithFrontMatter, type PlainMarkdown } from './pluginPages';

export function isContentDocument(j: JekyllSite, file: string): boolean {
  return isDoc(j, file) && j.place(file).kind !== 'hidden';
}

export function roleOf(j: JekyllSite, file: string): FileRole {
  const p = j.place(file);
  if (p.kind === 'hidden') return { role: 'none' };
  if (p.kind === 'collection' && !p.collection.output) return { role: 'none' };
  if (!isDoc(j, file)) return p.kind === 'page' || p.kind === 'collection' ? { role: 'resource' } : { role: 'none' };
  if (p.kind === 'post' && !DATE_NAME.test(posix.basename(p.inner))) return { role: 'none' };
  return { role: 'page' };
}

/** Jekyll reads the `date` of posts, drafts and collection documents, never of a page. */
export function readsDate(j: JekyllSite, file: string): boolean {
  const kind = j.place(file).kind;
  return kind === 'post' || kind === 'draft' || kind === 'collection';
}

function rememberPost(j: JekyllSite, file: string, name: string): void {
  const nameNoExt = name.replace(/\.[^.]+$/, '');
  let set = j.knownPosts.get(nameNoExt);
  if (!set) j.knownPosts.set(nameNoExt, (set = new Set()));
  set.add(file);
}

/** The page a Markdown or HTML file publishes, before jekyll-redirect-from replaces it. */
export function pageOf(j: JekyllSite, file: string, rawData: FrontMatterData, now: Date): Page | undefined {
  if (!isDoc(j, file)) return undefined;
  const c = j.c;
  const p = j.place(file);
  const title = str(fmGet(rawData, 'title'));
  const lang = 'en';
  if (p.kind === 'post' || p.kind === 'draft') {
    // Posts need no front matter (PostReader reads every dated file in `_posts`).
    const name = posix.basename(p.inner);
    if (p.kind === 'post' && !DATE_NAME.test(name)) return undefined;
    if (p.kind === 'post') rememberPost(j, file, name);
    const d = documentUrl(j, file, 'posts', '_posts', p.categories, rawData, now, c.postsPermalink ?? postTemplate(c.permalink));
    const st = status(j, d.data, d.date ?? nowParts(j, now), now, p.kind === 'draft', true);
    return { file, url: d.url, kind: 'page', ...st, lang, aliases: redirects(j, d.data), title, date: d.dateText, section: 'posts' };
  }
  // Without front matter a page or collection file is copied as it is (copiedDocumentUrls).
  if (rawData === NO_FRONT_MATTER) return undefined;
  if (p.kind === 'collection') {
    if (!p.collection.output) return undefined;
    const d = documentUrl(j, file, p.collection.label, '_' + p.collection.label, [], rawData, now, collectionTemplate(j, p.collection));
    const st = status(j, d.data, d.date, now, false, !!d.date);
    return { file, url: d.url, kind: 'page', ...st, lang, aliases: redirects(j, d.data), title, date: d.dateText, section: p.collection.label };
  }
  if (p.kind === 'page') {
    const data = withDefaults(j, file, 'pages', rawData);
    // Page#permalink reads data["permalink"], which falls back to the defaults; `published` is
    // read with Hash#fetch (Publisher), which does not: only the page's own front matter counts.
    const url = pageUrl(j, p, pagePermalink(j, file, rawData));
    const st = status(j, rawData, undefined, now, false, false);
    const kind = url === j.basePath + '/' ? 'home' : 'page';
    return { file, url, kind, ...st, lang, aliases: redirects(j, data), title, section: p.dir.split('/')[0] ?? '' };
  }
  return undefined;
}

/**
 * jekyll-redirect-from: a page or document with `redirect_to` (own front matter or defaults) is
 * written as a redirect page at its URL, its content replaced.
 */
function redirectTo(j: JekyllSite, page: Page, rawData: FrontMatterData): boolean {
  if (!j.c.plugins.includes('jekyll-redirect-from') || !page.file) return false;
  const p = j.place(page.file);
  const type = p.kind === 'collection' ? p.collection.label : p.kind === 'page' ? 'pages' : 'posts';
  const v = withDefaults(j, page.file, type, rawData)['redirect_to'];
  return Array.isArray(v) ? v.some((x) => x !== null && x !== undefined) : v !== null && v !== undefined && v !== '';
}

/** What the GitHub Pages plugins make of a Markdown page's file without front matter (undefined: no such file). */
function plainOf(j: JekyllSite, file: string, files: FileLookup): PlainMarkdown | undefined {
  const p = j.place(file);
  if (p.kind !== 'page' || !isMarkdown(j, file)) return undefined;
  return plainMarkdown(j, file, pageUrl(j, p, pagePermalink(j, file, NO_FRONT_MATTER)), files);
}

function pluginPage(j: JekyllSite, file: string, url: string): Page {
  const p = j.place(file);
  const section = p.kind === 'page' ? (p.dir.split('/')[0] ?? '') : '';
  // Made by a generator after reading: published whatever the defaults say.
  return { file, url, kind: url === j.basePath + '/' ? 'home' : 'page', status: 'published', willPublish: true, lang: 'en', aliases: redirects(j, withDefaults(j, file, 'pages', {})), section };
}

export function pagesFor(j: JekyllSite, file: string, rawData: FrontMatterData, files: FileLookup, now: Date): Page[] {
  const page = pageOf(j, file, rawData, now);
  if (!page) {
    if (rawData !== NO_FRONT_MATTER) return [];
    return (plainOf(j, file, files)?.pages ?? []).filter((x) => x.state === 'on').map((x) => pluginPage(j, file, x.url));
  }
  if (redirectTo(j, page, rawData)) return [];
  const readme = page.kind !== 'home' && j.place(file).kind === 'page' ? readmeWithFrontMatter(j, file, rawData, files) : undefined;
  return readme?.state === 'on' ? [{ ...page, url: readme.url, kind: readme.url === j.basePath + '/' ? 'home' : 'page' }] : [page];
}

/**
 * URLs written for a file besides its pages: copied without front matter (also when a plugin made a
 * page of it and kept the original), or a redirect.
 */
export function copiedDocumentUrls(j: JekyllSite, file: string, data: FrontMatterData, files: FileLookup, now: Date): string[] {
  if (data === NO_FRONT_MATTER) {
    const url = resourceUrl(j, file);
    return url && (plainOf(j, file, files)?.copied ?? 'yes') === 'yes' ? [url] : [];
  }
  const page = pageOf(j, file, data, now);
  // Its redirect_from pages are written too.
  return page?.willPublish && redirectTo(j, page, data) ? [page.url, ...page.aliases] : [];
}

/** URLs a file may be published at, depending on GitHub Pages plugins we cannot tell are on. */
export function uncertainUrls(j: JekyllSite, file: string, data: FrontMatterData, files: FileLookup): string[] {
  if (data === NO_FRONT_MATTER) {
    const plain = plainOf(j, file, files);
    if (!plain) return [];
    const out = plain.pages.filter((x) => x.state === 'maybe').map((x) => x.url);
    const url = plain.copied === 'maybe' ? resourceUrl(j, file) : undefined;
    return url ? [...out, url] : out;
  }
  if (j.place(file).kind !== 'page' || !isMarkdown(j, file)) return [];
  const readme = readmeWithFrontMatter(j, file, data, files);
  return readme?.state === 'maybe' ? [readme.url] : [];
}
