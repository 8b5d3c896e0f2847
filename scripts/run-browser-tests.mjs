#!/usr/bin/env node
// Browser tests: test/browser/**/*.test.ts, run by mocha through tsx, driving Debian's Chromium
// with playwright-core (Playwright's own browser download cannot work offline).
//
// The tests get the browser's path in CHROMIUM_PATH (from provision.mjs), so they launch with
// `chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })`.
//
// Usage: node scripts/run-browser-tests.mjs [extra mocha args, e.g. --grep preview]
// With no test files yet it says so and succeeds: the level exists before its tests do.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, ensureChromium } from './provision.mjs';

// Overridable only to exercise this runner itself on throwaway tests.
const testsDir = path.resolve(process.env.POSTCRAFT_BROWSER_TESTS_DIR || path.join(REPO_ROOT, 'test', 'browser'));

export function findBrowserTests(dir = testsDir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts') && !(e.parentPath ?? e.path).split(path.sep).includes('node_modules'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function main() {
  const files = findBrowserTests();
  if (files.length === 0) {
    console.log('no browser tests yet (test/browser/**/*.test.ts)');
    process.exit(0);
  }

  const browser = ensureChromium();
  if (!browser.ok) {
    console.error(`browser tests need Chromium: ${browser.reason}`);
    process.exit(2);
  }
  console.log(`browser tests: ${files.length} file(s), Chromium ${browser.path}`);

  const mocha = path.join(REPO_ROOT, 'node_modules', '.bin', 'mocha');
  const args = [
    // Not the repo's .mocharc.json: its spec list (unit tests) would be merged with ours.
    '--no-config',
    '--no-package',
    '--require', 'tsx/cjs',
    '--extension', 'ts',
    '--timeout', '60000',
    '--reporter', 'spec',
    // A failing test that never reaches browser.close() would otherwise keep mocha (and the level)
    // alive forever; playwright kills its browsers when the process exits.
    '--exit',
    ...process.argv.slice(2),
    ...files.map((f) => path.relative(REPO_ROOT, f)),
  ];
  const child = spawn(mocha, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: browser.path } });
  // Ctrl-C reaches mocha directly (same process group): only wait for it to report. Other signals
  // are meant for us alone, so pass them on.
  process.on('SIGINT', () => {});
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (e) => {
    console.error(`could not start mocha (${mocha}): ${e.message}; run npm ci`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// Importable (test-all.mjs asks findBrowserTests() whether Chromium is needed at all).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
