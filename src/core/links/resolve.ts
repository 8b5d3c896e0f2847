/**
 * The verdict on one link: what the generator publishes for it, and whether that exists on the
 * built site. Pure over the index; every lookup is a hash lookup so a whole-site check stays near
 * the cost of parsing. Only broken links pay for suggestions (a scan of the site's URLs).
 *
 * The bar is zero false positives: whenever the generator could still produce a working link (an
 * unknown scheme, a page we cannot see into, a render hook that may fall back), we stay silent.
 */
import { posix } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { Site } from '../service';
import type { IndexedDocument, UrlTarget } from '../site/index';
import type { LinkSemantics, Page } from '../site/model';
import type { LinkRewrite } from '../site/generator';
import type { Severity } from '../diagnostics';
import type { ExtractedLink } from './types';
import { decodePath, hostOf, lookupServed, relativeUrl, resolvePath, rootDestination, servedPath, splitDestination } from './urls';
import { refPathOf, resolveHugoRef } from './hugoRefs';
import { mayHaveHiddenIds } from './extract';
import { generatorName } from '../site/detect';
import { REF_PLACEHOLDER } from '../markdown/liquid';
import { analysisParser } from '../markdown/parser';

export type LinkCode =
  | 'link.not-found'
  | 'link.fragment-not-found'
  | 'link.unpublished-target'
  | 'link.md-path'
  | 'ref.not-found'
  | 'template.unrendered'
  | 'link.reference-undefined';

export const DEFAULT_SEVERITY: Readonly<Record<LinkCode, Severity>> = {
  'link.not-found': 'error',
  'link.fragment-not-found': 'warning',
  'link.unpublished-target': 'warning',
  'link.md-path': 'warning',
  'ref.not-found': 'error',
  'template.unrendered': 'error',
  'link.reference-undefined': 'warning',
};

