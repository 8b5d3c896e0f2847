/**
 * The front matter as a reader would meet it: a card with title, date (in the offset the author
 * wrote), authors by display name, tag and category chips, a status badge and the cover image.
 */
import { fmGet } from '../frontmatter/parse';
import type { PublishStatus } from '../site/model';
import { displayDate } from './dates';
import { escapeHtml } from './html';
import { imageHtml } from './shortcodes';
import type { ResolveImage } from './types';

export interface HeaderInput {
  readonly data: Readonly<Record<string, unknown>>;
  readonly status?: PublishStatus;
  readonly authorName?: (id: string) => string | undefined;
  readonly resolveImage: ResolveImage;
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
  if (typeof v === 'string' && v.trim()) return [v.trim()];
  if (typeof v === 'number') return [String(v)];
  return [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** `images: [a]`, `cover: a`, `cover: {image: a}` (PaperMod), `image: a`, `featured_image: a`. */
export function coverImageOf(data: Readonly<Record<string, unknown>>): string | undefined {
  const images = strings(fmGet(data, 'images'));
  if (images.length) return images[0];
  const cover = fmGet(data, 'cover');
  if (typeof cover === 'string' && cover.trim()) return cover.trim();
  if (cover && typeof cover === 'object' && !Array.isArray(cover)) {
    const img = str(fmGet(cover as Record<string, unknown>, 'image'));
    if (img?.trim()) return img.trim();
  }
  for (const key of ['image', 'featured_image', 'featuredImage']) {
    const v = str(fmGet(data, key));
    if (v?.trim()) return v.trim();
  }
  return undefined;
}

/** Status from the site model, or from `draft: true` when the file belongs to no page. */
function statusOf(input: HeaderInput): PublishStatus | undefined {
  if (input.status) return input.status;
  const d = fmGet(input.data, 'draft');
  return d === true || d === 'true' ? 'draft' : undefined;
}

const STATUS_TEXT: Record<PublishStatus, [string, string]> = {
  published: ['', ''],
  draft: ['Draft', 'draft: true — not published by a production build'],
  future: ['Scheduled', 'dated in the future — not published until then (unless buildFuture)'],
  expired: ['Expired', 'expiryDate has passed — no longer published (unless buildExpired)'],
};

function chips(kind: string, values: readonly string[]): string {
  return values.map((v) => `<span class="pc-chip pc-chip-${kind}">${escapeHtml(v)}</span>`).join('');
}

export function titleOf(data: Readonly<Record<string, unknown>>): string | undefined {
  const t = str(fmGet(data, 'title'));
  return t?.trim() ? t.trim() : undefined;
}

export function renderHeader(input: HeaderInput): string {
  const d = input.data;
  const title = titleOf(d);
  const parts: string[] = [];
  const status = statusOf(input);
  const cover = coverImageOf(d);
  if (cover) parts.push(`<div class="pc-cover">${imageHtml(safe(input.resolveImage, cover), 'Cover image', cover)}</div>`);
  const badge = status && status !== 'published' ? `<span class="pc-badge pc-badge-${status}" title="${escapeHtml(STATUS_TEXT[status][1])}">${STATUS_TEXT[status][0]}</span>` : '';
  parts.push(`<h1 class="pc-title">${title ? escapeHtml(title) : '<span class="pc-untitled">Untitled</span>'}${badge}</h1>`);
  const description = str(fmGet(d, 'description')) ?? str(fmGet(d, 'summary'));
  if (description?.trim()) parts.push(`<p class="pc-description">${escapeHtml(description.trim())}</p>`);

  const meta: string[] = [];
  const date = displayDate(fmGet(d, 'date') ?? fmGet(d, 'publishDate'));
  if (date) meta.push(`<time class="pc-date"${date.datetime ? ` datetime="${escapeHtml(date.datetime)}"` : ''}>${escapeHtml(date.text)}</time>`);
  const authorIds = [...strings(fmGet(d, 'authors')), ...strings(fmGet(d, 'author'))];
  if (authorIds.length) {
    const names = authorIds.map((id) => {
      const name = input.authorName?.(id);
      return `<span class="pc-author" data-author="${escapeHtml(id)}"${name ? ` title="${escapeHtml(id)}"` : ''}>${escapeHtml(name ?? id)}</span>`;
    });
    meta.push(`<span class="pc-authors">by ${names.join(', ')}</span>`);
  }
  const lastmod = displayDate(fmGet(d, 'lastmod'));
  if (lastmod) meta.push(`<span class="pc-lastmod">updated ${escapeHtml(lastmod.text)}</span>`);
  if (meta.length) parts.push(`<div class="pc-meta">${meta.join('<span class="pc-sep" aria-hidden="true"> · </span>')}</div>`);

  const tags = strings(fmGet(d, 'tags'));
  const categories = strings(fmGet(d, 'categories'));
  if (tags.length || categories.length) parts.push(`<div class="pc-chips">${chips('category', categories)}${chips('tag', tags)}</div>`);
  return `<header class="pc-header" data-line="0">${parts.join('')}</header>`;
}

function safe(resolve: ResolveImage, src: string) {
  try {
    return resolve(src);
  } catch {
    return { missing: true as const, reason: 'could not be resolved' };
  }
}
