/** Hexo's tags and categories; a category list is a hierarchy whose paths the category pages follow. */
import type { FrontMatterData } from '../../site/generator';
import { slugize, type HexoSite } from './context';

/** Taxonomy values a page declares; remembers its category paths for derivedPages. */
export function termsOf(h: HexoSite, data: FrontMatterData): Map<string, string[]> {
  const c = h.c;
  const m = new Map<string, string[]>();
  const flat = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(flat) : typeof v === 'string' || typeof v === 'number' ? [String(v)] : []);
  const tags = [...new Set(flat(data['tags'] ?? data['tag']))];
  const cats = [...new Set(flat(data['categories'] ?? data['category']))];
  const v = data['categories'] ?? data['category'];
  const chains = Array.isArray(v) ? (v.some(Array.isArray) ? v.map((x) => (Array.isArray(x) ? x.map(String) : [String(x)])) : [v.map(String)]) : [];
  for (const chain of chains) {
    for (let i = 0; i < chain.length; i++) {
      let set = h.categoryPaths.get(chain[i]);
      if (!set) h.categoryPaths.set(chain[i], (set = new Set()));
      set.add(chain.slice(0, i + 1).map((x) => slugize(c.categoryMap[x] ?? x, c.filenameCase)).join('/'));
    }
  }
  if (cats.length) m.set('categories', cats);
  if (tags.length) m.set('tags', tags);
  return m;
}

export function termKey(h: HexoSite, term: string): string {
  return slugize(term, h.c.filenameCase);
}
