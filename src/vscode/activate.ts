/**
 * Activation, shared by the Node and the browser entries: cheap and synchronous. The index builds
 * in the background after activate() returns, so opening a post is never held up by a large site.
 */
import * as vscode from 'vscode';
import { EngineHost } from './workspace';
import { registerStatusBar } from './statusBar';
import { registerSiteCommands } from './commands';
import { features } from './features';
import type { Platform } from './platform';
import { setExtensionMode } from './testCommands';

export function activateWith(context: vscode.ExtensionContext, platformFor: (log: vscode.OutputChannel) => Platform): { host: EngineHost } {
  // Test-only commands exist only when the extension runs under tests (extension mode Test).
  setExtensionMode(context);
  const log = vscode.window.createOutputChannel('Postcraft');
  const host = new EngineHost(log, platformFor(log));
  context.subscriptions.push(log, host);
  registerStatusBar(context, host);
  registerSiteCommands(context, host, log);
  for (const register of features) register(context, host, log);
  void host.get().catch((e) => log.appendLine(`error: indexing failed: ${(e as Error).stack ?? e}`));
  return { host };
}
