/**
 * createPostcraft: composes the engine from the host's services. One instance serves a whole
 * workspace (several sites); the CLI, the extension and the tests all go through it.
 */
import { posix } from './posix';
import type { Clock, FileSystemHost, Logger } from './host';
import { decodeText, silentLogger, systemClock } from './host';
import { findSites, siteFor } from './site/detect';
import { SiteIndex, type DocumentAnalyzer, type IndexedDocument } from './site/index';
import { preloadBodies } from './site/bodyPreload';
import type { GeneratorModel } from './site/generator';
import type { LinkSemantics, SiteIssue } from './site/model';
import type { PostcraftDiagnostic } from './diagnostics';
import { LineIndex } from './text';
import { splitFrontMatter } from './frontmatter/parse';
import { FRONTMATTER_SEVERITY } from './frontmatter/severity';
import { authoringFeature, frontMatterFeature, imagesFeature, linksFeature, newPostFeature, publishingFeature, renderFeature, sitesFeature, templatesFeature } from './api';
import { SiteLinks, DEFAULT_LINK_OPTIONS, type CompiledLinkOptions } from './links/siteLinks';
import { SiteTemplates } from './site/templates';
import { SiteCaches } from './siteCaches';
import { checkLinks } from './links/diagnostics';
import { frontMatterDiagnostics } from './frontmatter/checks';
import { checkTemplateCalls } from './shortcodes/checks';
import { checkFrontMatterImages } from './images/checks';
import type { AnalyzeOptions, DocumentAnalysis } from './markdown/analyze';

export interface PostcraftSettings {
  /** Overrides the detected link semantics for Hugo sites. */
  readonly linkSemantics?: LinkSemantics;
  /** Extra folder names to skip. */
  readonly exclude?: readonly string[];
  readonly maxBodyBytes?: number;
  /** Over maxBodyBytes, still check links (for a host that analyses on a worker thread). */
  readonly linksOverLimit?: boolean;
  /** Astro: collection name → URL folder, for sites whose routes cannot be read statically. */
  readonly astroRoutes?: Readonly<Record<string, string>>;
}

export interface PostcraftInit {
  readonly fs: FileSystemHost;
  /** Absolute posix paths of the workspace folders (or a single site folder). */
  readonly roots: readonly string[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly settings?: PostcraftSettings;
  /**
   * Analyses the text of files changed on disk off this thread (the extension's worker); without
   * it the engine parses them itself.
   */
  readonly analyzer?: DocumentAnalyzer;
}

export interface Site {
  readonly root: string;
  readonly model: GeneratorModel;
  readonly index: SiteIndex;
  /** What the link features keep for this site (its link graph, its templates' facts). */
  readonly links: SiteLinks;
  /** The templates content calls (Hugo's shortcodes, Jekyll's includes), read once. */
  readonly templates: SiteTemplates;
  /** The tables features build from this site's index (see siteCaches.ts); cleared when the site goes. */
  readonly caches: SiteCaches;
}

/** A loaded site: its index, and the per-site state of the features (read lazily). */
export function newSite(model: GeneratorModel, index: SiteIndex, fs: FileSystemHost): Site {
  const templates = new SiteTemplates(model, fs);
  return { root: model.summary.root, model, index, links: new SiteLinks(model, fs, templates), templates, caches: new SiteCaches() };
}

/** A file event, as the host reported it (absolute paths). */
type FileEvent = { readonly kind: 'created' | 'changed' | 'deleted'; readonly path: string } | { readonly kind: 'renamed'; readonly path: string; readonly to: string };

export class Postcraft {
  private siteList: Site[] = [];
  /** Sites whose index is being rebuilt, with the file events that arrived meanwhile. */
  private readonly reloading = new Map<string, FileEvent[]>();
  readonly clock: Clock;
  readonly logger: Logger;
  /** Link options (drafts, ignore globs), set by the host from its settings (`links.setOptions`). */
  linkOptions: CompiledLinkOptions = DEFAULT_LINK_OPTIONS;
  /** Front matter: completion of keys and values, hovers, the site's taxonomies. */
  readonly frontMatter = frontMatterFeature();
  /** Links: options, who links to what, quick fixes and refactors, "why is this flagged?". */
  readonly links = linksFeature(this);
  /** Writing links: completion, navigation, references, edits for moves and heading renames. */
  readonly authoring = authoringFeature();
  /** Shortcodes and includes: completion, hover, Go to Definition, the catalogue. */
  readonly templates = templatesFeature(this);
  /** New Post: the writer's choices and the plan of files to create. */
  readonly newPost = newPostFeature(this);
  /** Images: where an image for a post goes, and the Markdown that shows it. */
  readonly images = imagesFeature(this);
  /** The preview and the CLI's render. */
  readonly render = renderFeature(this);
  /** Finding sites in folders, naming generators, reading front matter. */
  readonly discovery = sitesFeature;
  /** Publishing: posts and their status, why a post is not live, publish/schedule/unpublish edits. */
  readonly publishing = publishingFeature(this);

