/**
 * How the site's posts call a template: the values written for each parameter (offered when the
 * writer types one), and which parameters most calls give (a new call's snippet starts with them).
 * Read from the documents whose bodies are analysed already: a completion never makes the index
 * parse the rest of the site.
 */
import type { Site } from '../service';
import type { ShortcodeUse } from '../links/shortcodes';

export interface TemplateUsage {
  /** How many calls the analysed posts make. */
  readonly calls: number;
  /** Parameter → value → how many calls give it. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Calls with positional arguments. */
  readonly positional: number;
}

function* callsOf(site: Site, name: string, except?: string): Iterable<ShortcodeUse> {
  for (const [file, doc] of site.index.documents) {
    if (doc.bodyLoaded === false || file === except) continue;
    for (const u of doc.shortcodes ?? []) if (u.name === name) yield u;
  }
}

/** How the site's posts call `name`; `except`: the post being written (its half-typed calls are not usage). */
export function templateUsage(site: Site, name: string, except?: string): TemplateUsage {
  const values = new Map<string, Map<string, number>>();
  let calls = 0;
  let positional = 0;
  for (const u of callsOf(site, name, except)) {
    calls++;
    if (u.args.length) positional++;
    for (const [k, v] of Object.entries(u.named)) {
      if (v === '') continue;
      const m = values.get(k) ?? new Map<string, number>();
      m.set(v, (m.get(v) ?? 0) + 1);
      values.set(k, m);
    }
  }
  return { calls, values, positional };
}

/** Values written for a parameter, most used first. */
export function valuesOf(usage: TemplateUsage, param: string): { value: string; count: number }[] {
  return [...(usage.values.get(param) ?? new Map<string, number>())].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The parameters a new call starts with: those most calls give, else the first the template reads. */
export function snippetParams(params: readonly string[], usage: TemplateUsage): string[] {
  if (usage.calls > 0) {
    const given = params.filter((p) => (valuesOf(usage, p).reduce((n, v) => n + v.count, 0)) * 2 >= usage.calls);
    return given.slice(0, 4);
  }
  return params.slice(0, params.length <= 3 ? 3 : 1);
}
