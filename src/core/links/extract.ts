/**
 * Finds every link in a document from markdown-it's tokens (what is a link is markdown-it's call;
 * we only locate each destination in the source to give it a range).
 */
import type { Token } from '../markdown/parser';
import type { ExtractedLink } from './types';

export interface ExtractInput {
  /** The document as written. */
  readonly text: string;
  /** The same text with front matter blanked and (for Hugo) shortcodes masked, offsets unchanged. */
  readonly masked: string;
  readonly tokens: readonly Token[];
  readonly env: Record<string, unknown>;
  readonly bodyStart: number;
  readonly shortcodes: boolean;
  readonly liquid: boolean;
}

export function extractLinks(_input: ExtractInput): ExtractedLink[] {
  return [];
}
