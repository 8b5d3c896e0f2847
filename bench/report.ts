/**
 * Turns bench/results.json into the tables of bench/results.md and the README (the only way those
 * tables are written), with each goal's standing. Pure: the same results give the same text.
 */
import type { BenchResults, SizeResult, AccuracySummary, Spread } from './results';

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function fmtRatio(r: number | undefined): string {
  if (r === undefined || !Number.isFinite(r)) return 'n/a';
  return r >= 0.1 ? `${r.toFixed(2)}×` : `${r.toFixed(3)}×`;
}

/** "1.23 s (1.10–1.41 s)": the median, then the smallest and largest round. */
export function fmtSpread(s: Spread, f: (x: number) => string = fmtMs): string {
  const unit = (x: string) => / ?[a-z×]+$/.exec(x)?.[0];
  const lo = f(s.min);
  const hi = f(s.max);
  return `${f(s.median)} (${unit(lo) === unit(hi) ? lo.replace(/ ?[a-z×]+$/, '') : lo}–${hi})`;
}

const n = (x: number) => x.toLocaleString('en-US');

export interface Goal {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  readonly status: 'met' | 'missed' | 'n/a';
  readonly note?: string;
}

/** End-to-end ratios (medians of each tool's rounds), and the in-process ones against the floor. */
export function ratios(s: SizeResult): { hugo?: number; peer?: number; floor: number; floorCpu: number } {
  const e = s.endToEnd;
  const cold = e.checkCold.ms.median;
  return {
    hugo: e.hugo ? cold / e.hugo.ms.median : undefined,
    peer: e.peer ? cold / e.peer.ms.median : undefined,
    floor: s.checkMs / s.floorMs,
    floorCpu: s.checkCpuMs / s.floorCpuMs,
  };
}

/** The goals of issues #8 and #19, judged on the largest site measured (they are stated for 10,000 posts). */
export function goals(r: BenchResults): Goal[] {
  const s = r.sizes[r.sizes.length - 1];
  const at = s.posts === 10_000 ? '' : ` (at ${n(s.posts)} posts; goal is for 10,000)`;
  const q = ratios(s);
  const e = s.endToEnd;
  const judge = (name: string, target: string, v: number | undefined, limit: number, show: (x: number) => string, note?: string): Goal =>
    v === undefined || !Number.isFinite(v) ? { name, target, value: 'n/a', status: 'n/a', note } : { name, target, value: show(v) + at, status: v <= limit ? 'met' : 'missed', note };
  const out: Goal[] = [
    judge('`postcraft check` (cold) vs `hugo` build, end to end', '≤ 0.25×', q.hugo, 0.25, fmtRatio, e.hugo ? undefined : e.hugoError),
    judge('`postcraft check` (cold) vs VS Code validator, end to end', '≤ 0.05×', q.peer, 0.05, fmtRatio, e.peer ? (e.peer.capped ? 'validator time extrapolated (capped)' : undefined) : e.peerError),
    judge('Whole-site check vs read+parse floor, in process', '≤ 1.5×', q.floor, 1.5, fmtRatio, s.checkCapped ? 'our time extrapolated (capped; a lower bound)' : undefined),
    judge('Cold index time, in process', '≤ 0.5 s', s.coldIndexMs, 500, fmtMs),
    judge('Cold index heap', '≤ 150 MB', s.coldIndexHeapBytes, 150 * 1024 * 1024, fmtMB),
    judge('Re-check p95 (one 3,000-word post)', '≤ 5 ms', s.recheck.p95, 5, fmtMs),
    judge('Completion p95 (tags:)', '≤ 2 ms', s.completion.ok ? s.completion.p95 : undefined, 2, fmtMs, s.completion.ok ? undefined : s.completion.reason),
    judge('Render 5,000 words (median)', '≤ 15 ms', s.render.ok ? s.render.p50 : undefined, 15, fmtMs, s.render.ok ? undefined : s.render.reason),
  ];
  const a = r.activation;
  out.push(a.ok ? { name: 'Activation (require + activate)', target: '≤ 50 ms', value: fmtMs(a.totalMs), status: a.totalMs <= 50 ? 'met' : 'missed' } : { name: 'Activation (require + activate)', target: '≤ 50 ms', value: 'n/a', status: 'n/a', note: a.reason });
  out.push(
    r.vsixBytes === undefined
      ? { name: '.vsix size', target: '≤ 1 MB', value: 'n/a', status: 'n/a', note: 'postcraft.vsix not built (npm run package)' }
      : { name: '.vsix size', target: '≤ 1 MB', value: fmtMB(r.vsixBytes), status: r.vsixBytes <= 1024 * 1024 ? 'met' : 'missed' },
  );
  // Accuracy holds on every size, as `postcraft check` printed it.
  const fp = r.sizes.reduce((t, x) => t + x.endToEnd.ours.falsePositives, 0);
  const missed = r.sizes.reduce((t, x) => t + x.endToEnd.ours.missed + x.endToEnd.ours.wrongCode, 0);
  const every = r.sizes.length > 1 ? ' (all sizes)' : '';
  out.push(
    { name: 'Accuracy: false positives', target: '0', value: String(fp) + every, status: fp === 0 ? 'met' : 'missed' },
    { name: 'Accuracy: planted breaks missed (or wrong code)', target: '0', value: String(missed) + every, status: missed === 0 ? 'met' : 'missed' },
  );
  return out;
}

