/**
 * Hugo's `ref`/`relref` lookup (and `.GetPage`, which render hooks use), re-stated from Hugo 0.111's
 * `PageCollections.getContentNode` and checked against the real binary:
 * - the argument is lower-cased and trimmed (`"DEEP"` finds `deep.md`);
 * - without a leading `/` it is joined (and cleaned) with the page's folder first — for a leaf
 *   bundle the folder *above* the bundle, unless the argument starts with `..` — then tried as
 *   given from the content root (not cleaned: `posts/../x.md` is not found);
 * - the extension of the last segment is dropped and a trailing `/index` or `/_index` too, so
 *   `x`, `x.md`, `x/index.md` and `x/` (for sections only) all name the same page;
 * - ref/relref (not GetPage) finally look the base name up across the site: unique → found,
 *   several pages with that name → "ambiguous" (REF_NOT_FOUND);
 * - unpublished pages (drafts, future, expired) are not in the site at all;
 * - each language is a site of its own: a page looks up pages of its language only (verified: a
 *   French page's `relref "x"` does not find an English-only `x`, and two `community` pages, one per
 *   language, are not ambiguous). A translation's key drops its language suffix (`x.fr.md` → `/x`), and its full name works too.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { Page } from '../site/model';

export interface RefIndex {
  /** `/posts/a` → page (sections as `/posts`), keys lower-cased without extension. */
  readonly byKey: Map<string, Page>;
  readonly sectionKeys: Set<string>;
  /** Taxonomy and term pages, `/tags` and `/tags/go`: Hugo keeps them apart from sections and pages. */
  readonly taxKeys: Map<string, Page>;
  /** Base name → pages with it (several: ambiguous). */
  readonly byName: Map<string, Page[]>;
}

export type RefResult = { readonly page: Page } | { readonly ambiguous: readonly Page[] } | undefined;

/** Content path of a file inside its content dir, `posts/a.md`. */
function innerPath(site: Site, file: string): string | undefined {
  for (const d of [...site.model.contentDirs].sort((a, b) => b.length - a.length)) {
    if (d === '') return file;
    if (file.startsWith(d + '/')) return file.slice(d.length + 1);
  }
  return undefined;
}

function logicalKey(inner: string, lang?: string): string {
  let p = '/' + inner.toLowerCase();
  const slash = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  if (dot > slash) p = p.slice(0, dot);
  if (lang && p.endsWith('.' + lang.toLowerCase())) p = p.slice(0, -(lang.length + 1));
  if (p.endsWith('/_index')) p = p.slice(0, -7) || '/';
  else if (p.endsWith('/index')) p = p.slice(0, -6) || '/';
  return p || '/';
}

export function refIndex(site: Site, includeDrafts: boolean, lang?: string): RefIndex {
  // Built once per URL table (and drafts setting and language), not per ref.
  const urls = site.index.urls();
  if (site.caches.refIndexes?.urls !== urls) site.caches.refIndexes = { urls, table: new Map() };
  const per = site.caches.refIndexes.table;
  const cacheKey = `${includeDrafts}|${lang ?? ''}`;
  const hit = per.get(cacheKey);
  if (hit) return hit;
  const byKey = new Map<string, Page>();
  const sectionKeys = new Set<string>();
  const byName = new Map<string, Page[]>();
  const taxKeys = new Map<string, Page>();
  const named = (key: string, p: Page) => {
    const name = key === '/' ? '' : key.slice(key.lastIndexOf('/') + 1);
    if (!name) return;
    const list = byName.get(name);
    if (list) list.push(p);
    else byName.set(name, [p]);
  };
  const generated: Page[] = [];
  for (const p of site.index.allPages()) {
    if (lang !== undefined && p.lang !== lang) continue;
    if (!p.file) {
      generated.push(p);
      continue;
    }
    if (!p.willPublish && !includeDrafts) continue;
    const inner = innerPath(site, p.file);
    if (inner === undefined) continue;
    const key = logicalKey(inner, p.lang);
    named(key, p);
    if (p.kind === 'taxonomy' || p.kind === 'term') {
      taxKeys.set(key, p);
      continue;
    }
    byKey.set(key, p);
    // A translation is found by its file name too (`relref "x.de.md"` from a German page).
    const full = logicalKey(inner);
    if (full !== key && !byKey.has(full)) byKey.set(full, p);
    if (p.kind !== 'page' || /\/_index\.[^/]+$/.test(p.file)) sectionKeys.add(key);
  }
  // Pages Hugo makes (a language's home, sections without an _index, taxonomies and terms) are in
  // that language's tree too [verified 0.111: a German page's ref "tags" is /de/tags/ when only
  // content/tags/_index.md exists], keyed by their content path, not their URL.
  for (const p of generated) {
    const key = generatedKey(p);
    if (key === undefined) continue;
    if (p.kind === 'taxonomy' || p.kind === 'term') {
      if (taxKeys.has(key)) continue;
      taxKeys.set(key, p);
    } else {
      if (byKey.has(key)) continue;
      byKey.set(key, p);
      sectionKeys.add(key);
    }
    named(key, p);
  }
  const idx = { byKey, sectionKeys, taxKeys, byName };
  per.set(cacheKey, idx);
  return idx;
}

