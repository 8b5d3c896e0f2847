/**
 * Where Hugo content lives: the content folders (one per language, or shared), a file's location and
 * name parts (`posts/a.fr.md` → folder, name, language), index files, sections, and what a file is
 * (a page, a bundle resource, or neither). Every function takes the site's facts (HugoSite).
 */
import { posix } from '../../posix';
import { NO_FRONT_MATTER, type FileLookup, type FileRole, type FrontMatterData } from '../../site/generator';
import type { PageKind } from '../../site/model';
import type { HugoSite } from './context';

export interface ContentLocation {
  readonly contentDir: string;
  /** Path inside the content dir, posix, e.g. `posts/a.md`. */
  readonly inner: string;
  /** Language fixed by the content dir, if the dir belongs to one language. */
  readonly dirLang?: string;
}

const CONTENT_EXT = /\.(md|markdown|mdown|mkd|mkdn|html|htm)$/i;
const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;
export const INDEX_EXTS = ['md', 'markdown', 'html', 'htm', 'mdown'];

/** Whether a file's extension is one of a content document (Markdown or HTML). */
export function hasContentExt(file: string): boolean {
  return CONTENT_EXT.test(file);
}

export function locate(h: HugoSite, file: string): ContentLocation | undefined {
  for (const d of h.contentDirs) {
    if (file.startsWith(d.dir + '/')) return { contentDir: d.dir, inner: file.slice(d.dir.length + 1), dirLang: d.lang };
  }
  return undefined;
}

export function isContentDocument(h: HugoSite, file: string): boolean {
  return (!!locate(h, file) && CONTENT_EXT.test(file) && MARKDOWN_EXT.test(file)) || (!!locate(h, file) && /\.html?$/i.test(file));
}

/** Splits `posts/a.fr.md` into its name, language and folder. */
export function nameParts(h: HugoSite, loc: ContentLocation): { dir: string; base: string; lang: string } {
  const dir = posix.dirname(loc.inner) === '.' ? '' : posix.dirname(loc.inner);
  let base = posix.basename(loc.inner).replace(/\.[^.]+$/, '');
  let lang = loc.dirLang ?? h.c.defaultContentLanguage;
  const m = /^(.*)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)$/.exec(base);
  if (m && h.langCodes.has(m[2].toLowerCase())) {
    base = m[1];
    lang = m[2].toLowerCase();
  }
  return { dir, base, lang };
}

/** Whether a content file sits directly in a top-level folder (`content/posts/_index.md`). */
export function isTopLevel(h: HugoSite, file: string): boolean {
  const loc = locate(h, file);
  return !!loc && loc.inner.split('/').length === 2;
}

export function langPrefix(h: HugoSite, lang: string): string {
  return lang !== h.c.defaultContentLanguage || h.c.defaultContentLanguageInSubdir ? `/${lang}` : '';
}

export function parentOf(dir: string): string {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '' : dir.slice(0, i);
}

/** The leaf bundle folder (inner path) a file sits inside, if any. */
export function enclosingLeafBundle(h: HugoSite, loc: ContentLocation, files: FileLookup): string | undefined {
  let dir = posix.dirname(loc.inner);
  // Only a content file is a bundle's index: `index.ts` beside `index.md` is one of its resources.
  const isIndex = isIndexName(h, posix.basename(loc.inner).toLowerCase(), 'index');
  if (isIndex) dir = posix.dirname(dir);
  while (dir && dir !== '.') {
    if (hasIndex(h, loc.contentDir, dir, 'index', files)) return dir;
    dir = posix.dirname(dir);
  }
  return undefined;
}

function hasIndex(h: HugoSite, contentDir: string, dir: string, name: 'index' | '_index', files: FileLookup): boolean {
  if (files.indexFilesIn) return files.indexFilesIn(`${contentDir}/${dir}`).some((n) => isIndexName(h, n, name));
  for (const ext of ['md', 'markdown', 'html', 'htm', 'mdown']) {
    if (files.has(`${contentDir}/${dir}/${name}.${ext}`)) return true;
    for (const l of h.langCodes) if (files.has(`${contentDir}/${dir}/${name}.${l}.${ext}`)) return true;
  }
  return false;
}

