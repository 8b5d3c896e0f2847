/** The status bar item: which site the active post belongs to, and how many posts it has. */
import * as vscode from 'vscode';
import { describeSite, isMarkdown, type EngineHost } from './workspace';

export function registerStatusBar(context: vscode.ExtensionContext, host: EngineHost): void {
  const item = vscode.window.createStatusBarItem('postcraft.site', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Postcraft site';
  item.command = 'postcraft.showSiteInfo';
  const update = () => {
    const ed = vscode.window.activeTextEditor;
    const site = ed && isMarkdown(ed.document) ? host.siteOf(ed.document.uri) : undefined;
    if (!site) {
      item.hide();
      return;
    }
    item.text = `$(book) ${describeSite(site)}`;
    item.tooltip = `Postcraft: ${site.root}\nLinks: ${site.model.summary.linkSemantics} semantics`;
    item.show();
  };
  context.subscriptions.push(item, vscode.window.onDidChangeActiveTextEditor(update), host.onDidChange(update));
  update();
}
