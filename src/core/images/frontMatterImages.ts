/**
 * The images a post names in its front matter for the theme (cards, social previews, headers):
 * `image`, `images: [..]`, `cover: {image}`, `featured_image`, `thumbnail`, `header: {teaser}` …
 * Only values that look like a path to an image are taken: a theme's other uses of these keys (a
 * boolean `image: true`, a caption) are not ours to judge.
 */
import { isImageName } from './kind';

/** Top-level keys themes read an image from (compared lower-case, `-` and `_` alike). */
const IMAGE_KEYS = new Set([
  'image', 'images', 'cover', 'coverimage', 'cover_image', 'featuredimage', 'featured_image', 'featureimage', 'feature_image', 'feature',
  'thumbnail', 'thumbnails', 'thumb', 'banner', 'bannerimage', 'banner_image', 'hero', 'heroimage', 'hero_image', 'header', 'teaser',
  'ogimage', 'og_image', 'socialimage', 'social_image', 'shareimage', 'share_image', 'twitterimage', 'twitter_image', 'img', 'photo', 'background',
]);

/** Keys inside a map value (`cover: {image: …}`, `header: {overlay_image: …}`) that hold the path. */
const NESTED_KEYS = new Set(['image', 'src', 'path', 'url', 'teaser', 'overlay_image', 'og_image', 'thumbnail', 'file', 'filename']);

export interface FrontMatterImage {
  /** The top-level key it is under. */
  readonly key: string;
  /** Where it is, for messages: `cover.image`, `images[1]`. */
  readonly path: string;
  readonly value: string;
}

const norm = (k: string) => k.toLowerCase().replace(/-/g, '_');

export function isImageKey(key: string): boolean {
  return IMAGE_KEYS.has(norm(key));
}

/** A value we would judge: a local path to an image (not a URL, not template code). */
export function isLocalImagePath(v: string): boolean {
  const s = v.trim();
  if (!s || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(s) || /[{}<>]/.test(s)) return false;
  return isImageName(s.replace(/[?#].*$/, ''));
}

export function frontMatterImages(data: Readonly<Record<string, unknown>> | undefined): FrontMatterImage[] {
  const out: FrontMatterImage[] = [];
  if (!data) return out;
  const take = (key: string, path: string, v: unknown, depth: number) => {
    if (typeof v === 'string') {
      if (isLocalImagePath(v)) out.push({ key, path, value: v.trim() });
    } else if (Array.isArray(v)) {
      if (depth < 2) v.forEach((x, i) => take(key, `${path}[${i}]`, x, depth + 1));
    } else if (v && typeof v === 'object' && !(v instanceof Date) && depth < 2) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (NESTED_KEYS.has(norm(k))) take(key, `${path}.${k}`, x, depth + 1);
    }
  };
  for (const [k, v] of Object.entries(data)) if (isImageKey(k)) take(k, k, v, 0);
  return out;
}
