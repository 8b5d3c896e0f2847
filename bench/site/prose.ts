/** Sentences and paragraphs from the word pool, shaped like blog prose (varied lengths, commas). */
import type { Prng } from '../prng';
import { FUNCTION_WORDS, WORDS } from './vocabulary';

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Words at roughly English frequencies: short function words make up about half of real prose. */
export function words(rng: Prng, n: number): string[] {
  return Array.from({ length: n }, () => rng.pick(rng.chance(0.55) ? FUNCTION_WORDS : WORDS));
}

/** One sentence of 6–24 words; returns the text and its word count. */
export function sentence(rng: Prng): { text: string; count: number } {
  const n = rng.int(6, 24);
  const w = words(rng, n);
  if (n > 10 && rng.chance(0.5)) w[rng.int(3, n - 4)] += ',';
  if (rng.chance(0.08)) w[rng.int(0, n - 1)] = `_${w[rng.int(0, n - 1)]}_`;
  if (rng.chance(0.05)) w[rng.int(0, n - 1)] = `**${w[rng.int(0, n - 1)]}**`;
  if (rng.chance(0.04)) w[rng.int(0, n - 1)] = `\`${w[rng.int(0, n - 1)]}\``;
  const end = rng.weighted<string>([['.', 20], ['?', 2], ['!', 1]]);
  return { text: capitalize(w.join(' ')) + end, count: n };
}

/** A heading in title case, sometimes a question (Goldmark drops the `?` from the id). */
export function headingText(rng: Prng): string {
  const w = words(rng, rng.int(2, 5)).map(capitalize);
  return w.join(' ') + (rng.chance(0.2) ? '?' : '');
}
