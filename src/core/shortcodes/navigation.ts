/**
 * Hover and Go to Definition on a template call's name: what the template is (its documentation,
 * parameters, source) and the file that defines it (built-ins have none).
 */
import type { Site } from '../service';
import type { TextRange } from '../text';
import type { TemplateEntry } from '../site/templates';
import { describeTemplate } from './describe';
import { includeTags, shortcodeTags, tagAt } from './tags';

export interface TemplateAt {
  readonly entry: TemplateEntry;
  readonly kind: 'shortcode' | 'include';
  /** The name as written. */
  readonly range: TextRange;
}

/** The template whose name is under `offset`, when the site has one by that name. */
export async function templateAt(site: Site, text: string, offset: number): Promise<TemplateAt | undefined> {
  const catalogue = await site.templates.catalogue();
  if (!catalogue) return undefined;
  // Only the line's tags: a hover must not scan a whole large post.
  const lineStart = Math.max(0, text.lastIndexOf('\n', offset - 1) + 1);
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1);
  const window = text.slice(0, Math.min(text.length, text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset) + 1));
  const tags = catalogue.kind === 'shortcode' ? shortcodeTags(window, from) : includeTags(window, from);
  const tag = tagAt(tags, offset);
  const entry = tag && catalogue.entries.get(tag.name);
  return tag && entry ? { entry, kind: catalogue.kind, range: { start: tag.nameStart, end: tag.nameEnd } } : undefined;
}

/** Markdown for a hover; `fileUri` links the template's file. */
export async function hoverTemplate(site: Site, text: string, offset: number, fileUri?: (file: string) => string): Promise<{ markdown: string; range: TextRange } | undefined> {
  const at = await templateAt(site, text, offset);
  return at ? { markdown: describeTemplate(at.entry, at.kind, fileUri), range: at.range } : undefined;
}

/** The site-relative template file a call's name leads to. */
export async function templateDefinition(site: Site, text: string, offset: number): Promise<{ file: string; range: TextRange } | undefined> {
  const at = await templateAt(site, text, offset);
  return at?.entry.file ? { file: at.entry.file, range: at.range } : undefined;
}
