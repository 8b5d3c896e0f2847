/** The shape of bench/results.json: one entry per site size, plus figures that do not depend on it. */
import type { Recheck } from './measure/ours';
import type { RenderResult } from './measure/render';
import type { Activation } from './measure/activation';
import type { CompletionResult } from './measure/completion';
import type { Goal } from './report';

export interface AccuracySummary {
  readonly planted: number;
  readonly found: number;
  readonly missed: number;
  readonly wrongCode: number;
  readonly falsePositives: number;
  readonly falsePositivesByCode: Readonly<Record<string, number>>;
}

/** Median and spread of a figure over the rounds, with every round's value (ms, or a ratio). */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

/** A command timed as a new process: the exact command line (SITE = the generated site, OUT = a fresh temp folder). */
export interface ProcessRow {
  readonly command: string;
  readonly ms: Spread;
}

export interface PeerProcessRow extends ProcessRow {
  /** True when the validator hit its time cap: its time is then extrapolated to every document. */
  readonly capped: boolean;
  readonly checked: number;
  readonly documents: number;
  readonly findings: number;
  readonly accuracy: AccuracySummary;
}

/** The headline: each tool as a new process, interleaved over the same rounds (bench/endToEnd.ts). */
export interface EndToEnd {
  readonly rounds: number;
  readonly checkCold: ProcessRow;
  readonly checkWarm: ProcessRow;
  readonly hugo?: ProcessRow & { readonly version: string };
  readonly hugoError?: string;
  readonly peer?: PeerProcessRow;
  readonly peerError?: string;
  /** The planted breaks scored on what the cold `postcraft check` printed. */
  readonly ours: AccuracySummary;
  readonly oursFindings: number;
  /** Per round: cold check / hugo, and cold check / validator. */
  readonly checkOverHugo?: Spread;
  readonly checkOverPeer?: Spread;
}

export interface SizeResult {
  readonly posts: number;
  readonly markdownFiles: number;
  readonly markdownBytes: number;
  readonly links: number;
  readonly pages: number;
  readonly endToEnd: EndToEnd;
  /** Rounds of the in-process figures below (secondary detail: one node process, `npm run bench` itself). */
  readonly reps: number;
  readonly readOnlyMs: number;
  readonly floorMs: number;
  readonly floorCpuMs: number;
  readonly coldIndexMs: number;
  readonly coldIndexCpuMs: number;
  readonly coldIndexHeapBytes: number;
  readonly checkMs: number;
  readonly checkCpuMs: number;
  /** Set when our check hit its time cap: `checkMs` is then extrapolated linearly from the part done. */
  readonly checkCapped?: { readonly done: number; readonly total: number; readonly elapsedMs: number };
  /** False when no complete check ran, so there are no findings to score. */
  readonly accuracyScored: boolean;
  /** Every round's wall and CPU times (ms), for anyone who distrusts a median of few rounds. */
  readonly rounds: readonly { readonly read: number; readonly floor: number; readonly floorCpu: number; readonly coldIndex: number; readonly coldIndexCpu: number; readonly check: number; readonly checkCpu: number }[];
  readonly checkHeapBytes: number;
  /** False when the whole-site check returned no link diagnostics at all (link checks not built). */
  readonly linkChecksBuilt: boolean;
  /** The in-process check's findings scored (must agree with the end-to-end score). */
  readonly ours: AccuracySummary;
  readonly recheck: Recheck;
  readonly completion: CompletionResult;
  readonly render: RenderResult;
}

export interface BenchResults {
  readonly date: string;
  /** The command that wrote the file, with its flags. */
  readonly command: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly platform: string };
  readonly seed: number;
  readonly quick: boolean;
  readonly sizes: readonly SizeResult[];
  readonly activation: Activation;
  readonly vsixBytes?: number;
  /** When postcraft.vsix was written (ISO time). */
  readonly vsixBuilt?: string;
  /** Written with the results (bench/report.ts judges them); the README's goal table shows these. */
  readonly goals?: readonly Goal[];
}
