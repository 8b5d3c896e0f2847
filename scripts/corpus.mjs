#!/usr/bin/env node
// npm run corpus — scores `postcraft check` (dist/cli.js, as built) on the development corpus of real
// blogs (../shared/corpus: public sites pinned by commit, with broken-link truth from their real
// generators) and writes the per-site table the README shows.
//
//   node scripts/corpus.mjs [--tools DIR] [--dir DIR] [--only owner+name,...] [--no-readme]
//
// --tools: the corpus tools (corpus.mjs, score.mjs, corpus.json); default $CORPUS_TOOLS, else
//          ../shared/corpus beside this checkout.
// --dir:   the prepared corpus (sites and truth files, made by `corpus.mjs prepare`); default
//          $CORPUS_DIR, else ../.corpus. Nothing fetched or prepared ever goes into this repository.
// Writes bench/corpus/results.json (per site, totals, false positives by code, misses by kind, the
// command, the commit and the date) and bench/corpus/results.md, and replaces the README's table
// between <!-- corpus:begin --> and <!-- corpus:end --> (unless --no-readme or --only).
// bench/corpus/adjudicated.json lists findings the truth scores as false that other evidence shows
// true (each with its reason); totals are given both as the truth scores them and with those.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// The table is made from results.json alone (bench/corpusTable.ts), so the README check can make it again.
const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { corpusTable } = require('../bench/corpusTable.ts');

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const tools = path.resolve(opt('tools') ?? process.env.CORPUS_TOOLS ?? path.join(REPO, '..', 'shared', 'corpus'));
const dir = path.resolve(opt('dir') ?? process.env.CORPUS_DIR ?? path.join(REPO, '..', '.corpus'));
const only = opt('only');
const fail = (msg) => {
  console.error(`corpus: ${msg}`);
  process.exit(2);
};

if (!fs.existsSync(path.join(tools, 'corpus.mjs'))) fail(`no corpus tools at ${tools} (set --tools or CORPUS_TOOLS)`);
if (!fs.existsSync(dir)) {
  fail(`no prepared corpus at ${dir}. Prepare it once (needs hugo, jekyll and the fetched mirrors):\n  (cd ${tools} && npm ci) && node ${path.join(tools, 'corpus.mjs')} prepare --out ${dir}`);
}
const cli = path.join(REPO, 'dist', 'cli.js');
if (!fs.existsSync(cli)) fail('dist/cli.js is missing: run `npm run build` first (npm run corpus does)');

// The corpus list with our adjudications attached (score.mjs counts them as true, and says how many).
const adjudicated = JSON.parse(fs.readFileSync(path.join(REPO, 'bench', 'corpus', 'adjudicated.json'), 'utf8'));
const corpusList = JSON.parse(fs.readFileSync(path.join(tools, 'corpus.json'), 'utf8')).map((e) => {
  const extra = adjudicated[e.repo.replace('/', '+')];
  return Array.isArray(extra) ? { ...e, adjudicated: [...(e.adjudicated ?? []), ...extra] } : e;
});
const corpusFile = path.join(dir, 'postcraft-corpus-list.json');
fs.writeFileSync(corpusFile, JSON.stringify(corpusList, null, 1));
const resultFile = path.join(dir, 'postcraft-corpus.json');
const args = [path.join(tools, 'corpus.mjs'), 'score', '--dir', dir, '--cli', `node ${cli}`, '--corpus', corpusFile, '--json', resultFile, ...(only ? ['--only', only] : [])];
const run = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
process.stdout.write(run.stdout ?? '');
if (run.status !== 0 || !fs.existsSync(resultFile)) fail(`scoring failed (exit ${run.status})`);
const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));

// Classes: what the false positives and the misses are, summed over the sites.
const fpByCode = {};
const fnByKind = {};
for (const s of result.sites) {
  const f = path.join(dir, `${s.name}.score.json`);
  if (!fs.existsSync(f)) continue;
  const score = JSON.parse(fs.readFileSync(f, 'utf8'));
  s.adjudicated = score.adjudicated ?? 0;
  for (const [k, v] of Object.entries(score.fpByCode ?? {})) fpByCode[k] = (fpByCode[k] ?? 0) + v;
  for (const [k, v] of Object.entries(score.fnByKind ?? {})) fnByKind[k] = (fnByKind[k] ?? 0) + v;
}
// Distinct broken links: the truth lists a link once per place its build shows it (each use of a
// reference definition, the AMP copy of a page, a canonified spelling); we report a broken link once,
// where it is written. Per file, one broken link per destination as written; found when any of its
// entries was matched.
const distinct = { broken: 0, found: 0 };
for (const s of result.sites) {
  const truthFile = path.join(dir, `${s.name}.truth.json`);
  const scoreFile = path.join(dir, `${s.name}.score.json`);
  if (!fs.existsSync(truthFile) || !fs.existsSync(scoreFile)) continue;
  const counts = (e) => !e.severity || ['error', 'warning'].includes(String(e.severity).toLowerCase());
  const key = (e) => `${e.file}\u0000${e.target}`;
  const all = new Map();
  for (const e of JSON.parse(fs.readFileSync(truthFile, 'utf8')).broken ?? []) if (counts(e)) all.set(key(e), (all.get(key(e)) ?? 0) + 1);
  const missed = new Map();
  for (const e of JSON.parse(fs.readFileSync(scoreFile, 'utf8')).falseNegatives ?? []) missed.set(key(e), (missed.get(key(e)) ?? 0) + 1);
  s.distinct = { broken: all.size, found: [...all].filter(([k, n]) => (missed.get(k) ?? 0) < n).length };
  distinct.broken += s.distinct.broken;
  distinct.found += s.distinct.found;
}
distinct.recall = distinct.broken ? distinct.found / distinct.broken : 1;

