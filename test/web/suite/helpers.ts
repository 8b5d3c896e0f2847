// Shared by the web suite's files: the workspace (examples/blog mounted over HTTP), waiting, editing.
import * as vscode from 'vscode';
import * as assert from './assert';

export const EXTENSION_ID = 'postcraft-dev.postcraft';

export function root(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri;
}

export function post(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'content', 'posts', name);
}

export function ours(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postcraft' && (!code || d.code === code));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export async function open(uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

export async function append(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await ext.activate();
}

/** A measurement for scripts/run-web.mjs (test-artifacts/web-measurements.json). */
export function measure(name: string, value: unknown): void {
  console.log(`[measure] ${name} ${JSON.stringify(value)}`);
}

/** Asks the runner for a screenshot of the workbench now, and gives it time to take it. */
export async function screenshot(name: string): Promise<void> {
  console.log(`[screenshot] ${name}`);
  await sleep(2500);
}
