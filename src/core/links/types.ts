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
  /** The whole construct (`{{< relref "x" >}}`, `[text](dest)` destination only otherwise), for refactors. */
  readonly whole?: TextRange;
  /**
   * Where the link sits when that changes whether it is published: `code` (a shortcode inside a code
   * span or fence, still run by Hugo), `raw-html` (inside raw HTML, which Hugo omits unless
   * `markup.goldmark.renderer.unsafe` is on).
   */
  readonly context?: 'code' | 'raw-html';
}