export interface LinkProblem {
  readonly code: LinkCode;
  readonly message: string;
  /** What quick fixes need: `suggestions` are replacements for the link's range. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Facts about a site that are read once (not per link). */
export interface SiteExtras {
  /** Literal `id="…"` values in the site's and themes' layouts: fragments the templates provide. */
  readonly layoutIds: ReadonlySet<string>;
  /** A heading render hook may give headings other ids: fragments are then not checked. */
  readonly headingHook: boolean;
}

export interface CheckContext {
  readonly site: Site;
  readonly file: string;
  /** The page the document publishes (undefined: not published as a page of its own). */
  readonly page: Page | undefined;
  readonly doc: IndexedDocument;
  readonly includeDrafts: boolean;
  readonly extras: SiteExtras;
  readonly semantics: LinkSemantics;
  /** What this document depends on, for re-checking it when those change. */
  readonly deps: Set<string>;
}

const MD_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;
const idSets = new WeakMap<IndexedDocument, Set<string>>();

export function urlKey(path: string): string {
  return 'url:' + (path.length > 1 ? path.replace(/\/+$/, '') : path);
}

function idsOf(doc: IndexedDocument, fromLevel: number): Set<string> {
  let s = idSets.get(doc);
  if (!s) {
    s = new Set<string>();
    for (const h of doc.headings) if (h.level >= fromLevel) s.add(h.id);
    for (const id of doc.htmlIds) s.add(id);
    idSets.set(doc, s);
  }
  return s;
}

export function checkLink(ctx: CheckContext, link: ExtractedLink): LinkProblem | undefined {
  switch (link.kind) {
    case 'template':
      return templateProblem(link);
    case 'reference':
      return link.defined === false
        ? { code: 'link.reference-undefined', message: `No link definition for the label "${link.label}": "[${link.label}]: <destination>" is missing, so Markdown prints the brackets as text.`, data: { label: link.label } }
        : undefined;
    case 'ref':
    case 'relref':
      return ctx.site.model.contentRefs ? refProblem(ctx, link) : undefined;
    case 'post_url':
    case 'liquid-link':
      return liquidProblem(ctx, link);
    case 'html-href':
    case 'html-src':
      // The renderer drops raw HTML (Goldmark without `unsafe`): the link is not on the page.
      if (!ctx.site.model.dialect.rawHtml) return undefined;
      return urlProblem(ctx, link, 'url');
    case 'figure':
      if (link.context) return undefined;
      return urlProblem(ctx, link, 'url');
    case 'image':
      return urlProblem(ctx, link, ctx.semantics === 'file' ? 'file' : 'url');
    default:
      return urlProblem(ctx, link, ctx.semantics);
  }
}

// ---------------------------------------------------------------------------- Jekyll tags

/**
 * `{% post_url %}` / `{% link %}`: Liquid runs over the whole post before Markdown (fences do not
 * protect a tag, only `{% raw %}` does), and a missing target stops the Jekyll build.
 */
/**
 * The site file a Jekyll `{% post_url %}` / `{% link %}` argument names: the first of the
 * generator's candidates that exists. One place for the checker, the preview, navigation and moves.
 */
export function liquidTargetFile(site: Site, target: string, fromFile: string, seen?: (candidate: string) => void): string | undefined {
  for (const c of site.model.refCandidates?.(target, fromFile) ?? []) {
    seen?.(c);
    if (site.index.hasFile(c)) return c;
  }
  return undefined;
}

function liquidProblem(ctx: CheckContext, link: ExtractedLink): LinkProblem | undefined {
  if (!ctx.site.model.refCandidates?.(link.target, ctx.file).length) return undefined;
  // Every candidate is a dependency: creating any of them can fix the link.
  const c = liquidTargetFile(ctx.site, link.target, ctx.file, (x) => ctx.deps.add('file:' + x));
  if (c) {
    const page = ctx.site.index.pagesOfFile(c)[0];
    if (page && !page.willPublish && !ctx.includeDrafts && link.kind === 'post_url') {
      return {
        code: 'link.unpublished-target',
        message: `${c} ${statusPhrase(page)}: Jekyll does not publish it, so {% post_url ${link.target} %} fails the build or links to nothing.`,
        data: { file: c, status: page.status },
      };
    }
    return undefined;
  }
  const tag = link.kind === 'post_url' ? 'post_url' : 'link';
  return {
    code: 'ref.not-found',
    message: link.kind === 'post_url'
      ? `No post matches {% post_url ${link.target} %}: Jekyll stops the build ("Could not find post").`
      : `No file ${link.target} exists for {% ${tag} %}: Jekyll stops the build ("Could not find document").`,
    data: { target: link.target },
  };
}

// ---------------------------------------------------------------------------- templates

function templateProblem(link: ExtractedLink): LinkProblem {
  const m = /^\{\{-?\s*(relref|ref)\s+\.\s+("[^"]*"|`[^`]*`)\s*-?\}\}$/.exec(link.target);
  const fix = m ? `{{< ${m[1]} ${m[2]} >}}` : undefined;
  return {
    code: 'template.unrendered',
    message: `Template code is not run in content: Hugo publishes ${link.target} as literal text.${fix ? ` Use the shortcode ${fix} instead.` : ' Move it into a layout or a shortcode.'}`,
    data: fix ? { suggestions: [fix], replaceWhole: true } : undefined,
  };
}

// ---------------------------------------------------------------------------- ref / relref

function refProblem(ctx: CheckContext, link: ExtractedLink): LinkProblem | undefined {
  if (link.context === 'raw-html' && !ctx.site.model.dialect.rawHtml) return undefined;
  const { site, file } = ctx;
  const hash = link.target.indexOf('#');
  const path = hash >= 0 ? link.target.slice(0, hash) : link.target;
  const fragment = hash >= 0 ? link.target.slice(hash + 1) : undefined;
  const name = path.trim().toLowerCase().replace(/\/+$/, '').split('/').pop()?.replace(/\.[^.]*$/, '') ?? '';
  if (name) ctx.deps.add('ref:' + name);
  if (path.trim() === '') return link.context ? undefined : fragmentProblem(ctx, ctx.page, ctx.doc, fragment, link.target, '');
  const r = resolveHugoRef(site, file, path, ctx.includeDrafts, true, link.refLang);
  if (r && 'page' in r) {
    if (r.page.file) ctx.deps.add('file:' + r.page.file);
    if (link.context) return undefined;
    const doc = r.page.file ? site.index.document(r.page.file) : undefined;
    return fragmentProblem(ctx, r.page, doc, fragment, link.target, path + '#');
  }
  if (r && 'ambiguous' in r) {
    const files = r.ambiguous.map((p) => p.file ?? p.url);
    return {
      code: 'ref.not-found',
      message: `Hugo cannot resolve ${link.kind} "${link.target}": ${files.length} pages are named "${name}" (${files.join(', ')}), so it reports the reference as ambiguous (REF_NOT_FOUND) and the build fails. Write the content path, e.g. "${refPathOf(site, r.ambiguous[0]) ?? ''}".`,
      data: { suggestions: r.ambiguous.map((p) => refPathOf(site, p)).filter((s): s is string => !!s).map((s) => s + (fragment !== undefined ? '#' + fragment : '')) },
    };
  }
  const hidden = ctx.includeDrafts ? undefined : resolveHugoRef(site, file, path, true, true, link.refLang);
  if (hidden && 'page' in hidden) {
    if (hidden.page.file) ctx.deps.add('file:' + hidden.page.file);
    return {
      code: 'ref.not-found',
      message: `${link.kind} "${link.target}" names ${hidden.page.file}, which ${statusPhrase(hidden.page)}: a production build does not contain it, so Hugo reports REF_NOT_FOUND and the build fails.`,
      data: { unpublished: hidden.page.file },
    };
  }
  const suggestions = nearestRefs(ctx, path);
  return {
    code: 'ref.not-found',
    message: `Hugo cannot find a page for ${link.kind} "${link.target}" (REF_NOT_FOUND: page not found), so the build fails.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
    data: { suggestions: suggestions.map((s) => s + (fragment !== undefined ? '#' + fragment : '')) },
  };
}

interface RefCandidate {
  readonly base: string;
  readonly ref: string;
}

/**
 * Suggestion candidates per URL table (it is rebuilt when pages come, go or change URL or status, and
 * not on a keystroke in a post's body): built once, not per broken ref (a typo can break many).
 */
const refCandidateCache = new WeakMap<object, { urls: object; includeDrafts: boolean; list: RefCandidate[]; memo: Map<string, string[]> }>();

function refCandidates(ctx: CheckContext): { list: RefCandidate[]; memo: Map<string, string[]> } {
  const index = ctx.site.index;
  const urls = index.urls();
  const cached = refCandidateCache.get(index);
  if (cached && cached.urls === urls && cached.includeDrafts === ctx.includeDrafts) return cached;
  const list: RefCandidate[] = [];
  for (const p of index.contentPages()) {
    if (!p.file || (!p.willPublish && !ctx.includeDrafts)) continue;
    const ref = refPathOf(ctx.site, p);
    if (!ref) continue;
    const base = ref.toLowerCase().replace(/\/(_?index)?\.[a-z]+$/, '').replace(/\.[a-z]+$/, '').split('/').pop() ?? '';
    list.push({ base, ref });
  }
  const entry = { urls, includeDrafts: ctx.includeDrafts, list, memo: new Map<string, string[]>() };
  refCandidateCache.set(index, entry);
  return entry;
}

function nearestRefs(ctx: CheckContext, path: string): string[] {
  const want = path.trim().toLowerCase().replace(/\.[a-z]+$/, '').split('/').filter(Boolean).pop() ?? '';
  if (!want) return [];
  const withExt = /\.[a-z]+$/i.test(path.trim());
  const { list, memo } = refCandidates(ctx);
  const key = `${withExt ? 1 : 0}${want}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const max = Math.max(2, Math.floor(want.length * 0.3));
  let best: { d: number; s: string }[] = [];
  for (const c of list) {
    // Edit distance is at least the length difference: skip what cannot be close.
    if (Math.abs(c.base.length - want.length) > max) continue;
    const d = distance(want, c.base);
    if (d <= max) best.push({ d, s: withExt ? c.ref : c.ref.replace(/\.[a-z]+$/i, '') });
  }
  best = best.sort((a, b) => a.d - b.d || a.s.localeCompare(b.s)).slice(0, 3);
  const out = best.map((b) => b.s);
  if (memo.size < 10_000) memo.set(key, out);
  return out;
}

function statusPhrase(p: Page): string {
  switch (p.status) {
    case 'draft':
      return 'is a draft (draft: true)';
    case 'future':
      return `is dated in the future${p.date ? ` (${p.date})` : ''}`;
    case 'expired':
      return 'has expired (expiryDate has passed)';
    default:
      return 'is not rendered (build options)';
  }
}

// ---------------------------------------------------------------------------- fragments

function fragmentProblem(ctx: CheckContext, page: Page | undefined, doc: IndexedDocument | undefined, fragment: string | undefined, written: string, prefix: string): LinkProblem | undefined {
  if (fragment === undefined || fragment === '') return undefined;
  // Only regular pages whose content we read: list pages, generated pages and files have ids we cannot see.
  if (!doc || doc.partial || ctx.extras.headingHook || mayHaveHiddenIds(doc.links)) return undefined;
  if (page && page.kind !== 'page') return undefined;
  const ids = idsOf(doc, ctx.site.model.headingIdsFromLevel ?? 1);
  const decoded = decodePath(fragment);
  if (ids.has(fragment) || ids.has(decoded) || ctx.extras.layoutIds.has(decoded)) return undefined;
  // Goldmark footnotes and Hugo's table of contents have generated ids; `#:~:text=…` is a text
  // fragment (browsers scroll to the words), never an id.
  if (/^(fn|fnref)[:\d-]/.test(decoded) || decoded === 'TableOfContents' || decoded.startsWith(':~:')) return undefined;
  const near = nearestIds(decoded, ids);
  const where = page ? page.url : doc.file;
  return {
    code: 'link.fragment-not-found',
    message: `${where} has no heading or anchor with id "${decoded}".${near.length ? ` Did you mean #${near[0]}?` : ''}`,
    data: { fragment: decoded, suggestions: near.map((id) => prefix + id), headings: [...ids] },
  };
}

function nearestIds(want: string, ids: ReadonlySet<string>): string[] {
  const scored: { d: number; id: string }[] = [];
  const w = want.toLowerCase();
  const max = Math.max(3, Math.floor(w.length * 0.4));
  for (const id of ids) {
    const l = id.toLowerCase();
    let d: number;
    if (l === w) d = 0;
    else if (l.startsWith(w) || w.startsWith(l) || l.includes(w)) d = 1;
    // The edit distance is at least the length difference: skip the quadratic part when that
    // alone rules the id out (a post with 50,000 headings made each broken anchor cost ~100 ms).
    else if (Math.abs(l.length - w.length) + 1 > max) continue;
    else d = distance(w, l) + 1;
    if (d <= max) scored.push({ d, id });
  }
  return scored.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id)).slice(0, 3).map((s) => s.id);
}

// ---------------------------------------------------------------------------- URLs and paths

interface Written {
  /** `https://host` for an own-host absolute URL, '' otherwise. */
  readonly origin: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string | undefined;
}

/** Splits a destination; undefined for what is not ours to check (other hosts, schemes). */
function parseWritten(ctx: CheckContext, dest: string): Written | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.test(dest);
  if (scheme || dest.startsWith('//')) {
    // The site's own host over http or https, with or without www., or protocol-relative.
    if (scheme && !/^https?:\/\//i.test(dest)) return undefined;
    const own = hostOf(ctx.site.model.summary.baseURL);
    if (!own || hostOf(dest) !== own) return undefined;
    const origin = /^(?:[a-z]+:)?\/\/[^/?#]*/i.exec(dest)![0];
    const rest = dest.slice(origin.length);
    const s = splitDestination(rest);
    return { origin, path: s.path || '/', query: s.query, fragment: s.fragment };
  }
  const s = splitDestination(dest);
  return { origin: '', ...s };
}

/** What the built site serves for a decoded path, with the fallbacks a static server applies. */
function lookup(site: Site, path: string): readonly UrlTarget[] {
  return lookupServed(site.model.summary, path, (u) => site.index.lookupUrl(u));
}

type Found = { readonly kind: 'ok'; readonly page?: Page; readonly alias?: boolean } | { readonly kind: 'unpublished'; readonly page: Page } | { readonly kind: 'none' };

function judge(ctx: CheckContext, targets: readonly UrlTarget[]): Found {
  if (targets.length === 0) return { kind: 'none' };
  let hidden: Page | undefined;
  for (const t of targets) {
    if (t.type === 'generated') return { kind: 'ok' };
    if (t.type === 'file') {
      // A bundle's files are published with their page: a draft's image is not on the built site
      // (though a post's own files are there whenever the post is).
      if (!t.owner || (t.owner.resourcesPublished ?? t.owner.willPublish) || ctx.includeDrafts || t.owner.file === ctx.file) return { kind: 'ok' };
      hidden ??= t.owner;
      continue;
    }
    if (t.page.willPublish || ctx.includeDrafts) return t.type === 'alias' && !targets.some((x) => x.type === 'page') ? { kind: 'ok', page: t.page, alias: true } : { kind: 'ok', page: t.page };
    hidden ??= t.page;
  }
  return hidden ? { kind: 'unpublished', page: hidden } : { kind: 'none' };
}

/**
 * The destination the generator publishes: `href` when a template layer printed it, with a Jekyll
 * `{% link %}` / `{% post_url %}` placeholder replaced by the URL of the file it names. Undefined when
 * that file does not exist (the tag itself is reported: the build fails) or publishes no page.
 */
function publishedDestination(ctx: CheckContext, link: ExtractedLink): string | undefined {
  // Markdown and HTML read entity and backslash escapes in a destination: `#r&eacute;sum&eacute;`.
  const raw = link.href ?? link.target;
  const written = link.kind === 'figure' || !/[&\\]/.test(raw) ? raw : analysisParser().utils.unescapeAll(raw);
  if (!link.liquidRef) return written;
  const file = liquidTargetFile(ctx.site, link.liquidRef.arg, ctx.file);
  if (!file) return undefined;
  ctx.deps.add('file:' + file);
  const url = ctx.site.index.pagesOfFile(file)[0]?.url ?? ctx.site.model.summary.basePath + '/' + file;
  return written.replace(REF_PLACEHOLDER, () => url);
}

function urlProblem(ctx: CheckContext, link: ExtractedLink, semantics: LinkSemantics): LinkProblem | undefined {
  if (link.context === 'code') return undefined;
  const dest = publishedDestination(ctx, link)?.trim();
  if (dest === undefined) return undefined;
  if (dest === '' || dest === '#') return undefined;
  const w = parseWritten(ctx, dest);
  if (!w) return undefined;
  if (w.path === '' && !w.origin) {
    // `#x` or `?q`: this page (a document that publishes no page has no links on the site).
    if (!ctx.page && semantics !== 'file') return undefined;
    return fragmentProblem(ctx, ctx.page, ctx.doc, w.fragment, dest, '#');
  }
  if (semantics === 'file') {
    const rewrite = w.origin ? undefined : ctx.site.model.rewriteLink?.(ctx.file, ctx.page?.url, decodePath(w.path), ctx.site.index.lookup);
    if (rewrite) return rewrittenProblem(ctx, link, w, rewrite);
    const asFile = fileProblem(ctx, link, w);
    if (!asFile || asFile.code !== 'link.not-found') return asFile;
    // Generators with file semantics (Docusaurus) still serve URL paths: `/blog/x` or a link relative to
    // the page's URL works when the URL table has it, so only a link that fails both ways is broken.
    if (ctx.page || w.path.startsWith('/')) {
      const asUrl = judge(ctx, lookup(ctx.site, decodePath(resolvePath(ctx.page?.url ?? '/', w.path))));
      if (asUrl.kind === 'ok') return undefined;
    }
    return asFile;
  }
  const page = ctx.page;
  // A relative link on a document that publishes no page of its own: no base to resolve against.
  if (!page && !w.path.startsWith('/')) return undefined;
  const resolved = decodePath(resolvePath(page?.url ?? '/', servedPath(ctx.site.model.summary, w.path, w.origin)));
  ctx.deps.add(urlKey(resolved));
  // `/x` is also served by a page at `/x.html` (and the other way) on hosts that serve it so.
  if (ctx.site.model.summary.htmlExtensionOptional) ctx.deps.add(urlKey(resolved.endsWith('.html') ? resolved.slice(0, -5) : resolved + '.html'));
  let found = judge(ctx, lookup(ctx.site, resolved));
  if (semantics === 'content-path' && link.kind !== 'image') {
    // A link render hook looks the destination up as a content path and falls back to it as a URL.
    const r = resolveHugoRef(ctx.site, ctx.file, decodePath(w.path), ctx.includeDrafts, false);
    if (r && 'page' in r) found = { kind: 'ok', page: r.page };
    else if (found.kind !== 'ok') {
      const h = resolveHugoRef(ctx.site, ctx.file, decodePath(w.path), true, false);
      if (h && 'page' in h) found = { kind: 'unpublished', page: h.page };
    }
  } else if (semantics === 'content-path' && found.kind === 'none' && !w.path.startsWith('/')) {
    // An image hook may resolve page resources by path: accept a file beside the document.
    if (ctx.site.index.hasFile(posix.join(posix.dirname(ctx.file), decodePath(w.path)))) return undefined;
  }
  if (found.kind === 'ok') {
    if (found.page?.file) ctx.deps.add('file:' + found.page.file);
    if (!found.page) return undefined;
    if (found.alias && w.fragment) return aliasFragmentProblem(ctx, found.page, w, resolved);
    const doc = found.page.file ? ctx.site.index.document(found.page.file) : undefined;
    return fragmentProblem(ctx, found.page, doc, w.fragment, dest, dest.slice(0, dest.length - (w.fragment?.length ?? -1)));
  }
  if (found.kind === 'unpublished') return unpublishedProblem(ctx, found.page);
  if (ctx.site.model.contentRefs && semantics === 'url' && MD_EXT.test(decodePath(w.path)) && link.kind !== 'image') {
    const md = mdPathProblem(ctx, w, resolved);
    if (md) return md;
  }
  return notFound(ctx, dest, w, resolved);
}

/**
 * An alias is a redirect page (a meta refresh to the page's URL, as Hugo and jekyll-redirect-from
 * write it): the browser leaves its `#fragment` behind, so the reader lands at the top of the page.
 */
function aliasFragmentProblem(ctx: CheckContext, page: Page, w: Written, resolved: string): LinkProblem {
  const doc = page.file ? ctx.site.index.document(page.file) : undefined;
  const fragment = decodePath(w.fragment ?? '');
  const ids = doc && idsOf(doc, ctx.site.model.headingIdsFromLevel ?? 1);
  const exists = !!ids && (ids.has(fragment) || ids.has(w.fragment ?? ''));
  const fix = formatLike(ctx, { ...w, fragment: w.fragment }, page.url);
  return {
    code: 'link.fragment-not-found',
    message: `${resolved} is a redirect (an alias of ${page.url}), and a redirect page drops #${fragment}: the reader lands at the top of ${page.url}.${exists ? ` Link to ${fix} instead.` : ''}`,
    data: { fragment, suggestions: exists ? [fix] : [] },
  };
}

function mdPathProblem(ctx: CheckContext, w: Written, resolved: string): LinkProblem | undefined {
  const { site, file } = ctx;
  const path = decodePath(w.path);
  let target: Page | undefined;
  const asFile = path.startsWith('/') ? undefined : posix.join(posix.dirname(file), path);
  if (asFile) target = site.index.pagesOfFile(asFile)[0];
  if (!target) {
    const r = resolveHugoRef(site, file, path, true, false);
    if (r && 'page' in r) target = r.page;
  }
  if (!target) return undefined;
  if (target.file) ctx.deps.add('file:' + target.file);
  const tail = w.query + (w.fragment !== undefined ? '#' + w.fragment : '');
  const relative = ctx.page ? relativeUrl(ctx.page.url, target.url) + tail : undefined;
  const root = rootDestination(site.model.summary, target.url) + tail;
  const refPath = refPathOf(site, target);
  const relref = refPath ? `{{< relref "${refPath}${w.fragment !== undefined ? '#' + w.fragment : ''}" >}}` : undefined;
  const forms = [relative, root].filter((s): s is string => !!s);
  return {
    code: 'link.md-path',
    message: `Hugo publishes this destination unchanged (the site has no link render hook), so it points to ${resolved}, which does not exist. Link to the page's URL instead: ${forms.join(' or ')}${relref ? `, or use ${relref}` : ''}.`,
    data: { suggestions: [...forms, ...(relref ? [relref] : [])], relative, root, relref, file: target.file },
  };
}


function baseUrlNote(ctx: CheckContext): string {
  const b = ctx.site.model.summary.baseURL;
  return b ? ` (baseURL ${b})` : '';
}

function notFound(ctx: CheckContext, dest: string, w: Written, resolved: string): LinkProblem {
  const base = ctx.site.model.summary.basePath;
  const page = ctx.page;
  const from = w.path.startsWith('/') || w.origin ? '' : ` (resolved from ${dest} on ${page?.url ?? ctx.file})`;
  if (base && resolved !== base && !resolved.startsWith(base + '/')) {
    const inside = base + resolved;
    const ok = judge(ctx, lookup(ctx.site, inside)).kind === 'ok';
    const suggestion = ok ? formatLike(ctx, w, inside) : undefined;
    return {
      code: 'link.not-found',
      message: `${resolved} is outside the site's sub-path ${base}/${baseUrlNote(ctx)}: ${generatorName(ctx.site.model.summary.generator)} publishes Markdown links unchanged, so this one leaves the site.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      data: { resolved, suggestions: suggestion ? [suggestion] : [] },
    };
  }
  const near = nearestUrls(ctx, resolved).map((u) => formatLike(ctx, w, u));
  return {
    code: 'link.not-found',
    message: `No page is published at ${resolved}${from}.${near.length ? ` Did you mean ${near[0]}?` : ''}`,
    data: { resolved, suggestions: near },
  };
}

/** Writes a target URL in the same style as the link it replaces (relative or root, slash or not). */
function formatLike(ctx: CheckContext, w: Written, url: string): string {
  let out: string;
  if (w.origin) out = w.origin + url;
  else if (w.path.startsWith('/') || !ctx.page) out = rootDestination(ctx.site.model.summary, url);
  else out = relativeUrl(ctx.page.url, url);
  if (!w.path.endsWith('/') && out.endsWith('/') && out.length > 1 && !out.endsWith('./')) out = out.slice(0, -1);
  return out + w.query + (w.fragment !== undefined ? '#' + w.fragment : '');
}

interface UrlCandidates {
  readonly list: { readonly url: string; readonly bare: string }[];
  /** Index in `list` of the first URL at least this long (list is sorted by length). */
  readonly fromLength: Int32Array;
  /** BUCKETS character counts per URL of `list`, in its order. */
  readonly histograms: Uint16Array;
  readonly memo: Map<string, string[]>;
}

/** Character counts folded into 32 buckets (folding keeps them a lower bound of the edit distance). */
const BUCKETS = 32;

function addHistogram(into: Uint16Array, offset: number, s: string): void {
  for (let i = 0; i < s.length; i++) into[offset + (s.charCodeAt(i) & 31)]++;
}

/** Published URLs to suggest from, built once per URL table (and drafts setting), not per broken link. */
const candidateCache = new WeakMap<ReadonlyMap<string, unknown>, Map<boolean, UrlCandidates>>();

function urlCandidates(ctx: CheckContext): UrlCandidates {
  const urls = ctx.site.index.urls();
  let per = candidateCache.get(urls);
  if (!per) candidateCache.set(urls, (per = new Map()));
  let c = per.get(ctx.includeDrafts);
  if (!c) {
    const list: { url: string; bare: string }[] = [];
    for (const [u, targets] of urls) if (!u.endsWith('.xml') && judge(ctx, targets).kind === 'ok') list.push({ url: u, bare: u.replace(/\/+$/, '') });
    // By length, so a lookup visits only the lengths within its distance limit: scanning every URL
    // of a 10,000-post site for each broken link was a third of a whole-site check with many of them.
    list.sort((a, b) => a.bare.length - b.bare.length);
    const longest = list.length ? list[list.length - 1].bare.length : 0;
    const fromLength = new Int32Array(longest + 2);
    for (let len = 0, i = 0; len <= longest + 1; len++) {
      while (i < list.length && list[i].bare.length < len) i++;
      fromLength[len] = i;
    }
    const histograms = new Uint16Array(list.length * BUCKETS);
    list.forEach((x, i) => addHistogram(histograms, i * BUCKETS, x.bare));
    per.set(ctx.includeDrafts, (c = { list, fromLength, histograms, memo: new Map() }));
  }
  return c;
}

function nearestUrls(ctx: CheckContext, resolved: string): string[] {
  const c = urlCandidates(ctx);
  const hit = c.memo.get(resolved);
  if (hit) return hit;
  const want = resolved.replace(/\/+$/, '');
  const max = Math.max(2, Math.floor(want.length * 0.25));
  const scored: { d: number; u: string }[] = [];
  const at = (len: number) => c.fromLength[Math.max(0, Math.min(len, c.fromLength.length - 1))];
  const mine = new Uint16Array(BUCKETS);
  addHistogram(mine, 0, want);
  const h = c.histograms;
  for (let i = at(want.length - max), end = at(want.length + max + 1); i < end; i++) {
    // Each edit changes the character counts by at most 2: counts further apart than 2 × max rule
    // the URL out without computing its distance (most of them, at a fraction of the cost).
    let apart = 0;
    for (let k = 0, o = i * BUCKETS; k < BUCKETS && apart <= 2 * max; k++) apart += Math.abs(mine[k] - h[o + k]);
    if (apart > 2 * max) continue;
    const { url, bare } = c.list[i];
    const d = distance(want, bare);
    if (d <= max) scored.push({ d, u: url });
  }
  const out = scored.sort((a, b) => a.d - b.d || a.u.localeCompare(b.u)).slice(0, 3).map((s) => s.u);
  if (c.memo.size < 10_000) c.memo.set(resolved, out);
  return out;
}

function unpublishedProblem(ctx: CheckContext, page: Page): LinkProblem {
  if (page.file) ctx.deps.add('file:' + page.file);
  return {
    code: 'link.unpublished-target',
    message: `${page.url} ${statusPhrase(page)}${page.file ? ` in ${page.file}` : ''}: a production build does not publish it, so this link is broken on the live site.`,
    data: { file: page.file, status: page.status },
  };
}

/** A link the generator rewrote (LinkRewrite): judged as what it became. */
function rewrittenProblem(ctx: CheckContext, link: ExtractedLink, w: Written, r: LinkRewrite): LinkProblem | undefined {
  const prefix = link.target.slice(0, link.target.length - (w.fragment?.length ?? -1));
  if ('asset' in r) return undefined;
  if ('broken' in r) return { code: 'link.not-found', message: r.broken, data: { suggestions: [] } };
  if ('file' in r) {
    ctx.deps.add('file:' + r.file);
    const doc = ctx.site.index.document(r.file);
    const page = doc?.pages.find((p) => p.willPublish) ?? doc?.pages[0];
    if (page && !page.willPublish && !ctx.includeDrafts) return unpublishedProblem(ctx, page);
    return fragmentProblem(ctx, page, doc, w.fragment, link.target, prefix);
  }
  ctx.deps.add(urlKey(r.url));
  const found = judge(ctx, lookup(ctx.site, r.url));
  if (found.kind === 'none') return notFound(ctx, link.target, w, r.url);
  if (found.kind === 'unpublished') return unpublishedProblem(ctx, found.page);
  if (!found.page) return undefined;
  const doc = found.page.file ? ctx.site.index.document(found.page.file) : undefined;
  return fragmentProblem(ctx, found.page, doc, w.fragment, link.target, prefix);
}

function fileProblem(ctx: CheckContext, link: ExtractedLink, w: Written): LinkProblem | undefined {
  const { site, file } = ctx;
  const dir = posix.dirname(file);
  const resolved = decodePath(resolvePath(dir === '.' ? '/' : '/' + dir + '/', w.path)).slice(1);
  const rel = resolved.replace(/\/+$/, '');
  ctx.deps.add('file:' + rel);
  const doc = site.index.document(rel);
  if (doc || site.index.hasFile(rel) || rel === '') {
    return doc ? fragmentProblem(ctx, doc.pages[0], doc, w.fragment, link.target, link.target.slice(0, link.target.length - (w.fragment?.length ?? -1))) : undefined;
  }
  // A folder (its README or index may be what the reader gets).
  for (const u of site.index.urls().keys()) if (u.startsWith('/' + rel + '/')) return undefined;
  const near = nearestUrls(ctx, '/' + rel).map((u) => relativeUrl('/' + (dir === '.' ? '' : dir + '/'), u));
  return {
    code: 'link.not-found',
    message: `No file ${rel} exists (resolved from ${link.target} in ${file}).${near.length ? ` Did you mean ${near[0]}?` : ''}`,
    data: { resolved: '/' + rel, suggestions: near },
  };
}

/**
 * The page a link leads to, if it is a page (for refactors between URL and relref forms).
 * Undefined for anything else: files, generated pages, other hosts, broken links.
 */
export function targetPageOf(ctx: CheckContext, link: ExtractedLink): { page: Page; fragment?: string } | undefined {
  if (link.kind === 'ref' || link.kind === 'relref') {
    const hash = link.target.indexOf('#');
    const path = hash >= 0 ? link.target.slice(0, hash) : link.target;
    const r = resolveHugoRef(ctx.site, ctx.file, path, true);
    return r && 'page' in r ? { page: r.page, fragment: hash >= 0 ? link.target.slice(hash + 1) : undefined } : undefined;
  }
  if (link.kind !== 'inline' && link.kind !== 'definition') return undefined;
  const dest = publishedDestination(ctx, link);
  if (dest === undefined) return undefined;
  const w = parseWritten(ctx, dest.trim());
  if (!w || w.path === '') return undefined;
  if (!ctx.page && !w.path.startsWith('/')) return undefined;
  const resolved = decodePath(resolvePath(ctx.page?.url ?? '/', servedPath(ctx.site.model.summary, w.path, w.origin)));
  for (const t of lookup(ctx.site, resolved)) if (t.type === 'page' || t.type === 'alias') return { page: t.page, fragment: w.fragment };
  if (ctx.semantics === 'content-path') {
    const r = resolveHugoRef(ctx.site, ctx.file, decodePath(w.path), true, false);
    if (r && 'page' in r) return { page: r.page, fragment: w.fragment };
  }
  return undefined;
}
