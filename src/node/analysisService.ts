/**
 * What the analysis worker thread does: answer analyse and render requests from its parent (the
 * protocol lives in analysisClient.ts). Started by analysisWorker.ts (the CLI's worker script) or by
 * the extension's own bundle when it runs as its worker (src/vscode/node/main.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import { analyzeDocument, renderFromTables, type AnalyzeOptions, type RenderTables } from '../core/api';
import type { MarkupOptions } from '../core/render/types';

/** The workerData that makes the extension's bundle run as the analysis worker. */
export const ANALYSIS_WORKER = 'postcraft-analysis-worker';

type Request =
  | { readonly id: number; readonly kind: 'analyze'; readonly text: string; readonly options: AnalyzeOptions }
  | { readonly id: number; readonly kind: 'render'; readonly text: string; readonly markup: MarkupOptions; readonly tables: RenderTables };

export function serveAnalysis(port: MessagePort): void {
  port.on('message', (m: Request) => {
    try {
      if (m.kind === 'render') port.postMessage({ id: m.id, result: renderFromTables(m.text, m.markup, m.tables) });
      else port.postMessage({ id: m.id, result: analyzeDocument(m.text, m.options) });
    } catch (e) {
      port.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) });
    }
  });
}
