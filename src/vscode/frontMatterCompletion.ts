/** Front-matter completion in the editor: maps the engine's items (src/core/frontmatter/completion.ts) to VS Code's. */
import * as vscode from 'vscode';
import { completeFrontMatterList, type FrontMatterCompletion } from '../core/api';
import type { EngineHost } from './workspace';

/** Front matter can only start with one of these (after an optional BOM). */
export function mayHaveFrontMatter(doc: vscode.TextDocument): boolean {
  const head = doc.getText(new vscode.Range(0, 0, 0, 4)).replace(/^\uFEFF/, '');
  return head.startsWith('---') || head.startsWith('+++') || head.startsWith('{');
}

/** Any scheme: which documents are the engine's is the platform's to say (EngineHost.pathOf). */
export const FRONT_MATTER_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'mdx' }];

/** `[`, `,`, quotes, `-` (block lists) and space (after `key:`) open value completion as the author types. */
export const TRIGGER_CHARACTERS = ['[', ',', '"', "'", '-', ' ', ':', '='];

const KIND: Record<FrontMatterCompletion['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  author: vscode.CompletionItemKind.User,
  keyword: vscode.CompletionItemKind.Keyword,
  date: vscode.CompletionItemKind.Constant,
};

/** Documentation is built when the editor resolves an item (the selected one), not for the whole list. */
const pending = new WeakMap<vscode.CompletionItem, FrontMatterCompletion>();

function toItem(doc: vscode.TextDocument, c: FrontMatterCompletion): vscode.CompletionItem {
  const item = new vscode.CompletionItem(c.label, KIND[c.kind]);
  item.insertText = c.snippet ? new vscode.SnippetString(c.insertText) : c.insertText;
  item.range = new vscode.Range(doc.positionAt(c.range.start), doc.positionAt(c.range.end));
  item.detail = c.detail;
  pending.set(item, c);
  item.sortText = c.sortText;
  item.filterText = c.filterText;
  if (c.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
  return item;
}

export function registerFrontMatterCompletion(context: vscode.ExtensionContext, host: EngineHost): void {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, token) {
      if (!mayHaveFrontMatter(doc)) return undefined;
      const engine = await host.get();
      if (token.isCancellationRequested) return undefined;
      const path = host.pathOf(doc.uri);
      const site = path === undefined ? undefined : engine.siteOf(path);
      if (!site || path === undefined) return undefined;
      const r = completeFrontMatterList(site, engine.relative(site, path), doc.getText(), doc.offsetAt(position), { now: engine.clock.now() });
      return r.items.length ? new vscode.CompletionList(r.items.map((c) => toItem(doc, c)), r.incomplete) : undefined;
    },
    resolveCompletionItem(item) {
      const md = pending.get(item)?.documentation;
      if (md) item.documentation = new vscode.MarkdownString(md);
      return item;
    },
  };
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(FRONT_MATTER_SELECTOR, provider, ...TRIGGER_CHARACTERS));
}
