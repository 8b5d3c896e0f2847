/**
 * The indexed documents of a site. A cold crawl on a host that reads synchronously indexes each
 * document by its front matter alone (all the URL model needs) and analyses its body — the
 * markdown-it parse, most of the cost — at its first use, re-reading the file then: holding 60 MB of
 * texts until then would cost more than the second read. The store does that reading, explicitly
 * (`loadBody`); a worker may provide bodies ahead of their first use (`provideBody`).
 */
import type { Clock } from '../host';
import { analyzeDocument, type AnalyzeOptions, type DocumentAnalysis } from '../markdown/analyze';
import { splitFrontMatter, type FrontMatter } from '../frontmatter/parse';
import type { ExtractedLink } from '../links/types';
import { NO_FRONT_MATTER, type FileLookup, type GeneratorModel } from './generator';
import type { DocumentFacts, Page, SiteIssue } from './model';
import { CountingMap } from './countingMap';
import { detachStrings } from './detach';
import type { FileReader, ReadSink } from './reader';

export interface IndexedDocument extends DocumentFacts {
  readonly links: readonly ExtractedLink[];
  readonly pages: readonly Page[];
  /** Taxonomy values: plural → values as written. */
  readonly terms: ReadonlyMap<string, readonly string[]>;
  /** Issues with reading this file (encoding, permissions). */
  readonly readIssues: readonly SiteIssue[];
  /**
   * False while a crawled document's body waits for its first use: reading `links`, `headings` or
   * `shortcodes` then reads and parses the file. Site-wide summaries that must stay cheap skip those.
   */
  readonly bodyLoaded?: boolean;
}

/** A crawled document's body facts. */
export interface LoadedBody {
  readonly headings: DocumentAnalysis['headings'];
  readonly htmlIds: DocumentAnalysis['htmlIds'];
  readonly links: DocumentAnalysis['links'];
  /** Characters of the whole text; -1 when the file changed or went away since the crawl. */
  readonly size: number;
  readonly textHash?: number;
  readonly hiddenIds: boolean;
  readonly shortcodes?: DocumentAnalysis['shortcodes'];
}

export interface StoreInit {
  readonly model: GeneratorModel;
  readonly lookup: FileLookup;
  readonly clock: Clock;
  readonly files: FileReader;
  /** Files larger than this: front matter only. */
  readonly maxBody: number;
  /** How documents are analysed (see SiteIndex.analyzeOptions). */
  analyzeOptions(): AnalyzeOptions;
  /** Told of every write to the documents (SiteIndex.version). */
  onChange(): void;
}

export class DocumentStore implements ReadSink {
  readonly docs: CountingMap<string, IndexedDocument>;

  constructor(private readonly o: StoreInit) {
    this.docs = new CountingMap(o.onChange);
  }

  crawled(file: string, text: string, bytes: number, head = false): void {
    const d = this.frontMatterFirst(file, text, bytes, head);
    if (d) this.docs.set(file, d);
  }

  whole(file: string, text: string): void {
    // Over the size limit, front matter only at the crawl (see frontMatterFirst).
    this.docs.set(file, this.analyze(file, text, [], undefined, { ...this.o.analyzeOptions(), linksOverLimit: false }));
  }

  /**
   * A crawled document, its body left for later. `bytes`: the file's size on disk, to tell at the
   * body's first use whether it changed since. `head`: `text` is only the file's beginning through
   * its front matter (the reading thread cut it there, so the crawl decodes and holds a fraction of
   * each file); the body is read later.
   */
  private frontMatterFirst(file: string, text: string, bytes: number, head = false): IndexedDocument | undefined {
    // Bytes ≥ characters: a file this large may be over the limit, which the whole text decides.
    if (head && bytes > this.o.maxBody) return this.reread(file);
    // Front matter only at the crawl, whatever linksOverLimit says: never a long parse here.
    if (!head && text.length > this.o.maxBody) return this.analyze(file, text, [], undefined, { ...this.o.analyzeOptions(), linksOverLimit: false });
    const split = splitFrontMatter(text);
    if (head && (!split.frontMatter || split.frontMatter.errors.some((e) => e.code === 'frontmatter.unclosed'))) return this.reread(file);
    // A head holds little beyond the front matter itself: its slices may keep it (the copies would
    // cost as much memory, and time); a whole file's text must not be kept by them.
    if (!head) detachStrings(split.frontMatter);
    const data = split.frontMatter?.data ?? NO_FRONT_MATTER;
    const pages = this.o.model.pagesFor(file, data, this.o.lookup, this.o.clock.now());
    const terms = this.o.model.termsOf(data);
    return new CrawledDocument(file, split.frontMatter, pages, terms, head ? undefined : text.length, bytes, this);
  }

  /** The whole file after all (a head that did not hold the whole front matter, a very large file). */
  private reread(file: string): IndexedDocument | undefined {
    const bytes = this.o.files.readBytesSync(file);
    return bytes && this.frontMatterFirst(file, this.o.files.decode(file, bytes), bytes.length);
  }

