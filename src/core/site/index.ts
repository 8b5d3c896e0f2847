/**
 * The incremental site index: every file of one site, the pages they publish, the facts of every
 * document (headings, links), taxonomy terms, and a URL table. A change to one document costs work
 * proportional to that document; derived tables are rebuilt lazily when something they depend on
 * changed. After any sequence of updates the index equals a fresh crawl (tested).
 *
 * This file orchestrates; the parts are crawler.ts (the folder walk), reader.ts (reading and
 * decoding), documentStore.ts (documents, bodies on demand), urlTable.ts (URLs, terms, counts) and
 * authors.ts (author records).
 */
import { posix } from '../posix';
import type { Clock, FileSystemHost, Logger } from '../host';
import { silentLogger, systemClock } from '../host';
import { isHtmlFile, type AnalyzeOptions, type DocumentAnalysis } from '../markdown/analyze';
import { NO_FRONT_MATTER, type FileLookup, type GeneratorModel } from './generator';
import type { Author, Page, SiteIssue } from './model';
import { CountingMap } from './countingMap';
import { affectsSiblings, FileSet, indexRank } from './fileSet';
import { Crawler, HostTurns } from './crawler';
import { EarlyReader, FileReader, openReader, readDocuments } from './reader';
import { DocumentStore, type IndexedDocument } from './documentStore';
import { countPages, contentPages, termCounts, UrlTable, type TermCounts, type UrlTarget } from './urlTable';
import { loadAuthors } from './authors';
import { changesPagesBelow, pagesOrTermsChanged } from './changes';
import { snapshotOf } from './snapshot';
import { ownHosts, type IndexOptions } from './indexOptions';

export type { DocumentBody, IndexedDocument } from './documentStore';
export type { UrlTarget } from './urlTable';

export type { DocumentAnalyzer, IndexOptions } from './indexOptions';

const DEFAULT_MAX = 2 * 1024 * 1024;

export class SiteIndex {
  /** Every known file of the site (site-relative), content and static. */
  private readonly files = new FileSet();
  private changeCount = 0;
  private readonly bump = () => {
    this.changeCount++;
  };
  private readonly resources = new CountingMap<string, string>(this.bump);
  private readonly staticUrls = new CountingMap<string, string>(this.bump);
  private readonly crawlIssues: SiteIssue[] = [];
  private authorList: Author[] = [];
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly maxBody: number;
  private readonly turns = new HostTurns();
  private readonly reader: FileReader;
  private readonly crawler: Crawler;
  private readonly store: DocumentStore;
  private readonly docs: CountingMap<string, IndexedDocument>;
  private readonly table: UrlTable;
  readonly lookup: FileLookup = {
    has: (f) => this.files.has(f),
    data: (f) => this.docs.get(f)?.frontMatter?.data,
    indexFilesIn: (dir) => this.files.indexFilesIn(dir),
  };

  constructor(
    readonly root: string,
    readonly model: GeneratorModel,
    private readonly fs: FileSystemHost,
    private readonly options: IndexOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.maxBody = options.maxBodyBytes ?? DEFAULT_MAX;
    this.reader = new FileReader(root, fs, this.crawlIssues);
    this.crawler = new Crawler({ root, fs, model, exclude: options.exclude, issues: this.crawlIssues, turns: this.turns });
    const analyzeOptions = (file?: string) => this.analyzeOptions(file);
    this.store = new DocumentStore({ model, lookup: this.lookup, clock: this.clock, files: this.reader, maxBody: this.maxBody, analyzeOptions, onChange: this.bump });
    this.docs = this.store.docs;
    this.table = new UrlTable({ model, lookup: this.lookup, clock: this.clock, docs: this.docs, resources: this.resources, staticUrls: this.staticUrls });
  }

  // ---------------------------------------------------------------- crawling

  /** Walks the site's content and static folders and indexes everything. */
  async crawl(): Promise<void> {
    this.files.clear();
    this.docs.clear();
    this.resources.clear();
    this.staticUrls.clear();
    this.crawlIssues.length = 0;
    this.table.invalidate();
    await this.crawler.loadIgnoreRules();
    const early = new EarlyReader(() => openReader(this.fs));
    try {
      await this.walkAndRead(early);
    } finally {
      early.close();
    }
    await this.loadAuthors();
  }

