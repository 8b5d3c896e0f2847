/**
 * The image planner: where an image for a post goes, under which name, and the Markdown that shows
 * it — the way this site's generator publishes it. Beside the post in a page bundle; else in the
 * folder the site's posts already keep images in; else the generator's usual folder. The link is
 * written in the form the site's posts use (root-relative with the sub-path, bundle-relative,
 * Jekyll's `relative_url`). Nothing here writes: the CLI and the editor copy the bytes, creating the
 * file exclusively, so a name taken meanwhile fails instead of being overwritten.
 */
import { posix } from '../posix';
import type { Postcraft, Site } from '../service';
import { relativeUrl, rootDestination, baseDir } from '../links/urls';
import { BUNDLE_INDEX, extensionFor, imageExtension, imageMismatch, sniffImage } from './kind';
import { learnImages, YEAR, type ImageEvidence, type ImageLinkForm } from './evidence';
import { publication, type Publication } from './publish';

export interface ImageRequest {
  /** Absolute posix path of the post the image is for. */
  readonly post: string;
  /** The image's file name (a pasted image without one: `image.png`). */
  readonly name: string;
  /** Its bytes, when at hand: checked to be an image of the kind the name says. */
  readonly bytes?: Uint8Array;
  readonly alt?: string;
  /** A folder forced by the writer's setting (site-relative). */
  readonly folder?: string;
  /** For `<year>` folders when the post has no date. */
  readonly now?: Date;
  /** Absolute paths already promised to other images of the same paste or drop. */
  readonly taken?: ReadonlySet<string>;
}

export interface ImagePlan {
  readonly siteRoot: string;
  /** Absolute path of the file to create. */
  readonly path: string;
  /** The same, relative to the site. */
  readonly file: string;
  /** The destination as written in the Markdown. */
  readonly destination: string;
  readonly markdown: string;
  /** Where the alt text is in `markdown` (to select it after inserting). */
  readonly alt: { readonly start: number; readonly end: number };
  /** The URL the generator publishes the image at (sub-path included), when we know it. */
  readonly url?: string;
  /** Why this folder, in a few words. */
  readonly reason: string;
  readonly warnings: readonly string[];
}

export type ImagePlanResult = { readonly kind: 'planned'; readonly plan: ImagePlan } | { readonly kind: 'refused'; readonly message: string };

const refuse = (message: string): ImagePlanResult => ({ kind: 'refused', message });

/** A file name that needs no escaping in a URL or Markdown: letters, digits, `.`, `-`, `_`. */
export function cleanImageName(name: string, kind?: string): string {
  const base = posix.basename(name.replace(/\\/g, '/'));
  const dot = base.lastIndexOf('.');
  let stem = (dot > 0 ? base.slice(0, dot) : base).normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
  if (!stem) stem = 'image';
  const ext = imageExtension(base) ?? (kind ? extensionFor(kind) : 'png');
  return `${stem}.${dot > 0 && imageExtension(base) ? base.slice(dot + 1) : ext}`;
}

export async function planImage(engine: Postcraft, request: ImageRequest): Promise<ImagePlanResult> {
  const site = engine.siteOf(request.post);
  if (!site) return refuse(`${request.post} is not inside a site Postcraft knows.`);
  const named = imageFileName(request);
  if (named.refused !== undefined) return refuse(named.refused);
  const name = named.name;
  const post = posix.relative(site.root, request.post);
  const ev = learnImages(site);
  const choice = chooseFolder(site, post, request, ev);
  if (typeof choice === 'string') return refuse(choice);
  const warnings: string[] = [];
  let picked: { folder: string; reason: string; reach: Publication | undefined } | undefined;
  for (const c of choice) {
    const reach = publication(site, post, posix.join(c.folder, name));
    if (reach || c.forced) {
      picked = { ...c, reach };
      break;
    }
  }
  if (!picked) picked = { ...choice[choice.length - 1], reach: undefined };
  if (!picked.reach) warnings.push(`As far as Postcraft can tell, ${site.model.summary.generator} does not publish files in ${picked.folder || 'the site folder'}: the image may not show on the built site.`);
  const file = await freeName(engine, site, picked.folder, name, request.taken);
  const reach = publication(site, post, file);
  const url = reach?.url;
  const destination = destinationFor(site, post, file, reach, ev);
  const alt = escapeAlt(request.alt ?? '');
  const markdown = imageMarkdown(alt, destination);
  return { kind: 'planned', plan: { siteRoot: site.root, path: posix.join(site.root, file), file, destination, markdown, alt: { start: 2, end: 2 + alt.length }, url, reason: picked.reason, warnings } };
}

/** The clean file name an image is saved under, or why it is not an image. */
export function imageFileName(request: Pick<ImageRequest, 'name' | 'bytes'>): { name: string; refused?: undefined } | { refused: string } {
  if (request.bytes) {
    const bad = imageExtension(request.name) ? imageMismatch(request.name, request.bytes) : sniffImage(request.bytes) ? undefined : `${request.name} is not an image.`;
    if (bad) return { refused: bad };
  } else if (!imageExtension(request.name)) return { refused: `${request.name} is not an image (by its name).` };
  return { name: cleanImageName(request.name, request.bytes && sniffImage(request.bytes)) };
}

/**
 * The Markdown for an image that is already a file of the site (dropped from the explorer): linked
 * where it is when the generator publishes it there, undefined when it must be copied.
 */
