/** The shape of bench/results.json: one entry per site size, plus figures that do not depend on it. */
import type { Recheck } from './measure/ours';
import type { RenderResult } from './measure/render';
import type { HugoResult } from './measure/hugo';
import type { Activation } from './measure/activation';
import type { CompletionResult } from './measure/completion';

export interface AccuracySummary {
  readonly planted: number;
  readonly found: number;
  readonly missed: number;
  readonly wrongCode: number;
  readonly falsePositives: number;
  readonly falsePositivesByCode: Readonly<Record<string, number>>;
}

export interface PeerSummary {
  readonly ms: number;
  readonly cpuMs: number;
  readonly capped: boolean;
  readonly checked: number;
  readonly documents: number;
  readonly elapsedMs: number;
  readonly findings: number;
  readonly accuracy: AccuracySummary;
}

export interface SizeResult {
  readonly posts: number;
  readonly markdownFiles: number;
  readonly markdownBytes: number;
  readonly links: number;
  readonly pages: number;
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
  readonly ours: AccuracySummary;
  readonly recheck: Recheck;
  readonly completion: CompletionResult;
  readonly render: RenderResult;
  readonly peer?: PeerSummary;
  readonly peerError?: string;
  readonly hugo: HugoResult;
}

export interface BenchResults {
  readonly date: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly platform: string };
  readonly seed: number;
  readonly quick: boolean;
  readonly sizes: readonly SizeResult[];
  readonly activation: Activation;
  readonly vsixBytes?: number;
  /** When postcraft.vsix was written (ISO time). */
  readonly vsixBuilt?: string;
}
