/**
 * Preview rendering of one long post, through whatever render function src/core/render exports.
 * The hooks answer at once (every image loads, every link is internal), so the figure is the
 * renderer's own cost, not the host's link lookups.
 */
import { findExport, findFunction } from '../adapters';
import { percentile, now, gc } from '../stats';
import { GOLDMARK } from '../../src/core/markdown/dialect';

export type RenderResult = { readonly ok: true; readonly p50: number; readonly p95: number; readonly runs: number; readonly where: string; readonly htmlBytes: number } | { readonly ok: false; readonly reason: string };

const FALLBACK_MARKUP = { generator: 'hugo', dialect: GOLDMARK, typographer: true };

const hooks = {
  resolveImage: (src: string) => ({ uri: src }),
  resolveLink: () => ({ kind: 'internal' }),
  authorName: (id: string) => id,
  status: 'published',
};

/** The call the preview makes, or why it cannot be made. */
function renderer(): { ok: true; render: (text: string) => unknown; where: string } | { ok: false; reason: string } {
  const found = findFunction('render', ['renderPost', 'renderDocument', 'render']);
  if (!found.ok) return found;
  const markup = findExport('render/render', 'DEFAULT_MARKUP') ?? FALLBACK_MARKUP;
  return { ok: true, render: (text) => found.fn(text, markup, hooks), where: found.where };
}

function htmlSize(r: unknown): number {
  const o = r as { bodyHtml?: unknown; html?: unknown };
  const html = typeof o?.bodyHtml === 'string' ? o.bodyHtml : typeof o?.html === 'string' ? o.html : typeof r === 'string' ? r : '';
  return html.length;
}

export function measureRender(text: string, runs: number): RenderResult {
  const r = renderer();
  if (!r.ok) return r;
  let htmlBytes = 0;
  try {
    // Warm-up: the first call builds the markdown-it instance and compiles the highlighter.
    htmlBytes = htmlSize(r.render(text));
    gc();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      r.render(text);
      times.push(now() - t0);
    }
    return { ok: true, p50: percentile(times, 50), p95: percentile(times, 95), runs, where: r.where, htmlBytes };
  } catch (e) {
    return { ok: false, reason: `${r.where} threw: ${(e as Error).message}` };
  }
}
