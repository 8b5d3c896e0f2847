/**
 * The Taxonomies view: every taxonomy of the site with its values, most used first, with counts;
 * a value expands to its posts. Rename… and Merge into… on a value (taxonomyRename.ts).
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Site } from '../core/service';
import { postTitleOf, taxonomyFields, taxonomyValues, type TaxonomyField } from '../core/api';
import type { EngineHost } from './workspace';
import { registerTestCommand } from './testCommands';

export const TAXONOMIES_VIEW = 'postcraft.taxonomies';
const CHUNK = 300;

type TaxNode =
  | { readonly kind: 'site'; readonly site: Site }
  | { readonly kind: 'field'; readonly site: Site; readonly field: TaxonomyField }
  | { readonly kind: 'more'; readonly site: Site; readonly field: TaxonomyField; readonly from: number }
  | { readonly kind: 'term'; readonly site: Site; readonly field: TaxonomyField; readonly value: string; readonly count: number; readonly files: readonly string[] }
  | { readonly kind: 'post'; readonly site: Site; readonly file: string; readonly parent: string };

class TaxonomiesProvider implements vscode.TreeDataProvider<TaxNode> {
  private readonly changed = new vscode.EventEmitter<TaxNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  constructor(private readonly host: EngineHost) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  private terms(site: Site, field: TaxonomyField, from: number): TaxNode[] {
    const values = taxonomyValues(site, field).filter((v) => v.count > 0);
    const out: TaxNode[] = values.slice(from, from + CHUNK).map((v) => ({ kind: 'term', site, field, value: v.value, count: v.count, files: v.files }));
    if (values.length > from + CHUNK) out.push({ kind: 'more', site, field, from: from + CHUNK });
    return out;
  }

  getChildren(node?: TaxNode): TaxNode[] {
    const engine = this.host.current();
    if (!engine) return [];
    if (!node) {
      const sites = engine.sites.filter((s) => taxonomyFields(s).length > 0);
      if (sites.length === 1) return this.getChildren({ kind: 'site', site: sites[0] });
      return sites.map((site) => ({ kind: 'site', site }));
    }
    if (node.kind === 'site') return taxonomyFields(node.site).map((field) => ({ kind: 'field', site: node.site, field }));
    if (node.kind === 'field') return this.terms(node.site, node.field, 0);
    if (node.kind === 'more') return this.terms(node.site, node.field, node.from);
    if (node.kind === 'term') return node.files.map((file) => ({ kind: 'post', site: node.site, file, parent: `${node.field.field}|${node.value}` }));
    return [];
  }

  getTreeItem(node: TaxNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'site':
        return Object.assign(new vscode.TreeItem(vscode.workspace.asRelativePath(this.host.uriOf(node.site.root)) || node.site.root, vscode.TreeItemCollapsibleState.Expanded), { id: `site|${node.site.root}` });
      case 'field': {
        const n = taxonomyValues(node.site, node.field).filter((v) => v.count > 0).length;
        const item = new vscode.TreeItem(node.field.field, n ? collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `field|${node.site.root}|${node.field.field}`;
        item.description = `${n} value${n === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(node.field.isAuthor ? 'person' : 'tag');
        return item;
      }
      case 'more':
        return Object.assign(new vscode.TreeItem('more…', collapsed), { id: `more|${node.site.root}|${node.field.field}|${node.from}` });
      case 'term': {
        const item = new vscode.TreeItem(node.value, collapsed);
        item.id = `term|${node.site.root}|${node.field.field}|${node.value}`;
        item.description = `${node.count} post${node.count === 1 ? '' : 's'}`;
        item.contextValue = 'postcraft.term';
        item.tooltip = `${node.field.singular} '${node.value}': ${node.count} post${node.count === 1 ? '' : 's'}. Rename… or Merge into… from the context menu.`;
        return item;
      }
      case 'post': {
        const uri = this.host.uriOf(posix.join(node.site.root, node.file));
        const item = new vscode.TreeItem(postTitleOf(node.site, node.file), vscode.TreeItemCollapsibleState.None);
        item.id = `post|${node.site.root}|${node.parent}|${node.file}`;
        item.resourceUri = uri;
        item.description = node.file;
        item.command = { command: 'vscode.open', title: 'Open Post', arguments: [uri] };
        return item;
      }
    }
  }
}

export function registerTaxonomiesView(context: vscode.ExtensionContext, host: EngineHost): void {
  const provider = new TaxonomiesProvider(host);
  const view = vscode.window.createTreeView(TAXONOMIES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let debounce: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    view,
    host.onDidChange(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => view.visible && provider.refresh(), 400);
    }),
    view.onDidChangeVisibility((e) => e.visible && provider.refresh()),
    { dispose: () => clearTimeout(debounce) },
    registerTestCommand('postcraft.test.taxonomyTree', async () => {
      await host.get();
      return provider.getChildren().map((f) => ({ label: f.kind === 'field' ? f.field.field : f.kind, values: provider.getChildren(f).map((t) => (t.kind === 'term' ? { value: t.value, count: t.count } : t.kind)) }));
    }),
  );
}