  /** `checks`: the per-document checks this engine runs, composed by createPostcraft. */
  constructor(
    readonly init: PostcraftInit,
    private readonly checks: readonly DocumentCheck[],
  ) {
    this.clock = init.clock ?? systemClock;
    this.logger = init.logger ?? silentLogger;
  }

  get fs(): FileSystemHost {
    return this.init.fs;
  }

  get sites(): readonly Site[] {
    return this.siteList;
  }

  /** Detects sites and crawls them. Safe to call again (after a config change). */
  async load(): Promise<void> {
    const models = await findSites(this.init.fs, this.init.roots, { linkSemantics: this.init.settings?.linkSemantics, astroRoutes: this.init.settings?.astroRoutes });
    const sites: Site[] = [];
    for (const model of models) {
      const index = new SiteIndex(model.summary.root, model, this.init.fs, { clock: this.clock, logger: this.logger, exclude: this.init.settings?.exclude, maxBodyBytes: this.init.settings?.maxBodyBytes, linksOverLimit: this.init.settings?.linksOverLimit, analyzer: this.init.analyzer });
      await index.crawl();
      sites.push(newSite(model, index, this.init.fs));
      this.logger.info(`${model.summary.generator} site at ${model.summary.root}: ${index.contentPages().length} pages`);
    }
    for (const s of this.siteList) s.caches.clear();
    this.siteList = sites;
  }

  /** Reloads one site (its configuration changed). */
  async reloadSite(root: string): Promise<void> {
    const i = this.siteList.findIndex((s) => s.root === root);
    if (i < 0) return this.load();
    const models = await findSites(this.init.fs, [root], { linkSemantics: this.init.settings?.linkSemantics, astroRoutes: this.init.settings?.astroRoutes, maxDepth: 0 });
    const model = models[0];
    const index = new SiteIndex(model.summary.root, model, this.init.fs, { clock: this.clock, logger: this.logger, exclude: this.init.settings?.exclude, maxBodyBytes: this.init.settings?.maxBodyBytes, linksOverLimit: this.init.settings?.linksOverLimit, analyzer: this.init.analyzer });
    // File events that arrive while the new index crawls go to the old one; the crawl may have
    // walked past them, so they are replayed on the new index once it is in place.
    const missed: FileEvent[] = [];
    this.reloading.set(root, missed);
    try {
      await index.crawl();
    } finally {
      if (this.reloading.get(root) === missed) this.reloading.delete(root);
    }
    this.siteList[i].caches.clear();
    this.siteList = this.siteList.map((s, j) => (j === i ? newSite(model, index, this.init.fs) : s));
    for (const e of missed) await this.replay(e);
  }

  private replay(e: FileEvent): Promise<void> | void {
    if (e.kind === 'renamed') return this.fileRenamed(e.path, e.to);
    if (e.kind === 'created') return this.fileCreated(e.path);
    if (e.kind === 'changed') return this.fileChanged(e.path);
    return this.fileDeleted(e.path);
  }

  /** Remembers an event for a site whose index is being rebuilt (see reloadSite). */
  private noteDuringReload(site: Site | undefined, e: FileEvent): void {
    if (site) this.reloading.get(site.root)?.push(e);
  }

  /** Lets go of every site (and so of their indexes and caches); the engine can load() again. */
  dispose(): void {
    for (const s of this.siteList) s.caches.clear();
    this.siteList = [];
  }

  siteOf(absPath: string): Site | undefined {
    return siteFor(this.siteList, absPath);
  }

  /** Site-relative path of an absolute one. */
  relative(site: Site, absPath: string): string {
    return posix.relative(site.root, absPath);
  }

  /** Whether a change to this file means the site's configuration must be re-read. */
  isConfigFile(absPath: string): boolean {
    const site = this.siteOf(absPath);
    if (!site) return false;
    const rel = this.relative(site, absPath);
    return site.model.watchFiles.includes(rel) || !!site.model.watchDirs?.some((d) => rel.startsWith(d + '/')) || /^(hugo|config)\.(toml|ya?ml|json)$/.test(rel) || rel.startsWith('config/') || rel.startsWith('layouts/') && rel.includes('_markup');
  }

