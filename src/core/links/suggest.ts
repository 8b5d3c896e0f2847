/**
 * "Did you mean": the published URLs nearest to a broken one, found without scanning every URL.
 */
import { distance } from 'fastest-levenshtein';
import type { CheckContext } from './problems';
import { judge } from './written';

export interface UrlCandidates {
  readonly list: { readonly url: string; readonly bare: string }[];
  /** Index in `list` of the first URL at least this long (list is sorted by length). */
  readonly fromLength: Int32Array;
  /** BUCKETS character counts per URL of `list`, in its order. */
  readonly histograms: Uint16Array;
  readonly memo: Map<string, string[]>;
}

/** Character counts folded into 32 buckets (folding keeps them a lower bound of the edit distance). */
const BUCKETS = 32;

function addHistogram(into: Uint16Array, offset: number, s: string): void {
  for (let i = 0; i < s.length; i++) into[offset + (s.charCodeAt(i) & 31)]++;
}

/** Published URLs to suggest from, built once per URL table (and drafts setting), not per broken link. */
function urlCandidates(ctx: CheckContext): UrlCandidates {
  const urls = ctx.site.index.urls();
  const caches = ctx.site.caches;
  if (caches.urlCandidates?.urls !== urls) caches.urlCandidates = { urls, table: new Map() };
  const per = caches.urlCandidates.table;
  let c = per.get(ctx.includeDrafts);
  if (!c) {
    const list: { url: string; bare: string }[] = [];
    // A URL that may not exist (uncertain) is not one to suggest.
    for (const [u, targets] of urls) if (!u.endsWith('.xml') && !targets.every((t) => t.type === 'uncertain') && judge(ctx, targets).kind === 'ok') list.push({ url: u, bare: u.replace(/\/+$/, '') });
    // By length, so a lookup visits only the lengths within its distance limit: scanning every URL
    // of a 10,000-post site for each broken link was a third of a whole-site check with many of them.
    list.sort((a, b) => a.bare.length - b.bare.length);
    const longest = list.length ? list[list.length - 1].bare.length : 0;
    const fromLength = new Int32Array(longest + 2);
    for (let len = 0, i = 0; len <= longest + 1; len++) {
      while (i < list.length && list[i].bare.length < len) i++;
      fromLength[len] = i;
    }
    const histograms = new Uint16Array(list.length * BUCKETS);
    list.forEach((x, i) => addHistogram(histograms, i * BUCKETS, x.bare));
    per.set(ctx.includeDrafts, (c = { list, fromLength, histograms, memo: new Map() }));
  }
  return c;
}

export function nearestUrls(ctx: CheckContext, resolved: string): string[] {
  const c = urlCandidates(ctx);
  const hit = c.memo.get(resolved);
  if (hit) return hit;
  const want = resolved.replace(/\/+$/, '');
  const max = Math.max(2, Math.floor(want.length * 0.25));
  const scored: { d: number; u: string }[] = [];
  const at = (len: number) => c.fromLength[Math.max(0, Math.min(len, c.fromLength.length - 1))];
  const mine = new Uint16Array(BUCKETS);
  addHistogram(mine, 0, want);
  const h = c.histograms;
  for (let i = at(want.length - max), end = at(want.length + max + 1); i < end; i++) {
    // Each edit changes the character counts by at most 2: counts further apart than 2 × max rule
    // the URL out without computing its distance (most of them, at a fraction of the cost).
    let apart = 0;
    for (let k = 0, o = i * BUCKETS; k < BUCKETS && apart <= 2 * max; k++) apart += Math.abs(mine[k] - h[o + k]);
    if (apart > 2 * max) continue;
    const { url, bare } = c.list[i];
    const d = distance(want, bare);
    if (d <= max) scored.push({ d, u: url });
  }
  const out = scored.sort((a, b) => a.d - b.d || a.u.localeCompare(b.u)).slice(0, 3).map((s) => s.u);
  if (c.memo.size < 10_000) c.memo.set(resolved, out);
  return out;
}
