/**
 * Which front-matter keys are taxonomy fields on a site, and their values ranked by use — with
 * author display names from the data files. Completion, hover, checks and `postcraft taxonomy`
 * read the same list.
 */
import type { Site } from '../service';
import type { Author } from '../site/model';
import { findAuthor, siteAuthors } from './authors';
import { knownKey } from './keys';
import { frontMatterStats, type FrontMatterStats, type TermUse } from './siteStats';

export interface TaxonomyField {
  /** The key posts use, lower-case (`tags`, `authors`, `author`). */
  readonly field: string;
  /** Singular, for messages (`tag`). */
  readonly singular: string;
  readonly isAuthor: boolean;
}

export interface TaxonomyValue extends TermUse {
  /** Author records: the display name and the data file. */
  readonly author?: Author;
}

const AUTHOR_KEYS = new Set(['author', 'authors']);

/** Every taxonomy field of the site, configured ones first. */
/** `stats`: pass the table when the caller has it, to skip another pass over the index. */
export function taxonomyFields(site: Site, stats?: FrontMatterStats): TaxonomyField[] {
  const out: TaxonomyField[] = site.model.taxonomies.map((t) => ({ field: t.plural.toLowerCase(), singular: t.singular, isAuthor: AUTHOR_KEYS.has(t.plural.toLowerCase()) }));
  // Jekyll's `author:` and Docusaurus' `authors:` are not taxonomies to the generator, but they are
  // a closed vocabulary once the site keeps author records.
  if (site.model.authorSources?.length && !out.some((f) => f.isAuthor)) {
    const st = (stats ??= frontMatterStats(site));
    const used = ['authors', 'author'].filter((k) => st.key(k));
    // Neither used yet: the key the generator documents (Jekyll `author`, Docusaurus `authors`).
    const fields = used.length ? used : [knownKey(site.model.summary.generator, 'author') ? 'author' : 'authors'];
    for (const k of fields) out.push({ field: k, singular: 'author', isAuthor: true });
  }
  return out;
}

export function taxonomyFieldOf(site: Site, key: string, stats?: FrontMatterStats): TaxonomyField | undefined {
  const lower = key.toLowerCase();
  return taxonomyFields(site, stats).find((f) => f.field === lower);
}

/** Values of a taxonomy field, most used first; author records nobody uses yet come last. */
export function taxonomyValues(site: Site, field: TaxonomyField, stats: FrontMatterStats = frontMatterStats(site)): TaxonomyValue[] {
  const used = stats.values(field.field);
  if (!field.isAuthor) return [...used];
  const authors = siteAuthors(site);
  const byId = new Map(authors.map((a) => [a.id, a]));
  const authorOf = (value: string) => byId.get(value) ?? findAuthor(site, authors, value);
  // Not a spread: a use's file list is computed on first read and must stay so.
  const out: TaxonomyValue[] = used.map((u) => ({ value: u.value, count: u.count, get files() { return u.files; }, someFiles: (n: number) => u.someFiles(n), author: authorOf(u.value) }));
  const seen = new Set(out.map((u) => u.author?.id ?? u.value));
  for (const a of authors) if (!seen.has(a.id)) out.push({ value: a.id, count: 0, files: [], someFiles: () => [], author: a });
  return out;
}

/** Title of a post for messages and hovers (its file name when it has none). */
export function postTitle(site: Site, file: string): string {
  const t = site.index.document(file)?.frontMatter?.data['title'];
  return typeof t === 'string' && t.trim() ? t : file.split('/').pop() ?? file;
}
