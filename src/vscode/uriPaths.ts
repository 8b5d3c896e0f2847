/**
 * The engine works on absolute posix paths; the editor on URIs. On Node only `file:` URIs are
 * the engine's; on the web the workspace folders may be of any scheme (`vscode-vfs://github/…` on
 * github.dev, `file:` on vscode.dev's local folders, `vscode-test-web://mount/` in our tests), and
 * a path maps back to the folder it lies in.
 */
import * as vscode from 'vscode';

export interface UriPaths {
  /** The engine path of a document or file, or undefined when the engine does not read that URI. */
  pathOf(uri: vscode.Uri): string | undefined;
  /** The URI of an engine path. */
  uriOf(path: string): vscode.Uri;
  /** The folders to index, as engine paths. */
  roots(): string[];
}

/** Node: `file:` URIs, and their paths. */
export const fileUris: UriPaths = {
  pathOf: (uri) => (uri.scheme === 'file' ? uri.path : undefined),
  uriOf: (path) => vscode.Uri.file(path),
  roots() {
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.path);
    if (roots.length === 0) {
      const ed = vscode.window.activeTextEditor;
      if (ed && ed.document.uri.scheme === 'file') roots.push(parentOf(ed.document.uri.path));
    }
    return roots;
  },
};

interface Base {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
}

/** The web: the workspace folders' own schemes and authorities (any file system VS Code mounts). */
export class WorkspaceUris implements UriPaths {
  private bases: Base[] = [];

  pathOf(uri: vscode.Uri): string | undefined {
    if (this.bases.length === 0) this.roots();
    return this.bases.some((b) => b.scheme === uri.scheme && b.authority === uri.authority) ? uri.path : undefined;
  }

  uriOf(path: string): vscode.Uri {
    if (this.bases.length === 0) this.roots();
    let best: Base | undefined;
    for (const b of this.bases) if (isUnder(path, b.path) && (!best || b.path.length > best.path.length)) best = b;
    best ??= this.bases[0];
    return best ? vscode.Uri.from({ scheme: best.scheme, authority: best.authority, path }) : vscode.Uri.file(path);
  }

  roots(): string[] {
    const bases: Base[] = [];
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      // Two folders of different file systems at the same path would be one site to the engine: the first wins.
      if (!bases.some((b) => b.path === f.uri.path)) bases.push({ scheme: f.uri.scheme, authority: f.uri.authority, path: f.uri.path });
    }
    if (bases.length === 0) {
      const u = vscode.window.activeTextEditor?.document.uri;
      if (u && u.scheme !== 'untitled') bases.push({ scheme: u.scheme, authority: u.authority, path: parentOf(u.path) });
    }
    this.bases = bases;
    return bases.map((b) => b.path);
  }
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : root + '/');
}

function parentOf(path: string): string {
  return path.replace(/\/[^/]*$/, '') || '/';
}
