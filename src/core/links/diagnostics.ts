/**
 * Link diagnostics as a document check: the CLI (`postcraft check`) and the editor both get them
 * through `Postcraft.checkDocument`, so they can never disagree.
 *
 * The index has already analysed every document; a check re-analyses only when the text it is
 * given is not the text the index saw (same length and hash), so a whole-site check parses each
 * post once.
 */
import type { IndexedDocument } from '../site/index';
import { TimeSlicer } from '../slicing';
import type { Postcraft, Site } from '../service';
import type { PostcraftDiagnostic } from '../diagnostics';
import type { LineIndex } from '../text';
import type { FileSystemHost } from '../host';
import { checkLink, DEFAULT_SEVERITY, type CheckContext, type SiteExtras } from './resolve';
import { globMatcher } from './urls';
import type { LinkGraph } from './graph';
import type { LinkOptions } from './siteLinks';
import { isMarkdownFile } from './problems';
import { argumentSuggestions, isPrinted, printedLinks } from './printedLinks';
import { renderedCalls } from './renderedCalls';
import type { LinkKind } from './types';
import { CONTENT_KEY, linksWithContent } from './liquidContent';
import { NO_IDS, type ShortcodeUse } from './shortcodes';
import type { ShortcodeIds } from '../site/generator';

const TEXT_DOCUMENT = /\.(txt|text|xml|json|csv|tsv)$/i;

/** The links an HTML content file has on its page: its own HTML and the shortcodes in it. */
const HTML_CONTENT_KINDS: ReadonlySet<LinkKind> = new Set(['ref', 'relref', 'html-href', 'html-src', 'post_url', 'liquid-link']);

export type { LinkOptions };


/** Sets the link options of an engine (the extension reads them from settings). */
export function setLinkOptions(engine: Postcraft, o: LinkOptions): void {
  engine.linkOptions = {
    includeDrafts: !!o.includeDrafts,
    ignoreTarget: globMatcher(o.ignore ?? []),
    ignoreFile: globMatcher(o.ignoreFiles ?? []),
  };
}

/** Which documents link to what: kept up to date by every check of a document. */
export function linkGraph(site: Site): LinkGraph {
  return site.links.graph;
}

export async function checkLinks(engine: Postcraft, site: Site, file: string, text: string, lines: LineIndex, analysed?: IndexedDocument): Promise<PostcraftDiagnostic[]> {
  const o = engine.linkOptions;
  const graph = linkGraph(site);
  if (o.ignoreFile(file)) {
    graph.set(file, []);
    return [];
  }
  // A text document (a Jekyll collection's `.txt` with front matter) is published as text: its
  // brackets and tags are no links on the page.
  if (TEXT_DOCUMENT.test(file)) {
    graph.set(file, []);
    return [];
  }
  const doc = analysed ?? site.index.currentDocument(file, text);
  if (!doc || (doc.partial && !doc.partialLinks)) return [];
  // A document that publishes no page (a bundle's Markdown resource, a headless page) has no links
  // on the built site, and Hugo does not render its shortcodes either.
  if (doc.pages.length === 0) {
    graph.set(file, []);
    return [];
  }
  const extras = await siteExtras(engine.fs, site);
  const ctx: CheckContext = {
    site,
    file,
    page: doc.pages[0],
    doc,
    includeDrafts: o.includeDrafts,
    extras,
    semantics: site.model.summary.linkSemantics,
    deps: new Set(),
    ...(isMarkdownFile(file) ? {} : { htmlContent: true }),
  };
  const out: PostcraftDiagnostic[] = [];
  // HTML content files are not Markdown for the generator: their HTML links and shortcodes are
  // what the page has, never Markdown syntax.
  const markdown = isMarkdownFile(file);
  const slicer = new TimeSlicer();
  const body = doc.body();
  const printed = markdown ? printedLinks(body, extras.shortcodeLinks, site.model.dialect.rawHtml, renderedCalls(site, extras.shortcodeRenderers, doc, o.includeDrafts)) : [];
  const written = linksWithContent(site, file, text, body);
  if (written.usesContent) ctx.deps.add(CONTENT_KEY);
  const unread = unreadContent(body.shortcodes, extras.shortcodeIds);
  for (const link of printed.length ? [...written.links, ...printed].sort((a, b) => a.range.start - b.range.start) : written.links) {
    await slicer.maybeYield();
    if (!markdown && !HTML_CONTENT_KINDS.has(link.kind)) continue;
    if (unread.length && !REF_KINDS.has(link.kind) && unread.some((s) => link.range.start >= s.start && link.range.start < s.end)) continue;
    const bare = link.target.split('#')[0];
    if (o.ignoreTarget(link.target) || (bare !== link.target && o.ignoreTarget(bare))) continue;
    // A shortcode that prints the site's baseURL before its argument links to both together.
    const destination = isPrinted(link) && link.href !== undefined ? link.href : link.target;
    if (destination !== link.target && o.ignoreTarget(destination)) continue;
    const p = checkLink(ctx, link);
    if (!p) continue;
    const suggestions = argumentSuggestions(link, p.data?.['suggestions']);
    out.push({
      file,
      start: lines.positionAt(link.range.start),
      end: lines.positionAt(link.range.end),
      severity: DEFAULT_SEVERITY[p.code],
      code: p.code,
      message: p.message,
      target: destination,
      data: { kind: link.kind, ...(link.whole ? { whole: link.whole } : {}), ...p.data, ...(suggestions ? { suggestions } : {}), ...(destination !== link.target ? { written: link.target } : {}) },
    });
  }
  graph.set(file, [...ctx.deps]);
  return out;
}

const REF_KINDS: ReadonlySet<LinkKind> = new Set(['ref', 'relref']);

/**
 * The content of each paired call of a shortcode whose template we cannot read (a theme not on
 * disk): the template decides whether it reaches the page, as HTML or as highlighted code, so the
 * links written there are not judged. A `ref` there still runs (Hugo renders inner shortcodes).
 */
function unreadContent(uses: readonly ShortcodeUse[] | undefined, known: ReadonlyMap<string, ShortcodeIds> | undefined): { start: number; end: number }[] {
  if (!uses || !known) return [];
  const out: { start: number; end: number }[] = [];
  for (const u of uses) {
    const at = u.at;
    if (at?.innerStart === undefined || at.inner === undefined || known.has(u.name) || NO_IDS.has(u.name)) continue;
    out.push({ start: at.innerStart, end: at.innerStart + at.inner.length });
  }
  return out;
}

/** Site facts read once per loaded site: the ids and heading rules its templates add. */
export function siteExtras(_fs: FileSystemHost, site: Site): Promise<SiteExtras> {
  return site.links.extras();
}

