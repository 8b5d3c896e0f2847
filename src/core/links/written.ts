/**
 * A destination as written, and what the built site serves for it.
 */
import type { Site } from '../service';
import type { UrlTarget } from '../site/index';
import type { Page } from '../site/model';
import type { ExtractedLink } from './types';
import { hostOf, lookupServed, relativeUrl, rootDestination, splitDestination } from './urls';
import { REF_PLACEHOLDER } from '../markdown/liquid';
import { analysisParser } from '../markdown/parser';
import type { CheckContext } from './problems';
import { liquidTargetFile } from './refProblems';

// ---------------------------------------------------------------------------- URLs and paths

export interface Written {
  /** `https://host` for an own-host absolute URL, '' otherwise. */
  readonly origin: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string | undefined;
}

/** Splits a destination; undefined for what is not ours to check (other hosts, schemes). */
export function parseWritten(ctx: CheckContext, dest: string): Written | undefined {
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
export function lookup(site: Site, path: string): readonly UrlTarget[] {
  return lookupServed(site.model.summary, path, (u) => site.index.lookupUrl(u));
}

export type Found = { readonly kind: 'ok'; readonly page?: Page; readonly alias?: boolean } | { readonly kind: 'unpublished'; readonly page: Page } | { readonly kind: 'none' };

export function judge(ctx: CheckContext, targets: readonly UrlTarget[]): Found {
  if (targets.length === 0) return { kind: 'none' };
  let hidden: Page | undefined;
  for (const t of targets) {
    // A generated page, or one that may exist (a plugin we cannot tell is on): nothing to judge.
    if (t.type === 'generated' || t.type === 'uncertain') return { kind: 'ok' };
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
export function publishedDestination(ctx: CheckContext, link: ExtractedLink): string | undefined {
  // Markdown and HTML read entity and backslash escapes in a destination: `#r&eacute;sum&eacute;`. A
  // shortcode's argument is printed as it is (its template escapes `&` for the page).
  const raw = link.href ?? link.target;
  const written = link.kind === 'figure' || link.kind === 'shortcode-href' || link.kind === 'shortcode-src' || !/[&\\]/.test(raw) ? raw : analysisParser().utils.unescapeAll(raw);
  if (!link.liquidRef) return written;
  const file = liquidTargetFile(ctx.site, link.liquidRef.arg, ctx.file);
  if (!file) return undefined;
  ctx.deps.add('file:' + file);
  const url = ctx.site.index.pagesOfFile(file)[0]?.url ?? ctx.site.model.summary.basePath + '/' + file;
  return written.replace(REF_PLACEHOLDER, () => url);
}

export function formatLike(ctx: CheckContext, w: Written, url: string): string {
  let out: string;
  if (w.origin) out = w.origin + url;
  else if (w.path.startsWith('/') || !ctx.page) out = rootDestination(ctx.site.model.summary, url);
  else out = relativeUrl(ctx.page.url, url);
  if (!w.path.endsWith('/') && out.endsWith('/') && out.length > 1 && !out.endsWith('./')) out = out.slice(0, -1);
  return out + w.query + (w.fragment !== undefined ? '#' + w.fragment : '');
}
