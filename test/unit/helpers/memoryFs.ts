/** An in-memory FileSystemHost for unit tests: a site is a plain object of path → content. */
import { posix } from 'node:path';
import type { FileEntry, FileSystemHost } from '../../../src/core/host';

export class MemoryFs implements FileSystemHost {
  readonly files = new Map<string, Uint8Array>();
  /** Paths (absolute) that fail to read with the given error code. */
  readonly failures = new Map<string, string>();

  constructor(root = '/site', tree: Record<string, string | Uint8Array> = {}) {
    for (const [rel, content] of Object.entries(tree)) this.write(posix.join(root, rel), content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  delete(path: string): void {
    for (const k of [...this.files.keys()]) if (k === path || k.startsWith(path + '/')) this.files.delete(k);
  }

  rename(from: string, to: string): void {
    for (const [k, v] of [...this.files]) {
      if (k === from || k.startsWith(from + '/')) {
        this.files.delete(k);
        this.files.set(to + k.slice(from.length), v);
      }
    }
  }

  private fail(path: string): void {
    const code = this.failures.get(path);
    if (code) throw Object.assign(new Error(`${code}: ${path}`), { code });
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.fail(path);
    const f = this.files.get(path);
    if (!f) {
      if (this.isDir(path)) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    }
    return f;
  }

  private isDir(path: string): boolean {
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  async readDirectory(path: string): Promise<FileEntry[]> {
    this.fail(path);
    const prefix = path.endsWith('/') ? path : path + '/';
    const out = new Map<string, FileEntry>();
    for (const k of this.files.keys()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      out.set(name, { name, type: slash < 0 ? 'file' : 'directory' });
    }
    if (out.size === 0 && !this.files.has(path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return [...out.values()];
  }

  async stat(path: string) {
    const f = this.files.get(path);
    if (f) return { type: 'file' as const, size: f.length, mtimeMs: 0 };
    if (this.isDir(path)) return { type: 'directory' as const, size: 0, mtimeMs: 0 };
    return undefined;
  }
}

/** A fixed clock, so publish status (future/expired) never depends on the day the test runs. */
export const fixedClock = (iso = '2026-01-15T12:00:00Z') => ({ now: () => new Date(iso) });