function accuracyCell(a: AccuracySummary): string {
  return `${n(a.found)}/${n(a.planted)} found, ${n(a.missed)} missed, ${n(a.wrongCode)} wrong code, ${n(a.falsePositives)} false positives`;
}

function peerFindingsCell(s: SizeResult): string {
  const p = s.endToEnd.peer;
  if (!p) return 'n/a';
  const by = Object.entries(p.accuracy.falsePositivesByCode)
    .sort((x, y) => y[1] - x[1])
    .map(([c, k]) => `${c} ${n(k)}`)
    .join(', ');
  return `${n(p.findings)} findings${p.capped ? ` (${n(p.checked)}/${n(p.documents)} docs checked)` : ''}: ${n(p.accuracy.found + p.accuracy.wrongCode)} on planted breaks, ${n(p.accuracy.falsePositives)} false positives (${by})`;
}

/** The ratio's range over the rounds (each round's two times side by side). */
function roundsCell(r: Spread | undefined): string {
  return r ? ` (rounds: ${fmtRatio(r.min).replace('×', '')}–${fmtRatio(r.max)})` : '';
}

function headlineTable(cols: readonly SizeResult[]): string[] {
  const row = (label: string, f: (s: SizeResult) => string) => `| ${label} | ${cols.map(f).join(' | ')} |`;
  const or = (v: string | undefined, why: string | undefined) => v ?? `n/a (${why ?? 'not run'})`;
  return [
    `| | ${cols.map((s) => `${n(s.posts)} posts`).join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    row('Site', (s) => `${n(s.markdownFiles)} Markdown files, ${fmtMB(s.markdownBytes)}, ${n(s.links)} links, ${n(s.endToEnd.ours.planted)} planted breaks`),
    row('**`postcraft check`, cold** (new process)', (s) => `**${fmtSpread(s.endToEnd.checkCold.ms)}**`),
    row('`postcraft check`, warm (run again)', (s) => fmtSpread(s.endToEnd.checkWarm.ms)),
    row('`hugo` build (new process)', (s) => or(s.endToEnd.hugo && `${fmtSpread(s.endToEnd.hugo.ms)}, hugo ${s.endToEnd.hugo.version}`, s.endToEnd.hugoError)),
    row('VS Code link validator (new process)', (s) => or(s.endToEnd.peer && `${s.endToEnd.peer.capped ? '≈ ' : ''}${fmtSpread(s.endToEnd.peer.ms)}`, s.endToEnd.peerError)),
    row('**check (cold) / hugo**', (s) => `**${fmtRatio(ratios(s).hugo)}**${roundsCell(s.endToEnd.checkOverHugo)}`),
    row('check (cold) / VS Code validator', (s) => `${fmtRatio(ratios(s).peer)}${roundsCell(s.endToEnd.checkOverPeer)}`),
    row('Accuracy, `postcraft check`', (s) => accuracyCell(s.endToEnd.ours)),
    row('Accuracy, VS Code validator', peerFindingsCell),
  ];
}

function detailTable(cols: readonly SizeResult[]): string[] {
  const row = (label: string, f: (s: SizeResult) => string) => `| ${label} | ${cols.map(f).join(' | ')} |`;
  return [
    `| In one process (detail) | ${cols.map((s) => `${n(s.posts)} posts`).join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    row('Read every file (fs.readFileSync)', (s) => fmtMs(s.readOnlyMs)),
    row('Floor: read + markdown-it parse', (s) => fmtMs(s.floorMs)),
    row('Cold index (createPostcraft + crawl)', (s) => `${fmtMs(s.coldIndexMs)}, heap +${fmtMB(s.coldIndexHeapBytes)}`),
    row('Whole-site check (engine indexed, worker started)', (s) => (s.checkCapped ? `≈ ${fmtMs(s.checkMs)} (capped, extrapolated)` : fmtMs(s.checkMs))),
    row('check / floor (wall; CPU)', (s) => `${fmtRatio(ratios(s).floor)}; ${fmtRatio(ratios(s).floorCpu)}`),
    row('Re-check while typing (p50 / p95)', (s) => `${fmtMs(s.recheck.p50)} / ${fmtMs(s.recheck.p95)} (${s.recheck.edits} edits)`),
    row('Completion at `tags:` (p50 / p95)', (s) => (s.completion.ok ? `${fmtMs(s.completion.p50)} / ${fmtMs(s.completion.p95)}` : `n/a (${s.completion.reason})`)),
    row('Preview render, 5,000 words (p50 / p95)', (s) => (s.render.ok ? `${fmtMs(s.render.p50)} / ${fmtMs(s.render.p95)}` : `n/a (${s.render.reason})`)),
    row('Accuracy of the in-process check', (s) => (s.accuracyScored ? accuracyCell(s.ours) : 'n/a (capped)')),
  ];
}

export function markdownReport(r: BenchResults): string {
  const cols = r.sizes;
  const first = cols[0];
  const lines: string[] = [];
  lines.push(
    `Written by \`${r.command}\` on ${r.date.slice(0, 10)}: ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}, shared with other people's work. ` +
      `Each tool runs as a new process, interleaved over the same rounds (${cols.map((s) => s.endToEnd.rounds).join('/')} rounds; the order rotates each round); times are medians, with the fastest and slowest round in brackets; ratios are of the medians, with the range of the rounds' own ratios. ` +
      `"Cold" is the first \`postcraft check\` of a round, "warm" the same command right after it (the operating system's file cache is warm for both: caches are not dropped on a shared machine).`,
    '',
  );
  lines.push(...headlineTable(cols), '');
  lines.push('Commands (SITE is the generated site, OUT a fresh temp folder per run):', '');
  const e = first.endToEnd;
  const cmds: [string, string | undefined][] = [
    ['`postcraft check`', e.checkCold.command],
    ['`hugo` build', e.hugo?.command],
    ['VS Code link validator (vscode-markdown-languageservice as `markdown.validate.enabled` sets it up, bench/measure/peer.ts)', e.peer?.command],
  ];
  for (const [label, cmd] of cmds) if (cmd) lines.push(`- ${label}: \`${cmd}\``);
  lines.push('');
  lines.push(...detailTable(cols), '');
  const a = r.activation;
  lines.push(`Activation: ${a.ok ? `${fmtMs(a.totalMs)} (require ${fmtMs(a.requireMs)} + activate() ${fmtMs(a.activateMs)}, median of ${a.runs}; first load ${fmtMs(a.firstTotalMs)}; bundle ${fmtMB(a.bundleBytes)})` : `n/a (${a.reason})`}. .vsix: ${r.vsixBytes === undefined ? 'n/a (not built)' : `${fmtMB(r.vsixBytes)}${r.vsixBuilt ? ` (postcraft.vsix built ${r.vsixBuilt.slice(0, 16).replace('T', ' ')} UTC)` : ''}`}.`, '');
  lines.push('| Goal | Target | Now | Status |', '|---|---|---|---|');
  for (const g of goals(r)) lines.push(`| ${g.name} | ${g.target} | ${g.value}${g.note ? ` — ${g.note}` : ''} | ${g.status} |`);
  return lines.join('\n') + '\n';
}
