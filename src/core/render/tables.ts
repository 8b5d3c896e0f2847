/**
 * Rendering off the host's thread: the renderer's hooks answered from tables instead of the site
 * model, so `renderPost` can run where the index is not (a worker thread). The host fills the
 * tables (the same hooks renderInSite uses) for what the previous round asked and was missing; a
 * post whose links and images are all in the tables renders in one round.
 */
import { renderPost } from './render';
import type { ImageResolution, LinkForm, LinkVerdict, MarkupOptions, RenderedPost, RenderHooks } from './types';
import type { PublishStatus } from '../site/model';

/** Plain data (structured-clone safe): verdicts by linkKey, images by src, author names by id. */
export interface RenderTables {
  readonly links: Readonly<Record<string, LinkVerdict>>;
  readonly images: Readonly<Record<string, ImageResolution>>;
  readonly authors: Readonly<Record<string, string>>;
  readonly status?: PublishStatus;
  /** What the site's templates printed for the post's shortcode calls, by source text (RenderHooks.printedShortcode). */
  readonly shortcodes?: Readonly<Record<string, string>>;
}

export interface TableRender {
  /** Present when nothing was missing from the tables. */
  readonly post?: RenderedPost;
  readonly missingLinks: readonly (readonly [target: string, form: LinkForm])[];
  readonly missingImages: readonly string[];
}

export function linkKey(target: string, form: LinkForm): string {
  return `${form} ${target}`;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function renderFromTables(text: string, markup: MarkupOptions, tables: RenderTables): TableRender {
  const missingLinks = new Map<string, readonly [string, LinkForm]>();
  const missingImages = new Set<string>();
  const post = renderPost(text, markup, {
    resolveImage: (src) => {
      if (own(tables.images, src)) return tables.images[src];
      missingImages.add(src);
      return { missing: true, reason: 'not resolved yet' };
    },
    resolveLink: (target, form) => {
      const k = linkKey(target, form);
      if (own(tables.links, k)) return tables.links[k];
      missingLinks.set(k, [target, form]);
      return { kind: 'other' };
    },
    authorName: (id) => (own(tables.authors, id) ? tables.authors[id] : own(tables.authors, id.toLowerCase()) ? tables.authors[id.toLowerCase()] : undefined),
    status: tables.status,
    // Only own string values: the table is plain data, read as such whatever it holds.
    printedShortcode: (source) => {
      const v = tables.shortcodes && own(tables.shortcodes, source) ? tables.shortcodes[source] : undefined;
      return typeof v === 'string' ? v : undefined;
    },
  });
  if (missingLinks.size || missingImages.size) return { missingLinks: [...missingLinks.values()], missingImages: [...missingImages] };
  return { post, missingLinks: [], missingImages: [] };
}

/**
 * The tables for these links and images, answered by the site-bound hooks (renderInSite's). Async
 * and sliced: a post with thousands of links must not block the host while its verdicts are made.
 */
export async function fillTables(
  hooks: RenderHooks,
  ownIds: ReadonlySet<string>,
  links: Iterable<readonly [string, LinkForm]>,
  images: Iterable<string>,
  authors: Readonly<Record<string, string>>,
  shortcodes: Readonly<Record<string, string>>,
  yieldNow: () => Promise<void>,
): Promise<RenderTables> {
  const l: Record<string, LinkVerdict> = {};
  const i: Record<string, ImageResolution> = {};
  for (const [target, form] of links) {
    l[linkKey(target, form)] = hooks.resolveLink(target, form, ownIds);
    await yieldNow();
  }
  for (const src of images) {
    i[src] = hooks.resolveImage(src);
    await yieldNow();
  }
  return { links: l, images: i, authors, status: hooks.status, ...(Object.keys(shortcodes).length ? { shortcodes } : {}) };
}
