#!/usr/bin/env node
// Integration tests: the mocha suite in test/integration/suite/ runs inside a real VS Code
// extension host with the built extension loaded and a copy of a real blog as the workspace.
//
// @vscode/test-electron's runTests() stays the entry point so the same runner works wherever
// VS Code can be downloaded (a laptop, hosted CI). Where it cannot (our offline machines:
// ENOTFOUND in under a second), runTests() is pointed at scripts/vscode-shim/code, which runs the
// same suite in code-server + headless Chromium. See shared/docs/testing-in-real-vscode.md.
//
// Usage: node scripts/run-integration.mjs [options]
//   --workspace DIR     blog opened in VS Code (default examples/blog; env POSTCRAFT_IT_WORKSPACE)
//   --extension DIR     extension under test (default: this repo, built first; env POSTCRAFT_IT_EXTENSION)
//   --host auto|vscode|code-server   auto = try the VS Code download, fall back to code-server (env POSTCRAFT_IT_HOST)
//   --timeout SECONDS   whole run, build included (default 360; env POSTCRAFT_IT_TIMEOUT)
//   --grep PATTERN      only tests whose title matches (env POSTCRAFT_IT_GREP)
//   --no-build          use dist/ as it is
//   --keep-tmp          keep the temp folder (workspace copy, profiles) for inspection
//   --verbose           print all workbench/code-server output
//   --screenshot FILE   after a passing run, copy the workbench screenshot the publishing suite takes
//                       (test-artifacts/integration-posts-view.png: the Posts view) to FILE (the README's
//                       docs/posts-view.png); code-server host only (the driver takes the picture)
//   --record            after a passing run, keep the robustness suite's measurements as
//                       test/integration/results/robustness.json and write the README's typing table
//                       from it (test/unit/readme-figures.test.ts checks the two agree)
// Exit code: 0 only when at least one test ran and none failed; 1 on failed tests or a suite that
// did not run; 2 on set-up errors; 124 on timeout.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { REPO_ROOT, ensureChromium, ensureCodeServer } from './provision.mjs';

const require = createRequire(import.meta.url);
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');

