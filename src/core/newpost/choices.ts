/**
 * What the New Post dialog offers: the folders posts can go in, the site's tags most used first,
 * and the author to preselect. Read from the index, so the choices are the site's real values.
 */
import type { Site } from '../service';
import { authorsByUse, detectSeparator, postName } from './conventions';
import type { SlugSeparator } from './slug';
import { layoutFor, postFiles, postFolders, type PostFolder } from './layout';

export interface TermChoice {
  readonly value: string;
  readonly count: number;
}

export interface NewPostChoices {
  readonly folders: readonly PostFolder[];
  /** Whether to ask for the folder (more than one is in use). */
  readonly askFolder: boolean;
  readonly tags: readonly TermChoice[];
  /** Known author ids: data-file records first, then ids only seen in posts. */
  readonly authors: readonly string[];
  readonly defaultAuthor?: string;
  /** Separator the site's file names use, for previewing the file name while the title is typed. */
  readonly separator: SlugSeparator;
}

export function tagChoices(site: Site): TermChoice[] {
  const key = site.model.taxonomies.find((t) => t.plural.toLowerCase() === 'tags')?.plural ?? 'tags';
  const counts = site.index.termCounts().get(key) ?? new Map<string, { count: number }>();
  return [...counts].map(([value, e]) => ({ value, count: e.count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export function newPostChoices(site: Site, settingAuthor?: string): NewPostChoices {
  const folders = postFolders(site, layoutFor(site));
  const byUse = authorsByUse(site.index.documents.values());
  const records = site.index.authors().map((a) => a.id);
  const authors = [...new Set([...byUse, ...records])];
  return {
    folders,
    askFolder: folders.length > 1,
    tags: tagChoices(site),
    authors,
    defaultAuthor: settingAuthor?.trim() || byUse[0],
    separator: detectSeparator(postFiles(site).map((f) => postName(f).name)),
  };
}
