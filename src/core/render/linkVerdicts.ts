/**
 * A verdict for every link the preview shows, the same as the link diagnostics give: whether a link
 * is broken (and the message) comes from the link checker's `checkLink` (src/core/links/resolve.ts)
 * on the very link the index extracted from this text. Where the preview needs more than a verdict
 * (which file a click opens, whether it leaves the site) a small resolution of our own answers; it
 * is also the whole verdict when no checker context exists (a file outside the index).
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { Page } from '../site/model';
import { resolveHugoRef } from '../links/hugoRefs';
import { checkLink, liquidTargetFile, targetPageOf, type CheckContext } from '../links/resolve';
import { decodePath, hostOf, lookupServed, resolvePath } from '../links/urls';
import type { ExtractedLink, LinkKind } from '../links/types';
import type { LinkForm, LinkVerdict } from './types';

export interface VerdictContext {
  readonly site: Site;
  /** Site-relative file of the post being previewed. */
  readonly file: string;
  /** Treat drafts, future and expired pages as published (setting `postcraft.links.includeDrafts`). */
  readonly includeDrafts: boolean;
  /** The link checker's context for this document, when the index holds this exact text. */
  readonly checker?: CheckContext;
}

const KINDS: Record<LinkForm, readonly LinkKind[]> = {
  link: ['inline', 'reference', 'autolink', 'definition', 'html-href'],
  ref: ['ref'],
  relref: ['relref'],
  post_url: ['post_url'],
  'liquid-link': ['liquid-link'],
};

export function verdictFor(base: VerdictContext, target: string, form: LinkForm, ownIds: ReadonlySet<string>): LinkVerdict {
  const ctx: Ctx = { ...base, ownIds };
  let own: LinkVerdict;
  try {
    own = ownVerdict(ctx, target, form);
  } catch {
    // A verdict is decoration: never let it break the render.
    own = { kind: 'other' };
  }
  if (!base.checker) return own;
  try {
    return { ...own, ...checkerVerdict(base.checker, own, target, form) };
  } catch {
    return own;
  }
}

