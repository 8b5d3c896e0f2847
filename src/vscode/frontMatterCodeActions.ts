/**
 * Quick fixes for front-matter diagnostics (near-duplicate spelling, unknown author, scalar where the
 * site uses a list). The fix comes with the engine diagnostic shown at that place (its `data`), kept
 * by the diagnostics controller: code actions are asked for on every cursor move, and re-running the
 * front-matter checks for each request cost ~100 ms a time in an 800 KB post.
 */
import * as vscode from 'vscode';
import { FRONT_MATTER_SELECTOR, mayHaveFrontMatter } from './frontMatterCompletion';
import { diagnosticsController } from './diagnostics';

export function registerFrontMatterCodeActions(context: vscode.ExtensionContext): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, ctx) {
      const controller = diagnosticsController();
      if (!mayHaveFrontMatter(doc) || !controller) return undefined;
      const actions: vscode.CodeAction[] = [];
      for (const diag of ctx.diagnostics) {
        const code = codeOf(diag);
        if (diag.source !== 'postcraft' || !code?.startsWith('frontmatter.')) continue;
        const d = controller.find(doc.uri, diag.range, code);
        const replacement = d?.data?.['replacement'];
        const title = d?.data?.['title'];
        if (!d || typeof replacement !== 'string' || typeof title !== 'string') continue;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, diag.range, replacement);
        action.diagnostics = [diag];
        action.isPreferred = d.code === 'frontmatter.near-duplicate' || d.code === 'frontmatter.unknown-author';
        actions.push(action);
      }
      return actions;
    },
  };
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(FRONT_MATTER_SELECTOR, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return c ? String(c.value) : undefined;
}
