/**
 * The browser entry (package.json `browser`): vscode.dev, github.dev, and any VS Code whose
 * extension host runs in a web worker. The same adapters as the Node entry (extension.ts), over the
 * web platform. scripts/build.mjs bundles it without any Node module, and fails if one slips in.
 */
import type * as vscode from 'vscode';
import { activateWith } from '../activate';
import type { EngineHost } from '../workspace';
import { webPlatform } from './platform';

export function activate(context: vscode.ExtensionContext): { host: EngineHost } {
  return activateWith(context, () => webPlatform());
}

export function deactivate(): void {}
