/**
 * The web extension host's platform (vscode.dev, github.dev): no Node, no threads. Files come
 * through `vscode.workspace.fs` (workspaceFs.ts); documents are parsed and previews rendered on
 * this thread, each after a turn of the event loop so that requests queued meanwhile (a hover, a
 * completion) are answered first. The extension host is itself a web worker: the editor's own
 * thread never waits for us either way.
 */
import * as vscode from 'vscode';
import type { Elsewhere, Platform } from '../platform';
import { WorkspaceUris } from '../uriPaths';
import { WorkspaceFileSystem } from './workspaceFs';

/** One turn of the event loop, then "do it here". */
const aTurn = (): Promise<undefined> => new Promise((resolve) => setTimeout(() => resolve(undefined), 0));

export function webPlatform(): Platform {
  const paths = new WorkspaceUris();
  const fs = new WorkspaceFileSystem(vscode.workspace.fs, (p) => paths.uriOf(p));
  // There is no synchronous "does it exist": deletions are remembered from the file events.
  const gone = new Set<string>();
  const elsewhere: Elsewhere = { analyze: aTurn, render: aTurn, dispose() {} };
  return {
    kind: 'web',
    fs,
    paths,
    elsewhere,
    isGone: (uri) => gone.has(uri.toString()),
    requests: () => ({ ...fs.counts }),
    fileEvent(kind, uri) {
      const p = paths.pathOf(uri);
      if (p !== undefined) fs.forget(p);
      if (kind === 'deleted') gone.add(uri.toString());
      else gone.delete(uri.toString());
    },
    dispose() {},
  };
}
