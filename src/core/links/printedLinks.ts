/**
 * Links a site's shortcodes print from their arguments: `{{< img src="/fig/a.png" >}}` with a template
 * `<img src="{{ .Get "src" }}">` puts `/fig/a.png` on the page as it is, so the value is judged like a
 * link written there and reported on the value. The analysis knows where each call and its arguments
 * are written; which shortcodes print which links comes from the site's templates, at check time.
 */
import type { DocumentBody } from '../site/model';
import type { ShortcodeLink } from '../site/generator';
import type { ExtractedLink } from './types';
import type { ShortcodeCall, ShortcodeUse } from './shortcodes';
import type { PrintedTag, RenderedCall } from './renderedCalls';

/** A link a shortcode printed from an argument. */
export function isPrinted(link: ExtractedLink): boolean {
  return link.kind === 'shortcode-href' || link.kind === 'shortcode-src';
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The links the calls in a body print. Not judged: a call inside raw HTML (dropped, or in a comment)
 * or inside another shortcode's content (its template may not print it), and a `{{% %}}` call whose
 * output is raw HTML Goldmark drops (without `unsafe`) or code text (in a code block).
 */
export function printedLinks(body: DocumentBody, facts: ReadonlyMap<string, readonly ShortcodeLink[]> | undefined, rawHtml: boolean, rendered: readonly (RenderedCall | undefined)[] = []): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  if (!body.shortcodes) return out;
  body.shortcodes.forEach((u, i) => {
    const at = u.at;
    if (!at || at.place === 'raw-html' || at.place === 'inner') return;
    if (at.markdown && (at.place === 'code' || !rawHtml)) return;
    const r = rendered[i];
    if (r) {
      for (const t of r.links) out.push(renderedLink(u, at, t));
      return;
    }
    const printed = facts?.get(u.name);
    if (!printed) return;
    for (const f of printed) {
      let value: string | undefined;
      let start: number | undefined;
      if (f.position !== undefined) {
        value = u.args[f.position];
        start = at.args[f.position];
      } else if (f.name !== undefined && own(u.named, f.name) && own(at.named, f.name)) {
        value = u.named[f.name];
        start = at.named[f.name];
      }
      // An empty value prints nothing to judge; template code or escapes are not the value Hugo prints.
      if (value === undefined || start === undefined || value.trim() === '' || value.includes('{{') || value.includes('\\')) continue;
      const kind = f.attr === 'src' ? 'shortcode-src' : 'shortcode-href';
      out.push({ kind, target: value, range: { start, end: start + value.length }, ...(f.prefix !== undefined ? { href: f.prefix + value } : {}) });
    }
  });
  return out;
}

/**
 * A link a rendered call printed, shown on the argument it was printed from (the whole value, or
 * its end after what the template put before it), else on the call's name.
 */
function renderedLink(u: ShortcodeUse, at: ShortcodeCall, t: PrintedTag): ExtractedLink {
  const kind = t.attr === 'src' ? 'shortcode-src' : 'shortcode-href';
  const candidates: [string, number][] = [...u.args.map((v, k): [string, number] => [v, at.args[k]]), ...Object.keys(u.named).filter((k) => own(at.named, k)).map((k): [string, number] => [u.named[k], at.named[k]])];
  const exact = candidates.find(([v]) => v !== '' && v === t.value);
  if (exact) return { kind, target: t.value, range: { start: exact[1], end: exact[1] + exact[0].length } };
  const tail = candidates.find(([v]) => v.trim() !== '' && t.value.endsWith(v) && !v.includes('\\'));
  if (tail) return { kind, target: tail[0], href: t.value, range: { start: tail[1], end: tail[1] + tail[0].length } };
  return { kind, target: t.value, href: t.value, range: { start: at.start, end: at.start + 3 }, fromTemplate: true };
}

/**
 * Suggestions are replacements for the link's range, which holds the argument: a suggested URL under
 * the prefix the template prints becomes the argument that gives it, and a shortcode (`relref`) is
 * never one (an argument holds no shortcode).
 */
export function argumentSuggestions(link: ExtractedLink, suggestions: unknown): string[] | undefined {
  if (!Array.isArray(suggestions) || !isPrinted(link)) return undefined;
  if (link.fromTemplate) return [];
  const prefix = link.href !== undefined ? link.href.slice(0, link.href.length - link.target.length) : '';
  const out: string[] = [];
  for (const s of suggestions) {
    if (typeof s !== 'string' || s.includes('{{') || !s.startsWith(prefix)) continue;
    const rest = s.slice(prefix.length);
    out.push(prefix && link.target.startsWith('/') && !rest.startsWith('/') ? '/' + rest : rest);
  }
  return out;
}
