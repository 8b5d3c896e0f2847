#!/usr/bin/env node
// `npm run fuzz`: the robustness properties of test/fuzz/properties.ts (the same definitions `npm test`
// runs a few hundred times) at 100,000 cases each, in chunks so a long run shows progress.
//
//   node scripts/fuzz.mjs [--runs N] [--only text,text] [--seed N] [--chunk N]
//   FUZZ_RUNS=N  (same as --runs; default 100000)
//
// Prints one line per property (cases, time, result) and a Markdown table at the end; exits
// non-zero on the first counterexample, printing fast-check's report (seed and path to replay it).
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
// The properties are TypeScript: load them through tsx's CommonJS hook, as mocha does (.mocharc.json).
require('tsx/cjs/api').register();
const { PROPERTIES } = require('../test/fuzz/properties.ts');

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.FUZZ_RUNS || '100000' },
    only: { type: 'string', default: '' },
    seed: { type: 'string', default: String(Date.now() % 2_147_483_647) },
    chunk: { type: 'string', default: '10000' },
  },
});
const runs = Number(opts.runs);
const chunk = Math.max(1, Math.min(Number(opts.chunk), runs));
const seed = Number(opts.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: node scripts/fuzz.mjs [--runs N] [--only text] [--seed N] [--chunk N]');
  process.exit(2);
}

// `yaml` reports some odd keys through process warnings; over 100,000 inputs they would bury the output.
let warnings = 0;
process.removeAllListeners('warning');
process.on('warning', () => warnings++);

const only = opts.only.toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
const selected = PROPERTIES.filter((p) => !only.length || only.some((o) => p.name.toLowerCase().includes(o)));
console.log(`fuzz: ${selected.length} properties × ${runs} cases, base seed ${seed}, node ${process.version}`);
const rows = [];
let failed = false;
for (const p of selected) {
  const started = performance.now();
  let done = 0;
  let error;
  for (let i = 0; done < runs; i++) {
    const n = Math.min(chunk, runs - done);
    try {
      await p.check(n, (seed + i) | 0);
    } catch (e) {
      error = e;
      break;
    }
    done += n;
    process.stdout.write(`\r  ${p.name.slice(0, 70).padEnd(70)} ${done}/${runs}`);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write('\n');
  rows.push({ name: p.name, cases: done, seconds, ok: !error });
  if (error) {
    failed = true;
    console.log(`FAILED after ${done}+ cases:\n${error instanceof Error ? error.message : String(error)}`);
    break;
  }
  console.log(`  ok: ${done} cases in ${seconds.toFixed(1)} s (${((seconds * 1e6) / done).toFixed(0)} µs/case)`);
}

console.log('\n| property | cases | time | result |\n|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.cases.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} s | ${r.ok ? 'no counterexample' : 'FAILED'} |`);
if (warnings) console.log(`\n(${warnings} process warnings from dependencies were counted, not printed)`);
process.exitCode = failed ? 1 : 0;
