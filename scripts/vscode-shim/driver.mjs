// The stand-in "VS Code executable" behind scripts/vscode-shim/code.
//
// WHY: @vscode/test-electron's runTests() downloads VS Code, which is impossible on our offline
// machines (and there is no Electron/VS Code Debian package). It accepts any executable through
// `vscodeExecutablePath`, though. This driver takes the command line runTests would give VS Code
// (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, the
// workspace folder) and runs the same test suite in code-server (VS Code 1.100 server, real Node
// extension host) opened by headless Chromium. So the runner and the suite are the same whether
// real VS Code or this stand-in is used. Recipe: shared/docs/testing-in-real-vscode.md.
//
// Exit code: the one VS Code reports through codeAutomationExit (0 = all tests passed), 124 on
// timeout, 3 when code-server or the browser could not be started.
//
// Configuration (environment, normally set by scripts/run-integration.mjs):
//   POSTCRAFT_CODE_SERVER        code-server binary (default: .vscode-test/code-server/…)
//   CHROMIUM_PATH                browser for playwright-core (default /usr/bin/chromium)
//   POSTCRAFT_IT_TMP             scratch folder for code-server's XDG dirs/TMPDIR (default: a new temp dir)
//   POSTCRAFT_IT_ARTIFACTS       where code-server.log etc. go (default: <repo>/test-artifacts)
//   POSTCRAFT_IT_DRIVER_TIMEOUT_MS  give up after this long (default 300000)
//   POSTCRAFT_IT_VERBOSE=1       print every line the workbench logs, not only the tests' output

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const T0 = Date.now();
const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[vscode-shim ${elapsed()}] ${msg}`);

const EXIT_TIMEOUT = 124;
const EXIT_DRIVER_ERROR = 3;

// ---- command line, as runTests() builds it ---------------------------------------------------
const opts = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, workspace: undefined };
for (const arg of process.argv.slice(2)) {
  const [flag, ...rest] = arg.split('=');
  const value = rest.join('=');
  if (flag === '--extensionDevelopmentPath') opts.extensionDevelopmentPaths.push(path.resolve(value));
  else if (flag === '--extensionTestsPath') opts.extensionTestsPath = path.resolve(value);
  else if (flag === '--user-data-dir') opts.userDataDir = path.resolve(value);
  else if (flag === '--extensions-dir') opts.extensionsDir = path.resolve(value);
  else if (arg.startsWith('-')) continue; // Electron/VS Code flags (--no-sandbox, --disable-updates, …) mean nothing to code-server
  else opts.workspace = path.resolve(arg);
}
if (!opts.extensionDevelopmentPaths.length || !opts.extensionTestsPath) {
  console.error('usage: code [workspace] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR]');
  process.exit(2);
}

const codeServerBin = process.env.POSTCRAFT_CODE_SERVER || path.join(REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const artifacts = path.resolve(process.env.POSTCRAFT_IT_ARTIFACTS || path.join(REPO_ROOT, 'test-artifacts'));
const timeoutMs = Number(process.env.POSTCRAFT_IT_DRIVER_TIMEOUT_MS || 300_000);
const verbose = /^(1|true)$/i.test(process.env.POSTCRAFT_IT_VERBOSE || '');

// Scratch space: keep code-server's config, caches and temp files (and Chromium's profile) out of
// the user's home. Short paths matter: code-server puts a unix socket in the user-data dir.
const ownsScratch = !process.env.POSTCRAFT_IT_TMP;
const scratch = process.env.POSTCRAFT_IT_TMP || fs.mkdtempSync(path.join(os.tmpdir(), 'pc-shim-'));
const dirs = {
  userData: opts.userDataDir || path.join(scratch, 'ud'),
  extensions: opts.extensionsDir || path.join(scratch, 'exts'),
  config: path.join(scratch, 'xdg', 'config'),
  data: path.join(scratch, 'xdg', 'data'),
  cache: path.join(scratch, 'xdg', 'cache'),
  tmp: path.join(scratch, 'tmp'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.mkdirSync(artifacts, { recursive: true });
// A config file of our own, so a developer's ~/.config/code-server/config.yaml (password auth,
// another port) cannot change the run.
const configFile = path.join(scratch, 'code-server.yaml');
fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

const childEnv = {
  ...process.env,
  XDG_CONFIG_HOME: dirs.config,
  XDG_DATA_HOME: dirs.data,
  XDG_CACHE_HOME: dirs.cache,
  TMPDIR: dirs.tmp,
  // No extension marketplace (code-server defaults to Open VSX, unreachable offline): without this
  // the workbench logs ENOTFOUND stack traces in the middle of the test output.
  EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || JSON.stringify({ serviceUrl: '' }),
};

// ---- cleanup, whatever way we leave --------------------------------------------------------
let codeServer;
let browser;
let exiting = false;
const codeServerLog = fs.createWriteStream(path.join(artifacts, 'code-server.log'));
const browserLog = fs.createWriteStream(path.join(artifacts, 'browser-console.log'));

function killCodeServer(signal) {
  // code-server runs in its own process group (detached) so this reaches its extension host,
  // pty host and file watcher too, not only the main process.
  if (codeServer?.pid && codeServer.exitCode === null && codeServer.signalCode === null) {
    try { process.kill(-codeServer.pid, signal); } catch { /* already gone */ }
  }
}

async function shutdown(code, why) {
  if (exiting) return;
  exiting = true;
  clearTimeout(globalTimer);
  if (why) say(why);
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
    const exited = new Promise((r) => codeServer.once('exit', r));
    killCodeServer('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  killCodeServer('SIGKILL'); // stragglers of the group, if SIGTERM was ignored
  // Keep the workbench/extension-host logs: they say why an extension failed to activate.
  try {
    const logs = path.join(dirs.userData, 'logs');
    if (fs.existsSync(logs)) {
      fs.rmSync(path.join(artifacts, 'vscode-logs'), { recursive: true, force: true });
      fs.cpSync(logs, path.join(artifacts, 'vscode-logs'), { recursive: true });
    }
  } catch { /* best effort */ }
  if (ownsScratch) fs.rmSync(scratch, { recursive: true, force: true });
  await Promise.all([codeServerLog, browserLog].map((s) => new Promise((r) => s.end(r))));
  say(`exit ${code}`);
  process.exit(code);
}

// Last resort when the process dies without shutdown() (uncaught exception): never leave a server behind.
process.on('exit', () => killCodeServer('SIGKILL'));
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => shutdown(code, `received ${sig}`));
}
process.on('uncaughtException', (e) => shutdown(EXIT_DRIVER_ERROR, `driver error: ${e.stack || e}`));
process.on('unhandledRejection', (e) => shutdown(EXIT_DRIVER_ERROR, `driver error: ${e?.stack || e}`));

const globalTimer = setTimeout(async () => {
  say(`TIMEOUT: no test result after ${timeoutMs / 1000}s`);
  try {
    const page = browser?.contexts()[0]?.pages()[0];
    if (page) {
      await page.screenshot({ path: path.join(artifacts, 'integration-timeout.png'), timeout: 5000 });
      say(`screenshot: ${path.join(artifacts, 'integration-timeout.png')}`);
    }
  } catch { /* best effort */ }
  shutdown(EXIT_TIMEOUT);
}, timeoutMs);

// ---- code-server --------------------------------------------------------------------------
function startCodeServer() {
  if (!fs.existsSync(codeServerBin)) {
    throw new Error(`code-server not found at ${codeServerBin} (run: node scripts/provision.mjs)`);
  }
  const args = [
    '--config', configFile,
    '--auth', 'none',
    // Port 0: the OS picks a free port, code-server reports it; no race with other runs.
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  if (opts.workspace) args.push(opts.workspace);
  codeServer = spawn(codeServerBin, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  codeServerLog.write(`$ ${codeServerBin} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('code-server did not report "HTTP server listening" within 60s')), 60_000);
    const onData = (chunk) => {
      codeServerLog.write(chunk);
      if (verbose) process.stdout.write(`[code-server] ${chunk}`);
      seen = (seen + chunk).slice(-4096);
      const m = /HTTP server listening on (https?:\/\/[^\s/]+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]));
      }
    };
    codeServer.stdout.on('data', onData);
    codeServer.stderr.on('data', onData);
    codeServer.on('error', (e) => { clearTimeout(timer); reject(e); });
    codeServer.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening; see ${path.join(artifacts, 'code-server.log')}`));
      if (!exiting) shutdown(EXIT_DRIVER_ERROR, `code-server exited unexpectedly (${code ?? signal})`);
    });
  });
}

// Workbench chatter that is not test output (connection set-up, service worker, chat views…).
const NOISE = /^(Resolving connection|Resolved connection|Creating a socket|Creating a new socket|\[Service Worker\]|ChatSessionStore|Updating additional|%c|Started local extension host|Extension host .* started|\[Extension Host\] Started|Ignoring fetching additional builtin extensions)/;

async function main() {
  say(`code-server ${codeServerBin}`);
  const origin = await startCodeServer();
  say(`code-server listening on ${origin.href}`);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: childEnv,
    // Without the background-networking flags Chromium keeps trying to reach Google services,
    // which this machine's closed network refuses; --no-sandbox because we run as root.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage();
  page.on('console', (m) => browserLog.write(`[${elapsed()}] [${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => browserLog.write(`[${elapsed()}] [pageerror] ${e.stack || e.message}\n`));
  page.on('crash', () => shutdown(EXIT_DRIVER_ERROR, 'the browser page crashed'));

  // VS Code's test automation hooks: in a browser, the workbench sends the extension-test
  // output to window.codeAutomationLog and the result to window.codeAutomationExit.
  await page.exposeFunction('codeAutomationLog', async (type, args) => {
    const msg = format(...(Array.isArray(args) ? args : [args]));
    browserLog.write(`[${elapsed()}] [automation ${type}] ${msg}\n`);
    // A test asks for a picture of the workbench as it is now (the README's screenshots):
    // `[screenshot] NAME` → test-artifacts/integration-NAME.png.
    const shot = /^\[screenshot\] ([\w-]+)\s*$/.exec(msg);
    if (shot) {
      const file = path.join(artifacts, `integration-${shot[1]}.png`);
      try {
        await page.screenshot({ path: file });
        say(`screenshot ${path.relative(REPO_ROOT, file)}`);
      } catch (e) {
        say(`screenshot failed: ${e.message}`);
      }
      return;
    }
    if (verbose || !NOISE.test(msg)) (type === 'error' ? process.stderr : process.stdout).write(msg.endsWith('\n') ? msg : `${msg}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => shutdown(Number(code) || 0, `tests finished, VS Code reported exit code ${code}`));

  const authority = origin.host;
  const remote = (p) => `vscode-remote://${authority}${p.split(path.sep).join('/')}`;
  const payload = [
    ...opts.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = new URL(origin.href);
  if (opts.workspace) url.searchParams.set(opts.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', opts.workspace);
  url.searchParams.set('payload', JSON.stringify(payload));
  say(`opening workbench: folder=${opts.workspace ?? '(none)'}`);
  await page.goto(url.href, { timeout: 60_000 });
  say('workbench loaded, waiting for the extension tests');
}

main().catch((e) => shutdown(EXIT_DRIVER_ERROR, `could not run the tests: ${e.stack || e.message}`));
