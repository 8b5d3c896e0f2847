/** Timing and memory helpers: gc before each sample, medians and percentiles over repetitions. */

const gcFn: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

export function hasGc(): boolean {
  return gcFn !== undefined;
}

export function gc(): void {
  // Twice: the first pass can leave objects that only die once their finalizers ran.
  gcFn?.();
  gcFn?.();
}

export function now(): number {
  return performance.now();
}

/** The middle value; the mean of the two middle ones for an even count (2 rounds must not give the min). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export interface Sample {
  readonly ms: number;
  /** CPU time of this process (user + system): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  /** Heap growth (bytes) still reachable after the run, measured after a gc. */
  readonly heapDelta: number;
}

/**
 * Runs `fn` `reps` times with a gc before each, keeping what it returns alive until the heap is
 * measured, so the delta is what the result retains (not garbage made on the way).
 */
export async function sample<T>(reps: number, fn: () => Promise<T> | T, after?: (result: T) => void): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < reps; i++) {
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const r = await fn();
    const ms = now() - t0;
    const cpu = process.cpuUsage(cpu0);
    gc();
    const heapDelta = process.memoryUsage().heapUsed - heap0;
    after?.(r);
    out.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000, heapDelta });
  }
  return out;
}

export function medianMs(samples: readonly Sample[]): number {
  return median(samples.map((s) => s.ms));
}

export function medianCpu(samples: readonly Sample[]): number {
  return median(samples.map((s) => s.cpuMs));
}

export function medianHeap(samples: readonly Sample[]): number {
  return median(samples.map((s) => s.heapDelta));
}
