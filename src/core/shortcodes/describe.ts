/**
 * A template in words, for hovers and completion details: where it comes from, its documentation
 * (the comment at the top of its template), its parameters, whether it takes content, its file.
 */
import type { TemplateCatalogue, TemplateEntry } from '../site/templates';
import { BUILTIN_SOURCE, SITE_SOURCE } from '../site/templates';

/** `site`, `theme paper`, `built-in`. */
export function sourceLabel(e: TemplateEntry): string {
  return e.source === SITE_SOURCE || e.source === BUILTIN_SOURCE ? e.source : `theme ${e.source}`;
}

/** How it is called, written out: `{{< note title="…" >}}…{{< /note >}}`, `{% include x.html who="…" %}`. */
export function usageLine(e: TemplateEntry, kind: TemplateCatalogue['kind']): string {
  const params = e.params.slice(0, 4).map((p) => ` ${p}="…"`).join('');
  if (kind === 'include') return `{% include ${e.name}${params} %}`;
  const args = params || (e.positional ? ' …' : '');
  if (e.inner) return `{{< ${e.name}${args} >}}…{{< /${e.name} >}}`;
  return `{{< ${e.name}${args} >}}`;
}

function inlineCode(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${ticks.length > 1 ? ' ' : ''}${s}${ticks.length > 1 ? ' ' : ''}${ticks}`;
}

/**
 * Markdown describing a template. `fileUri`: how the host links a site-relative file (a hover's
 * link opens the template); without it the path is shown as text.
 */
export function describeTemplate(e: TemplateEntry, kind: TemplateCatalogue['kind'], fileUri?: (file: string) => string): string {
  const what = kind === 'include' ? 'include' : 'shortcode';
  const lines = [`**${e.name}** — ${sourceLabel(e)} ${what}`, ''];
  if (e.doc) lines.push(e.doc, '');
  lines.push(inlineCode(usageLine(e, kind)), '');
  const facts: string[] = [];
  if (e.params.length) facts.push(`Parameters: ${e.params.map((p) => inlineCode(p)).join(', ')}`);
  if (e.positional) facts.push('Takes positional arguments');
  if (kind === 'shortcode') facts.push(e.innerUncertain ? 'Its variants disagree on whether it takes content' : e.inner ? 'Takes content and a closing tag (or `/>}}`)' : 'Takes no content: no closing tag');
  for (const f of facts) lines.push(`- ${f}`);
  if (e.file) lines.push('', fileUri ? `[${e.file}](${fileUri(e.file)})` : inlineCode(e.file));
  return lines.join('\n').trim();
}
