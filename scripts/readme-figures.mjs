#!/usr/bin/env node
// Writes every generated block of README.md (<!-- NAME:begin --> … <!-- NAME:end -->) again from
// the results file it is made from, without measuring anything; the commands that measure (npm run
// bench, npm run corpus, npm run test:integration -- --record, node scripts/pathological.mjs) write
// their block themselves. test/unit/readme-figures.test.ts holds the README to the same files.
//
//   node scripts/readme-figures.mjs [--only bench,typing,…]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { markdownReport } = require('../bench/report.ts');
const { replaceBlock, readBlock } = require('../bench/readme.ts');
const { corpusTable } = require('../bench/corpusTable.ts');
const { typingTable } = require('../test/integration/typingReport.ts');
const { propertiesSummary, pathologicalSummary } = require('../test/fuzz/summary.ts');
const { PROPERTIES } = require('../test/fuzz/properties.ts');
const { knownDifferencesMarkdown } = require('../test/conformance/knownDifferences.ts');

const read = (rel) => fs.readFileSync(path.join(REPO, rel), 'utf8');
const json = (rel) => JSON.parse(read(rel));
const fuzzRuns = () => Number(/FUZZ_RUNS \|\| '(\d+)'/.exec(read('scripts/fuzz.mjs'))[1]);

const BLOCKS = {
  bench: ['bench/results.json', () => markdownReport(json('bench/results.json'))],
  corpus: ['bench/corpus/results.json', () => corpusTable(json('bench/corpus/results.json'))],
  typing: ['test/integration/results/robustness.json', () => typingTable(json('test/integration/results/robustness.json'))],
  properties: ['test/fuzz/properties.ts', () => propertiesSummary(PROPERTIES, fuzzRuns())],
  pathological: ['test/fuzz/pathological.json', () => pathologicalSummary(json('test/fuzz/pathological.json'))],
  'known-differences': ['test/conformance/knownDifferences.ts', () => knownDifferencesMarkdown()],
};

const only = (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '').split(',').filter(Boolean);
let text = read('README.md');
for (const [name, [source, make]] of Object.entries(BLOCKS)) {
  if (only.length && !only.includes(name)) continue;
  if (readBlock(text, name) === undefined) continue;
  if (!fs.existsSync(path.join(REPO, source))) {
    console.error(`readme-figures: ${source} is missing; the ${name} block is left as it is`);
    process.exitCode = 1;
    continue;
  }
  text = replaceBlock(text, name, make());
  console.log(`README.md: ${name} block written from ${source}`);
}
fs.writeFileSync(path.join(REPO, 'README.md'), text);
if ((!only.length || only.includes('bench')) && fs.existsSync(path.join(REPO, 'bench/results.json'))) fs.writeFileSync(path.join(REPO, 'bench/results.md'), markdownReport(json('bench/results.json')));
