/**
 * Quick fixes for front-matter diagnostics (near-duplicate spelling, unknown author, scalar where the
 * site uses a list). The fixes are recomputed from the engine rather than read from the editor's
 * diagnostics, which do not carry the engine's `data`.
 */
import * as vscode from 'vscode';
import { frontMatterDiagnostics } from '../core/frontmatter/checks';
import { LineIndex } from '../core/text';
import { FRONT_MATTER_SELECTOR, mayHaveFrontMatter } from './frontMatterCompletion';
import type { EngineHost } from './workspace';

export function registerFrontMatterCodeActions(context: vscode.ExtensionContext, host: EngineHost): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(doc, range, ctx) {
      if (!mayHaveFrontMatter(doc)) return undefined;
      const engine = await host.get();
      const site = engine.siteOf(doc.uri.path);
      if (!site || !(await host.ready(doc))) return undefined;
      const text = doc.getText();
      const found = frontMatterDiagnostics(site, engine.relative(site, doc.uri.path), text, new LineIndex(text));
      const actions: vscode.CodeAction[] = [];
      for (const d of found) {
        const replacement = d.data?.['replacement'];
        const title = d.data?.['title'];
        if (typeof replacement !== 'string' || typeof title !== 'string') continue;
        const r = new vscode.Range(d.start.line, d.start.character, d.end.line, d.end.character);
        if (!r.intersection(range) && !r.contains(range)) continue;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, r, replacement);
        action.diagnostics = ctx.diagnostics.filter((x) => codeOf(x) === d.code && x.range.isEqual(r));
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
