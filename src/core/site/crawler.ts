/**
 * The folder walk of a crawl: sorted entries, the site's `.gitignore` rules, folders never walked
 * (build output, dependencies, the user's exclusions), symbolic-link loops, and turns for the host.
 */
import { posix } from '../posix';
import ignore, { type Ignore } from 'ignore';
import type { FileSystemHost } from '../host';
import { decodeText } from '../host';
import type { GeneratorModel } from './generator';
import type { SiteIssue } from './model';

/** Synchronous crawling gives the host's event loop a turn every 50 ms or so. */
export class HostTurns {
  private last = 0;

  async now(): Promise<void> {
    const t = Date.now();
    if (t - this.last < 50) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.last = Date.now();
  }
}

export interface CrawlerInit {
  readonly root: string;
  readonly fs: FileSystemHost;
  readonly model: GeneratorModel;
  /** Extra folder names to skip. */
  readonly exclude?: readonly string[];
  /** Where folder problems go (the index's crawl issues). */
  readonly issues: SiteIssue[];
  readonly turns: HostTurns;
}

export class Crawler {
  /** The site's root `.gitignore` rules (files the generator also sees, but the writer does not track). */
  private ignorer?: Ignore;
  /** Folder names never walked; fixed per index. */
  private skipDirs: ReadonlySet<string> | undefined;

  constructor(private readonly o: CrawlerInit) {}

  async loadIgnoreRules(): Promise<void> {
    this.ignorer = undefined;
    let bytes: Uint8Array;
    try {
      bytes = await this.o.fs.readFile(posix.join(this.o.root, '.gitignore'));
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

  /** Whether a path segment is a folder never walked. */
  skipped(segment: string): boolean {
    return segment === '.git' || this.o.model.ignoreDirs.includes(segment) || (this.o.exclude ?? []).includes(segment);
  }

  /** Whether a site-relative file lies in a folder never walked. */
  skippedPath(rel: string): boolean {
    if (rel.split('/').some((seg) => this.skipped(seg))) return true;
    return (this.o.model.ignoreRootDirs ?? []).some((d) => rel === d || rel.startsWith(d + '/'));
  }

  /**
   * Appends the files below `dir` (site-relative) to `out`, in sorted order. `seen`: resolved folders
   * walked already (a link back to one is a loop). `knownReal`: the folder's resolved path when the
   * caller knows it — a plain (non-link) subfolder of a resolved folder — which spares a realpath
   * call per folder (thousands of bundles). `found`: told the count of files found so far.
   */
  async walk(dir: string, out: string[], seen: Set<string>, knownReal?: string, found?: { found(files: number): void }): Promise<void> {
    const { fs, root, issues } = this.o;
    const abs = posix.join(root, dir);
    let real = knownReal ?? abs;
    if (knownReal === undefined && (fs.realpathSync || fs.realpath)) {
      try {
        real = fs.realpathSync ? fs.realpathSync(abs) : await fs.realpath!(abs);
      } catch {
        return;
      }
    }
    if (seen.has(real)) {
      if (real !== abs) issues.push({ path: abs, severity: 'warning', code: 'site.symlink-loop', message: `Skipped ${dir}: it links back to a folder already indexed.` });
      return;
    }
    seen.add(real);
    let entries;
    try {
      entries = fs.readDirectorySync ? fs.readDirectorySync(abs) : await fs.readDirectory(abs);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        issues.push({ path: abs, severity: 'warning', code: 'site.unreadable', message: `Cannot read folder ${dir} (${code ?? (e as Error).message}).` });
      }
      return;
    }
    await this.o.turns.now();
    const skip = (this.skipDirs ??= new Set([...this.o.model.ignoreDirs, ...(this.o.exclude ?? [])]));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.type === 'directory') {
        if (skip.has(e.name) || e.name === '.git' || this.o.model.ignoreRootDirs?.includes(rel) || this.isIgnored(rel, true)) continue;
        await this.walk(rel, out, seen, `${real}/${e.name}`, found);
      } else if (e.type === 'file') {
        if (!this.isIgnored(rel)) out.push(rel);
        found?.found(out.length);
      } else if (e.type === 'symlink') {
        const st = await fs.stat(posix.join(root, rel));
        if (st?.type === 'directory' && !skip.has(e.name) && !this.o.model.ignoreRootDirs?.includes(rel) && !this.isIgnored(rel, true)) await this.walk(rel, out, seen, undefined, found);
        else if (st?.type === 'file' && !this.isIgnored(rel)) out.push(rel);
      }
    }
  }
}
