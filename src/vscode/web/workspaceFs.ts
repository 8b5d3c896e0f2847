/**
 * The engine's file system over `vscode.workspace.fs`, for the web extension host: github.dev's
 * virtual file system, vscode.dev's local folders, any file system VS Code mounts. Every call may be
 * a request over the network, so:
 * - a folder listing starts the listings of its subfolders (a few at a time), so the crawler's
 *   depth-first walk finds most folders already listed instead of waiting one round trip each;
 * - what was read is kept (up to a budget) until the file changes: a whole-site check after the
 *   index reads nothing again;
 * - there is no synchronous read, so the engine reads many files at once and parses them in
 *   slices (site/reader.ts).
 * Only types come from `vscode` (unit tests give it a fake file system).
 */
import type * as vscode from 'vscode';
import type { FileEntry, FileStat, FileSystemHost, FileType } from '../../core/host';

/** The part of `vscode.workspace.fs` used here. */
export interface WorkspaceFsApi<U> {
  readFile(uri: U): Thenable<Uint8Array>;
  readDirectory(uri: U): Thenable<[string, vscode.FileType][]>;
  stat(uri: U): Thenable<vscode.FileStat>;
}

export interface WorkspaceFsOptions {
  /** Bytes of file contents kept for reads to come (default 64 MB). */
  readonly cacheBytes?: number;
  /** Folder listings requested ahead of the walk at once (default 8). */
  readonly prefetch?: number;
  /** A listing fetched ahead is used only this long after it arrived (default 10 s). */
  readonly prefetchTtlMs?: number;
}

// vscode.FileType, as numbers: they are part of the API's contract, and the unit tests run without `vscode`.
const FILE = 1;
const DIRECTORY = 2;
const SYMBOLIC_LINK = 64;

/** Never listed ahead: the crawler never walks them, and they can be huge. */
const NOT_AHEAD = new Set(['.git', 'node_modules', '.hg', '.svn']);

interface Listing {
  /** When the listing arrived (undefined: still on its way, so as fresh as any new request). */
  at?: number;
  readonly entries: Promise<FileEntry[]>;
}

export class WorkspaceFileSystem<U> implements FileSystemHost {
  /** Requests made (reads, listings, stats), for measurements and the indexing progress. */
  readonly counts = { reads: 0, listings: 0, stats: 0, cacheHits: 0 };
  private readonly ahead = new Map<string, Listing>();
  private readonly queue: (() => Promise<void>)[] = [];
  private running = 0;
  private readonly kept = new Map<string, Uint8Array>();
  private keptBytes = 0;

  constructor(
    private readonly api: WorkspaceFsApi<U>,
    private readonly uriOf: (path: string) => U,
    private readonly options: WorkspaceFsOptions = {},
  ) {}

  async readFile(path: string): Promise<Uint8Array> {
    const hit = this.kept.get(path);
    if (hit) {
      this.counts.cacheHits++;
      return hit;
    }
    this.counts.reads++;
    let bytes: Uint8Array;
    try {
      bytes = await this.api.readFile(this.uriOf(path));
    } catch (e) {
      throw hostError(e, path);
    }
    if (this.keptBytes + bytes.length <= (this.options.cacheBytes ?? 64 << 20)) {
      this.kept.set(path, bytes);
      this.keptBytes += bytes.length;
    }
    return bytes;
  }

  async readDirectory(path: string): Promise<FileEntry[]> {
    const early = this.ahead.get(path);
    let entries: FileEntry[];
    if (early && (early.at === undefined || Date.now() - early.at <= (this.options.prefetchTtlMs ?? 10_000))) {
      this.ahead.delete(path);
      this.counts.cacheHits++;
      entries = await early.entries;
    } else {
      this.ahead.delete(path);
      entries = await this.list(path);
    }
    // One level ahead of the walk: what the caller lists, it usually walks into next.
    for (const e of entries) if (e.type === 'directory' && !NOT_AHEAD.has(e.name)) this.listAhead(join(path, e.name));
    return entries;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    this.counts.stats++;
    try {
      const s = await this.api.stat(this.uriOf(path));
      // A link to a folder is not followed: without realpath a loop could not be told apart.
      const type: FileType = s.type & DIRECTORY ? (s.type & SYMBOLIC_LINK ? 'other' : 'directory') : s.type & FILE ? 'file' : 'other';
      return { type, size: s.size, mtimeMs: s.mtime };
    } catch {
      return undefined;
    }
  }

  /** The file (or folder) changed, appeared or went away: forget what was read of it and its folder. */
  forget(path: string): void {
    const bytes = this.kept.get(path);
    if (bytes) {
      this.kept.delete(path);
      this.keptBytes -= bytes.length;
    }
    this.ahead.delete(path);
    this.ahead.delete(parent(path));
    // A folder's files (a rename or delete of a folder).
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const [p, b] of this.kept) {
      if (p.startsWith(prefix)) {
        this.kept.delete(p);
        this.keptBytes -= b.length;
      }
    }
  }

  /** Everything read or listed ahead is read again next time. */
  forgetAll(): void {
    this.kept.clear();
    this.keptBytes = 0;
    this.ahead.clear();
  }

  private async list(path: string): Promise<FileEntry[]> {
    this.counts.listings++;
    try {
      const raw = await this.api.readDirectory(this.uriOf(path));
      return raw.map(([name, t]) => ({ name, type: entryType(t) }));
    } catch (e) {
      throw hostError(e, path);
    }
  }

  private listAhead(path: string): void {
    if (this.ahead.has(path) || this.ahead.size > 4096) return;
    const entries = new Promise<FileEntry[]>((resolve, reject) => this.queue.push(() => this.list(path).then(resolve, reject)));
    const listing: Listing = { entries };
    // A failed listing is the walk's to report when it asks; never an unhandled rejection here.
    entries.then(() => (listing.at = Date.now()), () => (listing.at = Date.now()));
    this.ahead.set(path, listing);
    this.pump();
  }

  private pump(): void {
    while (this.running < (this.options.prefetch ?? 8) && this.queue.length) {
      const run = this.queue.shift()!;
      this.running++;
      void run().finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}

function entryType(t: number): FileType {
  if (t & SYMBOLIC_LINK) return 'symlink';
  if (t & DIRECTORY) return 'directory';
  if (t & FILE) return 'file';
  return 'other';
}

/** vscode.FileSystemError codes → the errno-style codes the engine reports (host.ts). */
const CODES: Record<string, string> = {
  FileNotFound: 'ENOENT',
  FileIsADirectory: 'EISDIR',
  FileNotADirectory: 'ENOTDIR',
  NoPermissions: 'EACCES',
  FileExists: 'EEXIST',
  Unavailable: 'EAGAIN',
};

function hostError(e: unknown, path: string): Error {
  const code = (e as { code?: unknown })?.code;
  const err = new Error(`${path}: ${(e as Error)?.message ?? String(e)}`) as Error & { code?: string };
  if (typeof code === 'string') err.code = CODES[code] ?? code;
  return err;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function parent(path: string): string {
  return path.replace(/\/[^/]*\/?$/, '') || '/';
}
