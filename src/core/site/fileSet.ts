/**
 * The site's known files (site-relative, content and static) and, per folder, the names of its
 * `index.*`/`_index.*` files, kept together: bundle rules ask about every folder above every page.
 */
import { posix } from '../posix';

const INDEX_NAME = /^_?index\./i;
const NONE: readonly string[] = [];

export class FileSet {
  private readonly files = new Set<string>();
  private readonly indexNames = new Map<string, string[]>();

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Names of the index files directly in `dir` (site-relative, '' = the root). */
  indexFilesIn(dir: string): readonly string[] {
    return this.indexNames.get(dir) ?? NONE;
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.files.values();
  }

  clear(): void {
    this.files.clear();
    this.indexNames.clear();
  }

  add(file: string): void {
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

  remove(file: string): void {
    if (!this.files.delete(file)) return;
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    const list = this.indexNames.get(dir);
    if (!list) return;
    const rest = list.filter((n) => n !== file.slice(slash + 1));
    if (rest.length) this.indexNames.set(dir, rest);
    else this.indexNames.delete(dir);
  }
}

/** Section index files sort first, shallowest first; everything else after, in any order. */
export function indexRank(file: string): number {
  const isIndex = /^_index(\.[a-z-]+)?\.[^.]+$/i.test(posix.basename(file));
  return isIndex ? file.split('/').length : 1000;
}

/** Whether a file is an index file, whose presence or status changes its siblings' roles. */
export function affectsSiblings(file: string): boolean {
  return /^_?index(\.[a-z-]+)?\.[^.]+$/i.test(posix.basename(file));
}
