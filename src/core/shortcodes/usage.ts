/**
 * How the site's posts call a template: the values written for each parameter (offered when the
 * writer types one), and which parameters most calls give (a new call's snippet starts with them).
 * Read from the documents' analyses; a document whose body the index has not analysed yet (a cold
 * crawl reads front matter only) is not parsed for it here: its text is scanned for calls, a little
 * at a time, and what was found is kept with that document.
 */
import { posix } from '../posix';
import type { Postcraft, Site } from '../service';
import type { IndexedDocument } from '../site/index';
import { includeUses, shortcodeUses, type ShortcodeUse } from '../links/shortcodes';

const scanned = new WeakMap<IndexedDocument, readonly ShortcodeUse[]>();

/**
 * Scans the texts of documents the index has not analysed, for up to `budgetMs`: the calls found
 * count from then on (a large site's are complete after a few completions).
 */
export async function scanUnanalysed(engine: Postcraft, site: Site, budgetMs = 150): Promise<void> {
  const t0 = Date.now();
  const liquid = site.model.dialect.templates === 'liquid';
  for (const [file, doc] of site.index.documents) {
    if (doc.bodyLoaded !== false || scanned.has(doc)) continue;
    if (Date.now() - t0 > budgetMs) return;
    const text = await engine.readText(posix.join(site.root, file));
    const from = doc.frontMatter?.range.end ?? 0;
    scanned.set(doc, text === undefined ? [] : liquid ? includeUses(text, from) : shortcodeUses(text, from));
  }
}

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
    if (file === except) continue;
    // Never `doc.body()` of a document not analysed yet: reading it would parse the file here.
    const uses = doc.bodyLoaded === false ? scanned.get(doc) : doc.body().shortcodes;
    for (const u of uses ?? []) if (u.name === name) yield u;
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
