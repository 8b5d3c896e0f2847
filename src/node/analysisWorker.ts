/**
 * Worker-thread entry (dist/analysisWorker.js, used by the CLI): the expensive, pure parts of
 * per-keystroke work, off the main thread — analysing a document (the markdown-it parse) and
 * rendering the preview from tables the host filled. See analysisService.ts.
 */
import { parentPort } from 'node:worker_threads';
import { serveAnalysis } from './analysisService';

if (parentPort) serveAnalysis(parentPort);
