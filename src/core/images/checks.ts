/**
 * `frontmatter.image-not-found` (warning): an image a post names in its front matter for the theme
 * (`image`, `images`, `cover.image`, `featured_image`, `thumbnail` …) that no file of the site holds,
 * so the post's card or social preview shows a broken image.
 *
 * Themes read these values in many ways (bundle-relative through `.Resources`, root-relative through
 * `relURL`/`absURL`, from `assets/` through `resources.Get`, behind a folder of their own:
 * `/images/{{ .Params.image }}`). We cannot tell which, so a value is reported only when no reading
 * reaches a file: not beside the post, not from the site root, not in a template root, and no file
 * of the site ends with the path written.
 */
import { posix } from '../posix';
import type { Postcraft, Site } from '../service';
import type { IndexedDocument } from '../site/index';
import type { PostcraftDiagnostic } from '../diagnostics';
import type { LineIndex, TextRange } from '../text';
import { scanFrontMatter } from '../frontmatter/context';
import { splitFrontMatter } from '../frontmatter/parse';
import { FRONTMATTER_SEVERITY } from '../frontmatter/severity';
import { decodePath, splitDestination } from '../links/urls';
import { frontMatterImages, type FrontMatterImage } from './frontMatterImages';
import { imageFileOf } from './evidence';

export async function checkFrontMatterImages(engine: Postcraft, site: Site, file: string, text: string, lines: LineIndex, doc: IndexedDocument | undefined): Promise<PostcraftDiagnostic[]> {
  const facts = site.model.authoring.images;
  if (facts?.unknownTheme) return [];
  // Only a published page shows the images (a file the index does not hold is not judged).
  if (!doc?.pages.length) return [];
  const data = (doc.frontMatter ?? splitFrontMatter(text).frontMatter)?.data;
  let images = frontMatterImages(data);
  if (!images.length) return [];
  // Only what a template shows can break a page; where we cannot tell which keys are read, nothing is judged.
  const read = (await site.links.extras()).paramsRead;
  if (!read || read.dynamic) return [];
  images = images.filter((i) => read.keys.has(i.key.toLowerCase()));
  const out: PostcraftDiagnostic[] = [];
  let scanned: ReturnType<typeof scanFrontMatter> | null = null;
  for (const img of images) {
    if (await found(engine, site, file, img.value)) continue;
    scanned ??= scanFrontMatter(text) ?? null;
    const range = rangeOf(text, scanned, img);
    out.push({
      file,
      start: lines.positionAt(range.start),
      end: lines.positionAt(range.end),
      severity: FRONTMATTER_SEVERITY['frontmatter.image-not-found'],
      code: 'frontmatter.image-not-found',
      message: `No file of the site holds the image '${img.value}' (${img.path}): the post's card or social preview will show a broken image.`,
      data: { value: img.value, key: img.path },
    });
  }
  return out;
}

async function found(engine: Postcraft, site: Site, file: string, value: string): Promise<boolean> {
  const path = decodePath(splitDestination(value).path);
  const asLink = (target: string) => imageFileOf(site, file, { kind: 'image', target, range: { start: 0, end: target.length } });
  // Beside the post (a bundle's resource), then from the site root, as relURL/absURL read it.
  if (asLink(value) || (!value.startsWith('/') && asLink('/' + value.replace(/^\.\//, '')))) return true;
  const basePath = site.model.summary.basePath;
  let rel = path.replace(/^\.?\//, '');
  if (basePath && path.startsWith(basePath + '/')) rel = path.slice(basePath.length + 1);
  rel = posix.normalize(rel);
  if (rel.startsWith('../')) rel = rel.replace(/^(\.\.\/)+/, '');
  if (!rel || rel === '.') return true;
  // A theme may put the value behind a folder of its own: any file ending with the path may be the one.
  if (filesNamedLike(site, rel).length) return true;
  for (const root of site.model.authoring.images?.templateRoots ?? []) {
    if (await engine.fs.stat(posix.join(site.root, root, rel))) return true;
  }
  return false;
}

/** The site's files whose path ends with `path` (compared without case: a theme's folder is unknown). */
export function filesNamedLike(site: Site, path: string): string[] {
  const wanted = posix.normalize(decodePath(splitDestination(path).path).replace(/^\.?\//, '')).replace(/^(\.\.\/)+/, '').toLowerCase();
  return filesNamed(site, posix.basename(wanted)).filter((f) => {
    const l = f.toLowerCase();
    return l === wanted || l.endsWith('/' + wanted);
  });
}

function filesNamed(site: Site, name: string): readonly string[] {
  const v = site.index.version;
  let c = site.caches.filesByName;
  if (!c || c.version !== v) {
    const byName = new Map<string, string[]>();
    for (const f of site.index.allFiles()) {
      const k = posix.basename(f).toLowerCase();
      const list = byName.get(k);
      if (list) list.push(f);
      else byName.set(k, [f]);
    }
    site.caches.filesByName = c = { version: v, byName };
  }
  return c.byName.get(name) ?? [];
}

/** Where the value is written: inside its top-level key's region, else the key itself. */
function rangeOf(text: string, scanned: ReturnType<typeof scanFrontMatter> | null, img: FrontMatterImage): TextRange {
  const v = scanned?.values.find((x) => x.key.key === img.key);
  if (!v) return { start: 0, end: 0 };
  const at = text.indexOf(img.value, v.key.keyEnd);
  if (at >= 0 && at < v.limit) return { start: at, end: at + img.value.length };
  return { start: v.key.keyStart, end: v.key.keyEnd };
}
