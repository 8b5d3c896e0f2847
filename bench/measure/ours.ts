/** Postcraft's own figures: cold index, whole-site check and re-checking one post while typing. */
import * as path from 'node:path';
import { createPostcraft, type Postcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { AnalysisWorker, workerAnalyzer } from '../../src/node/analysisClient';
import type { PostcraftDiagnostic } from '../../src/core/diagnostics';
import { Prng } from '../prng';
import { now, percentile, sample, type Sample } from '../stats';

export interface ColdIndex {
  readonly samples: readonly Sample[];
  readonly engine: Postcraft;
  readonly pages: number;
}

// The engine as `postcraft check` runs it: with the worker the CLI bundle ships beside it (the
// crawl does not use it; the whole-site check parses bodies on it and here side by side).
const worker = new AnalysisWorker(path.join(__dirname, 'analysisWorker.js'));

export async function coldIndex(root: string, reps: number): Promise<ColdIndex> {
  let engine: Postcraft | undefined;
  const samples = await sample(reps, () => createPostcraft({ fs: nodeFileSystem, roots: [root], analyzer: workerAnalyzer(worker) }), (e) => (engine = e));
  const site = engine!.sites[0];
  if (!site) throw new Error(`no site detected at ${root}`);
  return { samples, engine: engine!, pages: site.index.contentPages().length };
}

export interface SiteCheck {
  readonly samples: readonly Sample[];
  readonly diagnostics: readonly PostcraftDiagnostic[];
  /** Set when the cap stopped the check: how many documents were done, of how many. */
  readonly capped?: { readonly done: number; readonly total: number; readonly elapsedMs: number };
}

class CheckCapped extends Error {
  constructor(readonly done: number, readonly total: number) {
    super('capped');
  }
}

/**
 * engine.checkSite, stopped after `capMs` (by throwing from its progress callback) so a check that
 * grows faster than the site cannot stall the whole run; the time is then extrapolated linearly,
 * which flatters a check that grows faster than linearly.
 */
export async function checkWholeSite(engine: Postcraft, reps: number, capMs = Infinity): Promise<SiteCheck> {
  let diagnostics: PostcraftDiagnostic[] = [];
  let capped: SiteCheck['capped'];
  const site = engine.sites[0];
  const samples = await sample(reps, async () => {
    const t0 = now();
    try {
      return await engine.checkSite(site, (done, total) => {
        if (now() - t0 > capMs && done < total) throw new CheckCapped(done, total);
      });
    } catch (e) {
      if (!(e instanceof CheckCapped)) throw e;
      capped = { done: e.done, total: e.total, elapsedMs: now() - t0 };
      return [];
    }
  }, (d) => (diagnostics = d));
  if (!capped) return { samples, diagnostics };
  const c = capped;
  const scale = c.total / c.done;
  return { samples: samples.map((s) => ({ ...s, ms: s.ms * scale, cpuMs: s.cpuMs * scale })), diagnostics, capped: c };
}

export interface Recheck {
  readonly edits: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * Types into one post: small edits (a character in, a character out, a new link), each followed by
 * what the editor does on a change (update the index, re-check the document). The post is restored
 * afterwards so later measurements see the site as generated.
 */
export async function recheckWhileTyping(engine: Postcraft, absPath: string, original: string, slugs: readonly string[], edits: number, seed: number): Promise<Recheck> {
  const rng = new Prng(seed);
  const bodyStart = original.indexOf('\n\n', original.indexOf('\n---', 3) + 1);
  let text = original;
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const at = rng.int(Math.max(0, bodyStart), text.length - 1);
    const kind = rng.weighted<string>([['insert', 5], ['delete', 4], ['link', 1]]);
    if (kind === 'insert') text = text.slice(0, at) + rng.pick(['e', 't', 'a', ' ', 'o', ',']) + text.slice(at);
    else if (kind === 'delete' && text[at] !== '\n') text = text.slice(0, at) + text.slice(at + 1);
    else {
      const eol = text.indexOf('\n', at);
      const pos = eol < 0 ? text.length : eol;
      text = `${text.slice(0, pos)} See [this](../${rng.pick(slugs)}/).${text.slice(pos)}`;
    }
    const t0 = now();
    engine.documentChanged(absPath, text);
    await engine.checkDocument(absPath, text);
    times.push(now() - t0);
  }
  engine.documentChanged(absPath, original);
  return { edits, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

export function siteRoot(engine: Postcraft): string {
  return engine.sites[0].root;
}

export function absoluteIn(root: string, rel: string): string {
  return path.posix.join(root.split(path.sep).join('/'), rel);
}
