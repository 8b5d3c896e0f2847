/**
 * What a site's existing posts say about how a new one should look: file-name separator, bundles or
 * single files, front-matter format, key order and constant keys, the date style, list style, the
 * author key. Reading the site beats asking the writer: the new post should look like its neighbours.
 */
import type { FrontMatterStyle } from '../site/generator';
import { posix } from '../posix';
import type { FrontMatterFormat } from '../frontmatter/parse';
import { fmList } from '../frontmatter/parse';
import type { IndexedDocument } from '../site/index';
import { dateStyleOf, type DateStyle } from './dates';
import type { FmValue, YamlStyle } from './frontMatterText';
import type { SlugSeparator } from './slug';

export interface PostConventions {
  /** How many posts the conventions were read from (0: defaults). */
  readonly sampled: number;
  readonly format: FrontMatterFormat;
  /** Keys most posts have, in the order they usually come. */
  readonly keyOrder: readonly string[];
  /** Keys whose value is the same in every sampled post (`layout: post`). */
  readonly constants: ReadonlyMap<string, FmValue>;
  /** Keys most posts give a list (written as `[]` when the new post has no value). */
  readonly listKeys: ReadonlySet<string>;
  readonly dateKey?: string;
  readonly dateStyle: DateStyle;
  readonly authorKey?: string;
  readonly separator: SlugSeparator;
  readonly bundles: boolean;
  readonly extension: string;
  readonly yamlStyle: YamlStyle;
  /** Tags every sampled post has (Eleventy collections are tags: `posts`). */
  readonly sharedTags: readonly string[];
}

/** Keys every post fills with its own value; copying another post's value would be wrong. */
const PER_POST = new Set(['title', 'date', 'draft', 'slug', 'url', 'aliases', 'description', 'summary', 'lastmod', 'publishdate', 'expirydate', 'weight', 'id', 'image', 'images', 'cover', 'permalink', 'tags', 'categories', 'authors', 'author', 'pubdate', 'updateddate', 'updated']);

const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'published', 'created'];

/** Name a post is known by in its folder: the file stem, or the bundle folder, minus a date prefix. */
export function postName(file: string): { name: string; bundle: boolean } {
  const base = posix.basename(file);
  const bundle = /^index\.[^.]+$/i.test(base);
  const stem = bundle ? posix.basename(posix.dirname(file)) : base.replace(/\.[^.]+$/, '');
  return { name: stem.replace(/^\d{4}-\d{2}-\d{2}[-_]/, ''), bundle };
}

/** `_` when most multi-word names use underscores, else `-`. */
export function detectSeparator(names: readonly string[]): SlugSeparator {
  let under = 0;
  let hyphen = 0;
  for (const n of names) {
    const u = (n.match(/_/g) ?? []).length;
    const h = (n.match(/-/g) ?? []).length;
    if (u > h) under++;
    else if (h > u) hyphen++;
  }
  return under > hyphen ? '_' : '-';
}

function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** What a new post's front matter looks like when the site's posts show no convention. */
export type ConventionDefaults = FrontMatterStyle;

/**
 * Reads the conventions of the given posts. `texts` holds the raw text of some of them (file →
 * text), for what parsed data cannot tell (quoting, list style).
 */
