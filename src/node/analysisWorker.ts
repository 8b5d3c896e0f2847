/**
 * Worker-thread entry: analyses document texts (front matter, headings, links — the markdown-it
 * parse) off the extension host's thread. The protocol lives in analysisClient.ts.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeDocument, toPortable, type AnalyzeOptions } from '../core/markdown/analyze';

interface Request {
  readonly id: number;
  readonly text: string;
  readonly options: AnalyzeOptions;
}

parentPort?.on('message', (m: Request) => {
  try {
    parentPort!.postMessage({ id: m.id, result: toPortable(analyzeDocument(m.text, m.options)) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) });
  }
});
