/**
 * The Node entry (package.json `main`): desktop VS Code, code-server, Codespaces. The browser entry
 * is web/extension.ts; both activate the same adapters (activate.ts) over their own platform.
 */
import type * as vscode from 'vscode';
import { activateWith } from './activate';
import { nodePlatform } from './node/platform';
import type { EngineHost } from './workspace';

export function activate(context: vscode.ExtensionContext): { host: EngineHost } {
  return activateWith(context, nodePlatform);
}

export function deactivate(): void {}