/** Broken or not as the diagnostics say; the target file from the checker when we had none. */
function checkerVerdict(c: CheckContext, own: LinkVerdict, target: string, form: LinkForm): Partial<LinkVerdict> {
  const kinds = KINDS[form];
  const link: ExtractedLink = c.doc.body().links.find((l) => kinds.includes(l.kind) && (l.target === target || safeDecode(l.target) === target)) ?? { kind: kinds[0], target, range: { start: 0, end: 0 } };
  const problem = checkLink(c, link);
  if (problem) return { broken: problem.message };
  const out: { broken: undefined; file?: string; fragment?: string } = { broken: undefined };
  if (!own.file) {
    const t = targetPageOf(c, link);
    if (t?.page.file) {
      out.file = posix.join(c.site.root, t.page.file);
      out.fragment = t.fragment;
    }
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

interface Ctx extends VerdictContext {
  /** Ids in the post as it is now (unsaved edits included): headings and HTML anchors. */
  readonly ownIds: ReadonlySet<string>;
}

const STATUS_WORD: Record<string, string> = { draft: 'a draft', future: 'scheduled for the future', expired: 'expired' };

function splitTarget(t: string): { path: string; fragment?: string } {
  const hash = t.indexOf('#');
  const beforeHash = hash >= 0 ? t.slice(0, hash) : t;
  const q = beforeHash.indexOf('?');
  return { path: q >= 0 ? beforeHash.slice(0, q) : beforeHash, fragment: hash >= 0 ? t.slice(hash + 1) : undefined };
}

function idsOf(site: Site, file: string): Set<string> {
  const body = site.index.document(file)?.body();
  return new Set([...(body?.headings.map((h) => h.id) ?? []), ...(body?.htmlIds ?? [])]);
}

/** Checks the page is published and has the fragment; builds the verdict. */
function pageVerdict(ctx: Ctx, page: Page, fragment: string | undefined, href: string): LinkVerdict {
  const file = page.file ? posix.join(ctx.site.root, page.file) : undefined;
  if (!page.willPublish && !ctx.includeDrafts && page.status !== 'published') {
    return { kind: 'internal', file, href, fragment, broken: `the target page is ${STATUS_WORD[page.status] ?? page.status} and is not published by a production build` };
  }
  if (fragment && page.file) {
    const ids = page.file === ctx.file ? ctx.ownIds : idsOf(ctx.site, page.file);
    if (!ids.has(fragment) && !ids.has(decodePath(fragment))) return { kind: 'internal', file, href, fragment, broken: `the page has no heading or anchor with id "${fragment}"` };
  }
  return { kind: 'internal', file, href, fragment };
}

function ownVerdict(ctx: Ctx, target: string, form: LinkForm): LinkVerdict {
  const { site } = ctx;
  const t = target.trim();
  if (form === 'ref' || form === 'relref') return refVerdict(ctx, t, form);
  if (form === 'post_url' || form === 'liquid-link') return jekyllVerdict(ctx, t, form);
  if (t === '') return { kind: 'other' };
  if (t.startsWith('#')) {
    const id = t.slice(1);
    if (id === '' || ctx.ownIds.has(id) || ctx.ownIds.has(decodePath(id))) return { kind: 'fragment', fragment: id };
    return { kind: 'fragment', fragment: id, broken: `this post has no heading or anchor with id "${id}"` };
  }
  let path = t;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t);
  if (scheme || t.startsWith('//')) {
    const siteHost = hostOf(site.model.summary.baseURL);
    const host = hostOf(t);
    // A link to this site's own address is internal and can be broken like any other.
    if (!siteHost || host !== siteHost || !/^(https?:)?\/\//i.test(t)) return { kind: 'external' };
    path = t.replace(/^(https?:)?\/\/[^/?#]*/i, '') || '/';
  }
  const { path: p, fragment } = splitTarget(path);
  if (p === '') return ownVerdict(ctx, '#' + (fragment ?? ''), 'link');
  const pages = site.index.pagesOfFile(ctx.file);
  const from = pages[0]?.url ?? '/';
  if (site.model.summary.linkSemantics === 'file') return fileVerdict(ctx, p, fragment);
  const url = decodePath(resolvePath(from, p));
  // What a static server answers for it (the folder's index, `x.html` where the host serves it).
  const hits = lookupServed(site.model.summary, url, (u) => site.index.lookupUrl(u));
  if (hits.length) {
    const page = hits.find((h) => h.type === 'page' || h.type === 'alias');
    if (page && (page.type === 'page' || page.type === 'alias')) return pageVerdict(ctx, page.page, fragment, t);
    const f = hits.find((h) => h.type === 'file');
    return { kind: 'internal', file: f && f.type === 'file' ? posix.join(site.root, f.file) : undefined, href: t };
  }
  if (site.model.summary.linkSemantics === 'content-path') {
    const v = fileVerdict(ctx, p, fragment);
    if (!v.broken) return v;
  }
  const why = /\.(md|markdown)$/i.test(p)
    ? `"${p}" is a file path; the site publishes it unchanged, and no page is published at ${url}`
    : `no page or file is published at ${url}`;
  return { kind: 'internal', href: t, fragment, broken: why };
}

/** Relative file paths (plain folders, Docusaurus, render hooks with content paths). */
function fileVerdict(ctx: Ctx, p: string, fragment: string | undefined): LinkVerdict {
  const { site } = ctx;
  const rel = p.startsWith('/') ? p.slice(1) : posix.join(posix.dirname(ctx.file), decodePath(p));
  const tries = [rel, rel + '.md', posix.join(rel, 'index.md'), posix.join(rel, '_index.md')];
  for (const f of tries) {
    if (!site.index.hasFile(f)) continue;
    const page = site.index.pagesOfFile(f)[0];
    if (page) return pageVerdict(ctx, page, fragment, p);
    return { kind: 'internal', file: posix.join(site.root, f), href: p };
  }
  return { kind: 'internal', href: p, fragment, broken: `no file ${rel} in the site` };
}

function refVerdict(ctx: Ctx, t: string, form: LinkForm): LinkVerdict {
  const { path, fragment } = splitTarget(t);
  if (path === '') return ownVerdict(ctx, '#' + (fragment ?? ''), 'link');
  const r = resolveHugoRef(ctx.site, ctx.file, path, ctx.includeDrafts);
  if (!r) return { kind: 'internal', fragment, broken: `REF_NOT_FOUND: ${form} "${t}": page not found (hugo fails the build)` };
  if ('ambiguous' in r) return { kind: 'internal', fragment, broken: `REF_NOT_FOUND: ${form} "${t}" is ambiguous: ${r.ambiguous.map((p) => p.file).join(', ')}` };
  const href = r.page.url + (fragment ? `#${fragment}` : '');
  return pageVerdict(ctx, r.page, fragment, href);
}

function jekyllVerdict(ctx: Ctx, t: string, form: LinkForm): LinkVerdict {
  const { site } = ctx;
  const f = liquidTargetFile(site, t, ctx.file);
  if (f) {
    const page = site.index.pagesOfFile(f)[0];
    if (page) return pageVerdict(ctx, page, undefined, page.url);
    return { kind: 'internal', file: posix.join(site.root, f) };
  }
  return { kind: 'internal', broken: form === 'post_url' ? `Could not find post "${t}" in tag 'post_url'` : `Could not find document '${t}' in tag 'link'` };
}
