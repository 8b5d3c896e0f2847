/**
 * Quick fixes for Postcraft's link diagnostics (did-you-mean, nearest heading, working forms of a
 * `.md` link, the shortcode for typed-in template code, ignore this link) and the relref ↔ URL
 * refactor. The edits themselves come from the core (src/core/links/fixes.ts).
 */
import * as vscode from 'vscode';
import { fixesFor, refactorsAt, type LinkEdit } from '../core/api';
import type { DiagnosticsController } from './diagnostics';

const IGNORE_COMMAND = 'postcraft.links.ignoreTarget';

function toRange(doc: vscode.TextDocument, e: LinkEdit): vscode.Range {
  return new vscode.Range(doc.positionAt(e.range.start), doc.positionAt(e.range.end));
}

export class LinkCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite];

  constructor(private readonly controller: DiagnosticsController) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const out: vscode.CodeAction[] = [];
    const text = doc.getText();
    for (const diag of context.diagnostics) {
      if (diag.source !== 'postcraft' || typeof diag.code !== 'string') continue;
      const d = this.controller.find(doc.uri, diag.range, diag.code);
      if (!d) continue;
      for (const e of fixesFor(d, text)) {
        const a = new vscode.CodeAction(e.title, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diag];
        a.isPreferred = e.preferred;
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, toRange(doc, e), e.newText);
        out.push(a);
      }
      if (d.target && d.code.startsWith('link.')) {
        const a = new vscode.CodeAction(`Ignore links to ${d.target}`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diag];
        a.command = { command: IGNORE_COMMAND, title: a.title, arguments: [d.target] };
        out.push(a);
      }
    }
    if (!context.only || context.only.contains(vscode.CodeActionKind.RefactorRewrite) || vscode.CodeActionKind.RefactorRewrite.contains(context.only)) {
      const engine = this.controller.host.current();
      const path = this.controller.host.pathOf(doc.uri);
      const site = path === undefined ? undefined : engine?.siteOf(path);
      if (engine && site && path !== undefined) {
        // The index holds the live text of open documents; only offer edits computed on this text.
        const file = engine.relative(site, path);
        if (site.index.textLength(file) === text.length) {
          for (const e of await refactorsAt(engine, site, file, doc.offsetAt(range.start))) {
            const a = new vscode.CodeAction(e.title, vscode.CodeActionKind.RefactorRewrite);
            a.edit = new vscode.WorkspaceEdit();
            a.edit.replace(doc.uri, toRange(doc, e), e.newText);
            out.push(a);
          }
        }
      }
    }
    return out;
  }
}

export function registerCodeActions(context: vscode.ExtensionContext, controller: DiagnosticsController): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new LinkCodeActions(controller), { providedCodeActionKinds: LinkCodeActions.kinds }),
    vscode.commands.registerCommand(IGNORE_COMMAND, async (target: string) => {
      const cfg = vscode.workspace.getConfiguration('postcraft');
      const list = cfg.get<string[]>('links.ignore', []);
      const bare = target.split('#')[0] || target;
      if (!list.includes(bare)) await cfg.update('links.ignore', [...list, bare], vscode.ConfigurationTarget.Workspace);
    }),
  );
}
