/**
 * Test-only commands (`postcraft.test.*`: state the integration suite reads, answers it gives to
 * prompts) exist only when VS Code runs the extension under tests (extension mode Test, as
 * `@vscode/test-electron` and our code-server runner start it): a user's command palette and other
 * extensions never see them.
 */
import * as vscode from 'vscode';

let underTest = false;

/** Called first thing in activate(). */
export function setExtensionMode(context: vscode.ExtensionContext): void {
  underTest = context.extensionMode === vscode.ExtensionMode.Test;
}

export function registerTestCommand(id: `postcraft.test.${string}`, handler: (...args: never[]) => unknown): vscode.Disposable {
  return underTest ? vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown) : new vscode.Disposable(() => undefined);
}