  private async walkAndRead(early: EarlyReader): Promise<void> {
    const contentFiles: string[] = [];
    const seenDirs = new Set<string>();
    for (const dir of this.model.contentDirs) await this.crawler.walk(dir, contentFiles, seenDirs, undefined, early);
    for (const f of contentFiles) this.files.add(f);
    const staticFiles: { file: string; prefix: string; dir: string }[] = [];
    for (const s of this.model.staticDirs) {
      const list: string[] = [];
      await this.crawler.walk(s.dir, list, seenDirs);
      for (const f of list) staticFiles.push({ file: f, prefix: s.urlPrefix, dir: s.dir });
    }
    for (const s of staticFiles) this.staticUrls.set(s.prefix + '/' + s.file.slice(s.dir.length + 1), s.file);
    const docs = contentFiles.filter((f) => this.model.isContentDocument(f));
    const { root, fs, reader: files, store: into, turns, logger } = this;
    await readDocuments(docs, { root, fs, files, into, reader: early.reader, concurrency: this.options.concurrency, turns, logger });
    for (const f of contentFiles) if (!this.model.isContentDocument(f)) this.resources.set(f, '');
  }

  /** Whether a site-relative path is excluded by the site's `.gitignore`. */
  isIgnored(rel: string, isDir = false): boolean {
    return this.crawler.isIgnored(rel, isDir);
  }

  /** Reads author records (data files); a broken file is an issue, not a failure. */
  async loadAuthors(): Promise<void> {
    this.authorList = await loadAuthors(this.model.authorSources ?? [], { root: this.root, fs: this.fs, read: (f) => this.reader.read(f), issues: this.crawlIssues });
  }

  /** Author records from the site's data files. */
  authors(): readonly Author[] {
    return this.authorList;
  }

  /** How this site's documents (or this one) are analysed: what a host needs to analyse one elsewhere (a worker). */
  analyzeOptions(file?: string): AnalyzeOptions {
    return {
      dialect: this.model.dialect,
      liquid: this.model.liquid,
      maxBodyBytes: this.maxBody,
      linksOverLimit: this.options.linksOverLimit,
      bareUrlHosts: ownHosts(this.model.summary.baseURL),
      ...(file !== undefined && isHtmlFile(file) ? { htmlFile: true } : {}),
    };
  }

  /** Whether a crawled document still waits for its body and its file still has `bytes` bytes (see DocumentStore). */
  wantsBody(file: string, bytes: number): boolean {
    return this.store.wantsBody(file, bytes);
  }

  /** A body analysed elsewhere (a worker) from the file's current text, for a document that wantsBody. */
  provideBody(file: string, bytes: number, text: string, analysis: DocumentAnalysis): void {
    this.store.provideBody(file, bytes, text, analysis);
  }

  // ---------------------------------------------------------------- updates

  private lastCurrent?: { readonly text: string; readonly doc: IndexedDocument };

  /**
   * The document's analysis for exactly this text: the indexed one when it matches (same length and
   * hash), else a fresh analysis that also updates the index. Checks, quick fixes and the preview
   * all call this, so one keystroke costs one analysis, not one per feature.
   */
  currentDocument(file: string, text: string): IndexedDocument | undefined {
    const last = this.lastCurrent;
    if (last && last.text === text && last.doc.file === file && this.docs.get(file) === last.doc) return last.doc;
    let doc = this.docs.get(file);
    // A file the index does not hold (deleted on disk while a check of it was under way, or not
    // seen yet): analysed for the caller, never added — a check must not bring a deleted post back.
    if (!doc && !this.files.has(file)) return this.model.isContentDocument(file) ? this.store.analyze(file, text, []) : undefined;
    if (!doc || !this.store.isCurrent(doc, text)) doc = this.updateDocument(file, text);
    if (doc) this.lastCurrent = { text, doc };
    return doc;
  }

