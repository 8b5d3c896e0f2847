/** Jekyll's categories and tags: how front matter (and a post's folders) give them. */
import type { FrontMatterData } from '../../site/generator';
import { relPath, type JekyllSite } from './context';

/** Front-matter lists Jekyll splits on white space when written as one string. */
export function splitList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
  if (typeof v === 'string') return v.split(/\s+/).filter(Boolean);
  if (typeof v === 'number') return [String(v)];
  return [];
}

/** Utils.pluralized_array_from_hash: the singular key if present, else the plural one. */
function pluralized(data: FrontMatterData, singular: string, plural: string): string[] {
  const v = data[singular];
  if (v !== undefined && v !== null) return Array.isArray(v) ? splitList(v) : typeof v === 'object' ? [] : [String(v)];
  return splitList(data[plural]);
}

export function categoriesOf(data: FrontMatterData): string[] {
  return [...new Set([...splitList(data['categories']), ...pluralized(data, 'category', 'categories')])];
}

export function tagsOf(data: FrontMatterData): string[] {
  return [...new Set(pluralized(data, 'tag', 'tags'))];
}

/**
 * Categories of a post or document: the folders above `_posts` (posts only), then those of the
 * front-matter defaults and the front matter (Document#merge_categories! keeps all of them), then
 * `category` (Document#populate_categories).
 */
export function categoriesFor(j: JekyllSite, pathCategories: readonly string[], file: string, type: string, rawData: FrontMatterData, data: FrontMatterData): string[] {
  const fromDefaults = splitList(j.defaults.all(relPath(j, file), type)['categories']);
  return [...new Set([...pathCategories, ...fromDefaults, ...splitList(rawData['categories']), ...pluralized(data, 'category', 'categories')])];
}

/** The taxonomy terms a page's front matter gives. */
export function termsOf(data: FrontMatterData): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const cats = categoriesOf(data);
  const tags = tagsOf(data);
  if (cats.length) m.set('categories', cats);
  if (tags.length) m.set('tags', tags);
  return m;
}
