/**
 * Posts in the groups a writer looks for: drafts, scheduled (soonest first), expired (latest first),
 * published (newest first, by section). The CLI's text output and the Posts view list them so.
 */
import type { PostEntry } from './posts';

export interface PostGroups {
  readonly drafts: PostEntry[];
  readonly scheduled: PostEntry[];
  readonly expired: PostEntry[];
  /** Section → its published posts, newest first; sections in name order ('' = the site root). */
  readonly published: Map<string, PostEntry[]>;
  readonly publishedCount: number;
}

const byFile = (a: PostEntry, b: PostEntry) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const epochOf = (p: PostEntry) => p.liveAt?.epoch ?? p.publishDate?.epoch ?? p.date?.epoch;

/** Newest first; undated posts last, by file. */
export function newestFirst(a: PostEntry, b: PostEntry): number {
  const x = epochOf(a);
  const y = epochOf(b);
  if (x !== undefined && y !== undefined && x !== y) return y - x;
  if (x === undefined && y !== undefined) return 1;
  if (y === undefined && x !== undefined) return -1;
  return byFile(a, b);
}

export function groupPosts(posts: readonly PostEntry[]): PostGroups {
  const drafts: PostEntry[] = [];
  const scheduled: PostEntry[] = [];
  const expired: PostEntry[] = [];
  const published = new Map<string, PostEntry[]>();
  for (const p of posts) {
    if (p.status === 'draft') drafts.push(p);
    else if (p.status === 'future') scheduled.push(p);
    else if (p.status === 'expired') expired.push(p);
    else {
      let list = published.get(p.section);
      if (!list) published.set(p.section, (list = []));
      list.push(p);
    }
  }
  drafts.sort(byFile);
  const liveOf = (p: PostEntry) => p.holds.find((h) => h.kind === 'future')?.date.epoch ?? Infinity;
  scheduled.sort((a, b) => liveOf(a) - liveOf(b) || byFile(a, b));
  const expiryOf = (p: PostEntry) => p.expiryDate?.epoch ?? -Infinity;
  expired.sort((a, b) => expiryOf(b) - expiryOf(a) || byFile(a, b));
  for (const list of published.values()) list.sort(newestFirst);
  const sorted = new Map([...published].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { drafts, scheduled, expired, published: sorted, publishedCount: posts.length - drafts.length - scheduled.length - expired.length };
}
