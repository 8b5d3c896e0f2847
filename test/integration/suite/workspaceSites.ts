// Helpers for suites that add example sites to the workspace as folders (as a writer opening a
// second blog does) and wait for what the extension shows.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const posixPath = (p: string) => p.split(path.sep).join('/').replace(/\/$/, '');

/** The sites the extension has indexed now: root (posix, no trailing slash) → generator. */
export async function indexedSites(): Promise<Map<string, string>> {
  const stats = await vscode.commands.executeCommand<{ sites?: { root: string; generator: string }[] }>('postcraft.test.indexStats');
  return new Map((stats?.sites ?? []).map((s) => [posixPath(s.root), s.generator]));
}

/** Changes the workspace folders and resolves once VS Code says they changed. */
export async function changeFolders(start: number, remove: number, ...add: vscode.Uri[]): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const d = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      d.dispose();
      resolve();
    });
  });
  assert.ok(vscode.workspace.updateWorkspaceFolders(start, remove, ...add.map((uri) => ({ uri }))), 'VS Code accepts the folder change');
  await changed;
}
