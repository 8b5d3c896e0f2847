/**
 * `npm run bench` (issues #8, #19): Postcraft on generated Hugo sites of 1,000 and 10,000 posts.
 * The headline (bench/endToEnd.ts): `postcraft check`, `hugo` and VS Code's own link validator, each
 * as a new process, interleaved over the same rounds, with an accuracy check against the broken links
 * planted in the sites. Then, as detail, the engine's parts measured inside this process. Writes
 * bench/results.json and bench/results.md, and the README's table (scripts/readme-figures.mjs does
 * that alone from bench/results.json). Any run that is not the full default one writes to
 * bench/results/ (not committed) and leaves the README alone.
 *
 * Flags: --quick (1,000 posts only), --sizes=1000,10000, --seed=8, --peer-cap=120 (seconds),
 * --activation-only, --no-peer, --no-hugo, --keep (leave the generated sites in the temp folder), --round-budget=240
 * (seconds of in-process rounds per size before fewer rounds than planned are accepted),
 * --e2e-budget=600 (the same for the end-to-end rounds), --check-cap=600 (seconds; our in-process
 * whole-site check is stopped and extrapolated after this).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSite } from './site/generate';
import { removeDir, writeSite } from './site/write';
import { scoreFindings, type AccuracyReport, type Finding } from './accuracy';
import type { PlantedLink } from './manifest';
import { hasGc, gc, medianCpu, medianHeap, medianMs, type Sample } from './stats';
import { measureEndToEnd, summary } from './endToEnd';
import type { Postcraft } from '../src/core/service';
import type { PostcraftDiagnostic } from '../src/core/diagnostics';
import { markdownFiles } from './measure/peer';
import { readAndParse, readOnly } from './measure/floor';
import { absoluteIn, checkWholeSite, coldIndex, recheckWhileTyping } from './measure/ours';
import { measureCompletion } from './measure/completion';
import { measureRender } from './measure/render';
import { measureActivation, vsixInfo } from './measure/activation';
import type { BenchResults, SizeResult } from './results';
import { goals, markdownReport } from './report';
import { replaceReadmeBlock } from './readme';

interface Args {
  readonly sizes: number[];
  readonly seed: number;
  readonly peerCapMs: number;
  readonly peer: boolean;
  readonly hugo: boolean;
  readonly keep: boolean;
  readonly quick: boolean;
  /** Stop adding interleaved rounds (after the first) once a size has used this much time. */
  readonly roundBudgetMs: number;
  /** The same for the end-to-end rounds. */
  readonly e2eBudgetMs: number;
  /** Stop our whole-site check after this long and extrapolate (it must not stall the run). */
  readonly checkCapMs: number;
  /** The full default run: only it writes bench/results.json and the README. */
  readonly official: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  return {
    quick,
    sizes: value('sizes')?.split(',').map(Number) ?? (quick ? [1000] : [1000, 10000]),
    seed: Number(value('seed') ?? 8),
    peerCapMs: Number(value('peer-cap') ?? 120) * 1000,
    peer: !argv.includes('--no-peer'),
    hugo: !argv.includes('--no-hugo'),
    keep: argv.includes('--keep'),
    roundBudgetMs: Number(value('round-budget') ?? 240) * 1000,
    e2eBudgetMs: Number(value('e2e-budget') ?? 600) * 1000,
    checkCapMs: Number(value('check-cap') ?? 600) * 1000,
    official: !quick && argv.every((a) => ['--no-readme'].includes(a) || a.startsWith('--round-budget=') || a.startsWith('--e2e-budget=')),
  };
}

const T0 = Date.now();
function log(msg: string): void {
  process.stderr.write(`[bench ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}\n`);
}

const ms = (s: Sample) => `${s.ms.toFixed(0)} ms`;

