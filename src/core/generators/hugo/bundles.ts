/** Where Hugo publishes the files beside content (page resources of leaf and branch bundles). */
import { posix } from '../../posix';
import type { FileLookup } from '../../site/generator';
import type { Page } from '../../site/model';
import type { HugoSite } from './context';
import { branchIndex, enclosingLeafBundle, INDEX_EXTS, langPrefix, locate } from './content';

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
  const dir = posix.dirname(loc.inner) === '.' ? '' : posix.dirname(loc.inner);
  const lang = loc.dirLang ?? h.c.defaultContentLanguage;
  const idx = dir ? branchIndex(h, loc, dir, lang, files) : undefined;
  const page = idx ? pageOf(idx) : undefined;
  if (page) return dirUrlOf(page) + posix.basename(loc.inner);
  return h.basePath + langPrefix(h, lang) + '/' + loc.inner;
}

/** A bundle's files are published once per language version of the bundle [verified 0.111: `/de/posts/pear/shared.txt`]. */
export function resourceUrls(h: HugoSite, file: string, files: FileLookup, pageOf: PageOf): string[] {
  const loc = locate(h, file);
  if (!loc) return [];
  const leaf = enclosingLeafBundle(h, loc, files);
  if (!leaf || !h.multilingual) {
    const u = resourceUrl(h, file, files, pageOf);
    return u ? [u] : [];
  }
  const out: string[] = [];
  const rel = loc.inner.slice(leaf.length + 1);
  for (const ext of INDEX_EXTS) {
    for (const name of [`index.${ext}`, ...[...h.langCodes].map((l) => `index.${l}.${ext}`)]) {
      const page = pageOf(`${loc.contentDir}/${leaf}/${name}`);
      if (page) out.push(dirUrlOf(page) + rel);
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
