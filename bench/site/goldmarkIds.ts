/**
 * Goldmark's default heading ids, written independently of src/core/markdown/headingIds.ts: if the
 * generator borrowed the engine's slugger, a slug bug would plant "valid" anchors the engine agrees
 * with and Hugo does not. The generated headings are ASCII, which is all this needs to cover.
 */
export function goldmarkId(text: string): string {
  let out = '';
  for (const ch of text.trim()) {
    if (ch === ' ' || ch === '-') out += '-';
    else if (/[A-Za-z0-9_]/.test(ch)) out += ch.toLowerCase();
  }
  return out || 'heading';
}

/** Ids for one page's headings in order, with Goldmark's `-1`, `-2` suffixes for repeats. */
export function goldmarkIds(texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((t) => {
    const base = goldmarkId(t);
    let id = base;
    for (let i = 1; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  });
}
