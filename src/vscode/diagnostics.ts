/**
 * The 'postcraft' diagnostic collection: every engine diagnostic (links, front matter, …) for open
 * Markdown documents, re-checked shortly after the last keystroke, and for linkers of a post that is
 * created, deleted or renamed. The code-action provider and the check-all command share it.
 */
import * as vscode from 'vscode';
import { posix } from 'node:path';
import type { PostcraftDiagnostic } from '../core/diagnostics';
import type { Postcraft, Site } from '../core/service';
import { linkGraph, setLinkOptions, keysForFile, CONTENT_KEY } from '../core/api';
import { INDEX_SETTINGS, isMarkdown, type EngineHost } from './workspace';
import { registerCodeActions } from './codeActions';
import { registerCheckAllLinks } from './checkAllLinks';
import { clampSetting } from './settingRanges';

type Level = 'error' | 'warning' | 'info' | 'hint' | 'ignore';

const LEVELS: Record<Exclude<Level, 'ignore'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('postcraft');
  /** The engine's diagnostics behind what is shown, per URI, for quick fixes. */
  private readonly shown = new Map<string, PostcraftDiagnostic[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private pendingKeys: { root: string; keys: string[] }[] = [];
  private created: string[] = [];
  private fileEventTimer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly host: EngineHost,
    private readonly log: vscode.OutputChannel,
  ) {}

  start(): void {
    const w = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.collection,
      w,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document, this.debounce());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // The engine falls back to the file on disk; so do the diagnostics.
        const p = this.host.pathOf(d.uri);
        if (isMarkdown(d) && p !== undefined) setTimeout(() => void this.checkFromDisk(p), 300);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Index settings rebuild the engine (workspace.ts); get() then waits for the new one.
        if (['postcraft.links', 'postcraft.diagnostics', ...INDEX_SETTINGS].some((k) => e.affectsConfiguration(k))) {
          void this.host.get().then((engine) => {
            this.applyOptions(engine);
            this.recheckAll();
          });
        }
      }),
      // A page that loops over the site's posts (Jekyll's site.tags) follows what the posts say.
      vscode.workspace.onDidSaveTextDocument((d) => this.contentSaved(d)),
      w.onDidCreate((u) => this.fileEvent(u, 'created')),
      w.onDidDelete((u) => this.fileEvent(u, 'deleted')),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.fileEvent(f.oldUri, 'deleted');
          this.fileEvent(f.newUri, 'created');
        }
      }),
      this.host.onDidChange(() => this.flushFileEvents()),
      // A configuration or template file the engine has now read: every check may change.
      this.host.onDidReadSiteFacts(() => this.recheckAll()),
    );
    void this.host.get().then((engine) => {
      this.applyOptions(engine);
      for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
    });
  }

  private debounce(): number {
    return clampSetting('diagnostics.debounce', vscode.workspace.getConfiguration('postcraft').get<number>('diagnostics.debounce', 200), 200);
  }

  applyOptions(engine: Postcraft): void {
    const cfg = vscode.workspace.getConfiguration('postcraft');
    setLinkOptions(engine, {
      includeDrafts: cfg.get<boolean>('links.includeDrafts', false),
      ignore: cfg.get<string[]>('links.ignore', []),
      ignoreFiles: cfg.get<string[]>('links.ignoreFiles', []),
    });
  }

  schedule(doc: vscode.TextDocument, delay: number): void {
    if (this.host.pathOf(doc.uri) === undefined || !isMarkdown(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.checkOpen(doc);
      }, delay),
    );
  }

  private async checkOpen(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const engine = await this.host.get();
    // Never parse here: wait for the worker's analysis of this text (a stuck analysis keeps the
    // diagnostics shown before).
    if (!(await this.host.ready(doc)) || doc.isClosed) return;
    const path = this.host.pathOf(doc.uri);
    if (path === undefined) return;
    const version = doc.version;
    const text = doc.getText();
    try {
      const diags = await engine.checkDocument(path, text);
      // Deleted on disk meanwhile: its diagnostics were cleared with the delete event; keep them so.
      if (doc.version !== version || doc.isClosed || this.host.platform.isGone(doc.uri)) return;
      this.set(doc.uri, diags);
    } catch (e) {
      this.log.appendLine(`error: checking ${path} failed: ${(e as Error).stack ?? e}`);
    }
  }

  private async checkFromDisk(absPath: string): Promise<void> {
    const uri = this.host.uriOf(absPath);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const engine = await this.host.get();
    const text = await engine.readText(absPath);
    if (text === undefined) {
      this.set(uri, []);
      return;
    }
    const diags = await engine.checkDocument(absPath, text);
    // Deleted while it was being checked: the delete event cleared its diagnostics; keep them so.
    if (this.host.platform.isGone(uri)) return;
    this.set(uri, diags);
  }

  /** Shows the engine's diagnostics for one file, applying the severity settings. */
  set(uri: vscode.Uri, diags: readonly PostcraftDiagnostic[]): void {
    const levels = vscode.workspace.getConfiguration('postcraft').get<Record<string, Level>>('diagnostics.severity', {});
    const kept: PostcraftDiagnostic[] = [];
    const out: vscode.Diagnostic[] = [];
    for (const d of diags) {
      const level: Level = levels[d.code] ?? d.severity;
      if (level === 'ignore') continue;
      const v = new vscode.Diagnostic(new vscode.Range(d.start.line, d.start.character, d.end.line, d.end.character), d.message, LEVELS[level] ?? vscode.DiagnosticSeverity.Warning);
      v.source = 'postcraft';
      v.code = d.code;
      out.push(v);
      kept.push(d);
    }
    this.shown.set(uri.toString(), kept);
    this.collection.set(uri, out);
  }

  /** The engine diagnostic shown at this range with this code, if any. */
  find(uri: vscode.Uri, range: vscode.Range, code: string): PostcraftDiagnostic | undefined {
    return this.shown.get(uri.toString())?.find((d) => d.code === code && d.start.line === range.start.line && d.start.character === range.start.character && d.end.line === range.end.line && d.end.character === range.end.character);
  }

  /** Re-checks open documents and every file that currently shows diagnostics. */
  recheckAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
    for (const key of this.shown.keys()) {
      const path = this.host.pathOf(vscode.Uri.parse(key));
      if (path !== undefined && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) void this.checkFromDisk(path);
    }
  }

  // -------------------------------------------------------------- files appearing and vanishing

  private fileEvent(uri: vscode.Uri, kind: 'created' | 'deleted'): void {
    const path = this.host.pathOf(uri);
    if (path === undefined || /\/(node_modules|\.git|public|resources)\//.test(path)) return;
    const engine = this.host.current();
    const site = engine?.siteOf(path);
    if (!engine || !site) return;
    const rel = engine.relative(site, path);
    if (kind === 'deleted') {
      this.pendingKeys.push({ root: site.root, keys: [...keysForFile(rel, []), ...staticKeys(site, rel), ...(site.index.document(rel) ? [CONTENT_KEY] : [])] });
      this.shown.delete(uri.toString());
      this.collection.delete(uri);
      linkGraph(site).forget(rel);
    } else this.created.push(path);
    clearTimeout(this.fileEventTimer);
    // The engine updates its index on the same events; re-check once it has (onDidChange) or soon.
    this.fileEventTimer = setTimeout(() => this.flushFileEvents(), 400);
  }

  private contentSaved(d: vscode.TextDocument): void {
    const path = this.host.pathOf(d.uri);
    const engine = this.host.current();
    const site = path !== undefined ? engine?.siteOf(path) : undefined;
    if (!engine || !site || path === undefined || !site.index.document(engine.relative(site, path))) return;
    this.pendingKeys.push({ root: site.root, keys: [CONTENT_KEY] });
    clearTimeout(this.fileEventTimer);
    this.fileEventTimer = setTimeout(() => this.flushFileEvents(), 400);
  }

  private flushFileEvents(): void {
    const engine = this.host.current();
    if (!engine || (this.pendingKeys.length === 0 && this.created.length === 0)) return;
    const work = new Map<Site, Set<string>>();
    const add = (site: Site, keys: string[]) => {
      let s = work.get(site);
      if (!s) work.set(site, (s = new Set()));
      for (const k of keys) s.add(k);
    };
    for (const p of this.pendingKeys.splice(0)) {
      const site = engine.sites.find((s) => s.root === p.root);
      if (site) add(site, p.keys);
    }
    for (const abs of this.created.splice(0)) {
      const site = engine.siteOf(abs);
      if (!site) continue;
      const rel = engine.relative(site, abs);
      add(site, [...keysForFile(rel, site.index.pagesOfFile(rel).flatMap((p) => [p.url, ...p.aliases])), ...staticKeys(site, rel), ...(site.index.document(rel) ? [CONTENT_KEY] : [])]);
      // A new post is checked too, so its own broken links show without opening it.
      if (site.index.document(rel)) void this.checkFromDisk(abs);
    }
    const open = new Set(vscode.workspace.textDocuments.map((d) => this.host.pathOf(d.uri)));
    for (const [site, keys] of work) {
      for (const f of linkGraph(site).dependents([...keys])) {
        const abs = posix.join(site.root, f);
        const doc = vscode.workspace.textDocuments.find((d) => this.host.pathOf(d.uri) === abs);
        if (doc) this.schedule(doc, 0);
        else void this.checkFromDisk(abs);
      }
    }
    for (const d of vscode.workspace.textDocuments) if (open.has(this.host.pathOf(d.uri))) this.schedule(d, 50);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    clearTimeout(this.fileEventTimer);
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }
}

/** A static file is linked by its URL, not its path. */
function staticKeys(site: Site, rel: string): string[] {
  for (const s of site.model.staticDirs) if (rel.startsWith(s.dir + '/')) return ['url:' + s.urlPrefix + '/' + rel.slice(s.dir.length + 1)];
  return [];
}

let current: DiagnosticsController | undefined;

/** The running controller (for tests and other features that want to re-check). */
export function diagnosticsController(): DiagnosticsController | undefined {
  return current;
}

export function registerDiagnostics(context: vscode.ExtensionContext, host: EngineHost, log: vscode.OutputChannel): void {
  const controller = new DiagnosticsController(host, log);
  current = controller;
  context.subscriptions.push(controller);
  controller.start();
  registerCodeActions(context, controller);
  registerCheckAllLinks(context, controller, log);
}
