/**
 * What the site's own posts tell about images: the folders their images live in (or that they sit
 * beside their posts), and the form their links are written in. Learned from image links and
 * front-matter image values that reach a file of the site, so a convention is only followed where it
 * works.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { ExtractedLink } from '../links/types';
import { targetOf } from '../authoring/targets';
import { postFiles } from '../newpost/layout';
import { BUNDLE_INDEX, isImageName } from './kind';
import { frontMatterImages } from './frontMatterImages';

/** How a site writes a link to an image in a static folder. */
export type ImageLinkForm = 'root' | 'relative_url' | 'baseurl';

export interface ImageEvidence {
  /** Site-relative folders holding the posts' images (a year segment as `<year>`), most used first. */
  readonly folders: readonly { readonly folder: string; readonly uses: number }[];
  /** Images found beside their post (in its bundle or its folder). */
  readonly beside: number;
  /** Beside links written `./x.png` rather than `x.png`. */
  readonly dotSlash: number;
  /** Link forms of images outside bundles, by use. */
  readonly forms: ReadonlyMap<ImageLinkForm, number>;
}

/** Posts whose links are read for evidence at most: enough to see a convention, cheap on a big site. */
const SAMPLE = 300;
/**
 * Of those, bodies not read yet (each costs a read and a parse on the caller's thread, the editor's
 * extension host included): the site's whole-site check has usually read them all.
 */
const UNREAD = 20;

export const YEAR = '<year>';

export function yearPattern(folder: string): string {
  return folder.split('/').map((s) => (/^(19|20)\d\d$/.test(s) ? YEAR : s)).join('/');
}

export function formOf(written: string): ImageLinkForm | 'relative' {
  if (/^\{\{-?\s*["'][^"']*["']\s*\|\s*(relative_url|absolute_url)\b/.test(written)) return 'relative_url';
  if (/^\{\{-?\s*site\.baseurl\s*-?\}\}/.test(written)) return 'baseurl';
  return written.startsWith('/') ? 'root' : 'relative';
}

export function learnImages(site: Site): ImageEvidence {
  const folders = new Map<string, number>();
  const forms = new Map<ImageLinkForm, number>();
  let beside = 0;
  let dotSlash = 0;
  const files = postFiles(site);
  const loaded = files.filter((f) => site.index.document(f)?.bodyLoaded !== false);
  const rest = files.filter((f) => site.index.document(f)?.bodyLoaded === false);
  const sample = new Set([...loaded.slice(0, SAMPLE), ...rest.slice(0, Math.max(0, Math.min(UNREAD, SAMPLE - loaded.length)))]);
  const count = (post: string, imageFile: string, written: string) => {
    const postDir = posix.dirname(post);
    const dir = posix.dirname(imageFile);
    if (dir === postDir || (dir.startsWith(postDir + '/') && BUNDLE_INDEX.test(posix.basename(post)))) {
      beside++;
      if (written.startsWith('./')) dotSlash++;
      return;
    }
    const key = yearPattern(dir === '.' ? '' : dir);
    folders.set(key, (folders.get(key) ?? 0) + 1);
    const form = formOf(written);
    if (form !== 'relative') forms.set(form, (forms.get(form) ?? 0) + 1);
  };
  // Front-matter images of every post (no body read), image links of the sample.
  for (const file of [...files].sort()) {
    const doc = site.index.document(file);
    if (!doc) continue;
    for (const link of sample.has(file) ? doc.body().links : []) {
      if (link.kind !== 'image' && !(link.kind === 'inline' && isImageName(link.href ?? link.target))) continue;
      const f = imageFileOf(site, file, link);
      if (f) count(file, f, link.target.trim());
    }
    for (const v of frontMatterImages(doc.frontMatter?.data)) {
      const f = imageFileOf(site, file, { kind: 'image', target: v.value, range: { start: 0, end: 0 } });
      if (f) count(file, f, v.value);
    }
  }
  return { folders: [...folders].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([folder, uses]) => ({ folder, uses })), beside, dotSlash, forms };
}

/** The site file an image link reaches, if any. */
export function imageFileOf(site: Site, file: string, link: ExtractedLink): string | undefined {
  const t = targetOf(site, file, link) ?? (link.href && link.href !== link.target ? targetOf(site, file, { ...link, target: link.href }) : undefined);
  return t?.file && !t.page && isImageName(t.file) ? t.file : undefined;
}