export function detectConventions(posts: readonly IndexedDocument[], texts: ReadonlyMap<string, string>, defaults: ConventionDefaults): PostConventions {
  const names = posts.map((p) => postName(p.file));
  const withFm = posts.filter((p) => p.frontMatter && p.frontMatter.errors.length === 0);
  const n = withFm.length;
  const base = {
    sampled: posts.length,
    separator: detectSeparator(names.map((x) => x.name)),
    bundles: names.length > 0 && names.filter((x) => x.bundle).length * 2 > names.length,
    extension: majority(posts.map((p) => posix.extname(p.file).toLowerCase()).filter((e) => e === '.md' || e === '.markdown')) ?? '.md',
    sharedTags: posts.length >= 2 ? fmList(posts[0].frontMatter?.data ?? {}, 'tags').filter((t) => posts.every((p) => fmList(p.frontMatter?.data ?? {}, 'tags').includes(t))) : [],
  };
  if (n === 0) {
    return { ...base, format: defaults.format, keyOrder: defaults.keyOrder, constants: new Map(), listKeys: new Set(), dateKey: defaults.dateKey, dateStyle: defaults.dateStyle, authorKey: defaults.authorKey, yamlStyle: { quoteStrings: false, flowLists: true } };
  }
  const format = majority(withFm.map((p) => p.frontMatter!.format)) ?? defaults.format;

  // Key order: keys in more than half of the posts, by their average relative position.
  const stats = new Map<string, { count: number; pos: number; first: number }>();
  let seq = 0;
  for (const p of withFm) {
    const keys = p.frontMatter!.fields.map((f) => f.key);
    keys.forEach((k, i) => {
      const s = stats.get(k) ?? { count: 0, pos: 0, first: seq++ };
      s.count++;
      s.pos += keys.length > 1 ? i / (keys.length - 1) : 0;
      stats.set(k, s);
    });
  }
  const keyOrder = [...stats]
    .filter(([, s]) => s.count * 2 > n)
    .sort((a, b) => a[1].pos / a[1].count - b[1].pos / b[1].count || a[1].first - b[1].first)
    .map(([k]) => k);

  const constants = new Map<string, FmValue>();
  const listKeys = new Set<string>();
  for (const k of keyOrder) {
    const values = withFm.map((p) => p.frontMatter!.data[k]).filter((v) => v !== undefined);
    if (values.filter(Array.isArray).length * 2 > values.length) listKeys.add(k);
    if (PER_POST.has(k.toLowerCase()) || values.length < 2) continue;
    const v0 = values[0];
    if ((typeof v0 === 'string' || typeof v0 === 'number' || typeof v0 === 'boolean') && values.every((v) => v === v0)) constants.set(k, v0);
  }

  const dateKey = DATE_KEYS.find((k) => keyOrder.includes(k)) ?? keyOrder.find((k) => /date$/i.test(k) && !/update|expir|lastmod/i.test(k));
  const dateStyles = dateKey ? withFm.map((p) => p.frontMatter!.data[dateKey]).filter((v): v is string => typeof v === 'string').map(dateStyleOf).filter((s): s is DateStyle => !!s) : [];
  const authorKey = keyOrder.includes('authors') ? 'authors' : keyOrder.includes('author') ? 'author' : defaults.authorKey;

  // Quoting and list style, from the raw text of the title and list fields.
  let quoted = 0;
  let plain = 0;
  let quotedOther = 0;
  let plainOther = 0;
  let flow = 0;
  let block = 0;
  for (const p of withFm) {
    const text = texts.get(p.file);
    if (!text || p.frontMatter!.format !== 'yaml') continue;
    for (const f of p.frontMatter!.fields) {
      const raw = text.slice(f.valueRange.start, f.valueRange.end);
      const value = p.frontMatter!.data[f.key];
      if (f.key === 'title') {
        if (/^["']/.test(raw)) quoted++;
        else plain++;
      } else if (typeof value === 'string') {
        if (/^["']/.test(raw)) quotedOther++;
        else plainOther++;
      }
      if (Array.isArray(value)) {
        if (raw.trimStart().startsWith('[')) flow++;
        else block++;
        if (value.some((x) => typeof x === 'string')) {
          if (/^(\[\s*|-\s+)["']/.test(raw.trimStart())) quotedOther++;
          else plainOther++;
        }
      }
    }
  }
  return {
    ...base,
    format,
    keyOrder,
    constants,
    listKeys,
    dateKey: dateKey ?? (n ? undefined : defaults.dateKey),
    dateStyle: majority(dateStyles) ?? defaults.dateStyle,
    authorKey,
    yamlStyle: { quoteStrings: quotedOther > plainOther, quoteTitle: quoted + plain ? quoted > plain : undefined, flowLists: flow >= block },
  };
}

/** Author ids by how many posts name them, most first (`authors:` lists and `author:` strings). */
export function authorsByUse(docs: Iterable<IndexedDocument>): string[] {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const data = d.frontMatter?.data ?? {};
    for (const a of [...fmList(data, 'authors'), ...fmList(data, 'author')]) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([a]) => a);
}
