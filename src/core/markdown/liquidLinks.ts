/**
 * Links found in Liquid's output, mapped back to the text as written: the range and `target` become
 * the source's (`{{ site.baseurl }}/x/`), `href` keeps what the generator publishes (`/blog/x/`), and a
 * `{% link %}` / `{% post_url %}` placeholder becomes `liquidRef`. A link whose destination holds
 * something we could not evaluate is dropped: no finding rather than a guess.
 */
import type { ExtractedLink } from '../links/types';
import { liquidTagLinks } from '../links/extract';
import { REF_PLACEHOLDER, type RenderedLiquid, type Span } from './liquid';

function overlaps(spans: readonly Span[], r: Span): boolean {
  for (const s of spans) if (s.start < r.end && r.start < s.end) return true;
  return false;
}

export function mapLiquidLinks(source: string, bodyStart: number, liquid: RenderedLiquid, links: readonly ExtractedLink[]): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  const map = (r: Span): Span => {
    const start = liquid.toSource(r.start, false);
    return { start, end: Math.max(start, liquid.toSource(r.end, true)) };
  };
  for (const l of links) {
    if (overlaps(liquid.unknown, l.range)) continue;
    const tag = liquid.tagAt(l.range.start);
    if (tag && !REF_PLACEHOLDER.test(l.target)) {
      out.push(printedByTag(source, tag, l));
      continue;
    }
    const range = map(l.range);
    const written = source.slice(range.start, range.end);
    const ref = REF_PLACEHOLDER.exec(l.target);
    const liquidRef = ref ? liquid.refs[Number(ref[1])] : undefined;
    if (ref && !liquidRef) continue;
    const mapped: ExtractedLink = {
      ...l,
      target: written,
      range,
      ...(l.target !== written ? { href: l.target } : {}),
      ...(liquidRef ? { liquidRef } : {}),
      ...(l.whole ? { whole: map(l.whole) } : {}),
    };
    out.push(mapped);
  }
  // The tags themselves are checked where they are written (a missing target fails the build).
  out.push(...liquidTagLinks(source, bodyStart));
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return out;
}


/**
 * A link a block tag printed (`{% for %}` prints one per item, `{% if %}` its branch): it is judged by
 * what was printed, and shown on the destination in the tag's body that printed it — the one whose
 * literal parts, with each Liquid output or tag standing for any text, give the printed destination —
 * or on the whole tag when none does.
 */
function printedByTag(source: string, tag: Span, l: ExtractedLink): ExtractedLink {
  const body = source.slice(tag.start, tag.end);
  let range: Span = tag;
  for (const m of body.matchAll(DESTINATIONS)) {
    const dest = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (dest === undefined || !templateOf(dest).test(l.target)) continue;
    const after = m[1] !== undefined ? 2 : m[2] !== undefined ? m[0].indexOf(']:') + 2 : m[0].indexOf('=') + 1;
    const start = tag.start + m.index + m[0].indexOf(dest, after);
    range = { start, end: start + dest.length };
    break;
  }
  // A loop prints its template once per item: the printed destination names the link. Any other
  // tag prints its template once, which names it as written (like a link outside any tag).
  const loop = /^\{%-?\s*(?:for|tablerow)\b/.test(body);
  const written = source.slice(range.start, range.end);
  const target = range === tag || loop ? l.target : written;
  return { ...l, target, range, ...(written !== l.target ? { href: l.target } : {}), ...(l.whole ? { whole: range } : {}) };
}

/** Inline destinations, reference definitions and HTML href/src values, as written in a template. */
const PIECE = String.raw`(?:\{\{[^}]*\}\}|\{%[^%]*%\}|[^()\s<>{]|\{(?![{%])|\([^()\s]*\))`;
const DESTINATIONS = new RegExp(
  String.raw`\]\(\s*<?(${PIECE}+)>?(?:\s+["'(][^)]*)?\)|^ {0,3}\[[^\]\n]+\]:[ \t]*<?(${PIECE}+)>?|\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')`,
  'gm',
);

/** A destination template as a pattern: literal text as it is, each `{{ }}` or `{% %}` any text. */
function templateOf(dest: string): RegExp {
  const parts = dest.split(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/);
  return new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?') + '$');
}
