/**
 * Runs `analyzeDocument` on a worker thread (analysisWorker.ts), so an editor host's thread never
 * waits for markdown-it on a large post. One request at a time is the caller's business; this
 * class only matches answers to requests, restarts a dead worker, and gives up on a stuck one.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, DocumentAnalysis, PortableAnalysis } from '../core/api';
import type { RenderTables, TableRender } from '../core/api';
import type { MarkupOptions } from '../core/render/types';
import type { DocumentAnalyzer } from '../core/api';

/** The worker cannot run here at all (its script is missing, threads unsupported): analyse in place. */
export class AnalysisUnavailable extends Error {}

type Answer = { readonly id: number; readonly result?: unknown; readonly error?: string };

interface Pending {
  readonly resolve: (a: unknown) => void;
  readonly reject: (e: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export interface AnalysisWorkerOptions {
  /** A request not answered in this time stops the worker (a pathological input); default 30 s. */
  readonly timeoutMs?: number;
  /** For running the TypeScript source in tests (e.g. ['--require', 'tsx/cjs']). */
  readonly execArgv?: string[];
  /** Handed to the worker: the extension's own bundle serves analysis when given ANALYSIS_WORKER. */
  readonly workerData?: unknown;
}

export class AnalysisWorker {
  private worker?: Worker;
  private answered = false;
  private unavailable?: string;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly script: string,
    private readonly options: AnalysisWorkerOptions = {},
  ) {}

  analyze(text: string, options: AnalyzeOptions): Promise<DocumentAnalysis> {
    return this.request<PortableAnalysis>({ kind: 'analyze', text, options });
  }

  /** renderFromTables on the worker (the preview of a post). */
  render(text: string, markup: MarkupOptions, tables: RenderTables): Promise<TableRender> {
    return this.request<TableRender>({ kind: 'render', text, markup, tables });
  }

  private request<T>(message: object): Promise<T> {
    if (this.unavailable) return Promise.reject(new AnalysisUnavailable(this.unavailable));
    let w: Worker;
    try {
      w = this.ensure();
    } catch (e) {
      this.unavailable = (e as Error).message;
      return Promise.reject(new AnalysisUnavailable(this.unavailable));
    }
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const ms = this.options.timeoutMs ?? 30_000;
      const timer = setTimeout(() => this.stop(new Error(`analysis took over ${Math.round(ms / 1000)} s; the worker was stopped`)), ms);
      this.pending.set(id, { resolve: resolve as (a: unknown) => void, reject, timer });
      w.postMessage({ id, ...message });
    });
  }

  /** Whether the worker has answered, or cannot run here (its script missing or failing at start). */
  get state(): 'unused' | 'answered' | 'unavailable' {
    return this.unavailable ? 'unavailable' : this.answered ? 'answered' : 'unused';
  }

  /** Requests sent and not answered yet. */
  get busy(): number {
    return this.pending.size;
  }

  dispose(): void {
    this.stop(new Error('the analysis worker was disposed'));
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, { execArgv: this.options.execArgv, workerData: this.options.workerData });
    w.unref();
    w.on('message', (m: Answer) => {
      this.answered = true;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error === undefined) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    w.on('error', (e) => {
      // Failing before its first answer means it cannot run here (e.g. its script is missing).
      if (!this.answered) this.unavailable = e.message;
      this.stop(this.unavailable ? new AnalysisUnavailable(e.message) : e);
    });
    w.on('exit', (code) => {
      if (this.worker === w) this.stop(new Error(`the analysis worker exited (code ${code})`));
    });
    this.worker = w;
    return w;
  }

  private stop(reason: Error): void {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    this.pending.clear();
    if (w) void w.terminate();
  }
}

/**
 * The engine's DocumentAnalyzer on a worker: a worker that cannot run here answers "analyse it
 * yourself" (undefined), any other failure is the caller's to handle.
 */
export function workerAnalyzer(worker: AnalysisWorker): DocumentAnalyzer {
  return (text, options) =>
    worker.analyze(text, options).catch((e: unknown) => {
      if (e instanceof AnalysisUnavailable) return undefined;
      throw e;
    });
}
