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

/**
 * A turn of the event loop, then "do it here". A long text waits a little longer (up to 200 ms for
 * 1 MB), so that a burst of keystrokes in a large post costs one parse of its latest text, not one
 * per keystroke (DocumentSync parses the newest text when the one it was given is out of date).
 */
const later = (text: string): Promise<undefined> => new Promise((resolve) => setTimeout(() => resolve(undefined), Math.min(200, Math.floor(text.length / 5000))));

export function webPlatform(): Platform {
  const paths = new WorkspaceUris();
  const fs = new WorkspaceFileSystem(vscode.workspace.fs, (p) => paths.uriOf(p));
  // There is no synchronous "does it exist": deletions are remembered from the file events.
  const gone = new Set<string>();
  const elsewhere: Elsewhere = { analyze: later, render: later, dispose() {} };
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
    // Changes no event told of (a folder edited outside the browser) are read again.
    reset: () => fs.forgetAll(),
    dispose() {},
  };
}