// The truth's errata (bench/corpus/truth-errata.json): entries the published site contradicts
// (`not-broken`: set aside from the truth; a finding of ours on one becomes a false positive) and
// entries that list a link the truth also lists where it is written (`duplicate`: set aside).
const errataFile = path.join(REPO, 'bench', 'corpus', 'truth-errata.json');
const errataList = fs.existsSync(errataFile) ? JSON.parse(fs.readFileSync(errataFile, 'utf8')) : {};
const errata = { entries: 0, notBroken: 0, duplicates: 0, tp: result.total.tp, fp: result.total.fp, fn: result.total.fn };
for (const s of result.sites) {
  const list = errataList[s.name];
  if (!Array.isArray(list)) continue;
  const truthFile = path.join(dir, `${s.name}.truth.json`);
  const scoreFile = path.join(dir, `${s.name}.score.json`);
  if (!fs.existsSync(truthFile) || !fs.existsSync(scoreFile)) continue;
  const counts = (e) => !e.severity || ['error', 'warning'].includes(String(e.severity).toLowerCase());
  const matches = (x, e) => e.file === x.file && e.target === x.target && (!x.unlined || !Number.isInteger(e.line));
  const truth = (JSON.parse(fs.readFileSync(truthFile, 'utf8')).broken ?? []).filter(counts);
  const missed = JSON.parse(fs.readFileSync(scoreFile, 'utf8')).falseNegatives ?? [];
  for (const x of list) {
    const listed = truth.filter((e) => matches(x, e)).length;
    const unfound = missed.filter((e) => matches(x, e)).length;
    if (!listed) console.error(`corpus: truth-errata entry not in the truth of ${s.name}: ${x.file} ${x.target}`);
    errata.entries += listed;
    errata.fn -= unfound;
    errata.tp -= listed - unfound;
    if (x.kind === 'not-broken') {
      errata.notBroken += listed;
      errata.fp += listed - unfound;
    } else errata.duplicates += listed;
  }
}
errata.precision = errata.tp + errata.fp ? errata.tp / (errata.tp + errata.fp) : 1;
errata.recall = errata.tp + errata.fn ? errata.tp / (errata.tp + errata.fn) : 1;

// As the truth scores it: adjudicated findings back among the false positives.
const adj = result.sites.reduce((a, s) => a + (s.adjudicated ?? 0), 0);
const raw = { tp: result.total.tp - adj, fp: result.total.fp + adj, fn: result.total.fn };
raw.precision = raw.tp + raw.fp ? raw.tp / (raw.tp + raw.fp) : 1;
raw.recall = raw.tp + raw.fn ? raw.tp / (raw.tp + raw.fn) : 1;
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
const out = {
  date: new Date().toISOString().slice(0, 10),
  commit,
  command: 'npm run corpus',
  corpus: path.relative(REPO, tools),
  sites: result.sites.map(({ name, generator, links, truth, found, tp, fp, fn, precision, recall, adjudicated: a, err }) => ({ name, generator, links, truth, found, tp, fp, fn, precision, recall, adjudicated: a ?? 0, ...(err ? { err } : {}) })),
  total: result.total,
  asTruthScores: raw,
  distinct,
  errata,
  fpByCode,
  fnByKind,
};

const table = corpusTable(out);
if (!only) {
  fs.mkdirSync(path.join(REPO, 'bench', 'corpus'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'bench', 'corpus', 'results.json'), JSON.stringify(out, null, 1) + '\n');
  fs.writeFileSync(path.join(REPO, 'bench', 'corpus', 'results.md'), table + '\n');
  if (!argv.includes('--no-readme')) {
    const readme = path.join(REPO, 'README.md');
    const text = fs.readFileSync(readme, 'utf8');
    const re = /(<!-- corpus:begin -->\n)[\s\S]*?\n?(<!-- corpus:end -->)/;
    if (re.test(text)) fs.writeFileSync(readme, text.replace(re, `$1${table}\n$2`));
    else console.error('corpus: README.md has no <!-- corpus:begin --> … <!-- corpus:end --> block; table written to bench/corpus/results.md only');
  }
  console.log(`\nWrote bench/corpus/results.json and results.md${argv.includes('--no-readme') ? '' : ' and the README table'}.`);
}
