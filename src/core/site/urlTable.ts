/**
 * The URL table: the pages of every document plus those the generator derives from them (home,
 * sections, taxonomies, terms, feeds, redirects), and what the built site serves at each URL. It is
 * rebuilt lazily after a change it depends on; a title or date edit patches it instead.
 */
import type { Clock } from '../host';
import { NO_FRONT_MATTER, type FileLookup, type GeneratorModel } from './generator';
import type { Page } from './model';
import type { IndexedDocument } from './documentStore';

/** What a URL on the built site is. */
export type UrlTarget =
  | { readonly type: 'page'; readonly page: Page }
  | { readonly type: 'alias'; readonly page: Page }
  /** A static file or a page resource; `owner` is the page a bundle resource is published with. */
  | { readonly type: 'file'; readonly file: string; readonly owner?: Page }
  | { readonly type: 'generated' }
  /** A URL the document may be published at, or not (a plugin we cannot tell is on): never judged. */
  | { readonly type: 'uncertain'; readonly file: string };

export interface UrlTableSources {
  readonly model: GeneratorModel;
  readonly lookup: FileLookup;
  readonly clock: Clock;
  readonly docs: ReadonlyMap<string, IndexedDocument>;
  /** Content files that are not documents (bundle resources). */
  readonly resources: ReadonlyMap<string, string>;
  /** URL → static file. */
  readonly staticUrls: ReadonlyMap<string, string>;
}

interface Derived {
  pages: Page[];
  readonly urls: Map<string, UrlTarget[]>;
  readonly byFile: Map<string, Page[]>;
}

type TermTally = Map<string, Map<string, number>>;

export class UrlTable {
  private derived?: Derived;

  constructor(private readonly src: UrlTableSources) {}

  /** Something the table depends on changed: rebuild it at its next use. */
  invalidate(): void {
    this.derived = undefined;
  }

  /** Every page, including those the generator makes. */
  pages(): Page[] {
    return this.ensure().pages;
  }

  urls(): Map<string, UrlTarget[]> {
    return this.ensure().urls;
  }

  /**
   * A title or date edit (the most common front-matter edit while writing) changes no URL and no
   * aggregate: swap the page objects in the table instead of rebuilding it for the whole site.
   * False when there is no table to patch, or the edit changed more than labels.
   */
  patch(before: IndexedDocument, doc: IndexedDocument): boolean {
    const d = this.derived;
    if (!d || !onlyLabelsChanged(before, doc)) return false;
    const swap = new Map<Page, Page>(before.pages.map((p, i) => [p, doc.pages[i]]));
    d.pages = d.pages.map((p) => swap.get(p) ?? p);
    d.byFile.set(doc.file, doc.pages as Page[]);
    for (const [u, targets] of d.urls) {
      let copy: UrlTarget[] | undefined;
      targets.forEach((t, i) => {
        const old = t.type === 'page' || t.type === 'alias' ? t.page : t.type === 'file' ? t.owner : undefined;
        const now = old && swap.get(old);
        if (!now) return;
        copy ??= [...targets];
        copy[i] = t.type === 'file' ? { ...t, owner: now } : ({ ...t, page: now } as UrlTarget);
      });
      if (copy) d.urls.set(u, copy);
    }
    return true;
  }

  private ensure(): Derived {
    if (this.derived) return this.derived;
    const { model, docs } = this.src;
    const content = contentPages(docs);
    const byFile = new Map<string, Page[]>();
    for (const d of docs.values()) byFile.set(d.file, d.pages as Page[]);
    const { pages: gen, extraUrls, redirects } = model.derivedPages(content, publishedTerms(model, docs));
    const pages = [...content, ...gen];
    const urls = new Map<string, UrlTarget[]>();
    const put = (u: string, t: UrlTarget) => {
      const list = urls.get(u);
      if (list) list.push(t);
      else urls.set(u, [t]);
    };
    for (const p of pages) {
      put(p.url, { type: 'page', page: p });
      for (const a of p.aliases) put(a, { type: 'alias', page: p });
      for (const a of p.alsoAt ?? []) put(a, { type: 'page', page: p });
    }
    this.putFiles(put, byFile);
    for (const r of redirects ?? []) {
      const to = urls.get(r.to)?.find((t) => t.type === 'page');
      if (to && to.type === 'page' && !urls.has(r.from)) put(r.from, { type: 'alias', page: to.page });
    }
    for (const u of extraUrls) if (!urls.has(u)) put(u, { type: 'generated' });
    this.derived = { pages, urls, byFile };
    return this.derived;
  }

