/**
 * Links a site's shortcodes print from their arguments: `{{< img src="/fig/a.png" >}}` with a template
 * `<img src="{{ .Get "src" }}">` puts `/fig/a.png` on the page as it is, so the value is judged like a
 * link written there and reported on the value. The analysis knows where each call and its arguments
 * are written; which shortcodes print which links comes from the site's templates, at check time.
 */
import type { DocumentBody } from '../site/model';
import type { ShortcodeLink } from '../site/generator';
import type { ExtractedLink } from './types';

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
export function printedLinks(body: DocumentBody, facts: ReadonlyMap<string, readonly ShortcodeLink[]> | undefined, rawHtml: boolean): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  if (!facts || !body.shortcodes) return out;
  for (const u of body.shortcodes) {
    const at = u.at;
    const printed = at && facts.get(u.name);
    if (!at || !printed) continue;
    if (at.place === 'raw-html' || at.place === 'inner') continue;
    if (at.markdown && (at.place === 'code' || !rawHtml)) continue;
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
  }
  return out;
}

/**
 * Suggestions are replacements for the link's range, which holds the argument: a suggested URL under
 * the prefix the template prints becomes the argument that gives it, and a shortcode (`relref`) is
 * never one (an argument holds no shortcode).
 */
export function argumentSuggestions(link: ExtractedLink, suggestions: unknown): string[] | undefined {
  if (!Array.isArray(suggestions) || !isPrinted(link)) return undefined;
  const prefix = link.href !== undefined ? link.href.slice(0, link.href.length - link.target.length) : '';
  const out: string[] = [];
  for (const s of suggestions) {
    if (typeof s !== 'string' || s.includes('{{') || !s.startsWith(prefix)) continue;
    const rest = s.slice(prefix.length);
    out.push(prefix && link.target.startsWith('/') && !rest.startsWith('/') ? '/' + rest : rest);
  }
  return out;
}
