// Runs in a dedicated Web Worker (test/browser/webWorker.test.ts), bundled with the browser
// bundle's settings (scripts/browser-bundle.mjs): the preview's renderer as the web extension host
// runs it, with raw HTML on, so every planted trick reaches the sanitiser.
import { renderPost, DEFAULT_MARKUP } from '../../../src/core/render/render';
import type { MarkupOptions } from '../../../src/core/render/types';
import { plainHooks } from '../../unit/render/helpers';

const UNSAFE: MarkupOptions = { ...DEFAULT_MARKUP, dialect: { ...DEFAULT_MARKUP.dialect, rawHtml: true } };

interface Scope {
  onmessage: ((e: { data: string[] }) => void) | null;
  postMessage(m: unknown): void;
}
const scope = globalThis as unknown as Scope & Record<string, unknown>;

scope.onmessage = (e) => {
  const html = e.data.map((text) => {
    const post = renderPost(text, UNSAFE, plainHooks());
    return post.headerHtml + post.bodyHtml;
  });
  // What kind of place this is: a worker has no window, no document, no Node.
  const where = { window: typeof scope.window, document: typeof scope.document, process: typeof scope.process, require: typeof scope.require, importScripts: typeof scope.importScripts };
  scope.postMessage({ html, where });
};