  /** An open document's unsaved text changed (or a file on disk changed). */
  updateDocument(file: string, text: string, precomputed?: DocumentAnalysis): IndexedDocument | undefined {
    if (!this.model.isContentDocument(file)) return undefined;
    const isNew = !this.files.has(file);
    this.files.add(file);
    const before = this.docs.get(file);
    const doc = this.store.analyze(file, text, [], precomputed);
    this.docs.set(file, doc);
    // The next check of this text (typically right after an edit) finds it without hashing it.
    this.lastCurrent = { text, doc };
    const changed = pagesOrTermsChanged(this.model, before, doc);
    if (changesPagesBelow(file, isNew, changed, before, doc)) this.reclassifyUnder(posix.dirname(file));
    // A title or date edit patches the URL table; anything else rebuilds it at its next use.
    else if (changed && !(before && this.table.patch(before, doc))) this.table.invalidate();
    return doc;
  }

  /** The host's analysis of a file read from disk, or undefined to analyse it here. */
  private async analyzeElsewhere(file: string, text: string): Promise<DocumentAnalysis | undefined> {
    if (!this.options.analyzer) return undefined;
    try {
      return await this.options.analyzer(text, this.analyzeOptions(file));
    } catch (e) {
      this.logger.warn(`Analysing ${file} elsewhere failed (${(e as Error).message}); analysing it here.`);
      return undefined;
    }
  }

  /** A file appeared on disk. */
  async fileCreated(file: string): Promise<void> {
    if (this.crawler.isIgnored(file) || this.crawler.skippedPath(file)) return;
    if (this.isStatic(file)) {
      const s = this.staticFor(file)!;
      this.staticUrls.set(s.urlPrefix + '/' + file.slice(s.dir.length + 1), file);
      this.table.invalidate();
      return;
    }
    if (!this.inContent(file)) return;
    if (this.model.isContentDocument(file)) await this.readAndUpdate(file);
    else {
      this.files.add(file);
      this.resources.set(file, '');
      this.table.invalidate();
    }
  }

  /** A file on disk changed. */
  async fileChanged(file: string): Promise<void> {
    if (this.model.isContentDocument(file) && this.inContent(file)) await this.readAndUpdate(file);
    // File watchers coalesce a deletion and a creation of the same file into one change: a file the
    // index does not hold yet arrives this way (an image removed and pasted again).
    else if (!this.files.has(file) && !this.knownStatic(file)) await this.fileCreated(file);
  }

  private knownStatic(file: string): boolean {
    const s = this.isStatic(file) ? this.staticFor(file) : undefined;
    return !!s && this.staticUrls.get(s.urlPrefix + '/' + file.slice(s.dir.length + 1)) === file;
  }

  /** Per file, a count of disk events: an update still awaiting its read or analysis when a later event arrives is dropped. */
  private readonly events = new Map<string, number>();

  private async readAndUpdate(file: string): Promise<void> {
    const n = (this.events.get(file) ?? 0) + 1;
    this.events.set(file, n);
    let text: string | undefined;
    try {
      text = this.reader.decode(file, await this.fs.readFile(posix.join(this.root, file)));
    } catch (e) {
      if (this.events.get(file) !== n) return;
      // Gone: an editor's text may have kept it in the index (a post deleted while open, then closed).
      if ((e as { code?: string }).code === 'ENOENT') this.fileDeleted(file);
      else this.reader.readIssue(file, e);
      return;
    }
    if (this.events.get(file) !== n) return;
    const analysis = await this.analyzeElsewhere(file, text);
    if (this.events.get(file) !== n) return;
    this.events.delete(file);
    this.updateDocument(file, text, analysis);
  }

  fileDeleted(file: string): void {
    for (const f of this.events.keys()) if (f === file || f.startsWith(file + '/')) this.events.set(f, (this.events.get(f) ?? 0) + 1);
    this.reader.forgetReadIssues(file);
    // A folder deletion arrives as one event: drop everything below it (content and static alike).
    const prefix = file + '/';
    const gone = [...this.files].filter((f) => f === file || f.startsWith(prefix));
    for (const f of gone) {
      this.files.remove(f);
      this.docs.delete(f);
      this.resources.delete(f);
    }
    let staticGone = false;
    for (const u of [...this.staticUrls]) {
      if (u[1] === file || u[1].startsWith(prefix)) {
        this.staticUrls.delete(u[0]);
        staticGone = true;
      }
    }
    if (staticGone) this.table.invalidate();
    if (gone.some((f) => affectsSiblings(f))) this.reclassifyUnder(posix.dirname(file));
    if (gone.length) this.table.invalidate();
  }

