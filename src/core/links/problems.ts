/**
 * What a link check says: the codes, their default severities, and what every check is given.
 */
import type { ParamsRead } from '../site/paramsRead';
import type { Site } from '../service';
import type { IndexedDocument } from '../site/index';
import type { LinkSemantics, Page } from '../site/model';
import type { Severity } from '../diagnostics';
import type { ShortcodeIds, ShortcodeLink, ShortcodeRenderer } from '../site/generator';

export type LinkCode =
  | 'link.not-found'
  | 'link.fragment-not-found'
  | 'link.unpublished-target'
  | 'link.md-path'
  | 'link.invalid-url'
  | 'ref.not-found'
  | 'template.unrendered'
  | 'link.reference-undefined';

export const DEFAULT_SEVERITY: Readonly<Record<LinkCode, Severity>> = {
  'link.not-found': 'error',
  'link.fragment-not-found': 'warning',
  'link.unpublished-target': 'warning',
  'link.md-path': 'warning',
  'ref.not-found': 'error',
  'template.unrendered': 'error',
  'link.reference-undefined': 'warning',
  'link.invalid-url': 'warning',
};

export interface LinkProblem {
  readonly code: LinkCode;
  readonly message: string;
  /** What quick fixes need: `suggestions` are replacements for the link's range. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Facts about a site that are read once (not per link). */
export interface SiteExtras {
  /** Literal `id="…"` values in the site's and themes' layouts: fragments the templates provide. */
  readonly layoutIds: ReadonlySet<string>;
  /** A heading render hook may give headings other ids: fragments are then not checked. */
  readonly headingHook: boolean;
  /** What each shortcode of the site prints as ids (absent: no shortcode templates read). */
  readonly shortcodeIds?: ReadonlyMap<string, ShortcodeIds>;
  /** The links shortcodes print from their arguments, by shortcode (only those that print any). */
  readonly shortcodeLinks?: ReadonlyMap<string, readonly ShortcodeLink[]>;
  /** Shortcodes whose template renders each call exactly (Hugo), by name. */
  readonly shortcodeRenderers?: ReadonlyMap<string, ShortcodeRenderer>;
  /** The front-matter keys the site's templates read (undefined: not known). */
  readonly paramsRead?: ParamsRead;
  /** Files an image render hook publishes from the assets folder (see TemplateFacts.imageAssets). */
  readonly imageAssets?: ReadonlySet<string>;
}

export interface CheckContext {
  readonly site: Site;
  readonly file: string;
  /** The page the document publishes (undefined: not published as a page of its own). */
  readonly page: Page | undefined;
  readonly doc: IndexedDocument;
  readonly includeDrafts: boolean;
  readonly extras: SiteExtras;
  readonly semantics: LinkSemantics;
  /** What this document depends on, for re-checking it when those change. */
  readonly deps: Set<string>;
  /** The document is HTML the generator publishes as written (not Markdown): its raw HTML links are on the page. */
  readonly htmlContent?: boolean;
}

export { isMarkdownFile } from '../markdown/analyze';

export function urlKey(path: string): string {
  return 'url:' + (path.length > 1 ? path.replace(/\/+$/, '') : path);
}

export function statusPhrase(p: Page): string {
  switch (p.status) {
    case 'draft':
      return 'is a draft (draft: true)';
    case 'future':
      return `is dated in the future${p.date ? ` (${p.date})` : ''}`;
    case 'expired':
      return 'has expired (expiryDate has passed)';
    default:
      return 'is not rendered (build options)';
  }
}

export function unpublishedProblem(ctx: CheckContext, page: Page): LinkProblem {
  if (page.file) ctx.deps.add('file:' + page.file);
  return {
    code: 'link.unpublished-target',
    message: `${page.url} ${statusPhrase(page)}${page.file ? ` in ${page.file}` : ''}: a production build does not publish it, so this link is broken on the live site.`,
    data: { file: page.file, status: page.status },
  };
}

/** A link the generator rewrote (LinkRewrite): judged as what it became. */
