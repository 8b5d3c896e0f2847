#!/usr/bin/env node
// Pathological inputs against their time budgets (bench/pathological/inputs.ts explains the budgets):
// analyzeDocument, documentChanged + checkDocument, and the preview render, each input in its own
// process (killed after a hard limit, so a hang shows as a row instead of stopping the run).
// Then the cost of one keystroke's check in a large post, the figure behind "typing never blocks the
// extension host for more than 50 ms".
//
//   node scripts/pathological.mjs [--only text] [--scale 1] [--hard-limit-s 60]
// A full run (no --only, scale 1) writes test/fuzz/pathological.json (every row, the counts, the
// command and the date), which the README's summary is made from (test/unit/readme-figures.test.ts).
// Exit code: non-zero when any operation failed, overran its budget or was killed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = path.join(root, 'bench', 'pathological', 'child.ts');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    scale: { type: 'string', default: '1' },
    'hard-limit-s': { type: 'string', default: '60' },
    'skip-typing': { type: 'boolean', default: false },
  },
});
const hardLimitMs = Number(opts['hard-limit-s']) * 1000;

function run(args) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '--stack-size=984', child, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), hardLimitMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) resolve({ ok: true, value: JSON.parse(line) });
      else resolve({ ok: false, reason: signal === 'SIGKILL' ? `killed after ${hardLimitMs / 1000} s (hang?)` : `exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}

// The list of inputs lives in TypeScript; ask a child for the names once.
const names = await new Promise((resolve, reject) => {
  const p = spawn(process.execPath, ['--import', 'tsx', '-e', "const m = require('./bench/pathological/inputs.ts'); console.log(JSON.stringify(m.pathologicalInputs(0.0001).map((i) => i.name)))"], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error('cannot list the inputs'))));
});

const rows = [];
let failures = 0;
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtSize = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`);

for (let i = 0; i < names.length; i++) {
  if (opts.only && !names[i].toLowerCase().includes(opts.only.toLowerCase())) continue;
  process.stdout.write(`${names[i]} … `);
  const r = await run(['input', String(i), opts.scale]);
  if (!r.ok) {
    failures++;
    rows.push([names[i], '', 'all', r.reason, '', 'FAILED', '']);
    console.log(r.reason);
    continue;
  }
  const { chars, budgetMs, timings } = r.value;
  for (const t of timings) {
    const ok = !t.error && t.ms <= budgetMs;
    if (!ok) failures++;
    rows.push([r.value.name, fmtSize(chars), t.op, t.error ? `threw: ${t.error}` : fmtMs(t.ms), fmtMs(budgetMs), ok ? 'ok' : t.error ? 'THREW' : 'OVER', t.output]);
  }
  console.log(timings.map((t) => `${t.op} ${t.error ? 'threw' : fmtMs(t.ms)}`).join(', '));
}

const header = ['input', 'size', 'operation', 'time', 'budget', 'result', 'output'];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);

const typing = [];
if (!opts['skip-typing']) {
  console.log('\nOne keystroke in a large post (documentChanged + checkDocument, 7 edits; the editor runs this after its debounce):');
  console.log('| post | median | max | analysed |\n|---|---:|---:|---|');
  for (const [chars, limit] of [[500_000], [1_000_000], [1_900_000], [1_900_000, 1_000_000], [2_500_000]]) {
    const r = await run(['typing', String(chars), ...(limit ? [String(limit)] : [])]);
    if (!r.ok) {
      failures++;
      console.log(`| ${fmtSize(chars)} | ${r.reason} | | |`);
      continue;
    }
    const v = r.value;
    typing.push({ chars: v.chars, limit: limit ?? null, medianMs: v.medianMs, maxMs: v.maxMs, partial: v.partial });
    console.log(`| ${fmtSize(v.chars)}${limit ? ` (limit ${fmtSize(limit)})` : ''} | ${fmtMs(v.medianMs)} | ${fmtMs(v.maxMs)} | ${v.partial ? 'front matter only (over the limit)' : 'full'} |`);
  }
}

const within = rows.filter((r) => r[5] === 'ok').length;
if (!opts.only && Number(opts.scale) === 1) {
  const out = {
    command: 'node scripts/pathological.mjs',
    date: new Date().toISOString(),
    node: process.version,
    operations: rows.length,
    withinBudget: within,
    overBudget: rows.filter((r) => r[5] === 'OVER').length,
    failed: rows.filter((r) => r[5] === 'FAILED' || r[5] === 'THREW').length,
    rows: rows.map(([input, size, operation, time, budget, result, output]) => ({ input, size, operation, time, budget, result, output })),
    typing,
  };
  fs.writeFileSync(path.join(root, 'test', 'fuzz', 'pathological.json'), JSON.stringify(out, null, 1) + '\n');
  console.log('\nwrote test/fuzz/pathological.json');
}
console.log(`\n${within} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
