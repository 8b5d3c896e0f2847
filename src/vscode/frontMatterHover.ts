/** Hover on a tag, category or author in front matter: maps src/core/frontmatter/hover.ts to VS Code. */
import * as vscode from 'vscode';
import { hoverFrontMatter } from '../core/api';
import { FRONT_MATTER_SELECTOR, mayHaveFrontMatter } from './frontMatterCompletion';
import type { EngineHost } from './workspace';

export function registerFrontMatterHover(context: vscode.ExtensionContext, host: EngineHost): void {
  const provider: vscode.HoverProvider = {
    async provideHover(doc, position) {
      if (!mayHaveFrontMatter(doc)) return undefined;
      const engine = await host.get();
      const path = host.pathOf(doc.uri);
      const site = path === undefined ? undefined : engine.siteOf(path);
      if (!site || path === undefined) return undefined;
      const h = hoverFrontMatter(site, engine.relative(site, path), doc.getText(), doc.offsetAt(position));
      if (!h) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.range.start), doc.positionAt(h.range.end)));
    },
  };
  context.subscriptions.push(vscode.languages.registerHoverProvider(FRONT_MATTER_SELECTOR, provider));
}
