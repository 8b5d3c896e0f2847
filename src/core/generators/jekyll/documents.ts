/**
 * Posts and collection documents: their URL (Drops::UrlDrop), publish status and the redirects
 * jekyll-redirect-from writes for them.
 */
import { posix } from '../../posix';
import type { FrontMatterData } from '../../site/generator';
import type { PublishStatus } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import type { JekyllCollection } from './config';
import { addPermalinkSuffix, datePlaceholders, fillTemplate, frontMatterDate, jekyllDate, slugify, type DateParts } from './urls';
import { DATE_NAME, cleanedPath, extOf, outputExt, relPath, str, withDefaults, type JekyllSite } from './context';
import { categoriesFor } from './terms';

export interface DocumentUrl {
  readonly data: FrontMatterData;
  readonly date: DateParts | undefined;
  readonly url: string;
  readonly dateText: string | undefined;
}

/** Collection#url_template: the collection's permalink as written (a style name is not expanded). */
export function collectionTemplate(j: JekyllSite, col: JekyllCollection): string {
  return col.permalink ?? addPermalinkSuffix('/:collection/:path', j.c.permalink);
}

export function status(j: JekyllSite, data: FrontMatterData, date: DateParts | undefined, now: Date, isDraft: boolean, dated: boolean): { status: PublishStatus; willPublish: boolean } {
  const c = j.c;
  const unpublished = data['published'] === false || data['published'] === 'false';
  if (isDraft) return { status: 'draft', willPublish: c.showDrafts && (!unpublished || c.unpublished) };
  if (unpublished) return { status: 'draft', willPublish: c.unpublished };
  if (dated && date && date.epoch > now.getTime()) return { status: 'future', willPublish: c.future };
  return { status: 'published', willPublish: true };
}

/** jekyll-redirect-from's `redirect_from` (Redirectable#redirect_from: a string is one path). */
export function redirects(j: JekyllSite, data: FrontMatterData): string[] {
  if (!j.c.plugins.includes('jekyll-redirect-from')) return [];
  const v = data['redirect_from'];
  const list = (Array.isArray(v) ? v : [v]).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
  return list.filter((a) => a && !/^[a-z]+:\/\//i.test(a)).map((a) => j.basePath + fillTemplate(a, {}));
}

export function nowParts(j: JekyllSite, now: Date): DateParts {
  return jekyllDate(now.toISOString(), j.zone) ?? { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, epoch: 0 };
}

/** Drops::UrlDrop for a post or collection document. */
export function documentUrl(j: JekyllSite, file: string, type: string, collectionDir: string, pathCategories: readonly string[], rawData: FrontMatterData, now: Date, template: string): DocumentUrl {
  const data = withDefaults(j, file, type, rawData);
  const rel = relPath(j, file);
  // Document#populate_title: date and slug from a dated file name, else the name itself.
  const m = DATE_NAME.exec(posix.basename(rel));
  const name = posix.basename(rel);
  const nameNoExt = name.slice(0, name.length - extOf(name).length);
  const fileSlug = (m ? m[2] : nameNoExt).replace(/\.+$/, '');
  const fmDate = fmGet(data, 'date');
  const dateRaw = fmDate ?? m?.[1];
  const date = fmDate !== undefined ? frontMatterDate(fmDate, j.zone) : jekyllDate(m?.[1], j.zone);
  const slug = str(data['slug']) ?? fileSlug;
  const cats = categoriesFor(j, pathCategories, file, type, rawData, data);
  const values = {
    ...datePlaceholders(date ?? nowParts(j, now)),
    collection: type,
    path: cleanedPath(j, file, collectionDir),
    name: slugify(nameNoExt),
    title: slugify(slug, 'pretty', true),
    slug: slugify(slug),
    categories: [...new Set(cats.map((x) => x.toLowerCase()))].join('/'),
    slugified_categories: [...new Set(cats.map((x) => slugify(x)))].join('/'),
    output_ext: outputExt(j, file),
  };
  const url = j.basePath + fillTemplate(str(data['permalink']) ?? template, values);
  const dateText = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : m?.[1];
  return { data, date, url, dateText };
}
