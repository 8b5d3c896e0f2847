/**
 * The incremental site index: every file of one site, the pages they publish, the facts of every
 * document (headings, links), taxonomy terms, and a URL table. A change to one document costs work
 * proportional to that document; derived tables are rebuilt lazily when something they depend on
 * changed. After any sequence of updates the index equals a fresh crawl (tested).
 */
import { posix } from 'node:path';
import type { Clock, FileSystemHost, Logger, ReadResult } from '../host';
import { decodeText, silentLogger, systemClock } from '../host';
import { sourceHashOf, textHash } from '../links/extract';
import { analyzeDocument, type AnalyzeOptions, type DocumentAnalysis } from '../markdown/analyze';
import { fmGet, splitFrontMatter, type FrontMatter } from '../frontmatter/parse';
import { authorDisplayName } from '../frontmatter/authorName';
import type { ExtractedLink } from '../links/types';
import { NO_FRONT_MATTER, type FileLookup, type GeneratorModel } from './generator';
import type { Author, DocumentFacts, Page, SiteIssue } from './model';
import { formatOf, parseConfigText } from '../config/parse';
import ignore, { type Ignore } from 'ignore';

export interface IndexedDocument extends DocumentFacts {
  readonly links: readonly ExtractedLink[];
  readonly pages: readonly Page[];
  /** Taxonomy values: plural → values as written. */
  readonly terms: ReadonlyMap<string, readonly string[]>;
  /** Issues with reading this file (encoding, permissions). */
  readonly readIssues: readonly SiteIssue[];
}

/** What a URL on the built site is. */
export type UrlTarget =
  | { readonly type: 'page'; readonly page: Page }
  | { readonly type: 'alias'; readonly page: Page }
  /** A static file or a page resource; `owner` is the page a bundle resource is published with. */
  | { readonly type: 'file'; readonly file: string; readonly owner?: Page }
  | { readonly type: 'generated' };

export interface IndexOptions {
  /** Files above this size: front matter only (links and headings not read). Default 2 MB. */
  readonly maxBodyBytes?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Extra folder names to skip while crawling. */
  readonly exclude?: readonly string[];
  /** Read concurrency for hosts without a synchronous read. */
  readonly concurrency?: number;
  /** Over maxBodyBytes, still read links (the extension, which parses on a worker); not at the crawl. */
  readonly linksOverLimit?: boolean;
  /** Analyses a changed file's text elsewhere (a worker thread); see PostcraftInit.analyzer. */
  readonly analyzer?: DocumentAnalyzer;
}

/** `analyzeDocument(text, options)`, computed off the caller's thread; undefined: analyse it here. */
export type DocumentAnalyzer = (text: string, options: AnalyzeOptions) => Promise<DocumentAnalysis | undefined>;

const DEFAULT_MAX = 2 * 1024 * 1024;

export class SiteIndex {
  /** Every known file of the site (site-relative), content and static. */
  private readonly files = new Set<string>();
  private changeCount = 0;
  private readonly bump = () => {
    this.changeCount++;
  };
  private readonly docs = new CountingMap<string, IndexedDocument>(this.bump);
  private readonly resources = new CountingMap<string, string>(this.bump);
  private readonly staticUrls = new CountingMap<string, string>(this.bump);
  private readonly crawlIssues: SiteIssue[] = [];
  private authorList: Author[] = [];
  /** The site's root `.gitignore` rules (files the generator also sees, but the writer does not track). */
  private ignorer?: Ignore;
  private derived?: { pages: Page[]; readonly urls: Map<string, UrlTarget[]>; readonly byFile: Map<string, Page[]> };
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly maxBody: number;
  /** Folder → names of its `index.*`/`_index.*` files, kept with `files` (bundle rules ask often). */
  private readonly indexNames = new Map<string, string[]>();
  readonly lookup: FileLookup = {
    has: (f) => this.files.has(f),
    data: (f) => this.docs.get(f)?.frontMatter?.data,
    indexFilesIn: (dir) => this.indexNames.get(dir) ?? NONE,
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
  }

  // ---------------------------------------------------------------- crawling

  /** Walks the site's content and static folders and indexes everything. */
  async crawl(): Promise<void> {
    this.files.clear();
    this.indexNames.clear();
    this.docs.clear();
    this.resources.clear();
    this.staticUrls.clear();
    this.crawlIssues.length = 0;
    this.derived = undefined;
    await this.loadIgnoreRules();
    const early = new EarlyReader(() => this.openReader());
    try {
      await this.walkAndRead(early);
    } finally {
      early.close();
    }
    await this.loadAuthors();
  }

  /**
   * The host's reading thread, if it has one (EarlyReader starts it during the walk); it learns which
   * files to read once the walk knows them. `give` takes effect once.
   */
  private openReader(): Reader | undefined {
    if (!this.fs.readFilesInOrder || !this.fs.readFileSync) return undefined;
    let resolve!: (paths: readonly string[]) => void;
    const list = new Promise<readonly string[]>((r) => (resolve = r));
    return { batches: this.fs.readFilesInOrder(list, { headOnly: true }), give: (paths) => resolve(paths) };
  }

