/**
 * The renderer bound to a site: markup settings from the site's configuration, images and links
 * resolved through the site model. Host-agnostic: the host says how a local file becomes a URI the
 * page may load (a webview URI in VS Code, a data: URI in the CLI's standalone page).
 */
import { posix } from '../posix';
import type { Postcraft, Site } from '../service';
import { renderPost } from './render';
import { verdictFor } from './linkVerdicts';
import { siteExtras } from '../links/diagnostics';
import type { CheckContext, SiteExtras } from '../links/resolve';
import type { ImageResolution, LinkForm, MarkupOptions, RenderedPost, RenderHooks, ShortcodeWrapper } from './types';
import type { KnownAnchors } from './render';
import { fillTables, linkKey, type RenderTables, type TableRender } from './tables';
import { TimeSlicer } from '../slicing';
import { findAuthor, siteAuthors } from '../frontmatter/authors';
import { fmList } from '../frontmatter/parse';
import { renderedShortcodes, type RenderedShortcodes } from './siteShortcodes';

/** What a render needs from the site that takes reading files: read once per loaded site model. */
export interface SitePrep {
  readonly markup: MarkupOptions;
  readonly extras?: SiteExtras;
}

/** Markup settings and the link checker's site facts, for `renderInSite`. */
export async function prepareSite(engine: Postcraft, site: Site): Promise<SitePrep> {
  const [markup, extras] = await Promise.all([markupOptionsFor(engine, site), siteExtras(engine.fs, site).catch(() => undefined)]);
  return { markup, extras };
}

export interface SiteRenderOptions {
  /** URI for a local file (absolute path); undefined when the host may not show it. */
  readonly resourceUri: (absPath: string) => string | undefined;
  readonly allowHttpsImages: boolean;
  readonly includeDrafts?: boolean;
  /**
   * Render without putting `text` into the index: it is only the beginning of the document (the
   * preview of a very large post), or the document is not the site's any more (deleted on disk).
   */
  readonly excerpt?: boolean;
}

/**
 * How the site's own renderer reads Markdown: the dialect its model holds (the checker's), and the
 * shortcodes whose templates are simple HTML wrappers around their content.
 */
export async function markupOptionsFor(_engine: Postcraft, site: Site): Promise<MarkupOptions> {
  const catalogue = await site.templates.catalogue();
  const wrappers: Record<string, ShortcodeWrapper> = {};
  for (const [name, e] of catalogue?.entries ?? []) if (e.wrapper) wrappers[name] = e.wrapper;
  return Object.keys(wrappers).length ? { dialect: site.model.dialect, shortcodeWrappers: wrappers } : { dialect: site.model.dialect };
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico)$/i;

