/**
 * The Posts view: per site, Drafts, Scheduled (with the time each goes live in the site's time
 * zone), Expired and Published (newest first, by section), with counts; a click opens the post.
 * The engine decides every status (src/core/publishing); this module only lists.
 *
 * Large sites: children are made when a node is expanded, and a long list comes in chunks ("1,800
 * more…" expands to the next ones), so a 10,000-post site never builds 10,000 tree items at once.
 * It refreshes when the index changes (typing in front matter included) and when the next
 * scheduled post goes live.
 */
import * as vscode from 'vscode';
import type { Site } from '../core/service';
import type { PostEntry, PostGroups } from '../core/api';
import type { EngineHost } from './workspace';
import { registerTestCommand } from './testCommands';

export const POSTS_VIEW = 'postcraft.posts';
const CHUNK = 200;

type GroupName = 'drafts' | 'scheduled' | 'expired' | 'published';
const GROUP_LABEL: Record<GroupName, string> = { drafts: 'Drafts', scheduled: 'Scheduled', expired: 'Expired', published: 'Published' };
const GROUP_ICON: Record<GroupName, string> = { drafts: 'edit', scheduled: 'clock', expired: 'history', published: 'globe' };

export type PostsNode =
  | { readonly kind: 'site'; readonly site: Site }
  | { readonly kind: 'group'; readonly site: Site; readonly group: GroupName }
  | { readonly kind: 'section'; readonly site: Site; readonly section: string }
  | { readonly kind: 'more'; readonly site: Site; readonly id: string; readonly items: readonly PostEntry[]; readonly from: number; readonly parent: PostsNode }
  | { readonly kind: 'post'; readonly site: Site; readonly post: PostEntry; readonly parent: PostsNode };

/** The posts of each site, grouped, computed once per refresh. */
class Snapshot {
  private readonly bySite = new Map<Site, PostGroups>();
  constructor(private readonly host: EngineHost) {}
  groups(site: Site): PostGroups {
    let g = this.bySite.get(site);
    if (!g) {
      const engine = this.host.current()!;
      g = engine.publishing.groups(engine.publishing.posts(site));
      this.bySite.set(site, g);
    }
    return g;
  }
}

function listOf(g: PostGroups, group: Exclude<GroupName, 'published'>): PostEntry[] {
  return group === 'drafts' ? g.drafts : group === 'scheduled' ? g.scheduled : g.expired;
}

export class PostsProvider implements vscode.TreeDataProvider<PostsNode> {
  private readonly changed = new vscode.EventEmitter<PostsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: Snapshot;
  /** Nodes are made anew on each expansion; parents are kept for reveal(). */
  private readonly groupNodes = new Map<string, PostsNode>();

  constructor(private readonly host: EngineHost) {
    this.snapshot = new Snapshot(host);
  }

  groupsOf(site: Site): PostGroups {
    return this.snapshot.groups(site);
  }

  refresh(): void {
    this.snapshot = new Snapshot(this.host);
    this.groupNodes.clear();
    this.changed.fire(undefined);
  }

  private groupNode(site: Site, group: GroupName): PostsNode {
    const key = `${site.root}|${group}`;
    let n = this.groupNodes.get(key);
    if (!n) this.groupNodes.set(key, (n = { kind: 'group', site, group }));
    return n;
  }

  /** Posts of a group or section, the first chunk and a "more" node for the rest. */
  private chunk(site: Site, items: readonly PostEntry[], from: number, parent: PostsNode, id: string): PostsNode[] {
    const out: PostsNode[] = items.slice(from, from + CHUNK).map((post) => ({ kind: 'post', site, post, parent }));
    if (items.length > from + CHUNK) out.push({ kind: 'more', site, id: `${id}|${from + CHUNK}`, items, from: from + CHUNK, parent });
    return out;
  }

