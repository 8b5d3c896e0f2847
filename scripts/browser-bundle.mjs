// The browser bundle (package.json `browser`: vscode.dev, github.dev), for scripts/build.mjs and the
// tests that need the same bundle settings. A web extension runs in a web worker: no Node built-in
// module, no worker_threads, no child_process. The build FAILS when one is reached:
//
// - `node:path` / `path` imported by our own code (src/) is our posix helpers (src/core/posix.ts,
//   property-tested against Node's path.posix): the engine only uses its posix functions;
// - a dependency's Node module that the dependency's own `browser` field maps away (postcss's
//   `fs`/`path`/`url`, used only for source maps, which sanitize-html never asks for) is left to
//   esbuild, which then bundles an empty module;
// - anything else is an error naming the importer, and so is any `require()` of a built-in left in
//   the output, or a free `__dirname`, `__filename`, `process` or `Buffer` in our own code.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const POSIX = path.join(REPO, 'src', 'core', 'posix.ts');

/** The esbuild plugin: node:path → our posix helpers; any other built-in reached is recorded. */
function noNodeBuiltins(problems) {
  return {
    name: 'postcraft-no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (!BUILTINS.has(args.path) || args.pluginData?.again) return undefined;
        const ours = !args.importer.split(path.sep).includes('node_modules');
        if (ours && (args.path === 'node:path' || args.path === 'path')) return { path: POSIX };
        // What esbuild makes of it for the browser: a dependency's `browser` field may map it away.
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { again: true } });
        if (r.errors.length === 0 && !r.external) return undefined;
        problems.push(`${path.relative(REPO, args.importer)} imports the Node module '${args.path}'`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** esbuild options for a browser bundle of `entry` (a web worker: format cjs, `vscode` external). */
export function browserOptions(entry, outfile, { production = false, problems = [] } = {}) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: true,
    minify: production,
    logLevel: 'warning',
    external: ['vscode'],
    metafile: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    plugins: [noNodeBuiltins(problems)],
  };
}

/** Node globals a web worker lacks, used free (not behind a `typeof` guard) by our own sources in the bundle. */
const FREE_GLOBALS = /(?<![.\w$])(__dirname|__filename|Buffer|process|setImmediate)(?![\w$]|\s*\??:)/;

/** Problems in a built bundle: built-ins required, Node globals used by our code (src/). */
export function checkBundle(outfile, metafile) {
  const problems = [];
  const text = fs.readFileSync(outfile, 'utf8');
  for (const m of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    if (BUILTINS.has(m[1])) problems.push(`${path.relative(REPO, outfile)} requires the Node module '${m[1]}'`);
  }
  for (const [file, out] of Object.entries(metafile.outputs)) {
    for (const imp of out.imports ?? []) if (imp.external && imp.path !== 'vscode') problems.push(`${file} imports '${imp.path}' at run time`);
  }
  for (const input of Object.keys(metafile.inputs)) {
    if (!input.startsWith('src/')) continue;
    const source = fs.readFileSync(path.join(REPO, input), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
    for (const line of source.split('\n')) {
      const m = FREE_GLOBALS.exec(line);
      // Behind a `typeof x` test on the same line: code that checks before it uses.
      if (m && !new RegExp(`typeof\\s+${m[1]}\\b`).test(line)) problems.push(`${input} uses the Node global '${m[1]}': ${line.trim().slice(0, 100)}`);
    }
  }
  return problems;
}

/** Builds the bundle; throws with every problem listed when it would not run in a web worker. */
export async function buildBrowserBundle(entry, outfile, { production = false } = {}) {
  const problems = [];
  let result;
  try {
    result = await esbuild.build(browserOptions(entry, outfile, { production, problems }));
  } catch (e) {
    if (problems.length === 0) throw e;
  }
  if (result) problems.push(...checkBundle(outfile, result.metafile));
  if (problems.length) {
    throw new Error(`the browser bundle ${path.relative(REPO, outfile)} would not run in a web extension host:\n  ${[...new Set(problems)].join('\n  ')}`);
  }
  return result;
}