  /**
   * A document analysed from its whole text. `precomputed`: the same function's result for this
   * text, computed elsewhere (the extension runs it on a worker thread so typing in a large post
   * never waits for markdown-it); its strings are copies already.
   */
  analyze(file: string, text: string, readIssues: SiteIssue[], precomputed?: DocumentAnalysis, options = this.o.analyzeOptions()): IndexedDocument {
    const a: DocumentAnalysis = precomputed ?? analyzeDocument(text, options);
    if (!precomputed) {
      detachStrings(a.frontMatter);
      detachStrings(a.headings);
      detachStrings(a.htmlIds);
      detachStrings(a.links);
      detachStrings(a.shortcodes);
    }
    const data = a.frontMatter?.data ?? NO_FRONT_MATTER;
    const pages = this.o.model.pagesFor(file, data, this.o.lookup, this.o.clock.now());
    const terms = this.o.model.termsOf(data);
    return { file, frontMatter: a.frontMatter, headings: a.headings, htmlIds: a.htmlIds, links: a.links, size: text.length, partial: a.partial, ...(a.partialLinks ? { partialLinks: true } : {}), textHash: a.textHash, hiddenIds: a.hiddenIds, ...(a.shortcodes ? { shortcodes: a.shortcodes } : {}), pages, terms, readIssues };
  }

  /** Reads and analyses a crawled document's body (the file of `bytes` bytes at the crawl). */
  loadBody(file: string, bytes: number): LoadedBody {
    const raw = this.o.files.readBytesSync(file);
    // Changed since the crawl (or gone): the file event that follows re-indexes it.
    const now = raw && raw.length === bytes ? this.o.files.decode(file, raw) : undefined;
    if (now === undefined) return { headings: [], htmlIds: [], links: [], size: -1, hiddenIds: false };
    const a = analyzeDocument(now, this.o.analyzeOptions());
    detachStrings(a.headings);
    detachStrings(a.htmlIds);
    detachStrings(a.links);
    detachStrings(a.shortcodes);
    return { headings: a.headings, htmlIds: a.htmlIds, links: a.links, size: now.length, textHash: a.textHash, hiddenIds: a.hiddenIds, shortcodes: a.shortcodes };
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
    detachStrings(analysis.shortcodes);
    doc.provideBody({ headings: analysis.headings, htmlIds: analysis.htmlIds, links: analysis.links, size: text.length, textHash: analysis.textHash, hiddenIds: analysis.hiddenIds, shortcodes: analysis.shortcodes });
  }

  /** The same document with other pages (its folder's index files changed). */
  withPages(doc: IndexedDocument, pages: readonly Page[]): IndexedDocument {
    // Not a spread for crawled documents: their body is not loaded yet, or shared.
    return doc instanceof CrawledDocument ? doc.withPages(pages) : { ...doc, pages };
  }
}

const NO_ISSUES: readonly SiteIssue[] = Object.freeze([]);

/**
 * A document the cold crawl indexed by its front matter alone. Its body is the store's `loadBody`,
 * asked for the first time anything needs headings, links or size, and kept; callers that read only
 * front matter and pages never cause it (they iterate the whole site). A class, not an object
 * literal with getters: those took ~800 bytes each in dictionary mode plus five closures — a
 * quarter of a 10,000-post index.
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
    private readonly store: DocumentStore,
  ) {}

  private loaded(): LoadedBody {
    return (this.body ??= this.store.loadBody(this.file, this.bytes));
  }

  /** Whether a body read elsewhere from a file of `bytes` bytes can stand in for the store's load. */
  wantsBody(bytes: number): boolean {
    return this.body === undefined && bytes === this.bytes;
  }

  provideBody(body: LoadedBody): void {
    this.body ??= body;
  }

  /** The same document with other pages; the body is shared once loaded. */
  withPages(pages: readonly Page[]): CrawledDocument {
    const copy = new CrawledDocument(this.file, this.frontMatter, pages, this.terms, this.knownSize, this.bytes, this.store);
    copy.body = this.body;
    return copy;
  }
  get headings(): LoadedBody['headings'] {
    return this.loaded().headings;
  }
  get htmlIds(): LoadedBody['htmlIds'] {
    return this.loaded().htmlIds;
  }
  get links(): LoadedBody['links'] {
    return this.loaded().links;
  }
  get size(): number {
    return this.knownSize ?? this.loaded().size;
  }
  get textHash(): number | undefined {
    return this.loaded().textHash;
  }
  get hiddenIds(): boolean {
    return this.loaded().hiddenIds;
  }
  get shortcodes(): LoadedBody['shortcodes'] {
    return this.loaded().shortcodes;
  }
  get bodyLoaded(): boolean {
    return this.body !== undefined;
  }
}
