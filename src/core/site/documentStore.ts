/**
 * The indexed documents of a site. A document's front-matter facts (pages, terms, front matter) are
 * plain fields; its body facts (headings, ids, links, size) come from an explicit `body()` call,
 * because that call may cost a read and a parse: a cold crawl on a host that reads synchronously
 * indexes each document by its front matter alone (all the URL model needs) and analyses its body —
 * the markdown-it parse, most of the cost — at its first `body()`, re-reading the file then: holding
 * 60 MB of texts until then would cost more than the second read. A worker may provide bodies ahead
 * of their first use (`provideBody`). Features that need front matter only never call `body()`.
 */
import type { Clock } from '../host';
import { analyzeDocument, type AnalyzeOptions, type DocumentAnalysis } from '../markdown/analyze';
import { splitFrontMatter, type FrontMatter } from '../frontmatter/parse';
import { textHash } from '../links/extract';
import { NO_FRONT_MATTER, type FileLookup, type GeneratorModel } from './generator';
import type { DocumentBody, DocumentFacts, Page, SiteIssue } from './model';
import { CountingMap } from './countingMap';
import { detachStrings } from './detach';
import type { FileReader, ReadSink } from './reader';

export type { DocumentBody } from './model';

export interface IndexedDocument extends DocumentFacts {
  readonly pages: readonly Page[];
  /** Taxonomy values: plural → values as written. */
  readonly terms: ReadonlyMap<string, readonly string[]>;
  /** Issues with reading this file (encoding, permissions). */
  readonly readIssues: readonly SiteIssue[];
  /**
   * The body's facts. For a document the crawl indexed by its front matter alone, the first call
   * reads and analyses the file (kept after); call it only where headings, ids or links are needed.
   */
  body(): DocumentBody;
  /**
   * False while a crawled document's body waits for its first `body()` call (which reads and parses
   * the file); features that must stay cheap on the extension host look at it first.
   */
  readonly bodyLoaded?: boolean;
}

export interface StoreInit {
  readonly model: GeneratorModel;
  readonly lookup: FileLookup;
  readonly clock: Clock;
  readonly files: FileReader;
  /** Files larger than this: front matter only. */
  readonly maxBody: number;
  /** How documents are analysed (see SiteIndex.analyzeOptions). */
  analyzeOptions(file?: string): AnalyzeOptions;
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
    this.docs.set(file, this.analyze(file, text, [], undefined, { ...this.o.analyzeOptions(file), linksOverLimit: false }));
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
    if (!head && text.length > this.o.maxBody) return this.analyze(file, text, [], undefined, { ...this.o.analyzeOptions(file), linksOverLimit: false });
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
  analyze(file: string, text: string, readIssues: SiteIssue[], precomputed?: DocumentAnalysis, options = this.o.analyzeOptions(file)): IndexedDocument {
    const a: DocumentAnalysis = precomputed ?? analyzeDocument(text, options);
    if (!precomputed) {
      detachStrings(a.frontMatter);
      detachBody(a);
    }
    const data = a.frontMatter?.data ?? NO_FRONT_MATTER;
    const pages = this.o.model.pagesFor(file, data, this.o.lookup, this.o.clock.now());
    const terms = this.o.model.termsOf(data);
    return new AnalyzedDocument(file, a.frontMatter, a.partial, a.partialLinks === true, pages, terms, readIssues, bodyOf(a, text.length));
  }


  /** Reads and analyses a crawled document's body (the file of `bytes` bytes at the crawl). */
  loadBody(file: string, bytes: number): DocumentBody {
    const raw = this.o.files.readBytesSync(file);
    // Changed since the crawl (or gone): the file event that follows re-indexes it.
    const now = raw && raw.length === bytes ? this.o.files.decode(file, raw) : undefined;
    if (now === undefined) return { headings: [], htmlIds: [], links: [], size: -1, hiddenIds: false };
    const a = analyzeDocument(now, this.o.analyzeOptions(file));
    detachBody(a);
    return bodyOf(a, now.length);
  }

