/**
 * The verdict on one link: what the generator publishes for it, and whether that exists on the
 * built site. Pure over the index; every lookup is a hash lookup so a whole-site check stays near
 * the cost of parsing. Only broken links pay for suggestions (a scan of the site's URLs).
 *
 * The bar is zero false positives: whenever the generator could still produce a working link (an
 * unknown scheme, a page we cannot see into, a render hook that may fall back), we stay silent.
 */
import { posix } from '../posix';
import type { LinkSemantics, Page } from '../site/model';
import type { LinkRewrite, PassReadings } from '../site/generator';
import type { ExtractedLink } from './types';
import { decodePath, relativeUrl, resolvePath, rootDestination, servedPath } from './urls';
import { refPathOf, resolveHugoRef } from './hugoRefs';
import { generatorName } from '../site/detect';
import { DEFAULT_SEVERITY, urlKey, unpublishedProblem, type CheckContext, type LinkCode, type LinkProblem, type SiteExtras } from './problems';
import { fragmentProblem, idsOf } from './fragments';
import { liquidProblem, liquidTargetFile, refProblem, templateProblem } from './refProblems';
import { formatLike, judge, lookup, parseWritten, publishedDestination, type Written } from './written';
import { nearestUrls } from './suggest';

export { DEFAULT_SEVERITY, liquidTargetFile, urlKey, type CheckContext, type LinkCode, type LinkProblem, type SiteExtras };

const MD_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

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
      // The renderer drops raw HTML (Goldmark without `unsafe`): the link is not on the page, unless
      // the document is HTML itself.
      if (!ctx.site.model.dialect.rawHtml && !ctx.htmlContent) return undefined;
      // Template code left in an attribute (a Liquid loop's `{{ post.url }}`) is not a URL we can judge,
      // except where content templates never run (Hugo prints `{{ .RelPermalink }}` as it is).
      if (ctx.site.model.dialect.templates !== 'shortcodes' && /\{\{|\{%/.test(link.href ?? link.target)) return undefined;
      return urlProblem(ctx, link, 'url');
    case 'figure':
      if (link.context) return undefined;
      return urlProblem(ctx, link, 'url');
    case 'shortcode-href':
    case 'shortcode-src':
      // Printed by the shortcode's template as it is: no render hook reads it.
      return urlProblem(ctx, link, 'url');
    case 'image':
      if (publishedByImageHook(ctx, link)) return undefined;
      return urlProblem(ctx, link, ctx.semantics === 'file' ? 'file' : 'url');
    default:
      return urlProblem(ctx, link, ctx.semantics);
  }
}

/**
 * A Markdown image the site's image render hook finds in the assets folder (`resources.Get` of the
 * destination without its leading slash) and publishes at its own URL [verified: hugo 0.111].
 */
function publishedByImageHook(ctx: CheckContext, link: ExtractedLink): boolean {
  const assets = ctx.extras.imageAssets;
  if (!assets || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(link.target)) return false;
  const path = link.target.replace(/[?#].*$/, '').replace(/^\/+/, '');
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // kept as written
  }
  return assets.has(path) || assets.has(decoded);
}

/**
 * An http(s) address no browser can open: the URL standard rejects its host (`http://%20http://x`,
 * a space or `%2F` in the host, nothing after `https://`), so the link leads to an error page.
 */
function invalidWebUrl(dest: string): LinkProblem | undefined {
  if (!/^https?:/i.test(dest)) return undefined;
  try {
    new URL(dest);
    return undefined;
  } catch {
    return { code: 'link.invalid-url', message: `${dest} is not an address a browser can open (the URL standard rejects it): the link leads nowhere.` };
  }
}

function urlProblem(ctx: CheckContext, link: ExtractedLink, semantics: LinkSemantics): LinkProblem | undefined {
  if (link.context === 'code') return undefined;
  const dest = publishedDestination(ctx, link)?.trim();
  if (dest === undefined) return undefined;
  if (dest === '' || dest === '#') return undefined;
  const invalid = invalidWebUrl(dest);
  if (invalid) return invalid;
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
  // A relative link on a document that publishes no page of its own: no base to resolve against.
  if (!ctx.page && !w.path.startsWith('/')) return undefined;
  const pass = link.relativePass !== undefined && !w.origin ? ctx.site.model.relativeLink?.(ctx.file, link.relativePass, ctx.site.index.lookup) : undefined;
  if (pass) return passProblem(ctx, link, w, pass, () => asWrittenProblem(ctx, link, w, dest, semantics));
  return asWrittenProblem(ctx, link, w, dest, semantics);
}

/**
 * A link the generator's pass may rewrite (jekyll-relative-links): it works when one of its readings
 * does — a rewrite to a source file's page, or the link as written when the pass may leave it.
 */
function passProblem(ctx: CheckContext, link: ExtractedLink, w: Written, pass: PassReadings, asWritten: () => LinkProblem | undefined): LinkProblem | undefined {
  for (const f of pass.files) ctx.deps.add('file:' + f);
  let first: LinkProblem | undefined;
  for (const r of pass.rewrites) {
    const p = rewrittenProblem(ctx, link, w, r);
    if (!p) return undefined;
    first ??= p;
  }
  if (!pass.asWritten) return first;
  const p = asWritten();
  if (!p) return undefined;
  if (first || p.code !== 'link.not-found' || !pass.file || pass.file.includes('?') || pass.rewrites.length) return first ?? p;
  // The file the pass looks for does not exist, so the link stays as written.
  return { ...p, message: `No file ${pass.file} exists for the link to be rewritten to its page, so it stays as written: ${p.message}` };
}

/** The verdict on a destination as the browser gets it, resolved against the page's URL. */
function asWrittenProblem(ctx: CheckContext, link: ExtractedLink, w: Written, dest: string, semantics: LinkSemantics): LinkProblem | undefined {
  const page = ctx.page;
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
  const ids = doc && idsOf(ctx, doc);
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
  // A link the generator's pass rewrites to a source file's page (jekyll-relative-links).
  const pass = link.relativePass !== undefined && !w.origin ? ctx.site.model.relativeLink?.(ctx.file, link.relativePass, ctx.site.index.lookup) : undefined;
  for (const r of pass?.rewrites ?? []) {
    const page = 'file' in r ? ctx.site.index.pagesOfFile(r.file)[0] : undefined;
    if (page) return { page, fragment: w.fragment };
  }
  const resolved = decodePath(resolvePath(ctx.page?.url ?? '/', servedPath(ctx.site.model.summary, w.path, w.origin)));
  for (const t of lookup(ctx.site, resolved)) if (t.type === 'page' || t.type === 'alias') return { page: t.page, fragment: w.fragment };
  if (ctx.semantics === 'content-path') {
    const r = resolveHugoRef(ctx.site, ctx.file, decodePath(w.path), true, false);
    if (r && 'page' in r) return { page: r.page, fragment: w.fragment };
  }
  return undefined;
}
