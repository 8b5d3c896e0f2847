/**
 * Which kind of Jekyll source a site file is — post, draft, collection document, page, static file —
 * or whether Jekyll never reads it (Reader, EntryFilter, PostReader, CollectionReader of Jekyll 4.3).
 * Whether a page or document really is one depends on its front matter as well (see pages.ts).
 */
import type { JekyllCollection, JekyllConfig } from './config';

export type Placement =
  | { readonly kind: 'post' | 'draft'; readonly categories: readonly string[]; readonly inner: string }
  | { readonly kind: 'collection'; readonly collection: JekyllCollection; readonly inner: string }
  | { readonly kind: 'page'; readonly dir: string; readonly base: string }
  | { readonly kind: 'static' }
  | { readonly kind: 'hidden' };

/**
 * Ruby's File.fnmatch without flags, as EntryFilter#glob_include? calls it: `*` and `?` also match
 * `/`, `[…]` is a class. Patterns are compiled once per config.
 */
function fnmatcher(pattern: string): RegExp {
  let r = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') r += '.*';
    else if (ch === '?') r += '.';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) r += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        r += '[' + (body.startsWith('!') ? '^' + body.slice(1) : body) + ']';
        i = end;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) r += '\\' + pattern[++i];
    else r += ch.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp('^' + r + '$', 's');
}

export interface EntryPatterns {
  matches(path: string, isDir: boolean): boolean;
}

/**
 * EntryFilter#glob_include?: a site-relative path is listed when a pattern matches it as a glob, or
 * the path starts with the pattern as a plain string (so `exclude: [draft]` also drops `drafts.md`),
 * or, for a folder, the pattern is the folder with a trailing slash.
 */
export function entryPatterns(patterns: readonly string[]): EntryPatterns {
  const list = patterns.map((raw) => {
    // PathManager.join(source, pattern): a leading `/` joins like none.
    const p = raw.replace(/^\/+/, '');
    return { p, re: fnmatcher(p) };
  });
  return {
    matches: (path, isDir) => list.some(({ p, re }) => re.test(path) || path.startsWith(p) || (isDir && p === path + '/')),
  };
}

const compiled = new WeakMap<readonly string[], EntryPatterns>();

/** entryPatterns for a list the config holds (compiled once per list). */
export function configPatterns(patterns: readonly string[]): EntryPatterns {
  let e = compiled.get(patterns);
  if (!e) compiled.set(patterns, (e = entryPatterns(patterns)));
  return e;
}

/** EntryFilter#special? and #backup?: names Jekyll does not read unless included. */
function special(name: string): boolean {
  return /^[_.#~]/.test(name) || name.endsWith('~');
}

export function createPlacer(c: JekyllConfig): (file: string) => Placement {
  // EntryFilter#excluded? tests `exclude - include`; #included? tests an entry's name, and its
  // basename, against `include`.
  const exclude = entryPatterns(c.exclude.filter((e) => !c.include.includes(e)));
  const include = entryPatterns(c.include);
  const collectionsDir = c.collectionsDir;
  const collections = c.collections;

  /** EntryFilter#filter for one entry named `name` at site-relative `path`. */
  function filtered(path: string, name: string, isDir: boolean): boolean {
    if (name.endsWith('.')) return true;
    const included = include.matches(name, isDir);
    if (exclude.matches(path, isDir) && !included) return true;
    return !included && special(name);
  }

  /** Whether Reader#read_directories reaches every folder above `segs[to]` (exclusive). */
  function foldersReadable(segs: readonly string[], to: number): boolean {
    for (let i = 0; i < to; i++) if (filtered(segs.slice(0, i + 1).join('/'), segs[i], true)) return false;
    return true;
  }

  /**
   * Entries read below a special folder (`_posts`, a collection's folder): Dir["**\/*"] relative to
   * it, filtered as one entry (its start and its basename are tested, not the folders between).
   */
  function innerFiltered(dir: string, inner: string): boolean {
    const name = inner.slice(inner.lastIndexOf('/') + 1);
    if (name.endsWith('.')) return true;
    const included = include.matches(inner, false) || include.matches(name, false);
    if (exclude.matches(dir + '/' + inner, false) && !included) return true;
    return !included && (special(inner) || special(name));
  }

  return function place(file: string): Placement {
    for (const col of collections) {
      if (!file.startsWith(col.dir + '/')) continue;
      const inner = file.slice(col.dir.length + 1);
      // A collection's folder is read whatever its name; its entries are filtered one by one.
      if (innerFiltered(col.dir, inner)) return { kind: 'hidden' };
      return { kind: 'collection', collection: col, inner };
    }
    const segs = file.split('/');
    const magic = segs.findIndex((s) => s === '_posts' || s === '_drafts');
    if (magic >= 0) {
      const dirs = segs.slice(0, magic);
      // Reader#retrieve_posts: with collections_dir set, only `_posts` folders inside it are read.
      if (collectionsDir && !(dirs.join('/') + '/').startsWith(collectionsDir + '/')) return { kind: 'hidden' };
      const dir = segs.slice(0, magic + 1).join('/');
      const inner = segs.slice(magic + 1).join('/');
      if (!foldersReadable(segs, magic) || innerFiltered(dir, inner)) return { kind: 'hidden' };
      // Folders above `_posts` become categories, collections_dir excepted (Document#relative_path
      // is taken inside it); folders below it do not.
      const categories = collectionsDir ? dirs.slice(collectionsDir.split('/').length) : dirs;
      return { kind: segs[magic] === '_posts' ? 'post' : 'draft', categories, inner };
    }
    if (!foldersReadable(segs, segs.length - 1)) return { kind: 'hidden' };
    const name = segs[segs.length - 1];
    if (filtered(file, name, false)) {
      // Reader#read_included_excludes: a file listed in `include` by its path is read anyway.
      if (!c.include.some((p) => p.replace(/^\/+/, '') === file)) return { kind: 'hidden' };
    }
    return { kind: 'page', dir: segs.slice(0, -1).join('/'), base: name };
  };
}
