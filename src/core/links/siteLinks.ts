/**
 * What the link features keep per site, owned by the site (the engine creates it with the index and
 * drops it with it): who links to what, and the facts the site's templates add (read once).
 */
import type { FileSystemHost } from '../host';
import type { GeneratorModel, TemplateFacts } from '../site/generator';
import { catalogueIds, catalogueLinks, catalogueRenderers, SiteTemplates } from '../site/templates';
import { LinkGraph } from './graph';
import type { SiteExtras } from './resolve';

const NO_FACTS: TemplateFacts = { layoutIds: new Set<string>(), headingHook: false };

export class SiteLinks {
  /** Which documents link to what: kept up to date by every check of a document. */
  readonly graph = new LinkGraph();
  private extrasRead?: Promise<SiteExtras>;

  /** The templates content calls (shortcodes, includes): the ids shortcodes print come from it. */
  readonly templates: SiteTemplates;

  constructor(
    private readonly model: GeneratorModel,
    private readonly fs: FileSystemHost,
    templates?: SiteTemplates,
  ) {
    this.templates = templates ?? new SiteTemplates(model, fs);
  }

  /** Ids and heading rules the site's templates add (Hugo reads its layouts); none elsewhere. */
  extras(): Promise<SiteExtras> {
    return (this.extrasRead ??= this.readExtras());
  }

  /** A template file changed: its facts are read again on next use. */
  templatesChanged(): void {
    this.extrasRead = undefined;
    this.templates.invalidate();
  }

  private async readExtras(): Promise<SiteExtras> {
    const [facts, catalogue] = await Promise.all([this.model.readTemplateFacts ? this.model.readTemplateFacts(this.fs) : NO_FACTS, this.templates.catalogue()]);
    // A shortcode with no template we can read (a theme not on disk) is not in the map: it may print anything.
    const shortcodeIds = catalogue?.kind === 'shortcode' ? catalogueIds(catalogue) : this.model.dialect.templates === 'shortcodes' ? new Map() : undefined;
    const shortcodeLinks = catalogue?.kind === 'shortcode' ? catalogueLinks(catalogue) : undefined;
    const shortcodeRenderers = catalogue?.kind === 'shortcode' ? catalogueRenderers(catalogue) : undefined;
    return {
      layoutIds: facts.layoutIds,
      headingHook: facts.headingHook || this.model.unknownHeadingIds === true,
      ...(shortcodeIds ? { shortcodeIds } : {}),
      ...(shortcodeLinks?.size ? { shortcodeLinks } : {}),
      ...(shortcodeRenderers?.size ? { shortcodeRenderers } : {}),
      ...(facts.paramsRead ? { paramsRead: facts.paramsRead } : {}),
      ...(facts.imageAssets ? { imageAssets: facts.imageAssets } : {}),
    };
  }
}

/** The link options of an engine (the extension reads them from settings), compiled once. */
export interface LinkOptions {
  /** Treat drafts, future and expired pages as published (`hugo -D -F -E`). */
  readonly includeDrafts?: boolean;
  /** Globs of link destinations never reported. */
  readonly ignore?: readonly string[];
  /** Globs of site-relative files whose links are not checked. */
  readonly ignoreFiles?: readonly string[];
}

export interface CompiledLinkOptions {
  readonly includeDrafts: boolean;
  readonly ignoreTarget: (s: string) => boolean;
  readonly ignoreFile: (s: string) => boolean;
}

export const DEFAULT_LINK_OPTIONS: CompiledLinkOptions = { includeDrafts: false, ignoreTarget: () => false, ignoreFile: () => false };