  // ---------------------------------------------------------------- document events

  /**
   * An open document's text changed. `analysis`: `analyzeDocument(text, analyzeOptions(absPath))`
   * computed by the host elsewhere (a worker thread), sparing this thread the parse.
   */
  documentChanged(absPath: string, text: string, analysis?: DocumentAnalysis): IndexedDocument | undefined {
    const site = this.siteOf(absPath);
    return site?.index.updateDocument(this.relative(site, absPath), text, analysis);
  }

  /** What the index holds for a file now (undefined: not a content document, or not indexed). */
  indexedDocument(absPath: string): IndexedDocument | undefined {
    const site = this.siteOf(absPath);
    return site?.index.document(this.relative(site, absPath));
  }

  /** The options `analyzeDocument` needs for this file, or undefined when the index does not analyse it. */
  analyzeOptions(absPath: string): AnalyzeOptions | undefined {
    const site = this.siteOf(absPath);
    if (!site || !site.model.isContentDocument(this.relative(site, absPath))) return undefined;
    return site.index.analyzeOptions(this.relative(site, absPath));
  }

  async fileCreated(absPath: string): Promise<void> {
    if (this.isConfigFile(absPath)) return this.reloadSite(this.siteOf(absPath)!.root);
    const site = this.siteOf(absPath);
    this.noteDuringReload(site, { kind: 'created', path: absPath });
    if (site) {
      this.templateEvent(site, absPath);
      await site.index.fileCreated(this.relative(site, absPath));
    }
  }

  async fileChanged(absPath: string): Promise<void> {
    if (this.isConfigFile(absPath)) return this.reloadSite(this.siteOf(absPath)!.root);
    const site = this.siteOf(absPath);
    this.noteDuringReload(site, { kind: 'changed', path: absPath });
    if (site) {
      this.templateEvent(site, absPath);
      await site.index.fileChanged(this.relative(site, absPath));
    }
  }

  fileDeleted(absPath: string): void {
    const site = this.siteOf(absPath);
    this.noteDuringReload(site, { kind: 'deleted', path: absPath });
    if (site) {
      this.templateEvent(site, absPath);
      site.index.fileDeleted(this.relative(site, absPath));
    }
  }

  /** A shortcode or include template changed: the catalogue and the ids it gives are read again. */
  private templateEvent(site: Site, absPath: string): void {
    if (site.templates.reads(this.relative(site, absPath))) site.links.templatesChanged();
  }

  async fileRenamed(fromAbs: string, toAbs: string): Promise<void> {
    const a = this.siteOf(fromAbs);
    const b = this.siteOf(toAbs);
    this.noteDuringReload(a ?? b, { kind: 'renamed', path: fromAbs, to: toAbs });
    if (b && b !== a) this.noteDuringReload(b, { kind: 'renamed', path: fromAbs, to: toAbs });
    if (a) this.templateEvent(a, fromAbs);
    if (b) this.templateEvent(b, toAbs);
    if (a && a === b) return a.index.fileRenamed(this.relative(a, fromAbs), this.relative(a, toAbs));
    if (a) a.index.fileDeleted(this.relative(a, fromAbs));
    if (b) await b.index.fileCreated(this.relative(b, toAbs));
  }

  /** A synchronous read where the host offers one: a whole-site check reads thousands of files. */
  private readTextFast(absPath: string): string | undefined {
    if (!this.init.fs.readFileSync) return undefined;
    try {
      return decodeText(this.init.fs.readFileSync(absPath)).text;
    } catch {
      return undefined;
    }
  }

  async readText(absPath: string): Promise<string | undefined> {
    try {
      return decodeText(await this.init.fs.readFile(absPath)).text;
    } catch {
      return undefined;
    }
  }

  // ---------------------------------------------------------------- checks

