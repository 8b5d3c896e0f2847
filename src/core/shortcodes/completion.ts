/**
 * Completion of template calls: after `{{<` / `{{%` the site's shortcodes (its own, its themes', the
 * generator's) with where each comes from, inserted as a snippet whose tab stops are the parameters
 * the site's posts usually give, and a closing tag for those that take content; in a closing tag the
 * shortcodes open at that point; inside a call its named parameters, and for a parameter the values
 * written elsewhere on the site. Jekyll: after `{% include ` the files of `_includes/`, then their
 * `include.x` parameters. Everything offered comes from the one catalogue the checks use.
 */
import type { Postcraft, Site } from '../service';
import type { TextRange } from '../text';
import type { TemplateCatalogue, TemplateEntry } from '../site/templates';
import { BUILTIN_SOURCE, SITE_SOURCE } from '../site/templates';
import { templateCompletionContext, type TemplateCompletionContext } from './completionContext';
import { describeTemplate, sourceLabel } from './describe';
import { shortcodeTags } from './tags';
import { scanUnanalysed, snippetParams, templateUsage, valuesOf } from './usage';

export interface TemplateCompletion {
  readonly label: string;
  readonly kind: 'template' | 'closing' | 'param' | 'value';
  /** Snippet syntax (`$1`, `$0`) when `snippet`, else plain text. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly range: TextRange;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  readonly filterText: string;
}

export interface TemplateCompletionResult {
  readonly items: TemplateCompletion[];
  readonly context?: TemplateCompletionContext;
}

function rank(e: TemplateEntry): number {
  return e.source === SITE_SOURCE ? 0 : e.source === BUILTIN_SOURCE ? 2 : 1;
}

function tagEnd(c: TemplateCompletionContext): string {
  return c.delim === 'include' ? ' %}' : c.delim === '<' ? ' >}}' : ' %}}';
}

/** `$` and `\` are snippet syntax: escape them in literal text. */
function lit(s: string): string {
  return s.replace(/[$\\}]/g, (c) => '\\' + c);
}

function nameItem(site: Site, file: string, e: TemplateEntry, kind: TemplateCatalogue['kind'], c: TemplateCompletionContext, text: string): TemplateCompletion {
  const usage = templateUsage(site, e.name, file);
  const params = snippetParams(e.params, usage);
  let stop = 1;
  let args = params.map((p) => ` ${lit(p)}="$${stop++}"`).join('');
  if (!args && e.positional && kind === 'shortcode' && (usage.calls === 0 ? e.params.length === 0 : usage.positional * 2 >= usage.calls)) args = ` "$${stop++}"`;
  // `{{<` typed without a space: the name needs one before it, as Hugo's own examples write it.
  const lead = c.delim !== 'include' && c.typed === '' && /[<%]$/.test(text.slice(0, c.range.start)) ? ' ' : '';
  let insert = `${lead}${lit(e.name)}${args}`;
  if (!c.endFollows) {
    const end = tagEnd(c);
    insert += e.inner && kind === 'shortcode' ? `${end}$${stop}{{${c.delim} /${lit(e.name)}${end}$0` : `${end}$0`;
  }
  return {
    label: e.name,
    kind: 'template',
    insertText: insert,
    snippet: true,
    range: c.range,
    detail: `${sourceLabel(e)}${usage.calls ? ` · used ${usage.calls}×` : ''}`,
    documentation: describeTemplate(e, kind),
    sortText: `${rank(e)}${String(99999 - Math.min(usage.calls, 99999)).padStart(5, '0')}${e.name}`,
    filterText: e.name,
  };
}

/** Shortcodes that take content and are open at `offset`, innermost first. */
export function openShortcodes(text: string, before: number, catalogue: TemplateCatalogue): string[] {
  const stack: string[] = [];
  for (const t of shortcodeTags(text, 0)) {
    if (t.end > before) break;
    if (t.closing) stack.pop();
    else if (!t.selfClosing && catalogue.entries.get(t.name)?.inner) stack.push(t.name);
  }
  return [...new Set(stack.reverse())];
}

function closingItems(text: string, c: TemplateCompletionContext, catalogue: TemplateCatalogue): TemplateCompletion[] {
  return openShortcodes(text, c.tagStart, catalogue).map((name, i) => ({
    label: name,
    kind: 'closing',
    insertText: name + (c.endFollows ? '' : tagEnd(c)),
    snippet: false,
    range: c.range,
    detail: i === 0 ? 'closes the innermost open shortcode' : 'open further out',
    sortText: String(i).padStart(3, '0'),
    filterText: name,
  }));
}

function paramItems(site: Site, file: string, c: Extract<TemplateCompletionContext, { slot: 'param' }>, e: TemplateEntry): TemplateCompletion[] {
  const usage = templateUsage(site, e.name, file);
  return e.params
    .filter((p) => !c.given.includes(p))
    .map((p, i) => {
      const seen = valuesOf(usage, p);
      const used = seen.reduce((n, v) => n + v.count, 0);
      const doc = seen.length ? `Values on this site: ${seen.slice(0, 8).map((v) => `\`${v.value}\` (${v.count})`).join(', ')}` : undefined;
      return {
        label: p,
        kind: 'param' as const,
        insertText: `${lit(p)}="$1"`,
        snippet: true,
        range: c.range,
        detail: `parameter of ${e.name}${used ? ` · given in ${used} of ${usage.calls} calls` : ''}`,
        ...(doc ? { documentation: doc } : {}),
        sortText: `${String(99999 - Math.min(used, 99999)).padStart(5, '0')}${String(i).padStart(3, '0')}`,
        filterText: p,
      };
    });
}

function valueItems(site: Site, file: string, c: Extract<TemplateCompletionContext, { slot: 'value' }>): TemplateCompletion[] {
  return valuesOf(templateUsage(site, c.name, file), c.param)
    .slice(0, 100)
    .map((v, i) => ({
      label: v.value,
      kind: 'value' as const,
      insertText: c.quote || !/[\s"'`]/.test(v.value) ? v.value : `"${v.value.replace(/"/g, '\\"')}"`,
      snippet: false,
      range: c.range,
      detail: `${c.param} of ${c.name} · used ${v.count}×`,
      sortText: String(i).padStart(4, '0'),
      filterText: v.value,
    }));
}

/** Completion at `offset` in `text`, the current text of `file` (site-relative) of `site`. */
export async function completeTemplates(engine: Postcraft, site: Site, file: string, text: string, offset: number): Promise<TemplateCompletionResult> {
  const catalogue = await site.templates.catalogue();
  if (!catalogue) return { items: [] };
  const c = templateCompletionContext(text, offset, catalogue.kind);
  if (!c) return { items: [] };
  if (c.slot !== 'closing') await scanUnanalysed(engine, site);
  if (c.slot === 'name') return { items: [...catalogue.entries.values()].map((e) => nameItem(site, file, e, catalogue.kind, c, text)), context: c };
  if (c.slot === 'closing') return { items: catalogue.kind === 'shortcode' ? closingItems(text, c, catalogue) : [], context: c };
  const e = catalogue.entries.get(c.name);
  if (c.slot === 'param') return { items: e ? paramItems(site, file, c, e) : [], context: c };
  return { items: valueItems(site, file, c), context: c };
}
