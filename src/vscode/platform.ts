/**
 * What differs between the two extension hosts VS Code runs Postcraft in: Node (desktop VS Code,
 * code-server, Codespaces) and the browser's web worker (vscode.dev, github.dev). Everything else
 * in src/vscode is shared: extension.ts builds the Node platform (src/vscode/node/), and
 * web/extension.ts the browser one (src/vscode/web/); the features only see this interface.
 */
import type * as vscode from 'vscode';
import type { AnalyzeOptions, DocumentAnalysis, DocumentAnalyzer, RenderTables, TableRender } from '../core/api';
import type { FileSystemHost } from '../core/host';
import type { MarkupOptions } from '../core/render/types';
import type { UriPaths } from './uriPaths';

/**
 * Where a document's parse and the preview's render run instead of the caller's turn: a worker
 * thread on Node, time slices on the web extension host. `undefined` means "do it here": the
 * engine then parses or renders on this thread, which is what the slices are for.
 */
export interface Elsewhere {
  analyze(text: string, options: AnalyzeOptions): Promise<DocumentAnalysis | undefined>;
  render(text: string, markup: MarkupOptions, tables: RenderTables): Promise<TableRender | undefined>;
  dispose(): void;
}

export interface Platform {
  /** For logs and the README's "what works where"; features never branch on it. */
  readonly kind: 'node' | 'web';
  /** The engine's files, by engine path (see UriPaths). */
  readonly fs: FileSystemHost;
  /** Editor URIs ↔ the engine's absolute posix paths. */
  readonly paths: UriPaths;
  readonly elsewhere: Elsewhere;
  /** Parses files changed on disk off this turn (the engine's DocumentAnalyzer); none: it parses them itself. */
  readonly analyzer?: DocumentAnalyzer;
  /** A document whose file was deleted while it is open (no longer a page of its site). */
  isGone(uri: vscode.Uri): boolean;
  /**
   * Requests made to the file system so far, where each is worth counting (the web: each may go
   * over the network): the indexing progress shows `reads`; the tests report them all.
   */
  requests?(): Readonly<Record<'reads' | 'listings' | 'stats' | 'cacheHits', number>>;
  /**
   * A file was created, changed or deleted (told before the engine hears of it): a platform that
   * keeps what it read forgets it, one that cannot ask the disk whether a file exists remembers.
   */
  fileEvent?(kind: 'created' | 'changed' | 'deleted', uri: vscode.Uri): void;
  /** "Re-index Sites": forget everything kept, so that the new index reads it all again. */
  reset?(): void;
  /** Whether work sent elsewhere ran there: a worker answered, or it could not run (the tests ask). */
  elsewhereState?(): 'unused' | 'answered' | 'unavailable';
  dispose(): void;
}
