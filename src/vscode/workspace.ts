/**
 * Owns the engine inside VS Code: creates it over the workspace folders, and keeps it in step with
 * open documents (unsaved text) and files on disk.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { createPostcraft, type Postcraft, type Site } from '../core/service';
import { nodeFileSystem } from '../node/nodeFs';
import type { LinkSemantics } from '../core/site/model';
import { AnalysisWorker, workerAnalyzer } from '../node/analysisClient';
import { DocumentSync } from './documentSync';
import { clampSetting } from './settingRanges';

export function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown|mdown|mkd|mkdn)$/i.test(doc.uri.path);
}

export class EngineHost implements vscode.Disposable {
  private engine?: Postcraft;
  private loading?: Promise<Postcraft>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the index changed (a document edit, a file event, a reload). */
  readonly onDidChange = this.changed.event;

  /** The worker thread that parses and renders documents off this thread. */
  readonly worker = new AnalysisWorker(path.join(__dirname, 'analysisWorker.js'));
  /** Open documents' unsaved text → the index, analysed on a worker thread. */
  readonly documents: DocumentSync;

  constructor(private readonly log: vscode.OutputChannel) {
    this.documents = new DocumentSync(() => this.engine, this.worker, log, () => this.changed.fire());
  }

  /**
   * Resolves once the index holds the analysis of this document's current text (true), or false
   * when it cannot: features that read a document's analysis await this instead of parsing here.
   */
  async ready(doc: vscode.TextDocument): Promise<boolean> {
    await this.get();
    return this.documents.ready(doc);
  }

  /** The engine, loading it on first use. */
  async get(): Promise<Postcraft> {
    if (this.engine) return this.engine;
    if (!this.loading) this.loading = this.load();
    return this.loading;
  }

  current(): Postcraft | undefined {
    return this.engine;
  }

  private roots(): string[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const roots = folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.path);
    if (roots.length === 0) {
      const ed = vscode.window.activeTextEditor;
      if (ed && ed.document.uri.scheme === 'file') roots.push(ed.document.uri.path.replace(/\/[^/]*$/, ''));
    }
    return roots;
  }

  private async load(): Promise<Postcraft> {
    const cfg = vscode.workspace.getConfiguration('postcraft');
    const sem = cfg.get<string>('links.semantics', 'auto');
    const t0 = Date.now();
    const engine = await createPostcraft({
      fs: nodeFileSystem,
      roots: this.roots(),
      logger: { info: (m) => this.log.appendLine(m), warn: (m) => this.log.appendLine(`warning: ${m}`), error: (m) => this.log.appendLine(`error: ${m}`) },
      // Files changed on disk (a checkout, another editor) are parsed on the worker too.
      analyzer: workerAnalyzer(this.worker),
      settings: { linkSemantics: sem === 'auto' ? undefined : (sem as LinkSemantics), exclude: cfg.get<string[]>('exclude', []), maxBodyBytes: clampSetting('largeFileLimit', cfg.get<number>('largeFileLimit', 500_000), 500_000), linksOverLimit: true, astroRoutes: cfg.get<Record<string, string>>('astro.routes', {}) },
    });
    this.engine = engine;
    // Unsaved edits of open documents win over the files on disk.
    this.documents.reset();
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === 'file' && isMarkdown(doc) && doc.isDirty) this.documents.changed(doc);
    this.log.appendLine(`Indexed ${engine.sites.length} site(s) in ${Date.now() - t0} ms`);
    for (const s of engine.sites) this.log.appendLine(`  ${describeSite(s)} — ${s.root}`);
    this.watch();
    this.changed.fire();
    return engine;
  }

  async reload(): Promise<void> {
    this.engine = undefined;
    this.loading = undefined;
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
    await this.get();
  }

  private watch(): void {
    const w = vscode.workspace.createFileSystemWatcher('**/*');
    const fire = () => this.changed.fire();
    this.disposables.push(
      w,
      w.onDidCreate(async (u) => {
        if (u.scheme !== 'file' || /\/(node_modules|\.git|public|resources)\//.test(u.path)) return;
        await this.engine?.fileCreated(u.path);
        fire();
      }),
      w.onDidChange(async (u) => {
        if (u.scheme !== 'file' || /\/(node_modules|\.git|public|resources)\//.test(u.path)) return;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
        if (open?.isDirty) return;
        await this.engine?.fileChanged(u.path);
        fire();
      }),
      w.onDidDelete((u) => {
        if (u.scheme !== 'file') return;
        this.engine?.fileDeleted(u.path);
        fire();
      }),
      vscode.workspace.onDidRenameFiles(async (e) => {
        for (const f of e.files) await this.engine?.fileRenamed(f.oldUri.path, f.newUri.path);
        fire();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme !== 'file' || !isMarkdown(e.document) || e.contentChanges.length === 0) return;
        // Fires onDidChange itself once the analysis is in the index.
        this.documents.changed(e.document);
      }),
      // Multi-root: a folder added or removed may add or remove sites.
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      // Settings the index is built with: a new index, as after a folder change.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (INDEX_SETTINGS.some((k) => e.affectsConfiguration(k))) void this.reload();
      }),
      vscode.workspace.onDidCloseTextDocument(async (d) => {
        // A closed, unsaved document falls back to what is on disk.
        if (d.uri.scheme === 'file' && isMarkdown(d)) {
          this.documents.closed(d);
          await this.engine?.fileChanged(d.uri.path);
        }
      }),
    );
  }

  siteOf(uri: vscode.Uri): Site | undefined {
    return uri.scheme === 'file' ? this.engine?.siteOf(uri.path) : undefined;
  }

  dispose(): void {
    this.worker.dispose();
    vscode.Disposable.from(...this.disposables.splice(0), this.changed).dispose();
  }
}

/** Settings the index is built with: changing one rebuilds it. */
export const INDEX_SETTINGS = ['postcraft.links.semantics', 'postcraft.exclude', 'postcraft.largeFileLimit', 'postcraft.astro.routes'];

import { generatorName } from '../core/api';

export { generatorName };

export function describeSite(s: Site): string {
  const posts = s.index.pageCount('page');
  return `${generatorName(s.model.summary.generator)} · ${posts} post${posts === 1 ? '' : 's'}`;
}
