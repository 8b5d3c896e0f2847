/**
 * The renderer's contract with whoever hosts it (the VS Code panel, the CLI, tests). The core never
 * touches files or editor APIs: the host answers "where is this image?" and "what is this link?".
 */
import type { Heading, PublishStatus } from '../site/model';
import type { MarkdownDialect } from '../markdown/dialect';

export type ImageResolution =
  /** Load from this URI (a webview URI, a data: URI, or an allowed https address). */
  | { readonly uri: string }
  /** The image does not exist on the site: marked in the preview. */
  | { readonly missing: true; readonly reason: string }
  /** The image exists elsewhere but policy keeps it from loading (remote, no https allowed). */
  | { readonly blocked: true; readonly reason: string };

export type ResolveImage = (src: string) => ImageResolution;

/** How a link is written: a Markdown/HTML destination, or a generator tag. */
export type LinkForm = 'link' | 'ref' | 'relref' | 'post_url' | 'liquid-link';

export interface LinkVerdict {
  readonly kind: 'internal' | 'fragment' | 'external' | 'other';
  /** Why the link is broken (same wording as the diagnostic); undefined when it works. */
  readonly broken?: string;
  /** Absolute path of the target post, for "click opens the post". */
  readonly file?: string;
  readonly fragment?: string;
  /** The address the built site would have in the href (for ref/relref/post_url). */
  readonly href?: string;
}

/** `ownIds`: ids in the document being rendered (headings and HTML anchors), for `#fragment` links. */
export type ResolveLink = (target: string, form: LinkForm, ownIds: ReadonlySet<string>) => LinkVerdict;

/** A shortcode whose template is HTML around its content: the preview renders it as the site would. */
export interface ShortcodeWrapper {
  readonly before: string;
  readonly after: string;
  /** Its content is Markdown (`markdownify`); a `{{% %}}` call's content is Markdown anyway. */
  readonly markdown: boolean;
}

export interface MarkupOptions {
  /** The site's Markdown dialect, the link checker's: templates, raw HTML, footnotes, heading ids. */
  readonly dialect: MarkdownDialect;
  /** The site's wrapper shortcodes by name (plain data: it crosses to the render worker). */
  readonly shortcodeWrappers?: Readonly<Record<string, ShortcodeWrapper>>;
}

export interface RenderHooks {
  readonly resolveImage: ResolveImage;
  readonly resolveLink: ResolveLink;
  /** Display name of an author id (from the site's data files). */
  readonly authorName?: (id: string) => string | undefined;
  /** The page's publish status as the site model computes it (draft, future, expired). */
  readonly status?: PublishStatus;
  /**
   * What the site's own template printed for a shortcode call, by the call's source text (`{{<` to
   * the end of its closing tag); undefined when the template was not rendered exactly.
   */
  readonly printedShortcode?: (source: string) => string | undefined;
}

export interface RenderedLink {
  readonly target: string;
  readonly form: LinkForm;
  readonly line: number;
  readonly verdict: LinkVerdict;
}

export interface RenderedPost {
  readonly title: string;
  /** The front-matter card (empty string when the document has no front matter). */
  readonly headerHtml: string;
  /** Sanitised body HTML with `data-line` attributes on block elements. */
  readonly bodyHtml: string;
  readonly headings: readonly Heading[];
  readonly links: readonly RenderedLink[];
  /** Fingerprint of header + body, to tell "changed" from "same" cheaply. */
  readonly hash: string;
  /** Number of lines of the source, for scroll mapping past the last block. */
  readonly lineCount: number;
}
