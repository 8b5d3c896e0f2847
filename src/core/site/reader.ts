/**
 * Reading a site's documents: one `readDocuments` for the three ways a host can read (synchronously
 * one file at a time; on the host's reading thread, started during the folder walk; pooled async
 * reads), plus decoding and the read problems of each file (never stale, never repeated).
 */
import { posix } from '../posix';
import type { FileSystemHost, Logger, ReadResult } from '../host';
import { decodeText } from '../host';
import type { SiteIssue } from './model';
import { indexRank } from './fileSet';
import type { HostTurns } from './crawler';

/** Below this many files a reading thread costs more to start than it saves. */
export const PARALLEL_READ_MIN = 256;

/** Reads and decodes one site's files; its problems go to the index's issues. */
export class FileReader {
  constructor(
    private readonly root: string,
    private readonly fs: FileSystemHost,
    private readonly issues: SiteIssue[],
  ) {}

  /** A file's read problems are those of its latest read (or none once it is gone). */
  forgetReadIssues(file: string): void {
    const issues = this.issues;
    if (issues.length === 0) return;
    const abs = posix.join(this.root, file);
    for (let i = issues.length - 1; i >= 0; i--) {
      const x = issues[i];
      if ((x.code === 'site.unreadable' || x.code === 'site.encoding') && (x.path === abs || x.path.startsWith(abs + '/'))) issues.splice(i, 1);
    }
  }

  readIssue(file: string, e: unknown): void {
    this.forgetReadIssues(file);
    const code = (e as { code?: string }).code;
    this.issues.push({ path: posix.join(this.root, file), severity: 'warning', code: 'site.unreadable', message: `Cannot read ${file} (${code ?? (e as Error).message}).` });
  }

  decode(file: string, bytes: Uint8Array): string {
    this.forgetReadIssues(file);
    const d = decodeText(bytes);
    if (d.invalidUtf8) {
      this.issues.push({ path: posix.join(this.root, file), severity: 'warning', code: 'site.encoding', message: `${file} is not valid UTF-8; undecodable bytes were replaced.` });
    }
    return d.text;
  }

  /** The file's text; undefined (and an issue) when it cannot be read. */
  async read(file: string): Promise<string | undefined> {
    try {
      return this.decode(file, await this.fs.readFile(posix.join(this.root, file)));
    } catch (e) {
      this.readIssue(file, e);
      return undefined;
    }
  }

  /** The file's bytes, on a host that reads synchronously; undefined (and an issue) when it cannot be read. */
  readBytesSync(file: string): Uint8Array | undefined {
    try {
      return this.fs.readFileSync!(posix.join(this.root, file));
    } catch (e) {
      this.readIssue(file, e);
      return undefined;
    }
  }
}

/** Files read on the host's thread, in the order given once the walk knows them. */
export interface Reader {
  readonly batches: AsyncIterable<readonly ReadResult[]>;
  give(paths: readonly string[]): void;
}

/**
 * The host's reading thread, if it has one (EarlyReader starts it during the walk); it learns which
 * files to read once the walk knows them. `give` takes effect once.
 */
export function openReader(fs: FileSystemHost): Reader | undefined {
  if (!fs.readFilesInOrder || !fs.readFileSync) return undefined;
  let resolve!: (paths: readonly string[]) => void;
  const list = new Promise<readonly string[]>((r) => (resolve = r));
  return { batches: fs.readFilesInOrder(list, { headOnly: true }), give: (paths) => resolve(paths) };
}

/**
 * The host's reading thread, started while the folder walk is still going once it has found enough
 * files to be worth one (a small site never starts it).
 */
export class EarlyReader {
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

/** Where read documents go (the document store). */
export interface ReadSink {
  /**
   * A file read for a crawl that analyses bodies later. `bytes`: its size on disk; `head`: `text`
   * is only its beginning through the front matter (the reading thread cut it there).
   */
  crawled(file: string, text: string, bytes: number, head?: boolean): void;
  /** A whole text to analyse now, read by a host without synchronous reads. */
  whole(file: string, text: string): void;
}

export interface ReadOptions {
  readonly root: string;
  readonly fs: FileSystemHost;
  readonly files: FileReader;
  readonly into: ReadSink;
  /** The host's reading thread, when the walk started one. */
  readonly reader?: Reader;
  /** Read concurrency for hosts without a synchronous read. */
  readonly concurrency?: number;
  readonly turns: HostTurns;
  readonly logger: Logger;
}

/**
 * Reads the documents of a crawl into the store. Bundle roles depend on which files exist, which is
 * known now. Section index files go first, shallowest first, because pages below a draft section
 * inherit its status.
 */
export async function readDocuments(docs: readonly string[], o: ReadOptions): Promise<void> {
  const order = [...docs].sort((a, b) => indexRank(a) - indexRank(b));
  if (o.fs.readFileSync) {
    // Read and analyse one file at a time: no 60 MB of texts held at once on a big site. Yield to
    // the host now and then so an editor stays responsive during a cold index.
    let from = 0;
    if (o.reader && order.length >= PARALLEL_READ_MIN) from = await readOnThread(order, o.reader, o);
    else o.reader?.give([]);
    for (const f of order.slice(from)) {
      const b = o.files.readBytesSync(f);
      if (b) o.into.crawled(f, o.files.decode(f, b), b.length);
      await o.turns.now();
    }
    return;
  }
  await readPooled(docs, order, o);
}

/**
 * The same, with the reading done by the host elsewhere while this thread parses. Returns how many
 * files of `order` were handled; if the host's reader fails midway, the caller reads the rest.
 */
async function readOnThread(order: readonly string[], reader: Reader, o: ReadOptions): Promise<number> {
  let handled = 0;
  // Paths for reading only (results come back in this order): plain joins, not 10,000 normalisations.
  const prefix = o.root.endsWith('/') ? o.root : o.root + '/';
  reader.give(order.map((f) => prefix + f));
  try {
    for await (const batch of reader.batches) {
      for (const r of batch) {
        const f = order[handled++];
        if (r.bytes) o.into.crawled(f, o.files.decode(f, r.bytes), r.size ?? r.bytes.length, r.size !== undefined && r.size !== r.bytes.length);
        else o.files.readIssue(f, r.error ?? new Error('read failed'));
      }
      await o.turns.now();
    }
  } catch (e) {
    o.logger.warn(`Parallel reading stopped after ${handled} of ${order.length} files (${(e as Error).message}); reading the rest one by one.`);
  }
  return handled;
}

/** A host without synchronous reads: many reads in flight, then the texts analysed in `order`. */
async function readPooled(files: readonly string[], order: readonly string[], o: ReadOptions): Promise<void> {
  const texts = new Map<string, string>();
  let i = 0;
  const worker = async () => {
    while (i < files.length) {
      const f = files[i++];
      const t = await o.files.read(f);
      if (t !== undefined) texts.set(f, t);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 32 }, worker));
  for (const f of order) {
    const t = texts.get(f);
    if (t !== undefined) o.into.whole(f, t);
    // Each text is parsed here (no worker on such hosts: the web): give the host turns meanwhile.
    await o.turns.now();
  }
}
