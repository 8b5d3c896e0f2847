/**
 * Reads many files on a worker thread, in the order asked, while the caller's thread parses the
 * ones already read. On a 10,000-post crawl the open/read/close system calls were a quarter of the
 * main thread's time; our machines have two cores.
 *
 * Memory stays bounded: the worker packs files into batches of about 1 MB and waits while
 * MAX_IN_FLIGHT batches are unconsumed, so a big site is never held in memory at once.
 */
import { Worker } from 'node:worker_threads';
import type { ReadResult } from '../core/host';

const BATCH_BYTES = 1 << 20;
const BATCH_FILES = 256;
const MAX_IN_FLIGHT = 8;
const FIRST_BATCH_FILES = 16;

// Self-contained (no bundled imports), so it runs from a string in the CLI and the extension alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { consumed, batchBytes, batchFiles, firstBatchFiles, maxInFlight, headOnly } = workerData;
const done = new Int32Array(consumed);
let sent = 0;
let chunks = [], meta = [], bytes = 0;
function flush() {
  if (meta.length === 0) return;
  while (sent - Atomics.load(done, 0) >= maxInFlight) Atomics.wait(done, 0, Atomics.load(done, 0), 1000);
  const buf = new Uint8Array(bytes);
  let off = 0;
  for (const c of chunks) { buf.set(c, off); off += c.length; }
  parentPort.postMessage({ meta, buf }, [buf.buffer]);
  sent++;
  chunks = []; meta = []; bytes = 0;
}
// Where a leading '---' or '+++' front matter ends (after its closing line), or -1. Conservative:
// any line the crawler's parser would take as the closing one ends a line here too, so the cut never
// falls inside the front matter; the crawler checks the head and reads the whole file if in doubt.
function headEnd(b) {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const c = b[i];
  if ((c !== 0x2d && c !== 0x2b) || b[i + 1] !== c || b[i + 2] !== c) return -1;
  let j = i + 3;
  while (b[j] === 0x20 || b[j] === 0x09) j++;
  if (b[j] === 0x0d) j++;
  if (b[j] !== 0x0a) return -1;
  j++;
  while (j < b.length) {
    const e = b.indexOf(0x0a, j);
    let k = e < 0 ? b.length : e;
    if (k > j && b[k - 1] === 0x0d) k--;
    while (k > j && (b[k - 1] === 0x20 || b[k - 1] === 0x09)) k--;
    if (k - j === 3 && ((b[j] === c && b[j + 1] === c && b[j + 2] === c) || (c === 0x2d && b[j] === 0x2e && b[j + 1] === 0x2e && b[j + 2] === 0x2e))) return e < 0 ? b.length : e + 1;
    if (e < 0) return -1;
    j = e + 1;
  }
  return -1;
}
// The list comes later: the thread starts while the caller is still walking its folders.
parentPort.once('message', (paths) => {
for (let i = 0; i < paths.length; i++) {
  try {
    let b = fs.readFileSync(paths[i]);
    const size = b.length;
    const end = headOnly ? headEnd(b) : -1;
    if (end > 0 && end < size) b = b.subarray(0, end);
    chunks.push(b); meta.push([i, b.length, '', '', size]); bytes += b.length;
  } catch (e) {
    meta.push([i, -1, e && e.code ? String(e.code) : '', e && e.message ? String(e.message) : String(e)]);
  }
  // A small first batch: the caller has nothing to do until it arrives.
  if (bytes >= batchBytes || meta.length >= (sent === 0 ? firstBatchFiles : batchFiles)) flush();
}
flush();
parentPort.postMessage({ end: true });
});
`;

type Meta = [index: number, length: number, code?: string, message?: string, size?: number];
type Message = { readonly meta: Meta[]; readonly buf: Uint8Array } | { readonly end: true };

/**
 * `headOnly`: of a file with `---`/`+++` front matter, send only that far (ReadResult.size says how big
 * it is). The thread starts at once, before the list is known: `paths` may be a promise, so the
 * ~30 ms a thread takes to start overlap the caller's folder walk. Iterate the result, or give an
 * empty list, which lets the thread end unused.
 */
export function readFilesOnWorker(paths: readonly string[] | PromiseLike<readonly string[]>, headOnly = false): FileReads {
  const reader = new WorkerReader(headOnly);
  const list = Promise.resolve(paths).then(
    (p) => {
      reader.worker.postMessage(p);
      return p;
    },
    (e: unknown) => {
      reader.worker.postMessage([]);
      throw e;
    },
  );
  // The failure is the iteration's to report; one never iterated must not be an unhandled rejection.
  list.catch(() => undefined);
  return { [Symbol.asyncIterator]: () => reader.batches(list), exited: reader.exited };
}

export interface FileReads extends AsyncIterable<ReadResult[]> {
  /** Settles when the thread has ended (all read, abandoned, or given nothing to read). */
  readonly exited: Promise<void>;
}

class WorkerReader {
  readonly worker: Worker;
  private readonly counter: Int32Array;
  private readonly queue: Message[] = [];
  private failure: Error | undefined;
  private ended = false;
  private wake: (() => void) | undefined;
  readonly exited: Promise<void>;

  constructor(headOnly: boolean) {
    const consumed = new SharedArrayBuffer(4);
    this.counter = new Int32Array(consumed);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { consumed, batchBytes: BATCH_BYTES, batchFiles: BATCH_FILES, firstBatchFiles: FIRST_BATCH_FILES, maxInFlight: MAX_IN_FLIGHT, headOnly },
    });
    // Not unref'd: a caller awaiting its next batch must keep the process alive. It ends by itself
    // when given an empty list, and is terminated when the iteration ends or is abandoned.
    this.worker.on('message', (m: Message) => {
      this.queue.push(m);
      this.notify();
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.notify();
    });
    this.exited = new Promise<void>((resolve) =>
      this.worker.on('exit', () => {
        this.ended = true;
        this.notify();
        resolve();
      }),
    );
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  async *batches(list: Promise<readonly string[]>): AsyncGenerator<ReadResult[]> {
    try {
      const paths = await list;
      for (;;) {
        const m = this.queue.shift();
        if (!m) {
          if (this.failure) throw this.failure;
          if (this.ended) throw new Error('the file-reading worker stopped early');
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        if ('end' in m) return;
        let off = 0;
        const out: ReadResult[] = [];
        for (const [index, length, code, message, size] of m.meta) {
          if (length < 0) out.push({ path: paths[index], error: { code: code || undefined, message: message ?? 'read failed' } });
          else {
            out.push({ path: paths[index], bytes: m.buf.subarray(off, off + length), size });
            off += length;
          }
        }
        yield out;
        Atomics.add(this.counter, 0, 1);
        Atomics.notify(this.counter, 0);
      }
    } finally {
      // Also when the consumer stops early: never leave a thread reading behind us.
      void this.worker.terminate();
    }
  }
}
