/** Turns results into the tables the lead pastes into the README, with each goal's standing. */
import type { BenchResults, SizeResult, AccuracySummary } from './results';

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

const n = (x: number) => x.toLocaleString('en-US');

export interface Goal {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  readonly status: 'met' | 'missed' | 'n/a';
  readonly note?: string;
}

/** Wall-time ratios (the goals), and the same by CPU time where both sides run in this process. */
export function ratios(s: SizeResult): { peer?: number; hugo?: number; floor: number; peerCpu?: number; floorCpu: number } {
  return {
    peer: s.peer ? s.checkMs / s.peer.ms : undefined,
    hugo: s.hugo.ok ? s.checkMs / s.hugo.ms : undefined,
    floor: s.checkMs / s.floorMs,
    peerCpu: s.peer ? s.checkCpuMs / s.peer.cpuMs : undefined,
    floorCpu: s.checkCpuMs / s.floorCpuMs,
  };
}

/** The goals of issue #8, judged on the largest site measured (they are stated for 10,000 posts). */
export function goals(r: BenchResults): Goal[] {
  const s = r.sizes[r.sizes.length - 1];
  const at = s.posts === 10_000 ? '' : ` (at ${n(s.posts)} posts; goal is for 10,000)`;
  const q = ratios(s);
  const linksNote = s.linkChecksBuilt ? undefined : 'link checks not built yet: the check ran front matter only';
  const capNote = s.checkCapped ? 'our time extrapolated (capped; a lower bound)' : undefined;
  const judge = (name: string, target: string, v: number | undefined, limit: number, show: (x: number) => string, note?: string): Goal =>
    v === undefined || !Number.isFinite(v) ? { name, target, value: 'n/a', status: 'n/a', note } : { name, target, value: show(v) + at, status: v <= limit ? 'met' : 'missed', note };
  const out: Goal[] = [
    judge('Whole-site check vs VS Code validator', '≤ 0.05×', q.peer, 0.05, fmtRatio, linksNote ?? ([s.checkCapped ? 'our time extrapolated (capped; a lower bound)' : '', s.peer?.capped ? 'validator time extrapolated (capped)' : ''].filter(Boolean).join('; ') || undefined)),
    judge('Whole-site check vs hugo build', '≤ 0.2×', q.hugo, 0.2, fmtRatio, linksNote ?? capNote),
    judge('Whole-site check vs read+parse floor', '≤ 1.5×', q.floor, 1.5, fmtRatio, linksNote ?? capNote),
    judge('Cold index time', '≤ 0.5 s', s.coldIndexMs, 500, fmtMs),
    judge('Cold index heap', '≤ 150 MB', s.coldIndexHeapBytes, 150 * 1024 * 1024, fmtMB),
    judge('Re-check p95 (one 3,000-word post)', '≤ 5 ms', s.recheck.p95, 5, fmtMs, linksNote),
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
  const scored = [...r.sizes].reverse().find((x) => x.accuracyScored) ?? s;
  const acc = scored.ours;
  const accAt = scored === s ? '' : ` (at ${n(scored.posts)} posts)`;
  out.push(
    { name: 'Accuracy: false positives', target: '0', value: String(acc.falsePositives) + accAt, status: !scored.linkChecksBuilt || !scored.accuracyScored ? 'n/a' : acc.falsePositives === 0 ? 'met' : 'missed', note: linksNote },
    { name: 'Accuracy: planted breaks missed (or wrong code)', target: '0', value: String(acc.missed + acc.wrongCode) + accAt, status: !scored.linkChecksBuilt || !scored.accuracyScored ? 'n/a' : acc.missed + acc.wrongCode === 0 ? 'met' : 'missed', note: linksNote },
  );
  return out;
}

function accuracyCell(a: AccuracySummary): string {
  return `${n(a.found)}/${n(a.planted)} found, ${n(a.missed)} missed, ${n(a.wrongCode)} wrong code, ${n(a.falsePositives)} false positives`;
}

function peerCell(s: SizeResult): string {
  if (!s.peer) return `n/a (${s.peerError ?? 'not run'})`;
  const p = s.peer;
  return p.capped ? `≈ ${fmtMs(p.ms)} (capped: ${n(p.checked)}/${n(p.documents)} docs in ${fmtMs(p.elapsedMs)}, extrapolated)` : fmtMs(p.ms);
}

function peerFindingsCell(s: SizeResult): string {
  if (!s.peer) return 'n/a';
  const a = s.peer.accuracy;
  const by = Object.entries(a.falsePositivesByCode)
    .sort((x, y) => y[1] - x[1])
    .map(([c, k]) => `${c} ${n(k)}`)
    .join(', ');
  return `${n(s.peer.findings)} findings${s.peer.capped ? ' (docs checked)' : ''}: ${n(a.found + a.wrongCode)} on planted breaks, ${n(a.falsePositives)} false positives (${by})`;
}

export function markdownReport(r: BenchResults): string {
  const cols = r.sizes;
  const row = (label: string, f: (s: SizeResult) => string) => `| ${label} | ${cols.map(f).join(' | ')} |`;
  const links = (s: SizeResult, v: string) => (s.linkChecksBuilt ? v : `${v} (no link checks yet)`);
  const lines: string[] = [];
  lines.push(`Postcraft benchmark — ${r.date.slice(0, 10)}, ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}. Medians of ${cols.map((s) => s.reps).join('/')} interleaved rounds, gc before each; all figures of a column come from one run, side by side. Absolute times depend on the (shared, noisy) machine: read the ratios.`, '');
  lines.push(`| | ${cols.map((s) => `${n(s.posts)} posts`).join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`);
  lines.push(row('Site', (s) => `${n(s.markdownFiles)} Markdown files, ${fmtMB(s.markdownBytes)}, ${n(s.links)} links, ${n(s.ours.planted)} planted breaks`));
  lines.push(row('Read every file (fs.readFileSync)', (s) => fmtMs(s.readOnlyMs)));
  lines.push(row('Floor: read + markdown-it parse', (s) => fmtMs(s.floorMs)));
  lines.push(row('Cold index (createPostcraft + crawl)', (s) => `${fmtMs(s.coldIndexMs)}, heap +${fmtMB(s.coldIndexHeapBytes)}`));
  lines.push(row('**Whole-site check (ours)**', (s) => links(s, s.checkCapped ? `**≈ ${fmtMs(s.checkMs)}** (capped: ${n(s.checkCapped.done)}/${n(s.checkCapped.total)} docs in ${fmtMs(s.checkCapped.elapsedMs)}, extrapolated linearly — a lower bound)` : `**${fmtMs(s.checkMs)}**`)));
  lines.push(row('VS Code link validator (vscode-markdown-languageservice 0.4)', peerCell));
  lines.push(row('`hugo` build', (s) => (s.hugo.ok ? `${fmtMs(s.hugo.ms)} (hugo ${s.hugo.version})` : `n/a (${s.hugo.reason})`)));
  lines.push(row('ours / VS Code validator (wall; CPU)', (s) => `**${fmtRatio(ratios(s).peer)}**; ${fmtRatio(ratios(s).peerCpu)}`));
  lines.push(row('ours / hugo (wall)', (s) => `**${fmtRatio(ratios(s).hugo)}**`));
  lines.push(row('ours / floor (wall; CPU)', (s) => `**${fmtRatio(ratios(s).floor)}**; ${fmtRatio(ratios(s).floorCpu)}`));
  lines.push(row('Re-check while typing (p50 / p95)', (s) => links(s, `${fmtMs(s.recheck.p50)} / ${fmtMs(s.recheck.p95)} (${s.recheck.edits} edits)`)));
  lines.push(row('Completion at `tags:` (p50 / p95)', (s) => (s.completion.ok ? `${fmtMs(s.completion.p50)} / ${fmtMs(s.completion.p95)}` : `n/a (${s.completion.reason})`)));
  lines.push(row('Preview render, 5,000 words (p50 / p95)', (s) => (s.render.ok ? `${fmtMs(s.render.p50)} / ${fmtMs(s.render.p95)}` : `n/a (${s.render.reason})`)));
  lines.push(row('Accuracy, ours', (s) => (!s.accuracyScored ? 'n/a (check capped before finishing)' : s.linkChecksBuilt ? accuracyCell(s.ours) : `n/a (no link checks yet; ${n(s.ours.falsePositives)} other findings)`)));
  lines.push(row('Accuracy, VS Code validator', peerFindingsCell));
  lines.push('');
  const a = r.activation;
  lines.push(`Activation: ${a.ok ? `${fmtMs(a.totalMs)} (require ${fmtMs(a.requireMs)} + activate() ${fmtMs(a.activateMs)}; first load ${fmtMs(a.firstTotalMs)}; bundle ${fmtMB(a.bundleBytes)})` : `n/a (${a.reason})`}. .vsix: ${r.vsixBytes === undefined ? 'n/a (not built)' : `${fmtMB(r.vsixBytes)}${r.vsixBuilt ? ` (postcraft.vsix built ${r.vsixBuilt.slice(0, 16).replace('T', ' ')} UTC)` : ''}`}.`, '');
  lines.push('| Goal | Target | Now | Status |', '|---|---|---|---|');
  for (const g of goals(r)) lines.push(`| ${g.name} | ${g.target} | ${g.value}${g.note ? ` — ${g.note}` : ''} | ${g.status} |`);
  return lines.join('\n') + '\n';
}