  async fileRenamed(from: string, to: string): Promise<void> {
    this.fileDeleted(from);
    const st = await this.fs.stat(posix.join(this.root, to));
    if (st?.type === 'directory') {
      const list: string[] = [];
      await this.crawler.walk(to, list, new Set());
      for (const f of list) await this.fileCreated(f);
    } else await this.fileCreated(to);
  }

  /** An index file appeared or vanished: pages below that folder may have changed role or URL. */
  private reclassifyUnder(dir: string): void {
    const prefix = dir === '.' || dir === '' ? '' : dir + '/';
    const below = [...this.docs.keys()].filter((f) => f.startsWith(prefix)).sort((a, b) => indexRank(a) - indexRank(b));
    for (const f of below) {
      const d = this.docs.get(f)!;
      const pages = this.model.pagesFor(f, d.frontMatter?.data ?? NO_FRONT_MATTER, this.lookup, this.clock.now());
      this.docs.set(f, this.store.withPages(d, pages));
    }
    this.table.invalidate();
  }

  private inContent(file: string): boolean {
    return this.model.contentDirs.some((d) => d === '' || file.startsWith(d + '/'));
  }

  private staticFor(file: string) {
    return this.model.staticDirs.find((s) => file.startsWith(s.dir + '/'));
  }

  private isStatic(file: string): boolean {
    return !this.inContent(file) && !!this.staticFor(file);
  }

  // ---------------------------------------------------------------- queries

  /** Files larger than this get front matter only (`postcraft.largeFileLimit`). */
  get maxBodyBytes(): number {
    return this.maxBody;
  }

  /**
   * Increases on every change to the documents, resources or static files, so caches built on the
   * index (front-matter statistics, completion tables) can skip work when nothing changed.
   */
  get version(): number {
    return this.changeCount;
  }

  /** The index's clock: what is published depends on it (future dates). */
  now(): Date {
    return this.clock.now();
  }

  get documents(): ReadonlyMap<string, IndexedDocument> {
    return this.docs;
  }

  get issues(): readonly SiteIssue[] {
    return [...this.model.issues, ...this.crawlIssues];
  }

  document(file: string): IndexedDocument | undefined {
    return this.docs.get(file);
  }

  /**
   * Characters of the text the index holds for `file` (undefined: none; -1: its file changed since
   * the crawl), to tell whether it is an editor's current text; may read the document's body.
   */
  textLength(file: string): number | undefined {
    const doc = this.docs.get(file);
    return doc && this.store.lengthOf(doc);
  }

  /** Every file the index knows (site-relative): content, resources and static files. */
  *allFiles(): IterableIterator<string> {
    yield* this.files;
    for (const [, file] of this.staticUrls) yield file;
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  /** Content pages (from files), in file order. */
  contentPages(): Page[] {
    return contentPages(this.docs);
  }

  private pageCountCache?: { version: number; counts: Map<string, number> };

  /**
   * How many content pages there are, of one kind or all. Memoised per index version: the status bar
   * asks on every keystroke, and building the sorted page list each time costs O(n log n).
   */
  pageCount(kind?: Page['kind']): number {
    if (!this.pageCountCache || this.pageCountCache.version !== this.changeCount) {
      this.pageCountCache = { version: this.changeCount, counts: countPages(this.docs) };
    }
    return this.pageCountCache.counts.get(kind ?? '*') ?? 0;
  }

  /** Every page, including those the generator makes (home, sections, taxonomies). */
  allPages(): readonly Page[] {
    return this.table.pages();
  }

  pagesOfFile(file: string): readonly Page[] {
    return this.docs.get(file)?.pages ?? [];
  }

  /** What the built site serves at a URL path (decoded, sub-path included). */
  lookupUrl(url: string): readonly UrlTarget[] {
    return this.table.urls().get(url) ?? [];
  }

  /** Every URL of the built site. */
  urls(): ReadonlyMap<string, readonly UrlTarget[]> {
    return this.table.urls();
  }

  /**
   * Taxonomy values with counts, over published and unpublished pages alike (for completion). Term
   * folders with an index page (`content/tags/x/_index.md`) contribute their term with count 0.
   */
  termCounts(): TermCounts {
    return termCounts(this.model, this.docs);
  }

  /** A stable, comparable picture of the index (used by tests: incremental == fresh). */
  snapshot(): unknown {
    return snapshotOf(this, [...this.files]);
  }
}
