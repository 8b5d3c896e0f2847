/**
 * The only doors between the engine and the outside world. The VS Code adapter, the CLI (Node fs)
 * and the unit tests (in-memory) each implement these; nothing in src/core touches a disk or an
 * editor directly, so the same engine can later run in a web extension.
 *
 * Paths are absolute, posix-style ("/home/me/blog/content/posts/a.md") everywhere in the core.
 */
export type FileType = 'file' | 'directory' | 'symlink' | 'other';

export interface FileEntry {
  readonly name: string;
  readonly type: FileType;
}

export interface FileStat {
  readonly type: FileType;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface FileSystemHost {
  /** Rejects (with an Error carrying `code` where known, e.g. ENOENT, EACCES, EISDIR) on failure. */
  readFile(path: string): Promise<Uint8Array>;
  readDirectory(path: string): Promise<FileEntry[]>;
  /** undefined when the path does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  /** Resolves symlinks; used to break symlink loops. Optional: hosts without links may omit it. */
  realpath?(path: string): Promise<string>;
  /** Fast path for hosts that can read synchronously (Node); the crawler uses it when present. */
  readFileSync?(path: string): Uint8Array;
  /**
   * Synchronous twins of readDirectory and realpath, for the same hosts: a cold crawl awaiting two
   * thread-pool round trips per folder spent most of its time idle on sites with many bundles.
   */
  readDirectorySync?(path: string): FileEntry[];
  realpathSync?(path: string): string;
  /**
   * Many files, read elsewhere (a worker thread) while the crawler parses: batches in the order
   * asked, every path exactly once, a failed read as a result with `error`. Optional; the crawler
   * falls back to reading one by one, also for the rest of the list if this throws midway.
   * `paths` may be a promise: the host gets ready (starts its thread) while the crawler is still
   * walking the folders. A promise of an empty list means "not needed after all".
   */
  readFilesInOrder?(paths: readonly string[] | PromiseLike<readonly string[]>, options?: { readonly headOnly?: boolean }): AsyncIterable<readonly ReadResult[]>;
}

export interface ReadResult {
  readonly path: string;
  /**
   * The file, or only its beginning through the end of its front matter when `size` (the whole
   * file's length) is larger: the crawler needs nothing more before a body's first use.
   */
  readonly bytes?: Uint8Array;
  readonly size?: number;
  readonly error?: { readonly code?: string; readonly message: string };
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Decodes bytes as UTF-8 text, dropping a BOM; invalid sequences become U+FFFD (reported elsewhere). */
export function decodeText(bytes: Uint8Array): { text: string; hadBom: boolean; invalidUtf8: boolean } {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, hadBom, invalidUtf8: text.includes('\uFFFD') && !utf8Clean(bytes) };
}

function utf8Clean(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