  private async walkAndRead(early: EarlyReader): Promise<void> {
    const contentFiles: string[] = [];
    const seenDirs = new Set<string>();
    for (const dir of this.model.contentDirs) await this.walk(dir, contentFiles, seenDirs, undefined, early);
    for (const f of contentFiles) this.addFile(f);
    const staticFiles: { file: string; prefix: string; dir: string }[] = [];
    for (const s of this.model.staticDirs) {
      const list: string[] = [];
      await this.walk(s.dir, list, seenDirs);
      for (const f of list) staticFiles.push({ file: f, prefix: s.urlPrefix, dir: s.dir });
    }
    for (const s of staticFiles) this.staticUrls.set(s.prefix + '/' + s.file.slice(s.dir.length + 1), s.file);
    const docs = contentFiles.filter((f) => this.model.isContentDocument(f));
    await this.readAll(docs, early.reader);
    for (const f of contentFiles) if (!this.model.isContentDocument(f)) this.resources.set(f, '');
  }

  private async loadIgnoreRules(): Promise<void> {
    this.ignorer = undefined;
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(posix.join(this.root, '.gitignore'));
    } catch {
      return;
    }
    try {
      this.ignorer = ignore().add(decodeText(bytes).text);
    } catch {
      // An invalid pattern must not stop indexing: without rules everything is indexed.
      this.ignorer = undefined;
    }
  }

  /** Whether a site-relative path is excluded by the site's `.gitignore`. */
  isIgnored(rel: string, isDir = false): boolean {
    if (!this.ignorer || !rel) return false;
    try {
      return this.ignorer.ignores(isDir ? rel + '/' : rel);
    } catch {
      return false;
    }
  }

  /** Reads author records (data files); a broken file is an issue, not a failure. */
  async loadAuthors(): Promise<void> {
    const out: Author[] = [];
    const readRecordFile = async (rel: string): Promise<Record<string, unknown> | undefined> => {
      const format = formatOf(rel);
      if (!format) return undefined;
      const text = await this.read(rel);
      if (text === undefined) return undefined;
      const r = parseConfigText(text, format);
      if (r.error) this.crawlIssues.push({ path: posix.join(this.root, rel), range: r.error.range, severity: 'warning', code: 'data.syntax', message: r.error.message });
      return r.data;
    };
    for (const src of this.model.authorSources ?? []) {
      if (src.shape === 'file-per-author') {
        let entries;
        try {
          entries = await this.fs.readDirectory(posix.join(this.root, src.path));
        } catch {
          continue;
        }
        for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          if (e.type !== 'file' || !formatOf(e.name)) continue;
          const rel = `${src.path}/${e.name}`;
          const data = await readRecordFile(rel);
          if (data) out.push({ id: e.name.replace(/\.[^.]+$/, ''), name: authorDisplayName(data), file: rel, data });
        }
      } else {
        const data = await readRecordFile(src.path);
        for (const [id, v] of Object.entries(data ?? {})) {
          const rec = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
          out.push({ id, name: authorDisplayName(rec) ?? (typeof v === 'string' ? v : undefined), file: src.path, data: rec });
        }
      }
    }
    this.authorList = out;
  }

  /** Author records from the site's data files. */
  authors(): readonly Author[] {
    return this.authorList;
  }

  private lastYield = 0;

  /** Synchronous crawling gives the host's event loop a turn every 50 ms or so. */
  private async yieldNowAndThen(): Promise<void> {
    const t = Date.now();
    if (t - this.lastYield < 50) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.lastYield = Date.now();
  }

  /**
   * `knownReal`: the folder's resolved path when the caller knows it — a plain (non-link) subfolder
   * of a resolved folder — which spares a realpath call per folder (thousands of bundles).
   */
  /** Folder names never walked (build output, dependencies, the user's exclusions); fixed per index. */
  private skipDirs: ReadonlySet<string> | undefined;

  private async walk(dir: string, out: string[], seen: Set<string>, knownReal?: string, early?: EarlyReader): Promise<void> {
    const abs = posix.join(this.root, dir);
    let real = knownReal ?? abs;
    if (knownReal === undefined && (this.fs.realpathSync || this.fs.realpath)) {
      try {
        real = this.fs.realpathSync ? this.fs.realpathSync(abs) : await this.fs.realpath!(abs);
      } catch {
        return;
      }
    }
    if (seen.has(real)) {
      if (real !== abs) this.crawlIssues.push({ path: abs, severity: 'warning', code: 'site.symlink-loop', message: `Skipped ${dir}: it links back to a folder already indexed.` });
      return;
    }
    seen.add(real);
    let entries;
    try {
      entries = this.fs.readDirectorySync ? this.fs.readDirectorySync(abs) : await this.fs.readDirectory(abs);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.crawlIssues.push({ path: abs, severity: 'warning', code: 'site.unreadable', message: `Cannot read folder ${dir} (${code ?? (e as Error).message}).` });
      }
      return;
    }
    await this.yieldNowAndThen();
    const skip = (this.skipDirs ??= new Set([...this.model.ignoreDirs, ...(this.options.exclude ?? [])]));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.type === 'directory') {
        if (skip.has(e.name) || e.name === '.git' || this.isIgnored(rel, true)) continue;
        await this.walk(rel, out, seen, `${real}/${e.name}`, early);
      } else if (e.type === 'file') {
        if (!this.isIgnored(rel)) out.push(rel);
        early?.found(out.length);
      } else if (e.type === 'symlink') {
        const st = await this.fs.stat(posix.join(this.root, rel));
        if (st?.type === 'directory' && !skip.has(e.name) && !this.isIgnored(rel, true)) await this.walk(rel, out, seen, undefined, early);
        else if (st?.type === 'file' && !this.isIgnored(rel)) out.push(rel);
      }
    }
  }

  private async readAll(files: readonly string[], reader?: Reader): Promise<void> {
    // Bundle roles depend on which files exist, which is known now. Section index files go first,
    // shallowest first, because pages below a draft section inherit its status.
    const order = [...files].sort((a, b) => indexRank(a) - indexRank(b));
    if (this.fs.readFileSync) {
      // Read and analyse one file at a time: no 60 MB of texts held at once on a big site. Yield to
      // the host now and then so an editor stays responsive during a cold index.
      let from = 0;
      if (reader && order.length >= PARALLEL_READ_MIN) from = await this.readOnWorker(order, reader);
      else reader?.give([]);
      for (const f of order.slice(from)) {
        const b = this.readBytesSync(f);
        const d = b && this.analyzeFrontMatterFirst(f, this.decode(f, b), b.length);
        if (d) this.docs.set(f, d);
        await this.yieldNowAndThen();
      }
      return;
    }
    const texts = new Map<string, string>();
    let i = 0;
    const worker = async () => {
      while (i < files.length) {
        const f = files[i++];
        const t = await this.read(f);
        if (t !== undefined) texts.set(f, t);
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 32 }, worker));
    for (const f of order) {
      const t = texts.get(f);
      // Over the size limit, front matter only at the crawl (see analyzeFrontMatterFirst).
      if (t !== undefined) this.docs.set(f, this.analyze(f, t, [], undefined, { ...this.analyzeOptions(), linksOverLimit: false }));
    }
  }

  /**
   * The same, with the reading done by the host elsewhere while this thread parses. Returns how many
   * files of `order` were handled; if the host's reader fails midway, the caller reads the rest.
   */
  private async readOnWorker(order: readonly string[], reader: Reader): Promise<number> {
    let handled = 0;
    // Paths for reading only (results come back in this order): plain joins, not 10,000 normalisations.
    const prefix = this.root.endsWith('/') ? this.root : this.root + '/';
    reader.give(order.map((f) => prefix + f));
    try {
      for await (const batch of reader.batches) {
        for (const r of batch) {
          const f = order[handled++];
          if (r.bytes) {
            const d = this.analyzeFrontMatterFirst(f, this.decode(f, r.bytes), r.size ?? r.bytes.length, r.size !== undefined && r.size !== r.bytes.length);
            if (d) this.docs.set(f, d);
          } else this.readIssue(f, r.error ?? new Error('read failed'));
        }
        await this.yieldNowAndThen();
      }
    } catch (e) {
      this.logger.warn(`Parallel reading stopped after ${handled} of ${order.length} files (${(e as Error).message}); reading the rest one by one.`);
    }
    return handled;
  }

  /** A file's read problems are those of its latest read (or none once it is gone): never stale, never repeated. */
  private forgetReadIssues(file: string): void {
    if (this.crawlIssues.length === 0) return;
    const abs = posix.join(this.root, file);
    for (let i = this.crawlIssues.length - 1; i >= 0; i--) {
      const x = this.crawlIssues[i];
      if ((x.code === 'site.unreadable' || x.code === 'site.encoding') && (x.path === abs || x.path.startsWith(abs + '/'))) this.crawlIssues.splice(i, 1);
    }
  }

  private readIssue(file: string, e: unknown): void {
    this.forgetReadIssues(file);
    const code = (e as { code?: string }).code;
    this.crawlIssues.push({ path: posix.join(this.root, file), severity: 'warning', code: 'site.unreadable', message: `Cannot read ${file} (${code ?? (e as Error).message}).` });
  }



  private async read(file: string): Promise<string | undefined> {
    try {
      return this.decode(file, await this.fs.readFile(posix.join(this.root, file)));
    } catch (e) {
      this.readIssue(file, e);
      return undefined;
    }
  }

  private decode(file: string, bytes: Uint8Array): string {
    this.forgetReadIssues(file);
    const d = decodeText(bytes);
    if (d.invalidUtf8) {
      this.crawlIssues.push({ path: posix.join(this.root, file), severity: 'warning', code: 'site.encoding', message: `${file} is not valid UTF-8; undecodable bytes were replaced.` });
    }
    return d.text;
  }

  /** How this site's documents are analysed: what a host needs to analyse one elsewhere (a worker). */
  analyzeOptions(): AnalyzeOptions {
    return {
      dialect: this.model.dialect,
      liquid: this.model.liquid,
      maxBodyBytes: this.maxBody,
      linksOverLimit: this.options.linksOverLimit,
    };
  }

  /**
   * Cold crawl on a host that can read synchronously: parse only the front matter now (all the URL
   * model needs, so the site is usable at once) and analyse the body — the markdown-it parse, most
   * of the cost — the first time anything asks for headings or links, re-reading the file then.
   * Holding 60 MB of texts until then would cost more than the second read.
   */
  /**
   * `bytes`: the file's size on disk, to tell at the body's first use whether it changed since.
   * `head`: `text` is only the file's beginning through its front matter (the reading thread cut
   * it there, so the crawl decodes and holds a fraction of each file); the body is read later.
   */
  private analyzeFrontMatterFirst(file: string, text: string, bytes: number, head = false): IndexedDocument | undefined {
    // Bytes ≥ characters: a file this large may be over the limit, which the whole text decides.
    if (head && bytes > this.maxBody) return this.reread(file);
    // Front matter only at the crawl, whatever linksOverLimit says: never a long parse here.
    if (!head && text.length > this.maxBody) return this.analyze(file, text, [], undefined, { ...this.analyzeOptions(), linksOverLimit: false });
    const split = splitFrontMatter(text);
    if (head && (!split.frontMatter || split.frontMatter.errors.some((e) => e.code === 'frontmatter.unclosed'))) return this.reread(file);
    // A head holds little beyond the front matter itself: its slices may keep it (the copies would
    // cost as much memory, and time); a whole file's text must not be kept by them.
    if (!head) detachStrings(split.frontMatter);
    const data = split.frontMatter?.data ?? NO_FRONT_MATTER;
    const pages = this.model.pagesFor(file, data, this.lookup, this.clock.now());
    const terms = this.model.termsOf(data);
    return new CrawledDocument(file, split.frontMatter, pages, terms, head ? undefined : text.length, bytes, this);
  }

  /** A crawled document's body, read and analysed at its first use (see CrawledDocument). */
  loadBody(file: string, bytes: number): LoadedBody {
    const raw = this.readBytesSync(file);
    // Changed since the crawl (or gone): the file event that follows re-indexes it.
    const now = raw && raw.length === bytes ? this.decode(file, raw) : undefined;
    if (now === undefined) return { headings: [], htmlIds: [], links: [], size: -1 };
    const a = analyzeDocument(now, this.analyzeOptions());
    detachStrings(a.headings);
    detachStrings(a.htmlIds);
    detachStrings(a.links);
    return { headings: a.headings, htmlIds: a.htmlIds, links: a.links, size: now.length };
  }

  /**
   * Whether `file` still waits for its body (a crawled document whose body nobody asked for yet) and
   * the file now has the size it had at the crawl: then a body analysed elsewhere can be given to it.
   */
  wantsBody(file: string, bytes: number): boolean {
    const doc = this.docs.get(file);
    return doc instanceof CrawledDocument && doc.wantsBody(bytes);
  }

  /** A body analysed elsewhere (a worker) from the file's current text, for a document that wantsBody. */
  provideBody(file: string, bytes: number, text: string, analysis: DocumentAnalysis): void {
    const doc = this.docs.get(file);
    if (!(doc instanceof CrawledDocument) || !doc.wantsBody(bytes)) return;
    detachStrings(analysis.headings);
    detachStrings(analysis.htmlIds);
    detachStrings(analysis.links);
    doc.provideBody({ headings: analysis.headings, htmlIds: analysis.htmlIds, links: analysis.links, size: text.length });
  }

  /** The whole file after all (a head that did not hold the whole front matter, a very large file). */
  private reread(file: string): IndexedDocument | undefined {
    const bytes = this.readBytesSync(file);
    return bytes && this.analyzeFrontMatterFirst(file, this.decode(file, bytes), bytes.length);
  }

  private readBytesSync(file: string): Uint8Array | undefined {
    try {
      return this.fs.readFileSync!(posix.join(this.root, file));
    } catch (e) {
      this.readIssue(file, e);
      return undefined;
    }
  }

  /**
   * `precomputed`: the same function's result for this text, computed elsewhere (the extension runs
   * it on a worker thread so typing in a large post never waits for markdown-it); its strings are
   * copies already.
   */
  private analyze(file: string, text: string, readIssues: SiteIssue[], precomputed?: DocumentAnalysis, options = this.analyzeOptions()): IndexedDocument {
    const a: DocumentAnalysis = precomputed ?? analyzeDocument(text, options);
    if (!precomputed) {
      // Strings sliced out of the text keep the whole text alive (V8 sliced strings): on 10,000 posts
      // that retained ~150 MB. Copy them out before keeping the facts.
      detachStrings(a.frontMatter);
      detachStrings(a.headings);
      detachStrings(a.htmlIds);
      detachStrings(a.links);
    }
    const data = a.frontMatter?.data ?? NO_FRONT_MATTER;
    const pages = this.model.pagesFor(file, data, this.lookup, this.clock.now());
    const terms = this.model.termsOf(data);
    return { file, frontMatter: a.frontMatter, headings: a.headings, htmlIds: a.htmlIds, links: a.links, size: text.length, partial: a.partial, ...(a.partialLinks ? { partialLinks: true } : {}), pages, terms, readIssues };
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
    if (!doc && !this.files.has(file)) return this.model.isContentDocument(file) ? this.analyze(file, text, []) : undefined;
    if (!doc || doc.size !== text.length || sourceHashOf(doc.links) !== textHash(text)) doc = this.updateDocument(file, text);
    if (doc) this.lastCurrent = { text, doc };
    return doc;
  }

  /** An open document's unsaved text changed (or a file on disk changed). */
  updateDocument(file: string, text: string, precomputed?: DocumentAnalysis): IndexedDocument | undefined {
    if (!this.model.isContentDocument(file)) return undefined;
    const isNew = !this.files.has(file);
    this.addFile(file);
    const before = this.docs.get(file);
    const doc = this.analyze(file, text, [], precomputed);
    this.docs.set(file, doc);
    // The next check of this text (typically right after an edit) finds it without hashing it.
    this.lastCurrent = { text, doc };
    // A document published without a page of its own (copiedDocumentUrls) may have moved.
    const changed = !before || !samePagesAndTerms(before, doc) || (!!this.model.copiedDocumentUrls && doc.pages.length === 0);
    // A new index file changes its siblings' roles; a section index whose status changed changes
    // whether the pages below it are published.
    // … and one whose `cascade` changed gives other front matter to everything below it.
    if (this.affectsSiblings(file) && (isNew || (changed && !samePublish(before, doc)) || cascadeOf(before) !== cascadeOf(doc))) this.reclassifyUnder(posix.dirname(file));
    else if (changed && before && this.derived && onlyLabelsChanged(before, doc)) this.patchDerived(before, doc);
    else if (changed) this.derived = undefined;
    return doc;
  }

  /**
   * A title or date edit (the most common front-matter edit while writing) changes no URL and no
   * aggregate: swap the page objects in the URL table instead of rebuilding it for the whole site.
   */
  private patchDerived(before: IndexedDocument, doc: IndexedDocument): void {
    const d = this.derived!;
    const swap = new Map<Page, Page>(before.pages.map((p, i) => [p, doc.pages[i]]));
    d.pages = d.pages.map((p) => swap.get(p) ?? p);
    d.byFile.set(doc.file, doc.pages as Page[]);
    for (const [u, targets] of d.urls) {
      let copy: UrlTarget[] | undefined;
      targets.forEach((t, i) => {
        const old = t.type === 'page' || t.type === 'alias' ? t.page : t.type === 'file' ? t.owner : undefined;
        const now = old && swap.get(old);
        if (!now) return;
        copy ??= [...targets];
        copy[i] = t.type === 'file' ? { ...t, owner: now } : { ...t, page: now } as UrlTarget;
      });
      if (copy) d.urls.set(u, copy);
    }
  }

  /** The host's analysis of a file read from disk, or undefined to analyse it here. */
  private async analyzeElsewhere(file: string, text: string): Promise<DocumentAnalysis | undefined> {
    if (!this.options.analyzer) return undefined;
    try {
      return await this.options.analyzer(text, this.analyzeOptions());
    } catch (e) {
      this.logger.warn(`Analysing ${file} elsewhere failed (${(e as Error).message}); analysing it here.`);
      return undefined;
    }
  }

  /** A file appeared on disk. */
  async fileCreated(file: string): Promise<void> {
    if (this.isIgnored(file) || file.split('/').some((seg) => this.skipped(seg))) return;
    if (this.isStatic(file)) {
      const s = this.staticFor(file)!;
      this.staticUrls.set(s.urlPrefix + '/' + file.slice(s.dir.length + 1), file);
      this.derived = undefined;
      return;
    }
    if (!this.inContent(file)) return;
    if (this.model.isContentDocument(file)) await this.readAndUpdate(file);
    else {
      this.addFile(file);
      this.resources.set(file, '');
      this.derived = undefined;
    }
  }

  /** A file on disk changed. */
  async fileChanged(file: string): Promise<void> {
    if (this.model.isContentDocument(file) && this.inContent(file)) await this.readAndUpdate(file);
  }

  /** Per file, a count of disk events: an update still awaiting its read or analysis when a later event arrives is dropped. */
  private readonly events = new Map<string, number>();

  private async readAndUpdate(file: string): Promise<void> {
    const n = (this.events.get(file) ?? 0) + 1;
    this.events.set(file, n);
    let text: string | undefined;
    try {
      text = this.decode(file, await this.fs.readFile(posix.join(this.root, file)));
    } catch (e) {
      if (this.events.get(file) !== n) return;
      // Gone: an editor's text may have kept it in the index (a post deleted while open, then closed).
      if ((e as { code?: string }).code === 'ENOENT') this.fileDeleted(file);
      else this.readIssue(file, e);
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
    this.forgetReadIssues(file);
    // A folder deletion arrives as one event: drop everything below it (content and static alike).
    const prefix = file + '/';
    const gone = [...this.files].filter((f) => f === file || f.startsWith(prefix));
    for (const f of gone) {
      this.removeFile(f);
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
    if (staticGone) this.derived = undefined;
    if (gone.some((f) => this.affectsSiblings(f))) this.reclassifyUnder(posix.dirname(file));
    if (gone.length) this.derived = undefined;
  }

  async fileRenamed(from: string, to: string): Promise<void> {
    this.fileDeleted(from);
    const st = await this.fs.stat(posix.join(this.root, to));
    if (st?.type === 'directory') {
      const list: string[] = [];
      await this.walk(to, list, new Set());
      for (const f of list) await this.fileCreated(f);
    } else await this.fileCreated(to);
  }

  private addFile(file: string): void {
    if (this.files.has(file)) return;
    this.files.add(file);
    const slash = file.lastIndexOf('/');
    const name = file.slice(slash + 1);
    if (!INDEX_NAME.test(name)) return;
    const dir = slash < 0 ? '' : file.slice(0, slash);
    const list = this.indexNames.get(dir);
    if (list) list.push(name);
    else this.indexNames.set(dir, [name]);
  }

  private removeFile(file: string): void {
    if (!this.files.delete(file)) return;
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    const list = this.indexNames.get(dir);
    if (!list) return;
    const rest = list.filter((n) => n !== file.slice(slash + 1));
    if (rest.length) this.indexNames.set(dir, rest);
    else this.indexNames.delete(dir);
  }

  private skipped(segment: string): boolean {
    return segment === '.git' || this.model.ignoreDirs.includes(segment) || (this.options.exclude ?? []).includes(segment);
  }

  private affectsSiblings(file: string): boolean {
    return /^_?index(\.[a-z-]+)?\.[^.]+$/i.test(posix.basename(file));
  }

  /** An index file appeared or vanished: pages below that folder may have changed role or URL. */
  private reclassifyUnder(dir: string): void {
    const prefix = dir === '.' || dir === '' ? '' : dir + '/';
    const below = [...this.docs.keys()].filter((f) => f.startsWith(prefix)).sort((a, b) => indexRank(a) - indexRank(b));
    for (const f of below) {
      const d = this.docs.get(f)!;
      const pages = this.model.pagesFor(f, d.frontMatter?.data ?? NO_FRONT_MATTER, this.lookup, this.clock.now());
      // Not a spread for crawled documents: their headings, links and size are getters of the class.
      this.docs.set(f, d instanceof CrawledDocument ? d.withPages(pages) : { ...d, pages });
    }
    this.derived = undefined;
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

  get documents(): ReadonlyMap<string, IndexedDocument> {
    return this.docs;
  }

  get issues(): readonly SiteIssue[] {
    return [...this.model.issues, ...this.crawlIssues];
  }

  document(file: string): IndexedDocument | undefined {
    return this.docs.get(file);
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  /** Content pages (from files), in file order. */
  contentPages(): Page[] {
    const out: Page[] = [];
    const files = [...this.docs.keys()].sort();
    for (const f of files) out.push(...this.docs.get(f)!.pages);
    return out;
  }

  private pageCountCache?: { version: number; counts: Map<string, number> };

  /**
   * How many content pages there are, of one kind or all. Memoised per index version: the status bar
   * asks on every keystroke, and building the sorted page list each time costs O(n log n).
   */
  pageCount(kind?: Page['kind']): number {
    if (!this.pageCountCache || this.pageCountCache.version !== this.changeCount) {
      const counts = new Map<string, number>();
      let all = 0;
      for (const d of this.docs.values()) {
        for (const p of d.pages) {
          counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
          all++;
        }
      }
      counts.set('*', all);
      this.pageCountCache = { version: this.changeCount, counts };
    }
    return this.pageCountCache.counts.get(kind ?? '*') ?? 0;
  }

  /** Every page, including those the generator makes (home, sections, taxonomies). */
  allPages(): readonly Page[] {
    return this.ensureDerived().pages;
  }

  pagesOfFile(file: string): readonly Page[] {
    return this.docs.get(file)?.pages ?? [];
  }

  /** What the built site serves at a URL path (decoded, sub-path included). */
  lookupUrl(url: string): readonly UrlTarget[] {
    return this.ensureDerived().urls.get(url) ?? [];
  }

  /** Every URL of the built site. */
  urls(): ReadonlyMap<string, readonly UrlTarget[]> {
    return this.ensureDerived().urls;
  }

  /**
   * Taxonomy values with counts, over published and unpublished pages alike (for completion). Term
   * folders with an index page (`content/tags/x/_index.md`) contribute their term with count 0.
   */
  termCounts(): Map<string, Map<string, { count: number; files: string[] }>> {
    const out = new Map<string, Map<string, { count: number; files: string[] }>>();
    for (const t of this.model.taxonomies) out.set(t.plural, new Map());
    for (const d of this.docs.values()) {
      for (const [tax, values] of d.terms) {
        let m = out.get(tax);
        if (!m) out.set(tax, (m = new Map()));
        for (const v of values) {
          const e = m.get(v) ?? { count: 0, files: [] };
          e.count++;
          e.files.push(d.file);
          m.set(v, e);
        }
      }
    }
    for (const d of this.docs.values()) {
      for (const p of d.pages) {
        if (p.kind !== 'term' || !p.taxonomy || !p.term) continue;
        const m = out.get(p.taxonomy) ?? new Map<string, { count: number; files: string[] }>();
        out.set(p.taxonomy, m);
        const key = this.model.termKey(p.taxonomy, p.term);
        if (![...m.keys()].some((v) => this.model.termKey(p.taxonomy!, v) === key)) m.set(p.term, { count: 0, files: [] });
      }
    }
    return out;
  }

  private ensureDerived() {
    if (this.derived) return this.derived;
    const content = this.contentPages();
    const terms = new Map<string, Map<string, number>>();
    const keys = new Map<string, string>();
    const byFile = new Map<string, Page[]>();
    for (const d of this.docs.values()) {
      byFile.set(d.file, d.pages as Page[]);
      for (const p of d.pages) {
        if (!p.willPublish) continue;
        for (const [tax, values] of d.terms) {
          const key = `${p.lang}\u0000${tax}`;
          let m = terms.get(key);
          if (!m) terms.set(key, (m = new Map()));
          for (const v of values) {
            // One term per URL key (`Go` and `go` are one term unless the generator keeps case).
            const k = this.model.termKey(tax, v);
            if (!k) continue;
            // The display form must not depend on the order of updates: take the smallest spelling.
            const seen = keys.get(`${key}\u0000${k}`);
            const first = seen === undefined || v < seen ? v : seen;
            if (seen !== undefined && first !== seen) {
              m.set(first, m.get(seen) ?? 0);
              m.delete(seen);
            }
            keys.set(`${key}\u0000${k}`, first);
            m.set(first, (m.get(first) ?? 0) + 1);
          }
        }
      }
    }
    const { pages: gen, extraUrls, redirects } = this.model.derivedPages(content, terms);
    const pages = [...content, ...gen];
    const urls = new Map<string, UrlTarget[]>();
    const put = (u: string, t: UrlTarget) => {
      const list = urls.get(u);
      if (list) list.push(t);
      else urls.set(u, [t]);
    };
    for (const p of pages) {
      put(p.url, { type: 'page', page: p });
      for (const a of p.aliases) put(a, { type: 'alias', page: p });
      for (const a of p.alsoAt ?? []) put(a, { type: 'page', page: p });
    }
    for (const [u, f] of this.staticUrls) put(u, { type: 'file', file: f });
    if (this.model.copiedDocumentUrls) {
      const now = this.clock.now();
      for (const d of this.docs.values()) {
        if (d.pages.length) continue;
        for (const u of this.model.copiedDocumentUrls(d.file, d.frontMatter?.data ?? NO_FRONT_MATTER, now)) put(u, { type: 'file', file: d.file });
      }
    }
    const pageOf = (f: string) => byFile.get(f)?.[0];
    for (const f of this.resources.keys()) {
      const list = this.model.resourceUrls ? this.model.resourceUrls(f, this.lookup, pageOf) : [this.model.resourceUrl(f, this.lookup, pageOf)];
      const ownerFile = this.model.resourceOwner?.(f, this.lookup);
      const owner = ownerFile ? pageOf(ownerFile) : undefined;
      for (const u of list) if (u) put(u, owner ? { type: 'file', file: f, owner } : { type: 'file', file: f });
    }
    for (const r of redirects ?? []) {
      const to = urls.get(r.to)?.find((t) => t.type === 'page');
      if (to && to.type === 'page' && !urls.has(r.from)) put(r.from, { type: 'alias', page: to.page });
    }
    for (const u of extraUrls) if (!urls.has(u)) put(u, { type: 'generated' });
    this.derived = { pages, urls, byFile };
    return this.derived;
  }

  /** A stable, comparable picture of the index (used by tests: incremental == fresh). */
  snapshot(): unknown {
    const docs = [...this.docs.values()]
      .map((d) => ({ file: d.file, pages: d.pages, headings: d.headings.map((h) => h.id), links: d.links.map((l) => [l.kind, l.target, l.range.start]), terms: [...d.terms] }))
      .sort((a, b) => a.file.localeCompare(b.file));
    const urls = [...this.urls()]
      .map(([u, ts]) => [u, ts.map((t) => (t.type === 'file' ? `file:${t.file}:${t.owner?.url ?? ''}:${t.owner?.status ?? ''}` : t.type === 'generated' ? 'generated' : `${t.type}:${t.page.file ?? ''}:${t.page.willPublish}`)).sort()] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const pages = this.allPages().map((p) => JSON.stringify(p)).sort();
    const terms = [...this.termCounts()].map(([t, m]) => [t, [...m].map(([v, e]) => [v, e.count, [...e.files].sort()]).sort()]).sort();
    return { docs, urls, pages, terms, files: [...this.files].sort() };
  }
}

const NONE: readonly string[] = [];

/** A copy of a string that shares no memory with the text it was cut from. */
function ownCopy(s: string): string {
  // V8 copies strings shorter than 13 characters anyway; a longer one is flattened by the concat, so
  // the slice refers to a copy of its own size only.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** Replaces, in place, every string in plain objects and arrays by its own copy. */
function detachStrings(v: unknown, depth = 0): void {
  if (!v || typeof v !== 'object' || depth > 12) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string') v[i] = ownCopy(x);
      else if (x && typeof x === 'object') detachStrings(x, depth + 1);
    }
    return;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (typeof x === 'string') {
      if (x.length >= 13) o[k] = ownCopy(x);
    } else if (x && typeof x === 'object') detachStrings(x, depth + 1);
  }
}
const INDEX_NAME = /^_?index\./i;
/** Below this many files a reading thread costs more to start than it saves. */
const PARALLEL_READ_MIN = 256;

/** Section index files sort first, shallowest first; everything else after, in any order. */
function indexRank(file: string): number {
  const isIndex = /^_index(\.[a-z-]+)?\.[^.]+$/i.test(posix.basename(file));
  return isIndex ? file.split('/').length : 1000;
}

/** Same pages and terms except for labels no URL or aggregate depends on (title, date). */
function onlyLabelsChanged(a: IndexedDocument, b: IndexedDocument): boolean {
  if (a.pages.length !== b.pages.length) return false;
  const strip = (p: Page) => JSON.stringify({ ...p, title: undefined, date: undefined });
  for (let i = 0; i < a.pages.length; i++) if (strip(a.pages[i]) !== strip(b.pages[i])) return false;
  return JSON.stringify([...a.terms]) === JSON.stringify([...b.terms]);
}

/** A Hugo index file's `cascade`, comparable between two versions of it. */
function cascadeOf(d: IndexedDocument | undefined): string | undefined {
  const c = d?.frontMatter ? fmGet(d.frontMatter.data, 'cascade') : undefined;
  return c === undefined ? undefined : JSON.stringify(c);
}

function samePublish(a: IndexedDocument | undefined, b: IndexedDocument): boolean {
  const sig = (d: IndexedDocument) => d.pages.map((p) => `${p.status}:${p.willPublish}`).join();
  return !!a && sig(a) === sig(b);
}

function samePagesAndTerms(a: IndexedDocument, b: IndexedDocument): boolean {
  return JSON.stringify([a.pages, [...a.terms]]) === JSON.stringify([b.pages, [...b.terms]]);
}

/** A Map that reports every write, for SiteIndex.version. */
class CountingMap<K, V> extends Map<K, V> {
  constructor(private readonly onChange: () => void) {
    super();
  }
  override set(key: K, value: V): this {
    this.onChange?.();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.onChange?.();
    return super.delete(key);
  }
  override clear(): void {
    this.onChange?.();
    super.clear();
  }
}

/** Files read on the host's thread, in the order given once the walk knows them. */
interface Reader {
  readonly batches: AsyncIterable<readonly ReadResult[]>;
  give(paths: readonly string[]): void;
}

/**
 * The host's reading thread, started while the folder walk is still going once it has found enough
 * files to be worth one (a small site never starts it).
 */
class EarlyReader {
  private opened: Reader | undefined;
  constructor(private readonly open: () => Reader | undefined) {}

  found(files: number): void {
    if (!this.opened && files >= PARALLEL_READ_MIN) this.opened = this.open();
  }

  get reader(): Reader | undefined {
    return this.opened;
  }

  /** A thread that was not given its list ends unused. */
  close(): void {
    this.opened?.give([]);
  }
}

interface LoadedBody {
  readonly headings: DocumentAnalysis['headings'];
  readonly htmlIds: DocumentAnalysis['htmlIds'];
  readonly links: DocumentAnalysis['links'];
  /** Characters of the whole text; -1 when the file changed or went away since the crawl. */
  readonly size: number;
}

const NO_ISSUES: readonly SiteIssue[] = Object.freeze([]);

/**
 * A document the cold crawl indexed by its front matter alone; its body is analysed the first time
 * anything asks for headings, links or size. A class, not an object literal with getters: those
 * took ~800 bytes each in dictionary mode plus five closures — a quarter of a 10,000-post index.
 */
class CrawledDocument implements IndexedDocument {
  readonly partial = false;
  readonly readIssues = NO_ISSUES;
  private body: LoadedBody | undefined;

  constructor(
    readonly file: string,
    readonly frontMatter: FrontMatter | undefined,
    readonly pages: readonly Page[],
    readonly terms: ReadonlyMap<string, readonly string[]>,
    /** Known without reading the body when the crawl had the whole text. */
    private readonly knownSize: number | undefined,
    /** The file's size in bytes at the crawl: a different size later means it changed. */
    private readonly bytes: number,
    private readonly loader: { loadBody(file: string, bytes: number): LoadedBody },
  ) {}

  private load(): LoadedBody {
    return (this.body ??= this.loader.loadBody(this.file, this.bytes));
  }

  /** Whether a body read elsewhere from a file of `bytes` bytes can stand in for the lazy load. */
  wantsBody(bytes: number): boolean {
    return this.body === undefined && bytes === this.bytes;
  }

  provideBody(body: LoadedBody): void {
    this.body ??= body;
  }

  /** The same document with other pages (its folder's index files changed); the body is shared once loaded. */
  withPages(pages: readonly Page[]): CrawledDocument {
    const copy = new CrawledDocument(this.file, this.frontMatter, pages, this.terms, this.knownSize, this.bytes, this.loader);
    copy.body = this.body;
    return copy;
  }
  get headings(): LoadedBody['headings'] {
    return this.load().headings;
  }
  get htmlIds(): LoadedBody['htmlIds'] {
    return this.load().htmlIds;
  }
  get links(): LoadedBody['links'] {
    return this.load().links;
  }
  get size(): number {
    return this.knownSize ?? this.load().size;
  }
}
