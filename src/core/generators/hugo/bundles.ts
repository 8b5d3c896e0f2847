/** Where Hugo publishes the files beside content (page resources of leaf and branch bundles). */
import { posix } from '../../posix';
import type { FileLookup } from '../../site/generator';
import type { Page } from '../../site/model';
import type { HugoSite } from './context';
import { branchIndex, enclosingLeafBundle, INDEX_EXTS, langPrefix, locate, nameParts, type ContentLocation } from './content';

type PageOf = (file: string) => Page | undefined;

function dirUrlOf(page: Page): string {
  return page.url.endsWith('/') ? page.url : page.url.replace(/\.html$/, '') + '/';
}

/**
 * Resource paths are published exactly as written: case and spaces kept (`Route_Map.PNG`,
 * `notes/Day One.txt`) [verified 0.111]. In a leaf bundle they sit below the page's URL (also with
 * uglyURLs: `/posts/b.html` → `/posts/b/res.txt`); in a folder with an `_index` below the section's
 * URL (`posts/Branch_Bundle/A.txt` → `/posts/branch_bundle/A.txt`); elsewhere at their raw content
 * path (`Guides/Cheat_Sheet.TXT` → `/Guides/Cheat_Sheet.TXT`, beside a `/guides/` section).
 */
export function resourceUrl(h: HugoSite, file: string, files: FileLookup, pageOf: PageOf): string | undefined {
  const loc = locate(h, file);
  if (!loc) return undefined;
  const leaf = enclosingLeafBundle(h, loc, files);
  if (leaf) {
    for (const ext of INDEX_EXTS) {
      const page = pageOf(`${loc.contentDir}/${leaf}/index.${ext}`);
      if (page) return dirUrlOf(page) + loc.inner.slice(leaf.length + 1);
    }
    return undefined;
  }
  const { dir, lang } = nameParts(h, loc);
  const idx = dir ? branchIndex(h, loc, dir, lang, files) : undefined;
  const page = idx ? pageOf(idx) : undefined;
  if (page) return dirUrlOf(page) + posix.basename(loc.inner);
  return h.basePath + langPrefix(h, lang) + '/' + loc.inner;
}

/** A bundle's files are published once per language version of the bundle [verified 0.111: `/de/posts/pear/shared.txt`]. */
export function resourceUrls(h: HugoSite, file: string, files: FileLookup, pageOf: PageOf): string[] {
  const loc = locate(h, file);
  if (!loc) return [];
  const leaf = h.multilingual ? enclosingLeafBundle(h, loc, files) : undefined;
  if (!leaf) {
    const own = resourceUrl(h, file, files, pageOf);
    if (!own || !h.multilingual) return own ? [own] : [];
    return [own, ...branchCopies(h, loc, files, pageOf)];
  }
  const out: string[] = [];
  const rel = loc.inner.slice(leaf.length + 1);
  const translated = translationLangs(h, loc, files);
  for (const ext of INDEX_EXTS) {
    for (const name of [`index.${ext}`, ...[...h.langCodes].map((l) => `index.${l}.${ext}`)]) {
      const page = pageOf(`${loc.contentDir}/${leaf}/${name}`);
      // A language with its own version of the file (`m.fr.png` beside `m.png`) gets only that one.
      if (page && !(page.lang && translated.has(page.lang))) out.push(dirUrlOf(page) + rel);
    }
  }
  return out;
}

/**
 * Hugo 0.111's bundler (addToBundle) for a folder with `_index` files: a file joins the bundle of its
 * own language, and only if that language has an `_index` there (else it is a plain file); it is then
 * copied into every other language's `_index` bundle of the folder (content folders merged), except a
 * language with its own version of the file [verified 0.111: `_index.md` + `_index.fr.md` publish
 * `shot.png` at `/docs/` and `/fr/docs/`, not `/de/docs/`; with `_index.fr.md` alone only at `/docs/`].
 */
function branchCopies(h: HugoSite, loc: ContentLocation, files: FileLookup, pageOf: PageOf): string[] {
  const { dir, lang } = nameParts(h, loc);
  if (!branchIndexAnyDir(h, dir, lang, files)) return [];
  const translated = translationLangs(h, loc, files);
  const out: string[] = [];
  for (const other of h.langCodes) {
    if (other === lang || translated.has(other)) continue;
    const idx = branchIndexAnyDir(h, dir, other, files);
    const page = idx ? pageOf(idx) : undefined;
    if (page) out.push(dirUrlOf(page) + posix.basename(loc.inner));
  }
  return out;
}

/** A folder's `_index` for one language in any content folder (Hugo merges them into one tree). */
function branchIndexAnyDir(h: HugoSite, dir: string, lang: string, files: FileLookup): string | undefined {
  for (const d of h.contentDirs) {
    if (d.lang && d.lang !== lang) continue;
    const idx = branchIndex(h, { contentDir: d.dir, inner: dir ? `${dir}/_index` : '_index', dirLang: d.lang }, dir, lang, files);
    if (idx) return idx;
  }
  return undefined;
}

/** Languages (other than the file's) with their own version of a resource: `m.fr.png` for `m.png`. */
function translationLangs(h: HugoSite, loc: ContentLocation, files: FileLookup): Set<string> {
  const { dir, base: stem, lang } = nameParts(h, loc);
  const m = /\.[^./]+$/.exec(loc.inner);
  const ext = m ? m[0] : '';
  const at = (d: string, n: string) => files.has(`${d}/${dir ? dir + '/' : ''}${n}`);
  const out = new Set<string>();
  for (const l of h.langCodes) {
    if (l === lang) continue;
    for (const d of h.contentDirs) {
      if (d.lang && d.lang !== l) continue;
      const plain = (d.lang ?? h.c.defaultContentLanguage) === l;
      if (at(d.dir, `${stem}.${l}${ext}`) || (plain && at(d.dir, `${stem}${ext}`))) out.add(l);
    }
  }
  return out;
}

/** The page file a resource is published with: its leaf bundle's index, or the nearest `_index` above it. */
export function resourceOwner(h: HugoSite, file: string, files: FileLookup): string | undefined {
  const loc = locate(h, file);
  if (!loc) return undefined;
  const leaf = enclosingLeafBundle(h, loc, files);
  if (leaf) for (const ext of INDEX_EXTS) if (files.has(`${loc.contentDir}/${leaf}/index.${ext}`)) return `${loc.contentDir}/${leaf}/index.${ext}`;
  const lang = loc.dirLang ?? h.c.defaultContentLanguage;
  let dir = posix.dirname(loc.inner) === '.' ? '' : posix.dirname(loc.inner);
  while (dir) {
    const idx = branchIndex(h, loc, dir, lang, files);
    if (idx) return idx;
    dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
  }
  return undefined;
}
