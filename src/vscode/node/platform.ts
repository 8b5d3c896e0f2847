/**
 * The Node extension host's platform: Node's file system (with its reading thread), and documents
 * parsed and previews rendered on a worker thread (src/node/analysisClient.ts).
 */
import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { AnalysisUnavailable, AnalysisWorker, workerAnalyzer } from '../../node/analysisClient';
import { nodeFileSystem } from '../../node/nodeFs';
import { ANALYSIS_WORKER } from '../../node/analysisService';
import type { Elsewhere, Platform } from '../platform';
import { fileUris } from '../uriPaths';

export function nodePlatform(log: vscode.OutputChannel): Platform {
  // The extension's own bundle is the worker's script (src/vscode/node/main.ts).
  const worker = new AnalysisWorker(__filename, { workerData: ANALYSIS_WORKER });
  let warned = false;
  // A worker that cannot run here at all (its script missing): the same work on this thread.
  const here = (e: unknown): undefined => {
    if (!(e instanceof AnalysisUnavailable)) throw e;
    if (!warned) {
      warned = true;
      log.appendLine(`warning: the analysis worker cannot run (${e.message}); documents are analysed on the extension host's thread.`);
    }
    return undefined;
  };
  const elsewhere: Elsewhere = {
    analyze: (text, options) => worker.analyze(text, options).catch(here),
    render: (text, markup, tables) => worker.render(text, markup, tables).catch(here),
    dispose: () => worker.dispose(),
  };
  return {
    kind: 'node',
    fs: nodeFileSystem,
    paths: fileUris,
    elsewhere,
    // Files changed on disk (a checkout, another editor) are parsed on the worker too.
    analyzer: workerAnalyzer(worker),
    isGone: (uri) => uri.scheme === 'file' && !fs.existsSync(uri.fsPath),
    elsewhereState: () => worker.state,
    dispose: () => worker.dispose(),
  };
}