  /** Static files, documents copied without a page, and bundle resources. */
  private putFiles(put: (u: string, t: UrlTarget) => void, byFile: ReadonlyMap<string, Page[]>): void {
    const { model, docs, lookup } = this.src;
    for (const [u, f] of this.src.staticUrls) put(u, { type: 'file', file: f });
    const pageOf = (f: string) => byFile.get(f)?.[0];
    const asFile = (f: string): UrlTarget => {
      const ownerFile = model.resourceOwner?.(f, lookup);
      const owner = ownerFile ? pageOf(ownerFile) : undefined;
      return owner ? { type: 'file', file: f, owner } : { type: 'file', file: f };
    };
    if (model.copiedDocumentUrls) {
      const now = this.src.clock.now();
      for (const d of docs.values()) {
        if (d.pages.length && d.frontMatter) continue;
        const urls = model.copiedDocumentUrls(d.file, d.frontMatter?.data ?? NO_FRONT_MATTER, now, lookup, pageOf);
        if (urls.length) {
          const target = asFile(d.file);
          for (const u of urls) put(u, target);
        }
      }
    }
    if (model.uncertainUrls) for (const d of docs.values()) for (const u of model.uncertainUrls(d.file, d.frontMatter?.data ?? NO_FRONT_MATTER, lookup)) put(u, { type: 'uncertain', file: d.file });
    for (const f of this.src.resources.keys()) {
      const list = model.resourceUrls ? model.resourceUrls(f, lookup, pageOf) : [model.resourceUrl(f, lookup, pageOf)];
      const target = asFile(f);
      for (const u of list) if (u) put(u, target);
    }
  }
}

/** Content pages (from files), in file order. */
export function contentPages(docs: ReadonlyMap<string, IndexedDocument>): Page[] {
  const out: Page[] = [];
  const files = [...docs.keys()].sort();
  for (const f of files) out.push(...docs.get(f)!.pages);
  return out;
}

/** Per language and taxonomy (`lang\0plural`), the terms of published pages with their counts. */
function publishedTerms(model: GeneratorModel, docs: ReadonlyMap<string, IndexedDocument>): TermTally {
  const terms: TermTally = new Map();
  const keys = new Map<string, string>();
  for (const d of docs.values()) {
    for (const p of d.pages) {
      if (!p.willPublish) continue;
      for (const [tax, values] of d.terms) {
        const key = `${p.lang}\u0000${tax}`;
        let m = terms.get(key);
        if (!m) terms.set(key, (m = new Map()));
        for (const v of values) {
          // One term per URL key (`Go` and `go` are one term unless the generator keeps case).
          const k = model.termKey(tax, v);
          if (!k) continue;
          // The display form must not depend on the order of updates: take the smallest spelling.
          const seen = keys.get(`${key}\u0000${k}`);
          const first = seen === undefined || v < seen ? v : seen;
          if (seen !== undefined && first !== seen) {
            m.set(first, m.get(seen) ?? 0);
            m.delete(seen);
          }
          keys.set(`${key}\u0000${k}`, first);
          m.set(first, (m.get(first) ?? 0) + 1);
        }
      }
    }
  }
  return terms;
}

export type TermCounts = Map<string, Map<string, { count: number; files: string[] }>>;

/**
 * Taxonomy values with counts, over published and unpublished pages alike (for completion). Term
 * folders with an index page (`content/tags/x/_index.md`) contribute their term with count 0.
 */
export function termCounts(model: GeneratorModel, docs: ReadonlyMap<string, IndexedDocument>): TermCounts {
  const out: TermCounts = new Map();
  for (const t of model.taxonomies) out.set(t.plural, new Map());
  for (const d of docs.values()) {
    for (const [tax, values] of d.terms) {
      let m = out.get(tax);
      if (!m) out.set(tax, (m = new Map()));
      for (const v of values) {
        const e = m.get(v) ?? { count: 0, files: [] };
        e.count++;
        e.files.push(d.file);
        m.set(v, e);
      }
    }
  }
  for (const d of docs.values()) {
    for (const p of d.pages) {
      if (p.kind !== 'term' || !p.taxonomy || !p.term) continue;
      const m = out.get(p.taxonomy) ?? new Map<string, { count: number; files: string[] }>();
      out.set(p.taxonomy, m);
      const key = model.termKey(p.taxonomy, p.term);
      if (![...m.keys()].some((v) => model.termKey(p.taxonomy!, v) === key)) m.set(p.term, { count: 0, files: [] });
    }
  }
  return out;
}

/** Content pages per kind, and all of them under `*`. */
export function countPages(docs: ReadonlyMap<string, IndexedDocument>): Map<string, number> {
  const counts = new Map<string, number>();
  let all = 0;
  for (const d of docs.values()) {
    for (const p of d.pages) {
      counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
      all++;
    }
  }
  counts.set('*', all);
  return counts;
}

/** Same pages and terms except for labels no URL or aggregate depends on (title, date). */
function onlyLabelsChanged(a: IndexedDocument, b: IndexedDocument): boolean {
  if (a.pages.length !== b.pages.length) return false;
  const strip = (p: Page) => JSON.stringify({ ...p, title: undefined, date: undefined });
  for (let i = 0; i < a.pages.length; i++) if (strip(a.pages[i]) !== strip(b.pages[i])) return false;
  return JSON.stringify([...a.terms]) === JSON.stringify([...b.terms]);
}
