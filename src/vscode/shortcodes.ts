/**
 * Shortcodes and includes in the editor: completion after `{{<` / `{{%` / `{% include ` (names with
 * their source, parameters, values used on the site, closing tags), a hover on a call's name, and Go
 * to Definition to its template. All answers are the engine's (src/core/shortcodes/), from the one
 * catalogue the checks and `postcraft shortcodes` use.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { hoverTemplate, templateDefinition, type TemplateCompletion } from '../core/api';
import type { Site } from '../core/service';
import { LINK_SELECTOR } from './linkCompletion';
import type { EngineHost } from './workspace';

/** `<` and `%` open a call, space and `"` start a parameter or value, `/` a closing tag. */
const TRIGGERS = ['<', '%', ' ', '"', '/', '='];

const KIND: Record<TemplateCompletion['kind'], vscode.CompletionItemKind> = {
  template: vscode.CompletionItemKind.Function,
  closing: vscode.CompletionItemKind.Keyword,
  param: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
};

function toItem(doc: vscode.TextDocument, c: TemplateCompletion): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
  item.insertText = c.snippet ? new vscode.SnippetString(c.insertText) : c.insertText;
  item.range = new vscode.Range(doc.positionAt(c.range.start), doc.positionAt(c.range.end));
  item.detail = c.detail;
  if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
  item.sortText = c.sortText;
  item.filterText = c.filterText;
  return item;
}

async function siteOf(host: EngineHost, doc: vscode.TextDocument): Promise<Site | undefined> {
  return (await host.siteFileOf(doc))?.site;
}

export function registerShortcodes(context: vscode.ExtensionContext, host: EngineHost): void {
  const completion: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position, token) {
      const placed = await host.siteFileOf(doc);
      if (!placed || token.isCancellationRequested) return undefined;
      const r = await placed.engine.templates.complete(placed.site, placed.file, doc.getText(), doc.offsetAt(position));
      return r.context ? new vscode.CompletionList(r.items.map((c) => toItem(doc, c)), false) : undefined;
    },
  };

  const hovers: vscode.HoverProvider = {
    async provideHover(doc, position) {
      const site = await siteOf(host, doc);
      if (!site) return undefined;
      const h = await hoverTemplate(site, doc.getText(), doc.offsetAt(position), (f) => host.uriOf(posix.join(site.root, f)).toString());
      return h ? new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.range.start), doc.positionAt(h.range.end))) : undefined;
    },
  };

  const definitions: vscode.DefinitionProvider = {
    async provideDefinition(doc, position) {
      const site = await siteOf(host, doc);
      if (!site) return undefined;
      const d = await templateDefinition(site, doc.getText(), doc.offsetAt(position));
      if (!d) return undefined;
      const link: vscode.LocationLink = {
        originSelectionRange: new vscode.Range(doc.positionAt(d.range.start), doc.positionAt(d.range.end)),
        targetUri: host.uriOf(posix.join(site.root, d.file)),
        targetRange: new vscode.Range(0, 0, 0, 0),
      };
      return [link];
    },
  };

  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(LINK_SELECTOR, completion, ...TRIGGERS),
    vscode.languages.registerHoverProvider(LINK_SELECTOR, hovers),
    vscode.languages.registerDefinitionProvider(LINK_SELECTOR, definitions),
  );
}
