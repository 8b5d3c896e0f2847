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
import { registerDocumentCheck } from '../service';
import type { PostcraftDiagnostic } from '../diagnostics';
import type { LineIndex } from '../text';
import type { FileSystemHost } from '../host';
import type { GeneratorModel } from '../site/generator';
import { checkLink, DEFAULT_SEVERITY, type CheckContext, type SiteExtras } from './resolve';
import { globMatcher } from './urls';
import { LinkGraph } from './graph';

export interface LinkOptions {
  /** Treat drafts, future and expired pages as published (`hugo -D -F -E`). */
  readonly includeDrafts?: boolean;
  /** Globs of link destinations never reported. */
  readonly ignore?: readonly string[];
  /** Globs of site-relative files whose links are not checked. */
  readonly ignoreFiles?: readonly string[];
}

interface Compiled {
  readonly includeDrafts: boolean;
  readonly ignoreTarget: (s: string) => boolean;
  readonly ignoreFile: (s: string) => boolean;
}

const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd|mkdn)$/i;
const options = new WeakMap<Postcraft, Compiled>();
const graphs = new WeakMap<Site['index'], LinkGraph>();
const extrasCache = new WeakMap<GeneratorModel, Promise<SiteExtras>>();

/** Sets the link options of an engine (the extension reads them from settings). */
export function setLinkOptions(engine: Postcraft, o: LinkOptions): void {
  options.set(engine, {
    includeDrafts: !!o.includeDrafts,
    ignoreTarget: globMatcher(o.ignore ?? []),
    ignoreFile: globMatcher(o.ignoreFiles ?? []),
  });
}

const DEFAULTS: Compiled = { includeDrafts: false, ignoreTarget: () => false, ignoreFile: () => false };

/** Which documents link to what: kept up to date by every check of a document. */
export function linkGraph(site: Site): LinkGraph {
  let g = graphs.get(site.index);
  if (!g) graphs.set(site.index, (g = new LinkGraph()));
  return g;
}

export async function checkLinks(engine: Postcraft, site: Site, file: string, text: string, lines: LineIndex, analysed?: IndexedDocument): Promise<PostcraftDiagnostic[]> {
  const o = options.get(engine) ?? DEFAULTS;
  const graph = linkGraph(site);
  if (o.ignoreFile(file)) {
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
  };
  const out: PostcraftDiagnostic[] = [];
  // HTML content files are not Markdown for the generator: only their shortcodes are links we know.
  const markdown = MARKDOWN_FILE.test(file);
  const slicer = new TimeSlicer();
  for (const link of doc.links) {
    await slicer.maybeYield();
    if (!markdown && link.kind !== 'ref' && link.kind !== 'relref') continue;
    const bare = link.target.split('#')[0];
    if (o.ignoreTarget(link.target) || (bare !== link.target && o.ignoreTarget(bare))) continue;
    const p = checkLink(ctx, link);
    if (!p) continue;
    out.push({
      file,
      start: lines.positionAt(link.range.start),
      end: lines.positionAt(link.range.end),
      severity: DEFAULT_SEVERITY[p.code],
      code: p.code,
      message: p.message,
      target: link.target,
      data: { kind: link.kind, ...(link.whole ? { whole: link.whole } : {}), ...p.data },
    });
  }
  graph.set(file, [...ctx.deps]);
  return out;
}

/** Site facts read once per loaded model: Hugo's raw-HTML setting and the ids layouts provide. */
export function siteExtras(fs: FileSystemHost, site: Site): Promise<SiteExtras> {
  let p = extrasCache.get(site.model);
  if (!p) extrasCache.set(site.model, (p = readExtras(fs, site)));
  return p;
}

/** Ids and heading rules the site's templates add (Hugo reads its layouts); none elsewhere. */
async function readExtras(fs: FileSystemHost, site: Site): Promise<SiteExtras> {
  const facts = site.model.readTemplateFacts ? await site.model.readTemplateFacts(fs) : { layoutIds: new Set<string>(), headingHook: false };
  return { layoutIds: facts.layoutIds, headingHook: facts.headingHook || site.model.unknownHeadingIds === true };
}

registerDocumentCheck(checkLinks);