  /**
   * Characters of the text `doc` was indexed from (-1: its file changed since the crawl). Reads the
   * body only when the crawl did not see the whole text.
   */
  lengthOf(doc: IndexedDocument): number {
    const known = doc instanceof CrawledDocument ? doc.knownSize : undefined;
    return known ?? doc.body().size;
  }

  /** Whether `doc` was indexed from exactly `text` (same length and hash). */
  isCurrent(doc: IndexedDocument, text: string): boolean {
    return this.lengthOf(doc) === text.length && doc.body().textHash === textHash(text);
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
    detachBody(analysis);
    doc.provideBody(bodyOf(analysis, text.length));
  }

  /** The same document with other pages (its folder's index files changed). */
  withPages(doc: IndexedDocument, pages: readonly Page[]): IndexedDocument {
    return (doc as CrawledDocument | AnalyzedDocument).withPages(pages);
  }
}

const NO_ISSUES: readonly SiteIssue[] = Object.freeze([]);

/** The body facts of an analysis of a text of `size` characters. */
function bodyOf(a: DocumentAnalysis, size: number): DocumentBody {
  return { headings: a.headings, htmlIds: a.htmlIds, links: a.links, size, textHash: a.textHash, hiddenIds: a.hiddenIds, ...(a.shortcodes ? { shortcodes: a.shortcodes } : {}), ...(a.liquidContent ? { liquidContent: true } : {}), ...(a.unsureIds?.length ? { unsureIds: a.unsureIds } : {}) };
}

function detachBody(a: DocumentAnalysis): void {
  detachStrings(a.headings);
  detachStrings(a.htmlIds);
  detachStrings(a.links);
  detachStrings(a.shortcodes);
}

/** A document analysed from its whole text: its body is known. */
class AnalyzedDocument implements IndexedDocument {
  readonly partialLinks?: boolean;

  constructor(
    readonly file: string,
    readonly frontMatter: FrontMatter | undefined,
    readonly partial: boolean,
    partialLinks: boolean,
    readonly pages: readonly Page[],
    readonly terms: ReadonlyMap<string, readonly string[]>,
    readonly readIssues: readonly SiteIssue[],
    private readonly facts: DocumentBody,
  ) {
    if (partialLinks) this.partialLinks = true;
  }

  body(): DocumentBody {
    return this.facts;
  }

  withPages(pages: readonly Page[]): AnalyzedDocument {
    return new AnalyzedDocument(this.file, this.frontMatter, this.partial, this.partialLinks === true, pages, this.terms, this.readIssues, this.facts);
  }
}

/**
 * A document the cold crawl indexed by its front matter alone. Its body is the store's `loadBody`,
 * at the first `body()` call, and kept. A class, not an object literal with closures: those took
 * ~800 bytes each in dictionary mode plus five closures — a quarter of a 10,000-post index.
 */
class CrawledDocument implements IndexedDocument {
  readonly partial = false;
  readonly readIssues = NO_ISSUES;
  private loaded: DocumentBody | undefined;

  constructor(
    readonly file: string,
    readonly frontMatter: FrontMatter | undefined,
    readonly pages: readonly Page[],
    readonly terms: ReadonlyMap<string, readonly string[]>,
    /** Characters of the text, known without reading the body when the crawl had the whole text. */
    readonly knownSize: number | undefined,
    /** The file's size in bytes at the crawl: a different size later means it changed. */
    private readonly bytes: number,
    private readonly store: DocumentStore,
  ) {}

  get bodyLoaded(): boolean {
    return this.loaded !== undefined;
  }
  body(): DocumentBody {
    return (this.loaded ??= this.store.loadBody(this.file, this.bytes));
  }

  /** Whether a body read elsewhere from a file of `bytes` bytes can stand in for the store's load. */
  wantsBody(bytes: number): boolean {
    return this.loaded === undefined && bytes === this.bytes;
  }

  provideBody(body: DocumentBody): void {
    this.loaded ??= body;
  }

  /** The same document with other pages; the body is shared once loaded. */
  withPages(pages: readonly Page[]): CrawledDocument {
    const copy = new CrawledDocument(this.file, this.frontMatter, pages, this.terms, this.knownSize, this.bytes, this.store);
    copy.loaded = this.loaded;
    return copy;
  }
}
