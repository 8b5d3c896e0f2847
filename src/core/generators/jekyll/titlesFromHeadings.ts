/**
 * jekyll-titles-from-headings (0.5, a GitHub Pages default): a Markdown page without a `title` takes
 * the heading its content opens with (`#`–`###`, or a one-line setext heading). Titles change no URL;
 * with `strip_title` (the site's `titles_from_headings.strip_title`, or the page's own `strip_title`)
 * that heading is also removed from the page, and its id with it.
 */
import type { FrontMatterData } from '../../site/generator';
import { isMarkdown, withDefaults, type JekyllSite } from './context';

export function openingHeading(j: JekyllSite, file: string, data: FrontMatterData): { removed: 'yes' | 'maybe'; why: string } | undefined {
  const t = j.c.pagesPlugins.titlesFromHeadings;
  if (t.state === 'off' || !isMarkdown(j, file)) return undefined;
  const p = j.place(file);
  const document = p.kind === 'post' || p.kind === 'draft' || (p.kind === 'collection' && p.collection.output);
  // Pages, and with `collections: true` posts and documents (whose title, inferred from the file
  // name, the plugin always replaces).
  if (p.kind !== 'page' && !(document && t.collections)) return undefined;
  if (p.kind === 'page' && withDefaults(j, file, 'pages', data)['title'] !== undefined && withDefaults(j, file, 'pages', data)['title'] !== null) return undefined;
  const strip = 'strip_title' in data ? data['strip_title'] === true : t.stripTitle;
  if (!strip) return undefined;
  return { removed: t.state === 'on' ? 'yes' : 'maybe', why: 'jekyll-titles-from-headings takes it for the page title and removes it (strip_title)' };
}
