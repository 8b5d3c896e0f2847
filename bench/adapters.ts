/**
 * Finds the features other engineers are building (completion, preview rendering) in src/core at
 * run time, so the benchmark builds and runs whether they exist yet or not. Each adapter narrows
 * the found function to the one call the benchmark makes; "n/a" means not built (or not
 * recognised: the reason says which).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Found<T> = { readonly ok: true; readonly fn: T; readonly where: string } | { readonly ok: false; readonly reason: string };

const CORE_DIR = path.resolve(__dirname, '..', 'src', 'core');

function requireCore(rel: string): Record<string, unknown> | undefined {
  try {
    // A template path: esbuild bundles every src/core module under it, so new modules are found.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an import() would be async and is not globbed the same way
    return require(`../src/core/${rel}.ts`) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function modulesUnder(dir: string): string[] {
  const abs = path.join(CORE_DIR, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.d.ts') || e.name.endsWith('.test.ts')) continue;
    const rel = path.relative(CORE_DIR, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/');
    out.push(rel.replace(/\.ts$/, ''));
  }
  return out.sort();
}

/** The first exported function under src/core/<dir> whose name is one of `names` (in that order of preference). */
export function findFunction(dir: string, names: readonly string[]): Found<(...args: unknown[]) => unknown> {
  const mods = modulesUnder(dir);
  if (mods.length === 0) return { ok: false, reason: 'not built yet' };
  const loaded = mods.map((m) => [m, requireCore(m)] as const);
  for (const name of names) {
    for (const [m, exports] of loaded) {
      const fn = exports?.[name];
      if (typeof fn === 'function') return { ok: true, fn: fn as (...args: unknown[]) => unknown, where: `src/core/${m}.ts#${name}` };
    }
  }
  return { ok: false, reason: 'not built yet' };
}

/** An exported value (not only a function) of a known module, if present. */
export function findExport(rel: string, name: string): unknown {
  return requireCore(rel)?.[name];
}
