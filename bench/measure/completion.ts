/**
 * Front-matter completion at a `tags:` value, through whatever completion function
 * src/core/frontmatter exports. Until one exists the row says "n/a (not built yet)".
 */
import type { Postcraft } from '../../src/core/service';
import { findFunction } from '../adapters';
import { gc, now, percentile } from '../stats';

export type CompletionResult = { readonly ok: true; readonly p50: number; readonly p95: number; readonly runs: number; readonly items: number; readonly where: string } | { readonly ok: false; readonly reason: string };

/** Offset just inside the tags value: after `tags: [` (YAML flow), `tags = [` (TOML) or `  - ` (YAML block). */
export function tagsOffset(text: string): number | undefined {
  const m = /^(tags\s*[:=]\s*\[)|^tags:\n( {2}- )/m.exec(text);
  return m ? m.index + m[0].length : undefined;
}

function itemCount(r: unknown): number {
  if (Array.isArray(r)) return r.length;
  const items = (r as { items?: unknown })?.items;
  return Array.isArray(items) ? items.length : 0;
}

export async function measureCompletion(engine: Postcraft, absPath: string, text: string, runs: number): Promise<CompletionResult> {
  const found = findFunction('frontmatter', ['completeFrontMatter', 'frontMatterCompletions', 'completeFrontmatter']);
  if (!found.ok) return found;
  const offset = tagsOffset(text);
  if (offset === undefined) return { ok: false, reason: 'no tags: field in the post' };
  const site = engine.siteOf(absPath);
  if (!site) return { ok: false, reason: `no site for ${absPath}` };
  // completeFrontMatter(site, site-relative file, text, offset): what the editor's provider calls.
  const file = engine.relative(site, absPath);
  const call = () => found.fn(site, file, text, offset);
  try {
    const items = itemCount(await call());
    gc();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      await call();
      times.push(now() - t0);
    }
    return { ok: true, p50: percentile(times, 50), p95: percentile(times, 95), runs, items, where: found.where };
  } catch (e) {
    return { ok: false, reason: `${found.where} found, but the adapter's call failed (${(e as Error).message}); update bench/measure/completion.ts` };
  }
}
