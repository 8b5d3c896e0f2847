import type { TextRange } from '../text';

/** Every way a document can point somewhere. Part of the diagnostics' data, so keep it stable. */
export type LinkKind =
  | 'inline'
  | 'image'
  | 'reference'
  | 'definition'
  | 'autolink'
  | 'html-href'
  | 'html-src'
  | 'ref'
  | 'relref'
  | 'figure'
  | 'post_url'
  | 'liquid-link'
  | 'template';

export interface ExtractedLink {
  readonly kind: LinkKind;
  /** The destination as written (for shortcodes and Liquid tags, the quoted path). */
  readonly target: string;
  /** Range of the destination text in the document. */
  readonly range: TextRange;
  /** For `reference` links: the label, and whether a definition exists. */
  readonly label?: string;
  readonly defined?: boolean;
}