const T0 = Date.now();
const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[integration ${elapsed()}] ${msg}`);

const EXIT_FAILED = 1;
const EXIT_SETUP = 2;
const EXIT_TIMEOUT = 124;

const { values: args } = parseArgs({
  options: {
    workspace: { type: 'string', default: process.env.POSTCRAFT_IT_WORKSPACE || path.join(REPO_ROOT, 'examples', 'blog') },
    extension: { type: 'string', default: process.env.POSTCRAFT_IT_EXTENSION || REPO_ROOT },
    host: { type: 'string', default: process.env.POSTCRAFT_IT_HOST || 'auto' },
    timeout: { type: 'string', default: process.env.POSTCRAFT_IT_TIMEOUT || '360' },
    grep: { type: 'string', default: process.env.POSTCRAFT_IT_GREP || '' },
    'no-build': { type: 'boolean', default: false },
    'keep-tmp': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: /^(1|true)$/i.test(process.env.POSTCRAFT_IT_VERBOSE || '') },
    record: { type: 'boolean', default: false },
    screenshot: { type: 'string', default: '' },
  },
});

const workspaceSrc = path.resolve(args.workspace);
const extensionDir = path.resolve(args.extension);
const timeoutMs = Number(args.timeout) * 1000;
const suiteSrc = path.join(REPO_ROOT, 'test', 'integration', 'suite');
// Per run (several people or levels may run the suite at once on one machine): a folder of its
// own under out/integration/, inside the repo so `require('mocha')` finds the repo's node_modules.
const suiteOutRoot = path.join(REPO_ROOT, 'out', 'integration');
let suiteOut;
const artifacts = path.join(REPO_ROOT, 'test-artifacts');
const shim = path.join(REPO_ROOT, 'scripts', 'vscode-shim', 'code');

if (!['auto', 'vscode', 'code-server'].includes(args.host)) {
  console.error(`--host must be auto, vscode or code-server (got ${args.host})`);
  process.exit(EXIT_SETUP);
}
if (!(timeoutMs > 0)) {
  console.error(`--timeout must be a number of seconds (got ${args.timeout})`);
  process.exit(EXIT_SETUP);
}

// Everything the run writes outside the repo lives here: workspace copy, VS Code profile and
// extensions dir, XDG dirs, TMPDIR. Short name: code-server puts a unix socket under it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-it-'));
const resultsFile = path.join(tmp, 'results.json');
// The suites' measurements (robustness.json, CPU profiles of the typing): kept after the run.
const measurementsDir = path.join(artifacts, 'integration-results');

// ---- process hygiene ----------------------------------------------------------------------
// runTests() spawns the VS Code (or shim) process itself and does not hand us its pid, so on a
// timeout or a signal we find our descendants in the process table and end them.
function descendants(rootPid) {
  const r = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  const children = new Map();
  for (const line of r.stdout.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid) continue;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const stack = [...(children.get(rootPid) || [])];
  while (stack.length) {
    const pid = stack.pop();
    if (pid === r.pid) continue; // the ps we just ran
    out.push(pid);
    stack.push(...(children.get(pid) || []));
  }
  return out;
}

function killAll(signal) {
  for (const pid of descendants(process.pid)) {
    try { process.kill(pid, signal); } catch { /* gone */ }
  }
}

let finishing = false;
async function finish(code, why) {
  if (finishing) return;
  finishing = true;
  if (why) say(why);
  if (descendants(process.pid).length) {
    // SIGTERM first: the shim then closes the browser and code-server's whole process group.
    killAll('SIGTERM');
    const deadline = Date.now() + 8000;
    while (descendants(process.pid).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    killAll('SIGKILL');
  }
  if (args['keep-tmp']) say(`temp folder kept: ${tmp}; suite bundle: ${suiteOut}`);
  else {
    for (const dir of [tmp, suiteOut].filter(Boolean)) {
      try { fs.rmSync(dir, { recursive: true, force: true }); } catch (e) { say(`could not remove ${dir}: ${e.message}`); }
    }
  }
  process.exit(code);
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => finish(code, `received ${sig}, stopping`));
}
const globalTimer = setTimeout(() => finish(EXIT_TIMEOUT, `TIMEOUT: the integration run took longer than ${args.timeout}s`), timeoutMs);
globalTimer.unref();

/** Stops the run with an exit code and a message (handled once, in main().catch). */
class Fatal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// ---- steps --------------------------------------------------------------------------------
function runStep(cmd, cmdArgs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('error', (e) => resolve({ code: -1, error: e }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1) }));
  });
}

async function buildExtension() {
  if (args['no-build'] || extensionDir !== REPO_ROOT) {
    say(extensionDir === REPO_ROOT ? 'skipping the build (--no-build)' : `extension under test: ${extensionDir} (not built here)`);
  } else {
    say('building the extension (node scripts/build.mjs)');
    const { code } = await runStep(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')]);
    if (code !== 0) throw new Fatal(EXIT_SETUP, `the extension build failed (exit ${code})`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const main = pkg.main && path.resolve(extensionDir, pkg.main);
  if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Fatal(EXIT_SETUP, `the extension's main ${pkg.main} does not exist in ${extensionDir}: build it first`);
  }
}

