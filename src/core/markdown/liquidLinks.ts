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