export function linkExisting(engine: Postcraft, post: string, image: string, alt = ''): { destination: string; markdown: string; alt: { start: number; end: number } } | undefined {
  const site = engine.siteOf(post);
  if (!site || engine.siteOf(image) !== site) return undefined;
  const postRel = posix.relative(site.root, post);
  const file = posix.relative(site.root, image);
  const reach = publication(site, postRel, file);
  if (!reach) return undefined;
  const destination = destinationFor(site, postRel, file, reach, learnImages(site));
  const a = escapeAlt(alt);
  return { destination, markdown: imageMarkdown(a, destination), alt: { start: 2, end: 2 + a.length } };
}

export function escapeAlt(alt: string): string {
  return alt.replace(/[[\]\\]/g, (c) => '\\' + c).replace(/\s+/g, ' ').trim();
}

export function imageMarkdown(alt: string, destination: string): string {
  // Liquid is evaluated before Markdown is read: its spaces are gone by then.
  return `![${alt}](${!destination.startsWith('{{') && /[\s()<>]/.test(destination) ? `<${destination}>` : destination})`;
}

interface Candidate {
  readonly folder: string;
  readonly reason: string;
  readonly forced?: boolean;
}

function chooseFolder(site: Site, post: string, request: ImageRequest, ev: ImageEvidence): Candidate[] | string {
  const postDir = posix.dirname(post) === '.' ? '' : posix.dirname(post);
  if (request.folder !== undefined && request.folder.trim() !== '') {
    const f = posix.normalize(request.folder.trim().replace(/^\/+|\/+$/g, ''));
    if (f === '..' || f.startsWith('../')) return `The image folder ${request.folder} is outside the site.`;
    return [{ folder: f === '.' ? '' : f, reason: 'the folder your setting names', forced: true }];
  }
  const facts = site.model.authoring.images;
  const out: Candidate[] = [];
  const bundle = BUNDLE_INDEX.test(posix.basename(post));
  const elsewhere = ev.folders.reduce((n, f) => n + f.uses, 0);
  if (!facts) out.push({ folder: postDir, reason: 'beside the post' });
  else if (facts.beside !== 'never' && bundle) out.push({ folder: postDir, reason: 'beside the post, in its page bundle' });
  else if (facts.beside === 'any' && ev.beside > elsewhere) out.push({ folder: postDir, reason: 'beside the post, as the site\u2019s posts keep their images' });
  const top = ev.folders[0];
  if (top) out.push({ folder: top.folder.split('/').map((s) => (s === YEAR ? yearOf(site, post, request.now) : s)).join('/'), reason: `the folder the site\u2019s posts keep images in (${top.uses} image${top.uses === 1 ? '' : 's'})` });
  if (facts) out.push({ folder: facts.defaultFolder, reason: `${site.model.summary.generator}\u2019s usual image folder (no image on the site says otherwise)` });
  return out;
}

function yearOf(site: Site, post: string, now: Date | undefined): string {
  const d = site.index.document(post)?.frontMatter?.data?.['date'];
  const s = d instanceof Date ? d.toISOString() : typeof d === 'string' ? d : posix.basename(post);
  const m = /^((?:19|20)\d\d)-/.exec(s.trim());
  return m ? m[1] : String((now ?? new Date()).getUTCFullYear());
}

async function freeName(engine: Postcraft, site: Site, folder: string, name: string, taken: ReadonlySet<string> | undefined): Promise<string> {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const ext = name.slice(dot);
  for (let n = 1; ; n++) {
    const file = posix.join(folder, n === 1 ? name : `${stem}-${n}${ext}`);
    if (site.index.hasFile(file) || taken?.has(posix.join(site.root, file))) continue;
    if (await engine.fs.stat(posix.join(site.root, file))) continue;
    return file;
  }
}

export function encodePath(p: string): string {
  return p.split('/').map((s) => encodeURIComponent(s).replace(/%40/g, '@')).join('/');
}

/** The destination the site's posts would write for this file. */
function destinationFor(site: Site, post: string, file: string, reach: Publication | undefined, ev: ImageEvidence): string {
  const url = reach?.url;
  const postDir = posix.dirname(post) === '.' ? '' : posix.dirname(post);
  const besides = postDir === '' || file.startsWith(postDir + '/');
  const summary = site.model.summary;
  const page = site.index.pagesOfFile(post)[0];
  const dot = ev.beside > 0 ? ev.dotSlash * 2 >= ev.beside : summary.linkSemantics === 'file';
  if ((besides || reach?.bundled) && summary.linkSemantics === 'file') return (dot ? './' : '') + encodePath(posix.relative(postDir, file));
  if (besides && page && url && url.startsWith(baseDir(page.url))) return (dot ? './' : '') + encodePath(relativeUrl(page.url, url));
  if (!url) return '/' + encodePath(file);
  const form = formFor(site, ev);
  const path = summary.basePath && url.startsWith(summary.basePath + '/') ? url.slice(summary.basePath.length) : url;
  if (form === 'relative_url') return `{{ '${path.replace(/'/g, '%27')}' | relative_url }}`;
  if (form === 'baseurl') return `{{ site.baseurl }}${encodePath(path)}`;
  return encodePath(rootDestination(summary, url));
}

function formFor(site: Site, ev: ImageEvidence): ImageLinkForm {
  const ranked = [...ev.forms].sort((a, b) => b[1] - a[1]);
  if (ranked.length) return ranked[0][0];
  // A Liquid site under a sub-path: root-relative links miss the baseurl; relative_url adds it.
  return site.model.liquid && site.model.summary.basePath ? 'relative_url' : 'root';
}