/** Prints what went wrong, so a failed accuracy goal can be acted on from the log alone. */
function printAccuracyProblems(label: string, a: AccuracyReport, limit = 15): void {
  const show = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    log(`${label}: ${items.length} ${title}:`);
    for (const s of items.slice(0, limit)) log(`    ${s}`);
    if (items.length > limit) log(`    … ${items.length - limit} more`);
  };
  const where = (p: { file: string; line: number }) => `${p.file}:${p.line + 1}`;
  show('planted breaks missed', a.missed.map((p: PlantedLink) => `${where(p)} ${p.target} (expected ${p.code})`));
  show('planted breaks with the wrong code', a.wrongCode.map((w) => `${where(w.planted)} ${w.planted.target}: expected ${w.planted.code}, got ${w.finding.code}`));
  show('false positives', a.falsePositives.map((f: Finding) => `${where(f)} ${f.code} ${f.target ?? ''} ${f.message ?? ''}`.trim()));
}

async function measureSize(posts: number, args: Args): Promise<SizeResult> {
  log(`generating ${posts.toLocaleString('en-US')} posts (seed ${args.seed})`);
  const gen = generateSite({ posts, seed: args.seed });
  const root = writeSite(gen, String(posts));
  const manifest = gen.manifest;
  const slugs = gen.posts.filter((p) => !p.draft).map((p) => p.slug);
  const longText = String(gen.files.get(gen.longPost));
  const renderText = String(gen.files.get(gen.renderPost));
  const { longPost, linkCount: links, markdownBytes } = gen;
  // The site is on disk now: its ~65 MB of generated text must not sit in this heap while we
  // measure (every major GC of the cold index and the check walked it).
  (gen.files as Map<string, unknown>).clear();
  const plannedReps = posts >= 10_000 ? 3 : 5;
  log(`site at ${root}: ${(markdownBytes / 1048576).toFixed(1)} MB of Markdown, ${links} links, ${manifest.length} planted breaks`);
  try {
    const files = markdownFiles(root);
    // First, while this process holds nothing: the headline figures, each tool as a new process.
    const endToEnd = measureEndToEnd({ repo: REPO, root, manifest, rounds: posts >= 10_000 ? 5 : 7, roundBudgetMs: args.e2eBudgetMs, peerCapMs: args.peerCapMs, peer: args.peer, hugo: args.hugo, log });
    // Then the detail, in this process: the engine's parts, also in interleaved rounds, so load from
    // other processes weighs on every figure alike and the ratios between them stay honest.
    const read: Sample[] = [];
    const floor: Sample[] = [];
    const coldSamples: Sample[] = [];
    const checkSamples: Sample[] = [];
    let engine: Postcraft | undefined;
    let pages = 0;
    let diagnostics: readonly PostcraftDiagnostic[] = [];
    let checkCapped: SizeResult['checkCapped'];
    const roundsStart = Date.now();
    for (let i = 0; i < plannedReps; i++) {
      if (i > 0 && Date.now() - roundsStart > args.roundBudgetMs) {
        log(`round budget (${args.roundBudgetMs / 1000} s) used: ${i} of ${plannedReps} rounds`);
        break;
      }
      read.push(...(await readOnly(files, 1)));
      floor.push(...(await readAndParse(files, 1)));
      engine = undefined;
      const cold = await coldIndex(root, 1);
      coldSamples.push(...cold.samples);
      engine = cold.engine;
      pages = cold.pages;
      const check = await checkWholeSite(engine, 1, args.checkCapMs);
      checkSamples.push(...check.samples);
      if (check.capped) {
        checkCapped = check.capped;
        log(`whole-site check capped after ${check.capped.done}/${check.capped.total} documents (${(check.capped.elapsedMs / 1000).toFixed(0)} s)`);
      } else diagnostics = check.diagnostics;
      log(`round ${i + 1}/${plannedReps}: read ${ms(read[i])}, read+parse ${ms(floor[i])}, cold index ${ms(coldSamples[i])}, check ${ms(checkSamples[i])}`);
    }
    log(`cold index heap +${(medianHeap(coldSamples) / 1048576).toFixed(1)} MB, ${pages} pages; ${diagnostics.length} diagnostics`);
    const findings: Finding[] = diagnostics.map((d) => ({ file: d.file, line: d.start.line, code: d.code, target: d.target, message: d.message }));
    const linkChecksBuilt = checkCapped !== undefined || diagnostics.some((d) => /^(link|ref)\./.test(d.code));
    const ours = scoreFindings(manifest, findings);
    if (checkCapped && diagnostics.length === 0) log('accuracy not scored: every check round was capped');
    else if (linkChecksBuilt) printAccuracyProblems('ours', ours);
    else log(`no link diagnostics: link checks not built yet (${diagnostics.length} other diagnostics)`);

    const longAbs = absoluteIn(root, longPost);
    if (!engine) throw new Error('no engine');
    const recheck = await recheckWhileTyping(engine, longAbs, longText, slugs, 250, args.seed);
    log(`re-check: p50 ${recheck.p50.toFixed(2)} ms, p95 ${recheck.p95.toFixed(2)} ms`);
    const completion = await measureCompletion(engine, longAbs, longText, 300);
    log(`completion: ${completion.ok ? `p50 ${completion.p50.toFixed(2)} ms, p95 ${completion.p95.toFixed(2)} ms` : completion.reason}`);
    const render = measureRender(renderText, 30);
    log(`render: ${render.ok ? `p50 ${render.p50.toFixed(1)} ms` : render.reason}`);
    engine = undefined;
    gc();

    return {
      posts,
      markdownFiles: files.length,
      markdownBytes,
      links,
      pages,
      endToEnd,
      reps: checkSamples.length,
      readOnlyMs: medianMs(read),
      floorMs: medianMs(floor),
      floorCpuMs: medianCpu(floor),
      coldIndexMs: medianMs(coldSamples),
      coldIndexCpuMs: medianCpu(coldSamples),
      coldIndexHeapBytes: medianHeap(coldSamples),
      checkMs: medianMs(checkSamples),
      checkCpuMs: medianCpu(checkSamples),
      checkHeapBytes: medianHeap(checkSamples),
      checkCapped,
      accuracyScored: !(checkCapped && diagnostics.length === 0),
      rounds: checkSamples.map((c, i) => ({ read: read[i].ms, floor: floor[i].ms, floorCpu: floor[i].cpuMs, coldIndex: coldSamples[i].ms, coldIndexCpu: coldSamples[i].cpuMs, check: c.ms, checkCpu: c.cpuMs })),
      linkChecksBuilt,
      ours: summary(ours),
      recheck,
      completion,
      render,
    };
  } finally {
    if (args.keep) log(`kept ${root}`);
    else removeDir(root);
  }
}