/** `index.md`, `index.fr.md`, … — the same names the slow path of hasIndex tries. */
function isIndexName(h: HugoSite, n: string, name: 'index' | '_index'): boolean {
  if (!n.startsWith(name + '.')) return false;
  const parts = n.slice(name.length + 1).split('.');
  if (parts.length === 1) return INDEX_EXTS.includes(parts[0]);
  return parts.length === 2 && h.langCodes.has(parts[0]) && INDEX_EXTS.includes(parts[1]);
}

/** The `_index` file of a folder (inner path, '' = content root) for one language, if any. */
export function branchIndex(h: HugoSite, loc: ContentLocation, dir: string, lang: string, files: FileLookup): string | undefined {
  if (files.indexFilesIn && files.indexFilesIn(`${loc.contentDir}${dir ? '/' + dir : ''}`).length === 0) return undefined;
  const base = `${loc.contentDir}/${dir ? dir + '/' : ''}_index`;
  const plainLang = loc.dirLang ?? h.c.defaultContentLanguage;
  for (const ext of INDEX_EXTS) {
    if (lang === plainLang && files.has(`${base}.${ext}`)) return `${base}.${ext}`;
    if (files.has(`${base}.${lang}.${ext}`)) return `${base}.${lang}.${ext}`;
  }
  return undefined;
}

/** Sections a folder belongs to: the top folder always, deeper folders only with an _index. */
export function sectionsOf(h: HugoSite, loc: ContentLocation, dir: string, files: FileLookup): string[] {
  if (!dir) return [];
  const segs = dir.split('/');
  const out = [segs[0]];
  for (let i = 2; i <= segs.length; i++) {
    const d = segs.slice(0, i).join('/');
    if (hasIndex(h, loc.contentDir, d, '_index', files)) out.push(segs[i - 1]);
    else break;
  }
  return out;
}

/** What an `_index` file in `dir` (inner path, '' = content root) is. */
export function indexKind(h: HugoSite, dir: string): PageKind {
  if (!dir) return 'home';
  const segs = dir.split('/');
  if (h.taxonomyPlurals.has(segs[0].toLowerCase()) && segs.length <= 2) return segs.length === 1 ? 'taxonomy' : 'term';
  return 'section';
}

/**
 * An HTML content file that opens with a tag is no page: Hugo copies it as it is, like a resource of
 * its bundle or section (once per language version of it), `index.html` and `_index.html` too
 * [verified 0.111: test/fixtures/hugo-raw-html]. Hugo reads the first character; we read "no front
 * matter", which differs only for an HTML file without front matter that opens with text (a page) or
 * with a comment (a failed build) — see the known differences.
 */
export function copiedAsIs(file: string, data: FrontMatterData): boolean {
  return data === NO_FRONT_MATTER && /\.html?$/i.test(file);
}

export function roleOf(h: HugoSite, file: string, files: FileLookup): FileRole {
  const loc = locate(h, file);
  if (!loc) return { role: 'none' };
  const isDoc = CONTENT_EXT.test(file);
  const base = posix.basename(loc.inner);
  if (isDoc && /^_?index(\.[a-z-]+)?\.[^.]+$/i.test(base)) return { role: 'page' };
  if (enclosingLeafBundle(h, loc, files)) return isDoc ? { role: 'none' } : { role: 'resource' };
  return isDoc ? { role: 'page' } : { role: 'resource' };
}

/** Files a `ref`/`relref` argument may name, most likely first. */
export function refCandidates(h: HugoSite, ref: string, fromFile: string): string[] {
  const clean = ref.split('#')[0].replace(/\\/g, '/').trim();
  if (!clean) return [fromFile];
  const from = locate(h, fromFile);
  const out: string[] = [];
  const expand = (p: string) => {
    const has = /\.[a-z0-9]+$/i.test(p);
    const list = has ? [p] : [p + '.md', p + '/index.md', p + '/_index.md', p + '.markdown', p + '/index.markdown', p + '.html'];
    return list;
  };
  const roots = h.contentDirs.map((d) => d.dir);
  if (clean.startsWith('/')) {
    for (const r of roots) out.push(...expand(posix.join(r, clean)));
  } else {
    if (from) {
      // Relative to the page: for a bundle, its folder; for a plain file, the folder it sits in.
      out.push(...expand(posix.join(from.contentDir, posix.dirname(from.inner), clean)));
    }
    for (const r of roots) out.push(...expand(posix.join(r, clean)));
  }
  return out;
}