  getChildren(node?: PostsNode): PostsNode[] {
    const engine = this.host.current();
    if (!engine) return [];
    if (!node) {
      const sites = engine.sites.filter((s) => s.index.pageCount('page') > 0);
      if (sites.length === 1) return this.getChildren({ kind: 'site', site: sites[0] });
      return sites.map((site) => ({ kind: 'site', site }));
    }
    const site = node.site;
    switch (node.kind) {
      case 'site':
        return (['drafts', 'scheduled', 'expired', 'published'] as const).map((g) => this.groupNode(site, g));
      case 'group': {
        const g = this.snapshot.groups(site);
        if (node.group !== 'published') return this.chunk(site, listOf(g, node.group), 0, node, `${site.root}|${node.group}`);
        return [...g.published.keys()].map((section) => ({ kind: 'section', site, section }));
      }
      case 'section':
        return this.chunk(site, this.snapshot.groups(site).published.get(node.section) ?? [], 0, node, `${site.root}|published|${node.section}`);
      case 'more':
        return this.chunk(site, node.items, node.from, node.parent, node.id.replace(/\|\d+$/, ''));
      default:
        return [];
    }
  }

  getParent(node: PostsNode): PostsNode | undefined {
    if (node.kind === 'post' || node.kind === 'more') return node.parent;
    if (node.kind === 'section') return this.groupNode(node.site, 'published');
    if (node.kind === 'group') return (this.host.current()?.sites.filter((s) => s.index.pageCount('page') > 0).length ?? 0) > 1 ? { kind: 'site', site: node.site } : undefined;
    return undefined;
  }

  getTreeItem(node: PostsNode): vscode.TreeItem {
    const engine = this.host.current()!;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'site': {
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(this.host.uriOf(node.site.root)) || node.site.root, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `site|${node.site.root}`;
        item.iconPath = new vscode.ThemeIcon('book');
        return item;
      }
      case 'group': {
        const g = this.snapshot.groups(node.site);
        const n = node.group === 'published' ? g.publishedCount : listOf(g, node.group).length;
        const item = new vscode.TreeItem(GROUP_LABEL[node.group], n === 0 ? vscode.TreeItemCollapsibleState.None : node.group === 'published' ? collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group|${node.site.root}|${node.group}`;
        item.description = String(n);
        item.iconPath = new vscode.ThemeIcon(GROUP_ICON[node.group]);
        item.contextValue = `postcraft.group.${node.group}`;
        return item;
      }
      case 'section': {
        const n = this.snapshot.groups(node.site).published.get(node.section)?.length ?? 0;
        const item = new vscode.TreeItem(node.section || '(site root)', collapsed);
        item.id = `section|${node.site.root}|${node.section}`;
        item.description = String(n);
        item.iconPath = new vscode.ThemeIcon('folder-opened');
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`${(node.items.length - node.from).toLocaleString('en')} more…`, collapsed);
        item.id = `more|${node.id}`;
        return item;
      }
      case 'post':
        return postItem(this.host, engine, node.site, node.post);
    }
  }
}

function shortDate(engine: NonNullable<ReturnType<EngineHost['current']>>, d: PostEntry['date']): string {
  return d ? engine.publishing.rfc3339(d).slice(0, 10) : '';
}

function postItem(host: EngineHost, engine: NonNullable<ReturnType<EngineHost['current']>>, site: Site, post: PostEntry): vscode.TreeItem {
  const uri = host.uriOf(`${site.root}/${post.file}`);
  const item = new vscode.TreeItem(post.title, vscode.TreeItemCollapsibleState.None);
  item.id = `post|${site.root}|${post.file}`;
  item.resourceUri = uri;
  const why = engine.publishing.explain(site, post);
  const live = post.holds.find((h) => h.kind === 'future');
  item.description =
    post.status === 'future' && live
      ? `${engine.publishing.humanDate(engine.publishing.inSiteZone(site, live.date))} · ${engine.publishing.relativeTime(live.date.epoch, Date.now())}`
      : post.status === 'expired' && post.expiryDate
        ? `expired ${shortDate(engine, post.expiryDate)}`
        : post.status === 'published'
          ? shortDate(engine, post.liveAt ?? post.date)
          : why.headline === 'Draft' ? post.file.split('/').pop() : why.headline;
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown(`**${escape(post.title)}**  \n${escape(post.file)} → \`${post.url}\`\n\n`);
  tip.appendMarkdown(why.sentence);
  item.tooltip = tip;
  item.iconPath = new vscode.ThemeIcon(post.status === 'draft' ? 'edit' : post.status === 'future' ? 'clock' : post.status === 'expired' ? 'history' : 'pass', post.willPublish ? undefined : new vscode.ThemeColor('disabledForeground'));
  item.contextValue = `postcraft.post.${post.status}`;
  item.command = { command: 'vscode.open', title: 'Open Post', arguments: [uri] };
  return item;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The next moment a post's status changes by the clock alone (a scheduled post goes live, a post expires). */
function nextChange(provider: PostsProvider, sites: readonly Site[]): number | undefined {
  let next: number | undefined;
  const now = Date.now();
  for (const site of sites) {
    const g = provider.groupsOf(site);
    const times = [g.scheduled[0]?.holds.find((h) => h.kind === 'future')?.date.epoch];
    for (const list of g.published.values()) for (const p of list) times.push(p.expiryDate?.epoch);
    for (const t of times) if (t !== undefined && t > now && (next === undefined || t < next)) next = t;
  }
  return next;
}

/** A tree item's rendered text, recursively (every chunk expanded): for the integration tests. */
async function render(provider: PostsProvider, node?: PostsNode): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const child of provider.getChildren(node)) {
    const item = provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    const entry: Record<string, unknown> = { label, description: item.description, context: item.contextValue, tooltip };
    if (child.kind === 'post') entry.file = child.post.file;
    if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) entry.children = await render(provider, child);
    out.push(entry);
  }
  return out;
}