/** The content path of a page Hugo makes: `/`, `/posts`, `/tags`, `/tags/go` (the term's URL segment). */
function generatedKey(p: Page): string | undefined {
  if (p.kind === 'home') return '/';
  if (p.kind === 'section') return p.section ? '/' + p.section.toLowerCase() : undefined;
  if (!p.taxonomy) return undefined;
  const plural = '/' + p.taxonomy.toLowerCase();
  if (p.kind === 'taxonomy') return plural;
  if (p.kind !== 'term') return undefined;
  const seg = p.url.replace(/\/$/, '').replace(/\.html$/, '');
  return `${plural}/${seg.slice(seg.lastIndexOf('/') + 1).toLowerCase()}`;
}

/**
 * Hugo's last try before the name lookup: the taxonomy tree, asked with the joined (or absolute)
 * argument as it is — no extension or `_index` dropped [verified 0.111: "/tags/go/" and, from
 * content/posts/, "../tags/go" find the term; "tags/a" and "tags/_index.md" from content/posts/ do not].
 */
function lookupTaxonomy(idx: RefIndex, ref: string): Page | undefined {
  return idx.taxKeys.get(ref.replace(/\/+$/, '') || '/');
}

function lookupKey(idx: RefIndex, ref: string): Page | undefined {
  const trailing = ref.length > 1 && ref.endsWith('/');
  const key = logicalKey(ref.replace(/^\/+/, '').replace(/\/+$/, ''));
  if (trailing) return idx.sectionKeys.has(key) ? idx.byKey.get(key) : undefined;
  return idx.byKey.get(key);
}

/**
 * Finds the page a ref argument (path part only) names, from the page in `fromFile`.
 * `byName`: ref/relref's last-resort base-name lookup (GetPage does not do it).
 */
export function resolveHugoRef(site: Site, fromFile: string, arg: string, includeDrafts: boolean, byName = true, lang?: string): RefResult {
  const idx = refIndex(site, includeDrafts, lang ?? site.index.pagesOfFile(fromFile)[0]?.lang);
  const ref = arg.trim().toLowerCase().replace(/\\/g, '/');
  if (ref === '') return undefined;
  if (!ref.startsWith('/')) {
    const joined = joinedRef(site, fromFile, ref);
    const p = lookupKey(idx, ref.endsWith('/') && !joined.endsWith('/') ? joined + '/' : joined);
    if (p) return { page: p };
    if (!ref.split('/').some((s) => s === '..' || s === '.')) {
      const q = lookupKey(idx, '/' + ref);
      if (q) return { page: q };
    }
    const t = lookupTaxonomy(idx, joined);
    if (t) return { page: t };
  } else {
    if (!ref.split('/').some((s) => s === '..' || s === '.')) {
      const p = lookupKey(idx, ref) ?? lookupTaxonomy(idx, ref);
      if (p) return { page: p };
    }
  }
  // The last-resort base-name lookup only happens for a single-segment argument: "only" and "/only"
  // find content/posts/sub/only.md, "/posts/only", "zzz/only" and "only/" do not (Hugo 0.111).
  const single = ref.replace(/^\/+/, '');
  if (!byName || single === '' || single.includes('/')) return undefined;
  const name = logicalKey(single).slice(1);
  const list = name ? idx.byName.get(name) : undefined;
  if (!list) return undefined;
  if (list.length === 1) return { page: list[0] };
  return { ambiguous: list };
}

function joinedRef(site: Site, fromFile: string, ref: string): string {
  const inner = innerPath(site, fromFile) ?? fromFile;
  let base = posix.dirname(inner);
  const isLeaf = /(^|\/)index\.[^/]+$/.test(inner) && !/(^|\/)_index\./.test(inner);
  if (isLeaf && !ref.startsWith('..')) base = posix.dirname(base);
  return posix.join('/', base === '.' ? '' : base.toLowerCase(), ref);
}

/** The content path to write in a relref for a page (`/posts/a.md`). */
export function refPathOf(site: Site, page: Page): string | undefined {
  if (!page.file) return undefined;
  const inner = innerPath(site, page.file);
  return inner === undefined ? undefined : '/' + inner;
}
