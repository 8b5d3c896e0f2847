/**
 * The templates a writer calls from content: Hugo's shortcodes (the site's, its themes' and Hugo's
 * own) and Jekyll's includes. One catalogue per site, read once from the template folders by the
 * generator (`GeneratorModel.readTemplateCatalogue`) and kept here until one of those files changes.
 * Completion, hovers, Go to Definition, the checks, the preview, the CLI's `shortcodes` and the ids
 * a shortcode prints (fragment checks) all read this one catalogue.
 */
import type { FileSystemHost } from '../host';
import type { GeneratorModel, ShortcodeIds, ShortcodeLink, ShortcodeRenderer } from './generator';

/** Where a template comes from, as the catalogue names it: the site, a theme (its name), or built in. */
export const SITE_SOURCE = 'site';
export const BUILTIN_SOURCE = 'built-in';

export interface TemplateEntry {
  /** What content calls it by: `figure`, `docs/note` (Hugo); `footer.html`, `a/b.md` (Jekyll). */
  readonly name: string;
  /** `site`, the theme's name, or `built-in`. */
  readonly source: string;
  /** Named parameters the template reads (`.Get "x"`, `.Params.x`; Jekyll `include.x`), first use first. */
  readonly params: readonly string[];
  /** It reads positional parameters (`.Get 0`). */
  readonly positional: boolean;
  /** It reads `.Inner`: it takes content and a closing tag (or `/>}}`). */
  readonly inner: boolean;
  /**
   * Its variants (output formats, languages) disagree on `.Inner`: Hugo picks one of them, so a
   * closing tag is neither required nor refused as far as we can tell.
   */
  readonly innerUncertain?: boolean;
  /** The comment at the top of its template: what it is for, in its author's words. */
  readonly doc?: string;
  /** Site-relative path of its template (the first variant); none for built-ins. */
  readonly file?: string;
  /** Every template file of it (variants), site-relative. */
  readonly files?: readonly string[];
  /** What ids it prints (Hugo: fragment checks); absent when the template is not read (built-ins). */
  readonly ids?: ShortcodeIds;
  /** Links it prints from its arguments (Hugo: checked where it is called); absent for built-ins. */
  readonly links?: readonly ShortcodeLink[];
  /**
   * Renders one call exactly (Hugo: its template evaluated with the call's arguments and the page's
   * front matter); absent when the template cannot be read that way.
   */
  readonly render?: ShortcodeRenderer;
  /**
   * A template simple enough for the preview to render: HTML around `.Inner` (and nothing else that
   * runs). `before`/`after` are the HTML on either side; `markdown`: the inner text is Markdown.
   */
  readonly wrapper?: { readonly before: string; readonly after: string; readonly markdown: boolean };
}

export interface TemplateCatalogue {
  /** Hugo shortcodes or Jekyll includes. */
  readonly kind: 'shortcode' | 'include';
  /** By name, with the generator's precedence applied (the site's own before a theme's before a built-in). */
  readonly entries: ReadonlyMap<string, TemplateEntry>;
  /**
   * Themes and modules the site configures that are not on disk (a git submodule not checked out, a
   * Hugo module not downloaded, a Jekyll theme gem): any name may come from them.
   */
  readonly missing: readonly string[];
  /** Site-relative folders the catalogue was read from: a change below one of them reads it again. */
  readonly dirs: readonly string[];
  /**
   * Names only later versions of the generator provide (name → the first version with it), when the
   * site does not say which version builds it: a call of one fails with the version our checks follow
   * and works with a newer one, so it is information, not an error.
   */
  readonly later?: ReadonlyMap<string, string>;
}

/** The catalogue of one site, read on first use and again after its template files change. */
export class SiteTemplates {
  private reading?: Promise<TemplateCatalogue | undefined>;
  private version = 0;

  constructor(
    private readonly model: GeneratorModel,
    private readonly fs: FileSystemHost,
  ) {}

  /** Undefined for generators without such templates. */
  catalogue(): Promise<TemplateCatalogue | undefined> {
    return (this.reading ??= this.read());
  }

  /** Whether a change to this site-relative file changes the catalogue. */
  reads(file: string): boolean {
    return (this.model.templateDirs ?? []).some((d) => file === d || file.startsWith(d + '/'));
  }

  /** Drops what was read (a template was created, changed or deleted). */
  invalidate(): void {
    this.reading = undefined;
    this.version++;
  }

  /** Changes each time the catalogue is dropped: caches built from it compare it. */
  get generation(): number {
    return this.version;
  }

  private async read(): Promise<TemplateCatalogue | undefined> {
    if (!this.model.readTemplateCatalogue) return undefined;
    try {
      return await this.model.readTemplateCatalogue(this.fs);
    } catch {
      // A catalogue we could not read says nothing: no completion, and no finding either.
      return undefined;
    }
  }
}

/** The ids each shortcode whose template we read prints (fragment checks); built-ins are not in it. */
export function catalogueIds(catalogue: TemplateCatalogue): Map<string, ShortcodeIds> {
  const out = new Map<string, ShortcodeIds>();
  for (const [name, e] of catalogue.entries) if (e.ids) out.set(name, e.ids);
  return out;
}

/** The links each shortcode whose template we read prints from its arguments (those that print any). */
export function catalogueLinks(catalogue: TemplateCatalogue): Map<string, readonly ShortcodeLink[]> {
  const out = new Map<string, readonly ShortcodeLink[]>();
  for (const [name, e] of catalogue.entries) if (e.links?.length) out.set(name, e.links);
  return out;
}

/** The renderer of each shortcode whose template can be evaluated call by call. */
export function catalogueRenderers(catalogue: TemplateCatalogue): Map<string, ShortcodeRenderer> {
  const out = new Map<string, ShortcodeRenderer>();
  for (const [name, e] of catalogue.entries) if (e.render) out.set(name, e.render);
  return out;
}
