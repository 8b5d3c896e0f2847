/**
 * Quick fixes for front-matter diagnostics (near-duplicate spelling, unknown author, scalar where the
 * site uses a list). The fix comes with the engine diagnostic shown at that place (its `data`), kept
 * by the diagnostics controller: code actions are asked for on every cursor move, and re-running the
 * front-matter checks for each request cost ~100 ms a time in an 800 KB post.
 */
import * as vscode from 'vscode';
import { FRONT_MATTER_SELECTOR, mayHaveFrontMatter } from './frontMatterCompletion';
import { diagnosticsController } from './diagnostics';
import type { EngineHost } from './workspace';

/** "Merge these spellings": every post's spelling of the value changed to the dominant one (one refactor, previewed). */
function mergeAction(host: EngineHost, doc: vscode.TextDocument, diag: vscode.Diagnostic, data: Readonly<Record<string, unknown>>): vscode.CodeAction | undefined {
  const { spellings, dominant, taxonomy } = data;
  if (!Array.isArray(spellings) || typeof dominant !== 'string' || typeof taxonomy !== 'string') return undefined;
  const from = spellings.filter((s): s is string => typeof s === 'string' && s !== dominant);
  if (from.length === 0) return undefined;
  const action = new vscode.CodeAction(`Merge these spellings into '${dominant}' in every post (${from.map((f) => `'${f}'`).join(', ')})`, vscode.CodeActionKind.QuickFix);
  action.command = { command: 'postcraft.taxonomy.mergeSpellings', title: action.title, arguments: [{ taxonomy, from, to: dominant, site: host.siteOf(doc.uri)?.root }] };
  action.diagnostics = [diag];
  return action;
}

export function registerFrontMatterCodeActions(context: vscode.ExtensionContext, host: EngineHost): void {
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
        const merge = d.code === 'frontmatter.near-duplicate' && d.data ? mergeAction(host, doc, diag, d.data) : undefined;
        if (merge) actions.push(merge);
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
