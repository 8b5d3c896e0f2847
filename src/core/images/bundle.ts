/**
 * "Convert to a page bundle": pasting an image into a single-file Hugo post may instead turn the post
 * into a leaf bundle (`content/posts/x.md` → `content/posts/x/index.md`) with the image beside it.
 * Hugo publishes both at the same URL (the bundle's folder name takes the file name's place), so
 * links to the page keep working; links that name the post's *file* (`ref`, file-relative
 * destinations, links inside the post itself) are rewritten by the same planner a rename uses.
 *
 * Offered only when our URL model says the URL is unchanged and the folder does not exist yet
 * (nothing is ever overwritten). Pure: returns the moves, the text edits and the image links; the
 * editor and the CLI apply them.
 */
import { posix } from '../posix';
import type { Postcraft, Site } from '../service';
import { planPostMove, type FileTextEdit } from '../authoring/relink';
import { BUNDLE_INDEX } from './kind';
import { learnImages } from './evidence';
import { encodePath, escapeAlt, imageFileName, imageMarkdown } from './plan';

export interface BundleImage {
  /** Absolute path of the file to create, inside the new bundle. */
  readonly path: string;
  /** The same, relative to the site. */
  readonly file: string;
  readonly destination: string;
  readonly markdown: string;
  /** Where the alt text is in `markdown`. */
  readonly alt: { readonly start: number; readonly end: number };
}

export interface BundleConversion {
  readonly siteRoot: string;
  /** The post's move, absolute paths (the only file that moves). */
  readonly moves: readonly { readonly from: string; readonly to: string }[];
  /** The bundle folder the move creates (absolute). */
  readonly folder: string;
  /** The page's URL, before and after (our model's; the plan exists only when they agree). */
  readonly url: string;
  /** Text edits keeping links that name the post's file valid; `file` is site-relative, as named before the move. */
  readonly edits: readonly FileTextEdit[];
  readonly images: readonly BundleImage[];
}

export interface BundleRequest {
  /** Absolute posix path of the single-file post. */
  readonly post: string;
  readonly images: readonly { readonly name: string; readonly bytes?: Uint8Array }[];
  readonly alt?: string;
  /** For publish status, as the index decides it. */
  readonly now?: Date;
  /** The post's current (unsaved) text, when the editor has it. */
  readonly text?: string;
}

export type BundleResult = { readonly kind: 'planned'; readonly plan: BundleConversion } | { readonly kind: 'refused'; readonly message: string };

const refuse = (message: string): BundleResult => ({ kind: 'refused', message });

export async function planBundleConversion(engine: Postcraft, request: BundleRequest): Promise<BundleResult> {
  const site = engine.siteOf(request.post);
  if (!site) return refuse(`${request.post} is not inside a site Postcraft knows.`);
  const from = posix.relative(site.root, request.post);
  const why = notConvertible(site, from);
  if (why) return refuse(why);
  const folderRel = from.replace(/\.[^./]+$/, '');
  const to = `${folderRel}/index${from.slice(folderRel.length)}`;
  const folder = posix.join(site.root, folderRel);
  // Never overwrite: a folder (or file) of that name, on disk or in the index, keeps the post as it is.
  if ((await engine.fs.stat(folder)) || site.index.hasFile(folderRel) || [...site.index.documents.keys()].some((f) => f.startsWith(folderRel + '/'))) return refuse(`${folderRel}/ already exists: the post stays a single file.`);
  const move = planPostMove(site, from, to, { now: request.now, text: request.text });
  if (!move.oldUrl || move.oldUrl !== move.newUrl) return refuse(`As a bundle ${from} would move from ${move.oldUrl ?? 'its URL'} to ${move.newUrl ?? 'another URL'}: it stays a single file.`);
  const ev = learnImages(site);
  const dot = ev.beside > 0 && ev.dotSlash * 2 >= ev.beside;
  const alt = escapeAlt(request.alt ?? '');
  const images: BundleImage[] = [];
  const taken = new Set<string>();
  for (const i of request.images) {
    const named = imageFileName(i);
    if (named.refused !== undefined) return refuse(named.refused);
    const name = numbered(named.name, taken);
    taken.add(name);
    const destination = (dot ? './' : '') + encodePath(name);
    images.push({ path: posix.join(folder, name), file: posix.join(folderRel, name), destination, markdown: imageMarkdown(alt, destination), alt: { start: 2, end: 2 + alt.length } });
  }
  if (!images.length) return refuse('There is no image to put in the bundle.');
  return { kind: 'planned', plan: { siteRoot: site.root, moves: [{ from: request.post, to: posix.join(site.root, to) }], folder, url: move.oldUrl, edits: [...move.edits], images } };
}

/** Why this file cannot become a leaf bundle, or undefined when it can. */
function notConvertible(site: Site, file: string): string | undefined {
  if (!site.model.authoring.images?.toBundle) return `${site.model.summary.generator} has no page bundles to convert ${file} into.`;
  if (BUNDLE_INDEX.test(posix.basename(file)) || /^_index\./i.test(posix.basename(file))) return `${file} is already a bundle's page.`;
  const page = site.index.pagesOfFile(file)[0];
  if (!page || page.kind !== 'page') return `${file} is not a post of the site.`;
  return undefined;
}

function numbered(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    if (!taken.has(candidate)) return candidate;
  }
}
