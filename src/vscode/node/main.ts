/**
 * The Node entry (package.json `main`, dist/extension.js). The same file is also the script of the
 * analysis worker thread: started with ANALYSIS_WORKER as its workerData it only serves analysis, and
 * the editor adapters (which need the `vscode` module, absent on a worker thread) are never loaded.
 * One copy of the engine in the .vsix instead of two.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { ANALYSIS_WORKER, serveAnalysis } from '../../node/analysisService';

if (!isMainThread && workerData === ANALYSIS_WORKER && parentPort) serveAnalysis(parentPort);

type Extension = typeof import('../extension');
let extension: Extension | undefined;

// Loaded on activation only: the bundler keeps a required module unevaluated until this call.
function load(): Extension {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (extension ??= require('../extension') as Extension);
}

export function activate(context: vscode.ExtensionContext): ReturnType<Extension['activate']> {
  return load().activate(context);
}

export function deactivate(): void {
  extension?.deactivate();
}
