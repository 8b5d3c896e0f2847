/**
 * The hash of a document's text, which its analysis carries (a check tells by it whether the index
 * holds an analysis of exactly this text).
 */
export function textHash(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
