/**
 * Fuzzy matching for link completion: the writer types a few letters of a title ("lead man" for
 * "Leading vs Managing"), a slug or a URL. Characters must appear in order; runs of consecutive
 * characters and matches at word starts score higher, so the intended post sorts first.
 */

/** Score of `query` against `candidate`; undefined when it does not match. Higher is better. */
export function fuzzyScore(query: string, candidate: string): number | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const c = candidate.toLowerCase();
  let score = 0;
  let ci = 0;
  let run = 0;
  for (let qi = 0; qi < q.length; qi++) {
    const ch = q[qi];
    let found = -1;
    // Prefer the next occurrence at a word start, if one comes before the run would break anyway.
    for (let k = ci; k < c.length; k++) {
      if (c[k] !== ch) continue;
      if (found < 0) found = k;
      if (k === ci && run > 0) {
        found = k;
        break;
      }
      if (isWordStart(c, k)) {
        found = k;
        break;
      }
    }
    if (found < 0) return undefined;
    if (found === ci && qi > 0) run++;
    else run = 0;
    score += 1 + run * 2 + (isWordStart(c, found) ? 3 : 0) - Math.min(3, found - ci) * 0.1;
    ci = found + 1;
  }
  // Prefer whole-prefix matches, the typed words as written, and shorter candidates.
  if (c.startsWith(q)) score += 5;
  const words = query.toLowerCase().trim();
  const at = c.indexOf(words);
  if (words.length > 1 && at >= 0) score += 4 + (at + words.length === c.length || !/[\p{L}\p{N}]/u.test(c[at + words.length]) ? 4 : 0);
  return score - c.length * 0.01;
}

function isWordStart(s: string, i: number): boolean {
  if (i === 0) return true;
  const p = s[i - 1];
  return p === ' ' || p === '-' || p === '_' || p === '/' || p === '.';
}

/** The best score of `query` over several fields (title, slug, URL). */
export function bestScore(query: string, fields: readonly (string | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const f of fields) {
    if (!f) continue;
    const s = fuzzyScore(query, f);
    if (s !== undefined && (best === undefined || s > best)) best = s;
  }
  return best;
}
