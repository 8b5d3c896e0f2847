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
  | 'template'
  /** A link a site shortcode prints from an argument (the range is the argument's value). */
  | 'shortcode-href'
  | 'shortcode-src';

export interface ExtractedLink {
  readonly kind: LinkKind;
  /** The destination as written (for shortcodes and Liquid tags, the quoted path). */
  readonly target: string;
  /**
   * The destination the generator publishes, when a template layer makes it differ from what is
   * written (`{{ site.baseurl }}/x/` → `/blog/x/`). Links are judged by this.
   */
  readonly href?: string;
  /**
   * The destination starts with a Jekyll `{% link %}` / `{% post_url %}` tag: the URL of that file,
   * then `href` (what follows the tag: `#section`).
   */
  readonly liquidRef?: { readonly tag: 'link' | 'post_url'; readonly arg: string };
  /** A Hugo `ref`/`relref` with `lang="…"`: the page is looked up in that language. */
  readonly refLang?: string;
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
  /**
   * The generator's link pass (jekyll-relative-links) matches this destination as written, reading
   * this as its path (the rest is its fragment): it may rewrite it to the URL of the file the path
   * names (GeneratorModel.relativeLink says whether and how).
   */
  readonly relativePass?: string;
  /**
   * A shortcode's template printed this destination from values not written at the range (front
   * matter, its own text): the range shows the call, and no quick fix may replace it.
   */
  readonly fromTemplate?: true;
  /**
   * A `#fragment` written right after a `ref`/`relref` shortcode (`({{< relref "a" >}}#b)`): Hugo prints
   * it after the page's URL, so the link leads there.
   */
  readonly afterFragment?: { readonly fragment: string; readonly range: TextRange };
  /** A `ref`/`relref` written as the value of an HTML `href` attribute: in raw HTML, it is a link. */
  readonly inHref?: true;
}
