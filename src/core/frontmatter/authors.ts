/**
 * Authors as a site describes them: the records of its data files (`data/authors/<id>.toml`,
 * `data/authors.yaml`, Jekyll `_data/authors.yml`, Docusaurus `authors.yml`) and, on Hugo, the term
 * pages of its authors taxonomy (`content/authors/<id>/_index.md`, whose `title` is the name a
 * theme shows). Completion, hover and the preview card ask here for the name to show.
 */
import type { Site } from '../service';
import type { Author } from '../site/model';

const AUTHOR_TAXONOMIES = new Set(['authors', 'author']);

/** Data-file records, completed by (and followed by) the authors' term pages. */
export function siteAuthors(site: Site): readonly Author[] {
  const records = site.index.authors();
  const plurals = site.model.taxonomies.map((t) => t.plural).filter((p) => AUTHOR_TAXONOMIES.has(p.toLowerCase()));
  if (!plurals.length) return records;
  const hit = site.caches.authors;
  if (hit && hit.version === site.index.version && hit.records === records) return hit.list;
  const terms = termPageAuthors(site, plurals);
  let list: Author[] = [...records];
  if (terms.length) {
    const byKey = new Map(terms.map((t) => [t.id, t]));
    list = records.map((r) => {
      const page = byKey.get(r.id);
      if (!page) return r;
      byKey.delete(r.id);
      return r.name === undefined && page.name !== undefined ? { ...r, name: page.name } : r;
    });
    list.push(...byKey.values());
  }
  site.caches.authors = { version: site.index.version, records, list };
  return list;
}

/** `content/<authors>/<term>/_index.md` pages with a title. */
function termPageAuthors(site: Site, plurals: readonly string[]): Author[] {
  const out: Author[] = [];
  const folders = plurals.map((p) => `/${p.toLowerCase()}/`);
  for (const [file, doc] of site.index.documents) {
    // Cheap test first: a site has thousands of posts and a handful of term pages.
    if (!file.endsWith('_index.md') || !folders.some((f) => file.toLowerCase().includes(f))) continue;
    for (const p of doc.pages) {
      if (p.kind !== 'term' || !p.term || !p.taxonomy || !AUTHOR_TAXONOMIES.has(p.taxonomy.toLowerCase())) continue;
      const title = typeof p.title === 'string' && p.title.trim() ? p.title.trim() : undefined;
      out.push({ id: p.term, name: title, file, data: doc.frontMatter?.data ?? {} });
      break;
    }
  }
  return out;
}

/** The author a front-matter value names: by id, else by the term key the generator publishes it under. */
export function findAuthor(site: Site, authors: readonly Author[], value: string): Author | undefined {
  const exact = authors.find((a) => a.id === value);
  if (exact) return exact;
  const plural = site.model.taxonomies.find((t) => AUTHOR_TAXONOMIES.has(t.plural.toLowerCase()))?.plural ?? 'authors';
  const key = site.model.termKey(plural, value);
  return authors.find((a) => site.model.termKey(plural, a.id) === key);
}
