/**
 * Facts a links array carries beside its items: the hash of the text it was extracted from (so a
 * check can tell whether the index is current) and whether the document uses shortcodes or includes
 * whose output we cannot see (they may print anchors of their own).
 */
import type { ExtractedLink } from './types';

/** Hash of the text a links array was extracted from, so a check can tell if the index is current. */
const sourceHashes = new WeakMap<readonly ExtractedLink[], number>();

export function textHash(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Documents using shortcodes whose output we cannot see (they may print anchors of their own). */
const hiddenIds = new WeakSet<readonly ExtractedLink[]>();

export function mayHaveHiddenIds(links: readonly ExtractedLink[]): boolean {
  return hiddenIds.has(links);
}

/** What extractLinks records about a links array beside its items, for copying it to another thread. */
export interface LinkFacts {
  readonly sourceHash?: number;
  readonly hiddenIds: boolean;
}

export function linkFactsOf(links: readonly ExtractedLink[]): LinkFacts {
  return { sourceHash: sourceHashes.get(links), hiddenIds: hiddenIds.has(links) };
}

/** Gives a copied links array (structured clone drops WeakMap entries) the facts of its original. */
export function adoptLinkFacts(links: readonly ExtractedLink[], facts: LinkFacts): void {
  if (facts.sourceHash !== undefined) sourceHashes.set(links, facts.sourceHash);
  if (facts.hiddenIds) hiddenIds.add(links);
}

/** The hash of the text `links` came from, if they came from extractLinks. */
export function sourceHashOf(links: readonly ExtractedLink[]): number | undefined {
  return sourceHashes.get(links);
}


export function markSourceHash(links: readonly ExtractedLink[], hash: number): void {
  sourceHashes.set(links, hash);
}

export function markHiddenIds(links: readonly ExtractedLink[]): void {
  hiddenIds.add(links);
}
