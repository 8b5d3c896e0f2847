/**
 * Images in the editor: which image a position in a post names (a body image link or a front-matter
 * image value) and the file it is, for hovers with a thumbnail; and completion of image paths in
 * front-matter image keys, written the way the generator publishes them.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { TextRange } from '../text';
import type { IndexedDocument } from '../site/index';
import { frontMatterContext } from '../frontmatter/context';
import { scanFrontMatter } from '../frontmatter/context';
import { splitFrontMatter } from '../frontmatter/parse';
import { BUNDLE_INDEX, isImageName } from './kind';
import { frontMatterImages, isImageKey } from './frontMatterImages';
import { imageFileOf } from './evidence';
import { filesNamedLike } from './checks';
import { publication } from './publish';

export interface ImageAt {
  readonly range: TextRange;
  /** Site-relative file of the image. */
  readonly file: string;
  readonly written: string;
}

/**
 * The image named at `offset`, when it is a file of the site. `doc`: the index's analysis of this
 * text (the host waits for it; nothing is parsed here but the front matter).
 */
export function imageAt(site: Site, file: string, text: string, offset: number, doc: IndexedDocument | undefined = site.index.document(file)): ImageAt | undefined {
  const scanned = scanFrontMatter(text);
  if (scanned && offset < scanned.block.contentEnd) {
    const data = splitFrontMatter(text).frontMatter?.data;
    for (const img of frontMatterImages(data)) {
      const v = scanned.values.find((x) => x.key.key === img.key);
      if (!v || offset < v.key.keyStart || offset > v.limit) continue;
      for (let at = text.indexOf(img.value, v.key.keyEnd); at >= 0 && at < v.limit; at = text.indexOf(img.value, at + 1)) {
        if (offset < at || offset > at + img.value.length) continue;
        const f = fileOfValue(site, file, img.value);
        return f ? { range: { start: at, end: at + img.value.length }, file: f, written: img.value } : undefined;
      }
    }
    return undefined;
  }
  for (const link of doc?.body().links ?? []) {
    if (link.kind !== 'image' || offset < link.range.start || offset > link.range.end) continue;
    const f = imageFileOf(site, file, link);
    return f ? { range: link.range, file: f, written: link.target } : undefined;
  }
  return undefined;
}

/** The file a front-matter image value most likely is (as the check finds it). */
export function fileOfValue(site: Site, file: string, value: string): string | undefined {
  const asLink = (target: string) => imageFileOf(site, file, { kind: 'image', target, range: { start: 0, end: target.length } });
  return asLink(value) ?? (value.startsWith('/') ? undefined : asLink('/' + value.replace(/^\.\//, ''))) ?? filesNamedLike(site, value)[0];
}

export interface ImagePathCompletion {
  readonly label: string;
  readonly insertText: string;
  readonly filterText: string;
  readonly range: TextRange;
  /** Site-relative file, for the item's thumbnail. */
  readonly file: string;
  readonly sortText: string;
}

const LIMIT = 200;

/** Image paths for a front-matter image key: the post's own bundle files first, then the site's images. */
export function completeImagePaths(site: Site, file: string, text: string, offset: number): ImagePathCompletion[] {
  const ctx = frontMatterContext(text, offset);
  if (!ctx || ctx.kind !== 'value' || !isImageKey(ctx.key)) return [];
  const postDir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const bundle = BUNDLE_INDEX.test(posix.basename(file));
  const basePath = site.model.summary.basePath;
  const out: ImagePathCompletion[] = [];
  for (const f of site.index.allFiles()) {
    if (!isImageName(f)) continue;
    const own = bundle && f.startsWith(postDir + '/');
    let value: string | undefined;
    if (own) value = f.slice(postDir.length + 1);
    else {
      const url = publication(site, file, f)?.url;
      // Themes print the value through relURL/absURL (Jekyll: relative_url): under a sub-path a
      // leading slash escapes it [verified hugo 0.111], a path without one stays below it.
      if (url) value = basePath && url.startsWith(basePath + '/') ? url.slice(basePath.length + 1) : url;
    }
    if (!value || ctx.present.includes(value)) continue;
    const q = ctx.quote || (/[:#\s,[\]{}]/.test(value) ? '"' : '');
    const insertText = ctx.prefix + q + value + q;
    out.push({ label: value, insertText, filterText: ctx.quote + value, range: ctx.range, file: f, sortText: (own ? '0' : '1') + value });
  }
  return out.sort((a, b) => a.sortText.localeCompare(b.sortText)).slice(0, LIMIT);
}
