/** Docusaurus blog tags: predefined (`tags.yml`), inline `{label, permalink}` objects or plain strings. */
import type { FrontMatterData } from '../../site/generator';
import { fmGet } from '../../frontmatter/parse';
import { kebabCase } from './paths';
import { str, type DocusaurusSite } from './context';

/** A tag's route below the tags route (`/release`). */
export function tagPermalink(d: DocusaurusSite, blogId: string, term: string): string {
  const pre = d.tags.get(blogId)?.get(term);
  if (pre) return pre.permalink;
  return d.inlineTagPermalinks.get(term) ?? '/' + kebabCase(term);
}

/** Taxonomy values a page declares; remembers inline tags' permalinks for their term pages. */
export function termsOf(d: DocusaurusSite, data: FrontMatterData): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const v = fmGet(data, 'tags');
  const list: string[] = [];
  for (const t of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
    if (typeof t === 'string' || typeof t === 'number') list.push(String(t));
    else if (t && typeof t === 'object') {
      const label = str((t as Record<string, unknown>)['label']);
      const permalink = str((t as Record<string, unknown>)['permalink']);
      if (label) {
        list.push(label);
        if (permalink) d.inlineTagPermalinks.set(label, permalink.startsWith('/') ? permalink : '/' + permalink);
      }
    }
  }
  if (list.length) m.set('tags', [...new Set(list)]);
  return m;
}

export function termKey(d: DocusaurusSite, term: string): string {
  return tagPermalink(d, d.c.blogs[0]?.id ?? 'default', term).replace(/^\/+/, '');
}
