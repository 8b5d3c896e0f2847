/**
 * The status bar item: which site the active post belongs to, and how many posts it has; its tooltip
 * says what the site's configuration names that is not on disk (a theme: its shortcodes are not checked).
 */
import * as vscode from 'vscode';
import type { Site } from '../core/service';
import { describeSite, isMarkdown, type EngineHost } from './workspace';
import { registerTestCommand } from './testCommands';

export function siteTooltip(site: Site): string {
  const lines = [`Postcraft: ${site.root}`, `Links: ${site.model.summary.linkSemantics} semantics`];
  for (const i of site.model.issues) if (i.code === 'theme.missing') lines.push(i.message);
  return lines.join('\n');
}

export function registerStatusBar(context: vscode.ExtensionContext, host: EngineHost): void {
  const item = vscode.window.createStatusBarItem('postcraft.site', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Postcraft site';
  item.command = 'postcraft.showSiteInfo';
  let shown = false;
  const update = () => {
    const ed = vscode.window.activeTextEditor;
    const site = ed && isMarkdown(ed.document) ? host.siteOf(ed.document.uri) : undefined;
    if (!site) {
      item.hide();
      shown = false;
      return;
    }
    item.text = `$(book) ${describeSite(site)}`;
    item.tooltip = siteTooltip(site);
    item.show();
    shown = true;
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    host.onDidChange(update),
    // Test-only: what the item shows now (its tooltip is not readable through the API).
    registerTestCommand('postcraft.test.statusBar', () => (shown ? { text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value } : undefined)),
  );
  update();
}