const REPO = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!hasGc()) log('warning: run with node --expose-gc (npm run bench does) — heap figures include garbage');
  const repo = REPO;
  // First, while the process is fresh: loading the extension is what VS Code does at startup.
  const activation = measureActivation(repo, 7);
  log(`activation: ${activation.ok ? `${activation.totalMs.toFixed(1)} ms` : activation.reason}`);
  // For profiling the load alone: node --cpu-prof dist/bench.js --activation-only
  if (process.argv.includes('--activation-only')) return;
  const sizes: SizeResult[] = [];
  for (const posts of args.sizes) sizes.push(await measureSize(posts, args));
  const cpus = os.cpus();
  const results: BenchResults = {
    date: new Date().toISOString(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? '?', node: process.version, platform: `${process.platform}-${process.arch}` },
    seed: args.seed,
    quick: args.quick,
    sizes,
    activation,
    vsixBytes: vsixInfo(repo)?.bytes,
    vsixBuilt: vsixInfo(repo)?.built,
  };
  const md = markdownReport(results);
  const out = args.official ? path.join(repo, 'bench') : path.join(repo, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, args.official ? 'results.json' : 'partial.json'), JSON.stringify({ ...results, goals: goals(results) }, null, 2) + '\n');
  fs.writeFileSync(path.join(out, args.official ? 'results.md' : 'partial.md'), md);
  process.stdout.write('\n' + md);
  const rel = path.relative(repo, out);
  if (!args.official) log(`wrote ${rel}/partial.json and partial.md (not the full default run: bench/results.json and the README are left as they are)`);
  else if (process.argv.includes('--no-readme')) log(`wrote ${rel}/results.json and results.md`);
  else {
    replaceReadmeBlock(path.join(repo, 'README.md'), md);
    log(`wrote ${rel}/results.json, results.md and the README's performance table`);
  }
}

// The extension loaded for the activation figure leaves its timers and watchers behind: end here.
main().then(() => process.exit(0), (e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
