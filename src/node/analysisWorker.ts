/**
 * Worker-thread entry: the expensive, pure parts of per-keystroke work, off the extension host's
 * thread — analysing a document (front matter, headings, links: the markdown-it parse) and rendering
 * the preview from tables the host filled. The protocol lives in analysisClient.ts.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeDocument, type AnalyzeOptions } from '../core/api';
import { renderFromTables, type RenderTables } from '../core/api';
import type { MarkupOptions } from '../core/render/types';

type Request =
  | { readonly id: number; readonly kind: 'analyze'; readonly text: string; readonly options: AnalyzeOptions }
  | { readonly id: number; readonly kind: 'render'; readonly text: string; readonly markup: MarkupOptions; readonly tables: RenderTables };

parentPort?.on('message', (m: Request) => {
  try {
    if (m.kind === 'render') parentPort!.postMessage({ id: m.id, result: renderFromTables(m.text, m.markup, m.tables) });
    else parentPort!.postMessage({ id: m.id, result: analyzeDocument(m.text, m.options) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) });
  }
});