/** Where an image in a post comes from, and whether the preview may load it. */
export function resolveSiteImage(site: Site, file: string, src: string, o: SiteRenderOptions): ImageResolution {
  const s = src.trim();
  if (!s) return { missing: true, reason: 'empty image address' };
  if (/^data:image\//i.test(s)) return { uri: s };
  let path = s;
  if (/^([a-z][a-z0-9+.-]*:)?\/\//i.test(s)) {
    const siteHost = hostOf(site.model.summary.baseURL);
    const host = hostOf(s.startsWith('//') ? 'https:' + s : s);
    if (!siteHost || host !== siteHost) {
      if (!/^https:\/\//i.test(s)) return { blocked: true, reason: 'remote image over plain http: not loaded' };
      return o.allowHttpsImages ? { uri: s } : { blocked: true, reason: 'remote image not loaded (postcraft.preview.allowHttpsImages is off)' };
    }
    path = s.replace(/^([a-z]+:)?\/\/[^/?#]*/i, '') || '/';
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return { blocked: true, reason: `${s.split(':')[0]}: images are not loaded` };
  const clean = decode(path.replace(/[?#].*$/, ''));
  const pageUrl = site.index.pagesOfFile(file)[0]?.url ?? '/';
  const url = clean.startsWith('/') ? clean : resolveAgainst(pageUrl, clean);
  for (const t of site.index.lookupUrl(url)) {
    if (t.type === 'file') return found(site, t.file, o);
  }
  if (!clean.startsWith('/')) {
    // Next to the Markdown file: what an editor shows, even where the site would not publish it.
    const rel = posix.normalize(posix.join(posix.dirname(file), clean));
    if (site.index.hasFile(rel)) return found(site, rel, o);
  }
  return { missing: true, reason: `image not found: nothing is published at ${url}` };
}

function found(site: Site, rel: string, o: SiteRenderOptions): ImageResolution {
  if (!IMAGE_EXT.test(rel)) return { missing: true, reason: `${rel} is not an image` };
  const uri = o.resourceUri(posix.join(site.root, rel));
  return uri ? { uri } : { blocked: true, reason: `${rel} is outside the folders the preview may read` };
}

function hostOf(url: string | undefined): string | undefined {
  const m = url ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url.trim()) : null;
  return m ? m[1].toLowerCase().replace(/^www\./, '') : undefined;
}

function decode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function resolveAgainst(pageUrl: string, dest: string): string {
  const base = pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1) || '/';
  const out: string[] = [];
  const segs = (base + dest).split('/');
  for (let i = 1; i < segs.length; i++) {
    if (segs[i] === '.') continue;
    if (segs[i] === '..') out.pop();
    else out.push(segs[i]);
  }
  return '/' + out.join('/');
}

/** The site-bound renderer hooks for one post, and the index's analysis of its text when current. */
function siteHooks(site: Site, absFile: string, text: string, prep: SitePrep, o: SiteRenderOptions): { hooks: RenderHooks; known?: KnownAnchors; authors: Map<string, string>; shortcodes: RenderedShortcodes } {
  const file = posix.relative(site.root, absFile);
  const authors = new Map<string, string>();
  const authorList = siteAuthors(site);
  for (const a of authorList) if (a.name !== undefined) authors.set(a.id, a.name);
  const doc = o.excerpt ? undefined : site.index.currentDocument(file, text);
  // This post's authors as written (`Jane Doe` for the record `jane-doe`), for the worker's table too.
  const fm = doc?.frontMatter?.data;
  for (const v of fm ? [...fmList(fm, 'authors'), ...fmList(fm, 'author')] : []) {
    const name = authors.has(v) ? undefined : findAuthor(site, authorList, v)?.name;
    if (name !== undefined) authors.set(v, name);
  }
  const analysed = doc && !doc.partial ? doc : undefined;
  const known = analysed?.body();
  const page = site.index.pagesOfFile(file)[0];
  const includeDrafts = o.includeDrafts ?? false;
  const checker: CheckContext | undefined =
    analysed && prep.extras ? { site, file, page, doc: analysed, includeDrafts, extras: prep.extras, semantics: site.model.summary.linkSemantics, deps: new Set() } : undefined;
  // What the site's own templates print for the post's calls: rendered here, where the site is.
  const shortcodes = analysed ? renderedShortcodes(site, prep.extras?.shortcodeRenderers, analysed, text, includeDrafts) : {};
  const hooks: RenderHooks = {
    resolveImage: (src) => resolveSiteImage(site, file, src, o),
    resolveLink: (target, form, ownIds) => verdictFor({ site, file, includeDrafts, checker }, target, form, ownIds),
    authorName: (id) => authors.get(id) ?? authors.get(id.toLowerCase()),
    status: page?.status,
    printedShortcode: (source) => (Object.prototype.hasOwnProperty.call(shortcodes, source) ? shortcodes[source] : undefined),
  };
  return { hooks, known, authors, shortcodes };
}

/**
 * Renders a post of a site: the one call the preview panel and the CLI make. The index is brought
 * up to date with `text` first (as the link diagnostics do), so headings, ids and link verdicts all
 * come from the same analysis the checker uses.
 */
export function renderInSite(site: Site, absFile: string, text: string, prep: SitePrep, o: SiteRenderOptions): RenderedPost {
  const { hooks, known } = siteHooks(site, absFile, text, prep, o);
  return renderPost(text, prep.markup, hooks, known);
}

/** What the links and images of a post's last render were, so the next render asks for them up front. */
export interface RenderMemory {
  readonly links: Map<string, readonly [string, LinkForm]>;
  readonly images: Set<string>;
}

export function newRenderMemory(): RenderMemory {
  return { links: new Map(), images: new Set() };
}

/**
 * renderInSite with the rendering itself done by `render` (renderFromTables on a worker thread):
 * this side only answers the hooks, in slices. Same output as renderInSite for the same text. The
 * index must hold the analysis of `text` already (else it is parsed here); `memory` carries the
 * links and images asked for from one render of a document to the next.
 */
export async function renderInSiteElsewhere(
  site: Site,
  absFile: string,
  text: string,
  prep: SitePrep,
  o: SiteRenderOptions,
  render: (text: string, markup: MarkupOptions, tables: RenderTables) => Promise<TableRender>,
  memory: RenderMemory,
): Promise<RenderedPost> {
  const slicer = new TimeSlicer();
  for (let round = 0; ; round++) {
    // Verdicts are made afresh each time: another post may have changed since the last render.
    const { hooks, known, authors, shortcodes } = siteHooks(site, absFile, text, prep, o);
    const anchors = known ?? site.index.document(posix.relative(site.root, absFile))?.body();
    const ownIds = new Set<string>([...(anchors?.headings.map((h) => h.id) ?? []), ...(anchors?.htmlIds ?? [])]);
    const tables = await fillTables(hooks, ownIds, memory.links.values(), memory.images, Object.fromEntries(authors), shortcodes, () => slicer.maybeYield());
    const r = await render(text, prep.markup, tables);
    if (r.post) return r.post;
    for (const [target, form] of r.missingLinks) memory.links.set(linkKey(target, form), [target, form]);
    for (const src of r.missingImages) memory.images.add(src);
    // The second round has everything the text asks for; a third would mean the text changed under us.
    if (round >= 2) return renderPost(text, prep.markup, hooks, known);
  }
}
