/**
 * The post list kept between calls (the Posts view asks after every change to the index, typing in a
 * body included): an entry is worked out again only when its page changed (the index makes new Page
 * objects for a changed document), when a page that is not a post changed (sections and their
 * cascades hold posts back), or when the clock passed one of its dates. On 10,000 posts a body
 * keystroke then costs a walk over the pages, not 10,000 status computations.
 */
import type { Site } from '../service';
import type { Page } from '../site/model';
import { postEntry, type PostEntry } from './posts';

interface CachedPost {
  readonly entry: PostEntry;
  /** The sections' generation it was worked out with. */
  readonly generation: number;
  /** It holds for `from <= now < until`. */
  readonly from: number;
  readonly until: number;
}

/** Kept per site (SiteCaches.posts). */
export interface PostCache {
  generation: number;
  sections: readonly Page[];
  readonly entries: WeakMap<Page, CachedPost>;
}

export function newPostCache(): PostCache {
  return { generation: 0, sections: [], entries: new WeakMap() };
}

/** The first of the entry's dates after `now`: its status may change there. */
function nextBoundary(entry: PostEntry, now: number): number {
  let until = Infinity;
  const consider = (epoch: number | undefined) => {
    if (epoch !== undefined && epoch > now && epoch < until) until = epoch;
  };
  consider(entry.date?.epoch);
  consider(entry.publishDate?.epoch);
  consider(entry.expiryDate?.epoch);
  for (const h of entry.holds) if (h.kind === 'future' || h.kind === 'expired') consider(h.date.epoch);
  return until;
}

const isPost = (p: Page) => p.kind === 'page' && !!p.file;

/** Every post of the site in file order, as listPosts gives them, reusing what still holds. */
export function listPostsCached(site: Site, cache: PostCache, now: Date): PostEntry[] {
  const pages = site.index.contentPages();
  const sections = pages.filter((p) => !isPost(p));
  if (sections.length !== cache.sections.length || sections.some((p, i) => p !== cache.sections[i])) {
    cache.generation++;
    cache.sections = sections;
  }
  const t = now.getTime();
  const out: PostEntry[] = [];
  for (const page of pages) {
    if (!isPost(page)) continue;
    const hit = cache.entries.get(page);
    if (hit && hit.generation === cache.generation && hit.from <= t && t < hit.until) {
      out.push(hit.entry);
      continue;
    }
    const entry = postEntry(site, page, now);
    cache.entries.set(page, { entry, generation: cache.generation, from: t, until: nextBoundary(entry, t) });
    out.push(entry);
  }
  return out;
}