async function bundleSuite() {
  const tests = fs.readdirSync(suiteSrc).filter((f) => f.endsWith('.test.ts'));
  if (!tests.length) throw new Fatal(EXIT_FAILED, `no *.test.ts in ${path.relative(REPO_ROOT, suiteSrc)}`);
  say(`bundling the suite: index.ts + ${tests.join(', ')}`);
  fs.mkdirSync(suiteOutRoot, { recursive: true });
  // Leftovers of runs that were killed before they could clean up (older than a day).
  for (const e of fs.readdirSync(suiteOutRoot, { withFileTypes: true })) {
    const p = path.join(suiteOutRoot, e.name);
    if (e.isDirectory() && e.name.startsWith('run-') && Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { recursive: true, force: true });
  }
  suiteOut = fs.mkdtempSync(path.join(suiteOutRoot, 'run-'));
  // One bundle per file, next to index.js, which loads every *.test.js it finds. `vscode` exists
  // only inside the extension host; mocha must stay one shared instance (its globals).
  await esbuild.build({
    entryPoints: ['index.ts', ...tests].map((f) => path.join(suiteSrc, f)),
    outdir: suiteOut,
    outbase: suiteSrc,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  // esbuild keeps a helper process alive for later builds; we make none, and a lingering child
  // would look like a leftover to finish().
  await esbuild.stop();
}

function copyWorkspace() {
  if (!fs.existsSync(workspaceSrc)) throw new Fatal(EXIT_SETUP, `workspace ${workspaceSrc} does not exist`);
  // A copy, so tests may create, edit and delete files without touching the example site.
  const dest = path.join(tmp, 'ws', path.basename(workspaceSrc));
  const skip = new Set(['node_modules', 'public', 'resources', '.hugo_build.lock', '.git']);
  fs.cpSync(workspaceSrc, dest, {
    recursive: true,
    filter: (src) => src === workspaceSrc || !(path.dirname(src) === workspaceSrc && skip.has(path.basename(src))),
  });
  say(`workspace: copy of ${path.relative(REPO_ROOT, workspaceSrc) || workspaceSrc} at ${dest}`);
  // Opened as a one-folder .code-workspace rather than a bare folder: a suite may then add folders
  // (vscode.workspace.updateWorkspaceFolders, as a writer adding a second blog does) without VS Code
  // turning the window into a new untitled workspace, which restarts the extension host and ends the run.
  const file = path.join(tmp, 'ws', 'postcraft-it.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: dest }], settings: {} }, null, 2));
  return file;
}

/** Real VS Code when it can be downloaded (or is cached), else undefined. */
async function tryDownloadVSCode() {
  say('trying to download VS Code (falls back to code-server when offline)');
  try {
    // `timeout` is per request; the race caps a network that hangs instead of refusing.
    return await Promise.race([
      downloadAndUnzipVSCode({ cachePath: path.join(REPO_ROOT, '.vscode-test'), timeout: 10_000, extensionsDevelopmentPath: extensionDir }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('download took longer than 180s')), 180_000).unref()),
    ]);
  } catch (e) {
    say(`VS Code download unavailable: ${String(e?.message || e).split('\n')[0]}`);
    return undefined;
  }
}

async function chooseExecutable() {
  if (args.host !== 'code-server') {
    const exe = await tryDownloadVSCode();
    if (exe) {
      if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
        say('warning: no DISPLAY; Electron VS Code may not start (use xvfb-run, or --host code-server)');
      }
      return { host: 'vscode', exe };
    }
    if (args.host === 'vscode') throw new Fatal(EXIT_SETUP, '--host vscode: VS Code could not be downloaded');
  }
  const cs = ensureCodeServer();
  const chrome = ensureChromium();
  const missing = [!cs.ok && `code-server: ${cs.reason}`, !chrome.ok && `chromium: ${chrome.reason}`].filter(Boolean);
  if (missing.length) throw new Fatal(EXIT_SETUP, `cannot run the code-server host:\n  ${missing.join('\n  ')}`);
  fs.chmodSync(shim, 0o755); // in case a checkout or copy lost the executable bit
  say(`host: code-server ${cs.version.split(' ')[0]} + ${chrome.path}`);
  return { host: 'code-server', exe: shim, env: { POSTCRAFT_CODE_SERVER: cs.path, CHROMIUM_PATH: chrome.path } };
}

/**
 * A fresh profile with settings that keep the test instance quiet and deterministic: no
 * marketplace/Open VSX queries (unreachable offline: they only add error noise and latency), no
 * welcome page or experiments competing with the editors the tests open.
 */
