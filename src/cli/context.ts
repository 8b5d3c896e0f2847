/** What every CLI command gets: output streams and the engine for a site folder. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPostcraft, type Postcraft, type Site } from '../core/service';
import { nodeFileSystem } from '../node/nodeFs';
import { AnalysisWorker, workerAnalyzer } from '../node/analysisClient';
import { UsageError } from './args';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readonly errIsTTY: boolean;
  readonly cwd: string;
}

export class SetupError extends Error {}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export interface OpenSiteOptions {
  /**
   * Parse documents on a worker thread where the engine can use one (the whole-site check parses
   * the next posts there while this thread checks). Needs analysisWorker.js beside the CLI bundle;
   * without it everything is parsed here.
   */
  readonly worker?: boolean;
  /** The time the site is judged at (statuses), instead of the system clock. */
  readonly now?: Date;
}

export interface OpenedSite {
  readonly engine: Postcraft;
  readonly site: Site;
  /** Stops the worker, if one was started. */
  close(): void;
}

export async function openSite(io: CliIO, dirArg: string | undefined, options: OpenSiteOptions = {}): Promise<OpenedSite> {
  const dir = path.resolve(io.cwd, dirArg ?? '.');
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new SetupError(`no such folder: ${dirArg ?? dir}`);
  }
  if (!st.isDirectory()) throw new SetupError(`not a folder: ${dirArg ?? dir}`);
  const worker = options.worker ? new AnalysisWorker(path.join(__dirname, 'analysisWorker.js')) : undefined;
  const now = options.now;
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [toPosix(dir)], analyzer: worker && workerAnalyzer(worker), clock: now ? { now: () => now } : undefined });
  const close = () => worker?.dispose();
  const site = engine.sites.find((s) => s.root === toPosix(dir)) ?? engine.sites[0];
  const unreadable = site?.index.issues.find((i) => i.code === 'config.unreadable');
  if (!site || unreadable) close();
  if (!site) throw new SetupError(`no site found in ${dirArg ?? dir}`);
  if (unreadable) throw new SetupError(unreadable.message.replace('; using Hugo\'s defaults.', '') + ` (${unreadable.path})`);
  return { engine, site, close };
}

export { UsageError };
