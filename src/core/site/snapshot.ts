/** A stable, comparable picture of a site index (tests compare an updated index with a fresh crawl). */
import type { Page } from './model';
import type { IndexedDocument } from './documentStore';
import type { TermCounts, UrlTarget } from './urlTable';

export interface Snapshotable {
  readonly documents: ReadonlyMap<string, IndexedDocument>;
  urls(): ReadonlyMap<string, readonly UrlTarget[]>;
  allPages(): readonly Page[];
  termCounts(): TermCounts;
}

export function snapshotOf(index: Snapshotable, files: readonly string[]): unknown {
  const docs = [...index.documents.values()]
    .map((d) => ({ file: d.file, pages: d.pages, headings: d.body().headings.map((h) => h.id), links: d.body().links.map((l) => [l.kind, l.target, l.range.start]), terms: [...d.terms] }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const urls = [...index.urls()]
    .map(([u, ts]) => [u, ts.map((t) => (t.type === 'file' ? `file:${t.file}:${t.owner?.url ?? ''}:${t.owner?.status ?? ''}` : t.type === 'generated' ? 'generated' : t.type === 'uncertain' ? `uncertain:${t.file}` : `${t.type}:${t.page.file ?? ''}:${t.page.willPublish}`)).sort()] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const pages = index.allPages().map((p) => JSON.stringify(p)).sort();
  const terms = [...index.termCounts()].map(([t, m]) => [t, [...m].map(([v, e]) => [v, e.count, [...e.files].sort()]).sort()]).sort();
  return { docs, urls, pages, terms, files: [...files].sort() };
}