function writeUserSettings(userDataDir) {
  const settings = {
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function readResults() {
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  // A measurement left by an earlier run must not be recorded as this run's.
  fs.rmSync(path.join(measurementsDir, 'robustness.json'), { force: true });
  fs.rmSync(path.join(artifacts, 'integration-posts-view.png'), { force: true });
  await buildExtension();
  await bundleSuite();
  const workspace = copyWorkspace();
  const { host, exe, env = {} } = await chooseExecutable();

  const dirs = { xdg: path.join(tmp, 'xdg'), tmp: path.join(tmp, 'tmp') };
  fs.mkdirSync(dirs.tmp, { recursive: true });
  // Leave the shim time to screenshot and clean up before our own timer fires.
  const remaining = timeoutMs - (Date.now() - T0);
  const extensionTestsEnv = {
    ...env,
    POSTCRAFT_IT_RESULTS: resultsFile,
    POSTCRAFT_IT_RESULTS_DIR: measurementsDir,
    POSTCRAFT_IT_GREP: args.grep,
    POSTCRAFT_IT_TMP: path.join(tmp, 'shim'),
    POSTCRAFT_IT_ARTIFACTS: artifacts,
    POSTCRAFT_IT_DRIVER_TIMEOUT_MS: String(Math.max(10_000, remaining - 20_000)),
    POSTCRAFT_IT_VERBOSE: args.verbose ? '1' : '',
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    TMPDIR: dirs.tmp,
  };

  writeUserSettings(path.join(tmp, 'user-data'));
  say(`running the suite in ${host}`);
  const started = Date.now();
  let runError;
  try {
    await runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: path.join(suiteOut, 'index.js'),
      launchArgs: [
        workspace,
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
        // Only the extension under test (and VS Code's built-ins) in the test instance.
        '--disable-extensions',
      ],
      extensionTestsEnv,
    });
  } catch (e) {
    runError = e;
  }
  if (finishing) return; // a timeout or signal already decided the outcome
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const results = readResults();
  if (runError?.code === 124) {
    // The shim's own deadline (set a little before ours so it can screenshot and clean up).
    console.log(`integration: ${results?.passes ?? 0} passed, 1 failed`);
    throw new Fatal(EXIT_TIMEOUT, `TIMEOUT: the suite did not finish within ${args.timeout}s (screenshot and logs in ${path.relative(REPO_ROOT, artifacts)}/)`);
  }
  if (!results) {
    console.log('integration: 0 passed, 1 failed');
    throw new Fatal(EXIT_FAILED, `the suite did not run (no results; ${runError ? runError.message : 'VS Code exited 0'}). Logs: ${path.relative(REPO_ROOT, artifacts)}/`);
  }
  if (results.error) say(`suite error: ${results.error}`);
  const failed = results.failures || (runError && results.failures === 0 ? 1 : 0);
  console.log(`integration: ${results.passes} passed, ${failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  if (results.tests === 0) throw new Fatal(EXIT_FAILED, 'no integration test ran');
  if (failed || runError) throw new Fatal(EXIT_FAILED, `integration tests FAILED in ${seconds}s${runError ? ` (${runError.message})` : ''}`);
  if (args.record) record();
  if (args.screenshot) {
    const shot = path.join(artifacts, 'integration-posts-view.png');
    if (!fs.existsSync(shot)) throw new Fatal(EXIT_FAILED, `--screenshot: no ${path.relative(REPO_ROOT, shot)} (the publishing suite takes it, on the code-server host)`);
    fs.copyFileSync(shot, path.resolve(args.screenshot));
    say(`screenshot copied to ${args.screenshot}`);
  }
  return finish(0, `integration tests passed in ${seconds}s (${host})`);
}

/** --record: the robustness measurements become the committed results file, and the README's table. */
function record() {
  const measured = path.join(measurementsDir, 'robustness.json');
  if (!fs.existsSync(measured)) throw new Fatal(EXIT_FAILED, '--record: the robustness suite wrote no measurements (did --grep leave it out?)');
  require('tsx/cjs/api').register();
  const { typingTable } = require('../test/integration/typingReport.ts');
  const { replaceReadmeBlock } = require('../bench/readme.ts');
  const data = JSON.parse(fs.readFileSync(measured, 'utf8'));
  const table = typingTable(data); // throws when a typing measurement is missing
  const kept = path.join(REPO_ROOT, 'test', 'integration', 'results', 'robustness.json');
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.writeFileSync(kept, JSON.stringify(data, null, 2) + '\n');
  replaceReadmeBlock(path.join(REPO_ROOT, 'README.md'), table, 'typing');
  say(`recorded ${path.relative(REPO_ROOT, kept)} and the README's typing table`);
}

main().catch((e) => (e instanceof Fatal ? finish(e.code, e.message) : finish(EXIT_SETUP, `integration runner error: ${e?.stack || e}`)));
