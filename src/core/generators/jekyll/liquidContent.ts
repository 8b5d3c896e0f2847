/**
 * `site.posts`, `site.tags`, `site.categories` and each output collection's documents as Jekyll 4.3's
 * site payload gives them to Liquid (Site#site_payload, Drops::DocumentDrop): an archive or tag index
 * written as `{% for tag in site.tags %}[…]({{ site.baseurl }}/tags/{{ tag[0] }}/){% endfor %}` prints
 * one link per tag, which only the whole site decides.
 *
 * A document is a plain record: its front matter over the defaults, then what Jekyll sets itself (url,
 * title, date, slug, ext, tags, categories, collection, path). `content`, `excerpt`, `output`, `id`,
 * `next` and `previous` are left out on purpose: a template that reads them prints what we cannot
 * know, so its output stays unknown and its links unjudged.
 */
import type { ContentDocument, FrontMatterData } from '../../site/generator';
import { fmGet } from '../../frontmatter/parse';
import { posix } from '../../posix';
import type { JekyllConfig } from './config';
import { DATE_NAME, extOf, withDefaults, type JekyllSite } from './context';
import { categoriesFor, tagsOf } from './terms';
import { frontMatterDate, jekyllDate } from './urls';
import { pageOf } from './pages';

export interface Entry {
  readonly record: Record<string, unknown>;
  readonly epoch: number;
  readonly file: string;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
}

/** Utils.titleize_slug: `hello-world` → `Hello World`. */
function titleize(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(' ');
}

/** Entries per front-matter object (one per indexed version of a document): only changed documents are read again. */
export type ContentMemo = WeakMap<object, Entry | null>;

function entryOf(j: JekyllSite, doc: ContentDocument, type: string, pathCategories: readonly string[], now: Date, memo: ContentMemo | undefined): Entry | undefined {
  const key = Object.isFrozen(doc.data) ? undefined : doc.data;
  const hit = key ? memo?.get(key) : undefined;
  if (hit !== undefined) return hit ?? undefined;
  const e = readEntry(j, doc, type, pathCategories, now);
  if (key) memo?.set(key, e ?? null);
  return e;
}

function readEntry(j: JekyllSite, doc: ContentDocument, type: string, pathCategories: readonly string[], now: Date): Entry | undefined {
  // The index's page; without one, the page before jekyll-redirect-from (a post it turns into a
  // redirect is still one of site.posts).
  const page = doc.pages.find((p) => p.kind === 'page') ?? pageOf(j, doc.file, doc.data, now);
  if (!page?.willPublish || !page.url.startsWith(j.basePath)) return undefined;
  const data: FrontMatterData = withDefaults(j, doc.file, type, doc.data);
  const name = posix.basename(doc.file);
  const ext = extOf(name);
  const dated = DATE_NAME.exec(name);
  const fileSlug = (dated ? dated[2] : name.slice(0, name.length - ext.length)).replace(/\.+$/, '');
  const fmDate = fmGet(data, 'date');
  const date = fmDate !== undefined ? frontMatterDate(fmDate, j.zone) : jekyllDate(dated?.[1], j.zone);
  // Undated collection documents take the build's time (Site#time): not a value we can give.
  if (!date && type === 'posts') return undefined;
  const tags = tagsOf(data);
  const categories = categoriesFor(j, pathCategories, doc.file, type, doc.data, data);
  const record: Record<string, unknown> = {
    ...data,
    url: page.url.slice(j.basePath.length) || '/',
    title: typeof data['title'] === 'string' || typeof data['title'] === 'number' ? data['title'] : titleize(fileSlug),
    slug: typeof data['slug'] === 'string' ? data['slug'] : fileSlug,
    ext: typeof data['ext'] === 'string' ? data['ext'] : ext,
    tags,
    categories,
    collection: type,
    path: doc.file,
    relative_path: doc.file,
    draft: false,
  };
  if (date) record['date'] = new Date(date.epoch);
  else delete record['date'];
  // Without a date a document has the build's time: after every dated one.
  return { record, epoch: date?.epoch ?? Number.MAX_SAFE_INTEGER, file: doc.file, tags, categories };
}

/** Document#<=>: by date, then by path; `site.posts` is that order reversed (newest first). */
function byDateThenPath(a: Entry, b: Entry): number {
  return a.epoch - b.epoch || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** Site#post_attr_hash: each value → its posts, newest first; keys in the order posts give them. */
function attrHash(posts: readonly Entry[], attr: (e: Entry) => readonly string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const p of posts) for (const v of attr(p)) (Object.prototype.hasOwnProperty.call(out, v) ? out[v] : (out[v] = [])).push(p.record);
  for (const k of Object.keys(out)) out[k].reverse();
  return out;
}

export function jekyllLiquidContent(j: JekyllSite, docs: Iterable<ContentDocument>, now: Date, memo?: ContentMemo): Record<string, unknown> {
  const posts: Entry[] = [];
  const collections = new Map<string, Entry[]>();
  for (const c of j.c.collections) if (c.output && c.label !== 'posts') collections.set(c.label, []);
  for (const doc of docs) {
    const place = j.place(doc.file);
    if (place.kind === 'post') {
      const e = entryOf(j, doc, 'posts', place.categories, now, memo);
      if (e) posts.push(e);
    } else if (place.kind === 'collection' && collections.has(place.collection.label)) {
      const e = entryOf(j, doc, place.collection.label, [], now, memo);
      if (e) collections.get(place.collection.label)!.push(e);
    }
  }
  posts.sort(byDateThenPath);
  const out: Record<string, unknown> = {
    posts: posts.map((p) => p.record).reverse(),
    tags: attrHash(posts, (p) => p.tags),
    categories: attrHash(posts, (p) => p.categories),
  };
  for (const [label, list] of collections) out[label] = list.sort(byDateThenPath).map((e) => e.record);
  return out;
}

/** The `site` keys jekyllLiquidContent gives: a page that names one is rendered with them. */
export function jekyllContentKeys(c: JekyllConfig): string[] {
  return ['posts', 'tags', 'categories', ...c.collections.filter((c) => c.output && c.label !== 'posts').map((c) => c.label)];
}
