/** What every CLI command gets: output streams and the engine for a site folder. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPostcraft, type Postcraft, type Site } from '../core/service';
import { nodeFileSystem } from '../node/nodeFs';
import { UsageError } from './args';
import '../core/features';

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

export async function openSite(io: CliIO, dirArg: string | undefined): Promise<{ engine: Postcraft; site: Site }> {
  const dir = path.resolve(io.cwd, dirArg ?? '.');
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new SetupError(`no such folder: ${dirArg ?? dir}`);
  }
  if (!st.isDirectory()) throw new SetupError(`not a folder: ${dirArg ?? dir}`);
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [toPosix(dir)] });
  const site = engine.sites.find((s) => s.root === toPosix(dir)) ?? engine.sites[0];
  if (!site) throw new SetupError(`no site found in ${dirArg ?? dir}`);
  const unreadable = site.index.issues.find((i) => i.code === 'config.unreadable');
  if (unreadable) throw new SetupError(unreadable.message.replace('; using Hugo\'s defaults.', '') + ` (${unreadable.path})`);
  return { engine, site };
}

export { UsageError };
