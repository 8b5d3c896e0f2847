/**
 * The catalogue as data, for the CLI's `shortcodes` command: the same entries completion offers, in
 * the same order (the site's own, then its themes', then the generator's built-ins).
 */
import type { Site } from '../service';
import { BUILTIN_SOURCE, SITE_SOURCE, type TemplateEntry } from '../site/templates';

export interface ListedTemplate {
  readonly name: string;
  /** `site`, the theme's name, or `built-in`. */
  readonly source: string;
  readonly params: readonly string[];
  readonly positional: boolean;
  readonly inner: boolean;
  readonly doc: string | null;
  /** Site-relative template file; null for built-ins. */
  readonly file: string | null;
}

export interface TemplateList {
  /** `shortcode` (Hugo) or `include` (Jekyll); undefined for a generator without either. */
  readonly kind?: 'shortcode' | 'include';
  /** Themes and modules configured but not on disk: their templates are not listed. */
  readonly missing: readonly string[];
  readonly shortcodes: readonly ListedTemplate[];
}

function order(e: TemplateEntry): number {
  return e.source === SITE_SOURCE ? 0 : e.source === BUILTIN_SOURCE ? 2 : 1;
}

export async function listTemplates(site: Site): Promise<TemplateList> {
  const catalogue = await site.templates.catalogue();
  if (!catalogue) return { missing: [], shortcodes: [] };
  const entries = [...catalogue.entries.values()].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  return {
    kind: catalogue.kind,
    missing: catalogue.missing,
    shortcodes: entries.map((e) => ({ name: e.name, source: e.source, params: e.params, positional: e.positional, inner: e.inner, doc: e.doc ?? null, file: e.file ?? null })),
  };
}
