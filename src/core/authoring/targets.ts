/**
 * Where a written link leads, for following it (definition, document links), hovering it and
 * finding a post's references. Page links go through the link checker's own resolution
 * (`targetPageOf`), so "follow" and "flag" can never disagree; images and other files are looked up
 * in the URL table the same way a static server would.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { IndexedDocument, UrlTarget } from '../site/index';
import type { Heading, Page } from '../site/model';
import type { ExtractedLink } from '../links/types';
import { liquidTargetFile, targetPageOf, type CheckContext, type SiteExtras } from '../links/resolve';
import { decodePath, lookupServed, resolvePath, servedPath, splitDestination } from '../links/urls';

export interface LinkTarget {
  /** Site-relative file the link leads to (a content document, a static file or a resource). */
  readonly file?: string;
  readonly page?: Page;
  /** The published URL path the link resolves to. */
  readonly url?: string;
  readonly fragment?: string;
  /** 0-based line of the heading the fragment names, when it names one. */
  readonly line?: number;
}

/** Link resolution never reads these: a check context for resolution only. */
const NO_EXTRAS: SiteExtras = { layoutIds: new Set(), headingHook: false };

export function contextFor(site: Site, file: string, includeDrafts = true, doc = site.index.document(file)): CheckContext | undefined {
  if (!doc) return undefined;
  return { site, file, page: doc.pages[0], doc, includeDrafts, extras: NO_EXTRAS, semantics: site.model.summary.linkSemantics, deps: new Set() };
}

/** The link whose destination (or whole shortcode / tag) contains `offset` (end inclusive, for a cursor after it). */
export function linkAt(doc: IndexedDocument, offset: number): ExtractedLink | undefined {
  let best: ExtractedLink | undefined;
  for (const l of doc.body().links) {
    const r = l.whole ?? l.range;
    if (offset >= r.start && offset <= r.end && (!best || r.end - r.start < (best.whole ?? best.range).end - (best.whole ?? best.range).start)) best = l;
  }
  return best;
}

/** What the built site serves at a path, with a static server's fallbacks (slash, index.html, .html). */
export function lookupLoose(site: Site, path: string): readonly UrlTarget[] {
  return lookupServed(site.model.summary, path, (u) => site.index.lookupUrl(u));
}

function headingLine(site: Site, doc: IndexedDocument | undefined, fragment: string | undefined): number | undefined {
  if (!doc || fragment === undefined || fragment === '') return undefined;
  const lines = headingLines(site, doc.body().headings);
  return lines.get(fragment) ?? lines.get(decodePath(fragment));
}

/** id → line of its first heading, per headings array: a post with thousands of `#` links looked each up by a scan. */
function headingLines(site: Site, headings: readonly Heading[]): Map<string, number> {
  const memo = site.caches.headingLines;
  let m = memo.get(headings);
  if (!m) {
    m = new Map();
    for (const h of headings) if (!m.has(h.id)) m.set(h.id, h.line);
    memo.set(headings, m);
  }
  return m;
}

function pageTarget(site: Site, page: Page, fragment: string | undefined): LinkTarget {
  const doc = page.file ? site.index.document(page.file) : undefined;
  return { file: page.file, page, url: page.url, fragment, line: headingLine(site, doc, fragment) };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolves a link written in `file` to what it leads to; undefined for external or broken links. */
export function targetOf(site: Site, file: string, link: ExtractedLink): LinkTarget | undefined {
  const ctx = contextFor(site, file);
  if (!ctx) return undefined;
  const target = link.target.trim();
  switch (link.kind) {
    case 'template':
    case 'reference':
      return undefined;
    case 'post_url':
    case 'liquid-link': {
      const f = liquidTargetFile(site, target, file);
      if (!f) return undefined;
      const page = site.index.pagesOfFile(f)[0];
      return page ? pageTarget(site, page, undefined) : { file: f };
    }
    case 'ref':
    case 'relref': {
      const t = targetPageOf(ctx, link);
      return t ? pageTarget(site, t.page, t.fragment) : undefined;
    }
  }
  if (target === '' || target.startsWith('//')) return undefined;
  const own = ownHostPath(site, target);
  if (own === undefined) return undefined;
  const w = splitDestination(own);
  if (w.path === '') return { file, page: ctx.page, url: ctx.page?.url, fragment: w.fragment, line: headingLine(site, ctx.doc, w.fragment) };
  if (ctx.semantics === 'file' && !w.path.startsWith('/')) {
    const dir = posix.dirname(file);
    const rel = decodePath(resolvePath(dir === '.' ? '/' : '/' + dir + '/', w.path)).slice(1).replace(/\/+$/, '');
    const page = site.index.pagesOfFile(rel)[0];
    if (page) return pageTarget(site, page, w.fragment);
    if (site.index.hasFile(rel)) return { file: rel, fragment: w.fragment };
  }
  if (link.kind === 'inline' || link.kind === 'definition') {
    const t = targetPageOf(ctx, { ...link, target: own });
    if (t) return pageTarget(site, t.page, t.fragment);
  }
  if (!ctx.page && !w.path.startsWith('/')) return undefined;
  const resolved = decodePath(resolvePath(ctx.page?.url ?? '/', servedPath(site.model.summary, w.path, own !== target ? target : undefined)));
  for (const t of lookupLoose(site, resolved)) {
    if (t.type === 'file') return { file: t.file, url: resolved, page: t.owner };
    if (t.type === 'page' || t.type === 'alias') return pageTarget(site, t.page, w.fragment);
  }
  return undefined;
}

/** The path part of a destination on this site: as written, or the rest of an own-host absolute URL. */
function ownHostPath(site: Site, dest: string): string | undefined {
  if (!SCHEME.test(dest)) return dest;
  const m = /^https?:\/\/(?:www\.)?([^/?#:]+)(?::\d+)?(.*)$/i.exec(dest);
  const base = /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(site.model.summary.baseURL ?? '');
  if (!m || !base || m[1].toLowerCase() !== base[1].toLowerCase()) return undefined;
  return m[2] || '/';
}

/** Offset range of the fragment (after `#`) inside a link's destination, if it has one. */
export function fragmentRange(link: ExtractedLink): { start: number; end: number } | undefined {
  const hash = link.target.indexOf('#');
  if (hash < 0) return undefined;
  return { start: link.range.start + hash + 1, end: link.range.end };
}

export interface LinkReference {
  /** Site-relative file the link is written in. */
  readonly file: string;
  readonly link: ExtractedLink;
  readonly target: LinkTarget;
}

/** Every link in the site that leads to a page of `file` (any form: URL, alias, relref, post_url). */
export function referencesTo(site: Site, file: string): LinkReference[] {
  const out: LinkReference[] = [];
  const docs = [...site.index.documents.values()].sort((a, b) => a.file.localeCompare(b.file));
  for (const doc of docs) {
    for (const link of doc.body().links) {
      if (link.kind === 'template' || link.kind === 'reference' || link.kind === 'image' || link.kind === 'html-src' || link.kind === 'figure') continue;
      const t = targetOf(site, doc.file, link);
      if (t?.page?.file === file || (t && !t.page && t.file === file)) out.push({ file: doc.file, link, target: t });
    }
  }
  return out;
}
