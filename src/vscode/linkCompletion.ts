/**
 * Link completion in the editor: maps the engine's items (src/core/authoring/completion.ts) to VS
 * Code's. Each item inserts what the generator resolves (not a `.md` path), so the list is marked
 * incomplete: the engine re-ranks on every keystroke with its own fuzzy match.
 */
import * as vscode from 'vscode';
import { completeLinks, type LinkCompletion, type LinkStyleSetting } from '../core/api';
import type { EngineHost } from './workspace';

/** Any scheme: which documents are the engine's is the platform's to say (EngineHost.pathOf). */
export const LINK_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'mdx' }];

/** `(` after `]`, `#` for headings, `"` in shortcodes and href, `/` in paths, space after `post_url`/`]:`. */
const TRIGGERS = ['(', '#', '"', '/', ' '];

const KIND: Record<LinkCompletion['kind'], vscode.CompletionItemKind> = {
  page: vscode.CompletionItemKind.File,
  heading: vscode.CompletionItemKind.Reference,
  file: vscode.CompletionItemKind.File,
};

function toItem(doc: vscode.TextDocument, c: LinkCompletion): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
  item.insertText = c.insertText;
  item.range = new vscode.Range(doc.positionAt(c.range.start), doc.positionAt(c.range.end));
  item.detail = c.detail;
  if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
  item.sortText = c.sortText;
  item.filterText = c.filterText;
  return item;
}

export function linkCompletionOptions(): { style: LinkStyleSetting; includeDrafts: boolean } {
  const cfg = vscode.workspace.getConfiguration('postcraft');
  return { style: cfg.get<LinkStyleSetting>('completion.linkStyle', 'auto'), includeDrafts: cfg.get<boolean>('links.includeDrafts', false) };
}

export function registerLinkCompletion(context: vscode.ExtensionContext, host: EngineHost): void {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, token) {
      const engine = await host.get();
      if (token.isCancellationRequested) return undefined;
      const path = host.pathOf(doc.uri);
      const site = path === undefined ? undefined : engine.siteOf(path);
      if (!site || path === undefined || !(await host.ready(doc)) || token.isCancellationRequested) return undefined;
      const r = completeLinks(site, engine.relative(site, path), doc.getText(), doc.offsetAt(position), linkCompletionOptions());
      return r.context ? new vscode.CompletionList(r.items.map((c) => toItem(doc, c)), true) : undefined;
    },
  };
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(LINK_SELECTOR, provider, ...TRIGGERS));
}