  /** Diagnostics for one document's text (front matter now; links join from links/diagnostics). */
  async checkDocument(absPath: string, text: string): Promise<PostcraftDiagnostic[]> {
    const site = this.siteOf(absPath);
    if (!site) return [];
    const file = this.relative(site, absPath);
    const out: PostcraftDiagnostic[] = [];
    const lines = new LineIndex(text);
    // Content documents reuse the index's analysis of this very text; other files are parsed here.
    const doc = site.index.currentDocument(file, text);
    const fm = doc?.frontMatter ?? splitFrontMatter(text).frontMatter;
    if (doc?.partial) {
      // Silence would read as "no broken links"; say what was skipped and why.
      out.push({
        file,
        start: { line: 0, character: 0 },
        end: { line: 0, character: 0 },
        severity: 'info',
        code: 'document.too-large',
        message:
          `This file has ${text.length.toLocaleString('en')} characters, over the ${site.index.maxBodyBytes.toLocaleString('en')} limit (postcraft.largeFileLimit): ` +
          (doc.partialLinks ? 'its front matter and links are checked, but its headings are not read, so links to its sections are not judged.' : 'only its front matter is checked, not its links or headings.'),
      });
    }
    for (const e of fm?.errors ?? []) {
      out.push({ file, start: lines.positionAt(e.range.start), end: lines.positionAt(e.range.end), severity: FRONTMATTER_SEVERITY[e.code], code: e.code, message: e.message });
    }
    // Every check reads this one analysis: a check that yields (the link check does) must not see
    // a newer edit's analysis installed meanwhile and re-analyse this older text on its own.
    for (const check of this.checks) out.push(...(await check(this, site, file, text, lines, doc)));
    return out;
  }

  /** Diagnostics for a whole site: every document plus configuration and crawl issues. */
  /**
   * Checks every document of a site. `onProgress` hears of each document parsed ('parsing', only on
   * a host with an analyzer, where all bodies are parsed first) and checked ('checking').
   */
  async checkSite(site: Site, onProgress?: (done: number, total: number, phase: CheckPhase) => void): Promise<PostcraftDiagnostic[]> {
    const out: PostcraftDiagnostic[] = [];
    for (const issue of site.index.issues) out.push(await this.issueToDiagnostic(site, issue));
    // A document with neither front matter nor a page of its own (Jekyll copies it as it is) has
    // nothing to check: its body is not even parsed (a static HTML tree can hold thousands).
    const files = [...site.index.documents].filter(([, d]) => d.frontMatter || d.pages.length).map(([f]) => f).sort();
    const { analyzer } = this.init;
    const readSync = this.init.fs.readFileSync?.bind(this.init.fs);
    // A worker takes ~0.1 s to start: worth it from about a hundred posts.
    if (analyzer && readSync && files.length >= PRELOAD_MIN) {
      await preloadBodies(site.index, files, (f) => readBytesQuietly(readSync, posix.join(site.root, f)), analyzer, (n) => onProgress?.(n, files.length, 'parsing'));
    }
    let done = 0;
    for (const f of files) {
      const abs = posix.join(site.root, f);
      const text = this.readTextFast(abs) ?? (await this.readText(abs));
      if (text !== undefined) out.push(...(await this.checkDocument(abs, text)));
      onProgress?.(++done, files.length, 'checking');
    }
    return out;
  }

  private async issueToDiagnostic(site: Site, issue: SiteIssue): Promise<PostcraftDiagnostic> {
    let start = { line: 0, character: 0 };
    let end = start;
    if (issue.range) {
      const text = (await this.readText(issue.path)) ?? '';
      const li = new LineIndex(text);
      start = li.positionAt(issue.range.start);
      end = li.positionAt(issue.range.end);
    }
    return { file: posix.relative(site.root, issue.path), start, end, severity: issue.severity, code: issue.code, message: issue.message };
  }
}

export type CheckPhase = 'parsing' | 'checking';

/** A per-document check (links, front matter): what a feature module contributes to checkDocument. */
export type DocumentCheck = (engine: Postcraft, site: Site, file: string, text: string, lines: LineIndex, doc: IndexedDocument | undefined) => PostcraftDiagnostic[] | Promise<PostcraftDiagnostic[]>;

/** The engine's document checks, in the order their findings are listed. */
const DOCUMENT_CHECKS: readonly DocumentCheck[] = [checkLinks, (_engine, site, file, text, lines, doc) => frontMatterDiagnostics(site, file, text, lines, doc), checkFrontMatterImages, checkTemplateCalls];

/** Composes the engine for a workspace: its sites, their indexes, and the checks it runs. */
export async function createPostcraft(init: PostcraftInit): Promise<Postcraft> {
  const p = new Postcraft(init, DOCUMENT_CHECKS);
  await p.load();
  return p;
}

const PRELOAD_MIN = 100;

function readBytesQuietly(read: (path: string) => Uint8Array, path: string): Uint8Array | undefined {
  try {
    return read(path);
  } catch {
    // The slow path reads it again and reports nothing either; the crawl reported it.
    return undefined;
  }
}
