/**
 * How long VS Code waits for Postcraft: loading dist/extension.js and returning from activate(),
 * with a stand-in `vscode` module. Also the size of the packaged .vsix when one was built.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeContext, fakeVscode, vscodeNamesIn } from './fakeVscode';
import { injectModule } from './moduleShim';
import { median, now } from '../stats';

export type Activation =
  | { readonly ok: true; readonly requireMs: number; readonly activateMs: number; readonly totalMs: number; readonly firstTotalMs: number; readonly bundleBytes: number; readonly runs: number }
  | { readonly ok: false; readonly reason: string };

interface ExtensionModule {
  activate?: (context: unknown) => unknown;
}

export function measureActivation(repoRoot: string, reps: number): Activation {
  const file = path.join(repoRoot, 'dist', 'extension.js');
  if (!fs.existsSync(file)) return { ok: false, reason: 'dist/extension.js not built' };
  injectModule('vscode', fakeVscode(vscodeNamesIn(fs.readFileSync(file, 'utf8'))));
  const req: number[] = [];
  const act: number[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      delete require.cache[require.resolve(file)];
      const t0 = now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the built bundle at run time is the measurement
      const ext = require(file) as ExtensionModule;
      const t1 = now();
      ext.activate?.(fakeContext(repoRoot));
      const t2 = now();
      req.push(t1 - t0);
      act.push(t2 - t1);
    }
  } catch (e) {
    return { ok: false, reason: `activate() threw with the stand-in vscode module: ${(e as Error).message}` };
  }
  const totals = req.map((r, i) => r + act[i]);
  return { ok: true, requireMs: median(req), activateMs: median(act), totalMs: median(totals), firstTotalMs: totals[0], bundleBytes: fs.statSync(file).size, runs: reps };
}

/** Size and build time of postcraft.vsix: an old package says nothing about today's bundle. */
export function vsixInfo(repoRoot: string): { readonly bytes: number; readonly built: string } | undefined {
  const f = path.join(repoRoot, 'postcraft.vsix');
  if (!fs.existsSync(f)) return undefined;
  const st = fs.statSync(f);
  return { bytes: st.size, built: st.mtime.toISOString() };
}