export function registerPostsView(context: vscode.ExtensionContext, host: EngineHost): PostsProvider {
  const provider = new PostsProvider(host);
  const view = vscode.window.createTreeView(POSTS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let clock: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(debounce);
    // Typing in front matter changes the index on each keystroke: one refresh per pause.
    debounce = setTimeout(() => {
      provider.refresh();
      const engine = host.current();
      void vscode.commands.executeCommand('setContext', 'postcraft.hasSite', !!engine && engine.sites.length > 0);
      if (engine) view.message = undefined;
      clearTimeout(clock);
      // Only a visible view needs to follow the clock (it is refreshed when shown).
      const next = engine && view.visible ? nextChange(provider, engine.sites) : undefined;
      // A timer longer than a day is re-armed by the next refresh anyway.
      if (next !== undefined) clock = setTimeout(refresh, Math.min(Math.max(1000, next - Date.now() + 500), 86_400_000));
    }, 250);
  };
  context.subscriptions.push(
    view,
    host.onDidChange(refresh),
    view.onDidChangeVisibility((e) => e.visible && refresh()),
    { dispose: () => (clearTimeout(debounce), clearTimeout(clock)) },
    vscode.commands.registerCommand('postcraft.posts.refresh', () => provider.refresh()),
    // `{ asShown: true }`: the tree as the view holds it now (no refresh), to see live updates.
    registerTestCommand('postcraft.test.postsTree', async (opts?: { asShown?: boolean }) => {
      await host.get();
      if (!opts?.asShown) provider.refresh();
      return render(provider);
    }),
    // Test-only: shows the view with its groups expanded (the README's screenshot).
    registerTestCommand('postcraft.test.revealPosts', async () => {
      await host.get();
      provider.refresh();
      for (const n of provider.getChildren()) {
        if (n.kind !== 'group' || n.group === 'published') continue;
        await view.reveal(n, { expand: true, focus: false, select: false });
      }
      const published = provider.getChildren().find((n) => n.kind === 'group' && n.group === 'published');
      if (published) {
        await view.reveal(published, { expand: true, focus: false, select: false });
        for (const s of provider.getChildren(published)) await view.reveal(s, { expand: true, focus: false, select: false });
      }
      return view.visible;
    }),
  );
  void host.get().then(refresh, () => undefined);
  return provider;
}
