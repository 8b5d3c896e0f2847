// Bundles the extension (Node and browser), the CLI, the benchmark and the webview script with esbuild.
// `--production` minifies (for the .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { mkdirSync, existsSync } from 'node:fs';
import { browserOptions, buildBrowserBundle } from './browser-bundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

const entries = [
  // The Node entry is also the analysis worker's script (src/vscode/node/main.ts).
  { ...common, entryPoints: ['src/vscode/node/main.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Loaded by the extension as a worker thread (src/node/analysisClient.ts), beside extension.js.
  { ...common, entryPoints: ['src/node/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
];
if (existsSync('bench/main.ts')) {
  entries.push({ ...common, entryPoints: ['bench/main.ts'], outfile: 'dist/bench.js', external: ['vscode', 'playwright-core'] });
  // VS Code's link validator as a process of its own, timed by the benchmark like `postcraft check`.
  entries.push({ ...common, entryPoints: ['bench/peerProcess.ts'], outfile: 'dist/benchPeer.js', external: ['vscode'] });
}
if (existsSync('media/preview.ts')) {
  entries.push({ ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['media/preview.ts'], outfile: 'dist/media/preview.js' });
}

// The web extension (vscode.dev, github.dev): no Node module in it, checked (scripts/browser-bundle.mjs).
const WEB = ['src/vscode/web/extension.ts', 'dist/web/extension.js'];

if (watch) {
  const ctxs = await Promise.all([...entries, browserOptions(...WEB, { production })].map((e) => esbuild.context(e)));
  await Promise.all(ctxs.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all([...entries.map((e) => esbuild.build(e)), buildBrowserBundle(...WEB, { production })]);
}
