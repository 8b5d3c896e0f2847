/**
 * The headline figures: `postcraft check`, `hugo` and VS Code's link validator, each as a new
 * process on the same generated site, interleaved over the same rounds (the order rotates each
 * round) so that load from other people's work on this shared machine weighs on all three alike.
 * `postcraft check` runs twice per round: cold (a new process, as in CI) and warm (the same command
 * again right after). Accuracy is scored on what the command printed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoreFindings, type AccuracyReport, type Finding } from './accuracy';
import type { PlantedLink } from './manifest';
import { findHugo } from './measure/hugo';
import { commandLine, runTimed, type Command } from './measure/process';
import type { AccuracySummary, EndToEnd, PeerProcessRow, ProcessRow, Spread } from './results';
import { median } from './stats';

export interface EndToEndOptions {
  readonly repo: string;
  readonly root: string;
  readonly manifest: readonly PlantedLink[];
  readonly rounds: number;
  readonly roundBudgetMs: number;
  readonly peerCapMs: number;
  readonly peer: boolean;
  readonly hugo: boolean;
  readonly log: (msg: string) => void;
}

export function spread(xs: readonly number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.map((x) => Math.round(x * 10) / 10) };
}

export function summary(a: AccuracyReport): AccuracySummary {
  return { planted: a.planted, found: a.found, missed: a.missed.length, wrongCode: a.wrongCode.length, falsePositives: a.falsePositives.length, falsePositivesByCode: a.falsePositivesByCode };
}

interface CheckJson {
  readonly diagnostics: readonly { file: string; line: number; code: string; target: string | null; message: string }[];
}

type Unit = 'check' | 'hugo' | 'peer';

export function measureEndToEnd(o: EndToEndOptions): EndToEnd {
  const node = process.execPath;
  const names = { SITE: o.root };
  const check: Command = { file: node, args: [path.join(o.repo, 'dist', 'cli.js'), 'check', o.root, '--format', 'json'], cwd: o.repo };
  const peer: Command = { file: node, args: [path.join(o.repo, 'dist', 'benchPeer.js'), o.root, `--cap=${o.peerCapMs / 1000}`], cwd: o.repo };
  const hugoBin = o.hugo ? findHugo() : undefined;
  let hugoError = o.hugo ? (hugoBin ? undefined : 'hugo not installed (apt-get install -y hugo)') : 'skipped (--no-hugo)';
  let peerError = o.peer ? undefined : 'skipped (--no-peer)';
  const hugoCmd = (out: string): Command => ({ file: hugoBin ?? 'hugo', args: ['--quiet', '-s', o.root, '-d', path.join(out, 'public'), '--cacheDir', path.join(out, 'cache')], cwd: o.repo });

  const cold: number[] = [];
  const warm: number[] = [];
  const hugo: number[] = [];
  const peerMs: number[] = [];
  let ours: AccuracySummary | undefined;
  let oursFindings = 0;
  let peerInfo: Omit<PeerProcessRow, 'command' | 'ms'> | undefined;
  const started = Date.now();
  let rounds = 0;
  for (let i = 0; i < o.rounds; i++) {
    if (i > 0 && Date.now() - started > o.roundBudgetMs) {
      o.log(`end-to-end round budget (${o.roundBudgetMs / 1000} s) used: ${i} of ${o.rounds} rounds`);
      break;
    }
    const units: Unit[] = ['check', 'hugo', 'peer'];
    const order = units.map((_, k) => units[(k + i) % units.length]);
    const times: string[] = [];
    for (const unit of order) {
      if (unit === 'check') {
        const a = runTimed(check);
        const b = runTimed(check);
        for (const r of [a, b]) if (r.status !== 0 && r.status !== 1) throw new Error(`postcraft check exited ${r.status}: ${r.stderr.trim().slice(0, 500)}`);
        cold.push(a.ms);
        warm.push(b.ms);
        times.push(`check cold ${a.ms.toFixed(0)} ms, warm ${b.ms.toFixed(0)} ms`);
        if (!ours) {
          const json = JSON.parse(a.stdout) as CheckJson;
          const findings: Finding[] = json.diagnostics.map((d) => ({ file: d.file, line: d.line - 1, code: d.code, target: d.target ?? undefined, message: d.message }));
          oursFindings = findings.length;
          const acc = scoreFindings(o.manifest, findings);
          ours = summary(acc);
          for (const f of acc.falsePositives.slice(0, 10)) o.log(`  false positive: ${f.file}:${f.line + 1} ${f.code} ${f.target ?? ''}`);
          for (const m of acc.missed.slice(0, 10)) o.log(`  missed: ${m.file}:${m.line + 1} ${m.target} (${m.code})`);
        }
      } else if (unit === 'hugo' && !hugoError) {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-bench-hugo-'));
        try {
          const r = runTimed(hugoCmd(out));
          if (r.status !== 0) hugoError = `hugo exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' | ')}`;
          else {
            hugo.push(r.ms);
            times.push(`hugo ${r.ms.toFixed(0)} ms`);
          }
        } finally {
          fs.rmSync(out, { recursive: true, force: true });
        }
      } else if (unit === 'peer' && !peerError) {
        const r = runTimed(peer);
        if (r.status !== 0) {
          peerError = `the validator process exited ${r.status}: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`;
          continue;
        }
        const p = JSON.parse(r.stdout) as { documents: number; checked: number; capped: boolean; elapsedMs: number; findings: [string, number, string][] };
        // A capped run is extrapolated: start-up as measured, the checking scaled to every document.
        const ms = p.capped ? r.ms - p.elapsedMs + (p.elapsedMs * p.documents) / p.checked : r.ms;
        peerMs.push(ms);
        times.push(`VS Code validator ${ms.toFixed(0)} ms${p.capped ? ' (extrapolated)' : ''}`);
        if (!peerInfo) {
          const findings: Finding[] = p.findings.map(([file, line, code]) => ({ file, line, code }));
          const files = new Set(findings.map((f) => f.file));
          const scored = p.capped ? o.manifest.filter((m) => files.has(m.file)) : o.manifest;
          peerInfo = { capped: p.capped, checked: p.checked, documents: p.documents, findings: findings.length, accuracy: summary(scoreFindings(scored, findings)) };
        }
      }
    }
    rounds++;
    o.log(`end-to-end round ${i + 1}/${o.rounds} (${order.join(', ')}): ${times.join('; ')}`);
  }
  const row = (cmd: string, xs: number[]): ProcessRow => ({ command: cmd, ms: spread(xs) });
  const perRound = (den: number[]) => (den.length === cold.length ? spread(cold.map((c, k) => c / den[k])) : undefined);
  return {
    rounds,
    checkCold: row(commandLine(check, names), cold),
    checkWarm: row(`${commandLine(check, names)} (again, right after the cold run)`, warm),
    hugo: hugo.length ? { ...row(commandLine(hugoCmd('OUT'), names), hugo), version: hugoVersion(hugoBin) } : undefined,
    hugoError,
    peer: peerMs.length && peerInfo ? { ...row(commandLine(peer, names), peerMs), ...peerInfo } : undefined,
    peerError,
    ours: ours ?? summary(scoreFindings(o.manifest, [])),
    oursFindings,
    checkOverHugo: perRound(hugo),
    checkOverPeer: perRound(peerMs),
  };
}

function hugoVersion(bin: string | undefined): string {
  if (!bin) return '?';
  const r = runTimed({ file: bin, args: ['version'], cwd: os.tmpdir() });
  return r.stdout.trim().split(' ')[1] ?? '?';
}
