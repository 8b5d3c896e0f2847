/**
 * Preview lifecycle: opening (beside the editor or in its place), following the active Markdown
 * editor unless locked, restoring after a window reload, re-rendering on edits and index changes,
 * and editor → preview scroll sync. One unlocked ("dynamic") preview at a time; locked ones stay on
 * their document.
 */
import * as vscode from 'vscode';
import { parsePageState } from '../../core/render/protocol';
import { isMarkdown, type EngineHost } from '../workspace';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewTestState } from './panel';
import { readSettings } from './render';
import { registerTestCommand } from '../testCommands';

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Set<PreviewPanel>();
  private active?: PreviewPanel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: EngineHost,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!e || !isMarkdown(e.document)) return;
        for (const p of this.panels) if (!p.locked) p.show(e.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const p of this.panels) if (p.resource.toString() === e.document.uri.toString()) p.refresh();
      }),
      // Another post changed (a link target appeared, a heading was renamed): verdicts may change.
      host.onDidChange(() => {
        for (const p of this.panels) p.refresh(400, false);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const range = e.visibleRanges[0];
        if (!range) return;
        for (const p of this.panels) {
          if (p.resource.toString() !== e.textEditor.document.uri.toString() || Date.now() < p.suppressEditorScrollUntil) continue;
          if (readSettings(p.resource).scrollSync) p.scrollTo(range.start.line);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The CSP (https images) and the page's scroll flag are baked into the page: rebuild it.
        if (e.affectsConfiguration('postcraft.preview') || e.affectsConfiguration('postcraft.links.includeDrafts')) for (const p of this.panels) void p.load();
      }),
    );
  }

  async open(resource: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a Markdown post to preview it.');
      return;
    }
    const dynamic = [...this.panels].find((p) => !p.locked);
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    if (dynamic) {
      dynamic.show(uri);
      dynamic.panel.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false });
    await this.adopt(panel, uri, false, 0);
  }

  /** Called by VS Code after a reload for every preview that was open. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const s = parsePageState(state);
    if (!s) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, this.host.uriOf(s.file), s.locked ?? false, s.line ?? 0);
  }

  private async adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean, line: number): Promise<void> {
    const p = new PreviewPanel(webviewPanel, this.host, this.extensionUri, this.log, uri, locked);
    this.panels.add(p);
    this.active = p;
    p.onDidDispose(() => {
      this.panels.delete(p);
      if (this.active === p) this.active = [...this.panels].pop();
    });
    webviewPanel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.active = p;
    });
    try {
      await p.load(line);
    } catch (e) {
      this.log.appendLine(`error: preview of ${uri.path} failed: ${(e as Error).stack ?? e}`);
      webviewPanel.webview.html = `<!DOCTYPE html><html><body><p>Postcraft could not preview ${uri.path.replace(/[<>&"]/g, '')}.</p></body></html>`;
    }
  }

  toggleLock(): void {
    const p = this.active ?? [...this.panels].pop();
    if (!p) return;
    p.setLocked(!p.locked);
    if (!p.locked) {
      // Only one dynamic preview: unlocking this one follows the active editor again.
      const ed = vscode.window.activeTextEditor;
      if (ed && isMarkdown(ed.document)) p.show(ed.document.uri);
    }
  }

  testState(): PreviewTestState | undefined {
    return (this.active ?? [...this.panels].pop())?.testState();
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }
}

export function registerPreview(context: vscode.ExtensionContext, host: EngineHost, log: vscode.OutputChannel): void {
  const manager = new PreviewManager(host, context.extensionUri, log);
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand('postcraft.openPreviewToSide', (uri?: unknown) => manager.open(uri instanceof vscode.Uri ? uri : undefined, true)),
    vscode.commands.registerCommand('postcraft.openPreview', (uri?: unknown) => manager.open(uri instanceof vscode.Uri ? uri : undefined, false)),
    vscode.commands.registerCommand('postcraft.togglePreviewLock', () => manager.toggleLock()),
    // Test-only (registered under tests only): the state the page last acknowledged.
    registerTestCommand('postcraft.test.previewState', (): PreviewTestState | undefined => manager.testState()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state: unknown) => manager.restore(panel, state) }),
  );
}
