/**
 * Before a whole-site check on a host that can analyse documents elsewhere (a worker thread): the
 * bodies of all crawled documents are parsed now, on the worker and on this thread side by side,
 * instead of one by one on this thread as the check reaches them. Parsing bodies is most of a check
 * and checking a link can need another post's headings, so a check cannot just run ahead of a
 * worker; all bodies first, on both cores, then the checks.
 *
 * The results are those of the lazy body load: the same analysis function with the same options,
 * and a document whose file changed size since the crawl is left to it.
 */
import { decodeText } from '../host';
import { analyzeDocument } from '../markdown/analyze';
import type { DocumentAnalyzer, SiteIndex } from './index';

/** Requests the worker may have queued: enough to keep it busy while this thread parses too. */
const IN_FLIGHT = 8;

export async function preloadBodies(
  index: SiteIndex,
  files: readonly string[],
  readBytes: (file: string) => Uint8Array | undefined,
  analyzer: DocumentAnalyzer,
  /** How many of `files` are done (parsed, sent, or needing nothing). */
  onProgress?: (done: number) => void,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  for (const file of files) {
    onProgress?.(done++);
    const bytes = readBytes(file);
    if (!bytes || !index.wantsBody(file, bytes.length)) continue;
    const text = decodeText(bytes).text;
    const options = index.analyzeOptions(file);
    if (inFlight.size < IN_FLIGHT) {
      const p: Promise<void> = analyzer(text, options)
        .then((a) => index.provideBody(file, bytes.length, text, a ?? analyzeDocument(text, options)))
        // A failed or stuck worker: the lazy load parses this one here when the check asks.
        .catch(() => undefined)
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    } else {
      index.provideBody(file, bytes.length, text, analyzeDocument(text, options));
      // Let the worker's answers in (and, in an editor, everything else).
      await nextTurn();
    }
  }
  await Promise.all(inFlight);
  onProgress?.(files.length);
}

/** A turn of the event loop: setImmediate where there is one (Node), else a timer. */
function nextTurn(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  return new Promise<void>((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
