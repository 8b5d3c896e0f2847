/**
 * Strings sliced out of a text keep the whole text alive (V8 sliced strings): on 10,000 posts the
 * facts kept from their texts retained ~150 MB. The index copies them out before keeping them.
 */

/** A copy of a string that shares no memory with the text it was cut from. */
function ownCopy(s: string): string {
  // V8 copies strings shorter than 13 characters anyway; a longer one is flattened by the concat, so
  // the slice refers to a copy of its own size only.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** Replaces, in place, every string in plain objects and arrays by its own copy. */
export function detachStrings(v: unknown, depth = 0): void {
  if (!v || typeof v !== 'object' || depth > 12) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string') v[i] = ownCopy(x);
      else if (x && typeof x === 'object') detachStrings(x, depth + 1);
    }
    return;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (typeof x === 'string') {
      if (x.length >= 13) o[k] = ownCopy(x);
    } else if (x && typeof x === 'object') detachStrings(x, depth + 1);
  }
}
