/**
 * Owns the engine inside VS Code: creates it over the workspace folders, and keeps it in step with
 * open documents (unsaved text) and files on disk.
 */
import * as vscode from 'vscode';
import { createPostcraft, type Postcraft, type Site } from '../core/service';
import type { LinkSemantics } from '../core/site/model';
import { DocumentSync } from './documentSync';
import { clampSetting } from './settingRanges';
import type { Elsewhere, Platform } from './platform';

export function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown|mdown|mkd|mkdn)$/i.test(doc.uri.path);
}

/** A document placed in its site (see EngineHost.siteFileOf). */
export interface SiteFile {
  readonly engine: Postcraft;
  readonly site: Site;
  /** Absolute, as the engine writes paths. */
  readonly path: string;
  /** Relative to the site's root. */
  readonly file: string;
}

export class EngineHost implements vscode.Disposable {
  private engine?: Postcraft;
  private loading?: Promise<Postcraft>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the index changed (a document edit, a file event, a reload). */
  readonly onDidChange = this.changed.event;
  private readonly factsRead = new vscode.EventEmitter<void>();
  /**
   * Fires once the engine has read a changed configuration or template file (a site reloaded, a
   * shortcode's template read again): what every document's check depends on.
   */
  readonly onDidReadSiteFacts = this.factsRead.event;

  /** Where documents are parsed and previews rendered: a worker thread (Node), time slices (web). */
  readonly elsewhere: Elsewhere;
  /** Open documents' unsaved text → the index, analysed elsewhere. */
  readonly documents: DocumentSync;

  constructor(
    private readonly log: vscode.OutputChannel,
    readonly platform: Platform,
  ) {
    this.elsewhere = platform.elsewhere;
    this.documents = new DocumentSync(() => this.engine, this, log, () => this.changed.fire());
  }

  /** The engine path of a URI, or undefined when the engine does not read it (see UriPaths). */
  pathOf(uri: vscode.Uri): string | undefined {
    return this.platform.paths.pathOf(uri);
  }

  uriOf(path: string): vscode.Uri {
    return this.platform.paths.uriOf(path);
  }

  /**
   * Resolves once the index holds the analysis of this document's current text (true), or false
   * when it cannot: features that read a document's analysis await this instead of parsing here.
   */
  async ready(doc: vscode.TextDocument): Promise<boolean> {
    await this.get();
    return this.documents.ready(doc);
  }

  /** The site a document belongs to, with the engine and the document's site-relative path. */
  async siteFileOf(doc: vscode.TextDocument): Promise<SiteFile | undefined> {
    const path = this.pathOf(doc.uri);
    if (path === undefined) return undefined;
    const engine = await this.get();
    const site = engine.siteOf(path);
    return site ? { engine, site, path, file: engine.relative(site, path) } : undefined;
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

  private async load(): Promise<Postcraft> {
    const cfg = vscode.workspace.getConfiguration('postcraft');
    const sem = cfg.get<string>('links.semantics', 'auto');
    const t0 = Date.now();
    const roots = this.platform.paths.roots();
    const engine = await indexing(this.platform, () =>
      createPostcraft({
        fs: this.platform.fs,
        roots,
        logger: { info: (m) => this.log.appendLine(m), warn: (m) => this.log.appendLine(`warning: ${m}`), error: (m) => this.log.appendLine(`error: ${m}`) },
        analyzer: this.platform.analyzer,
        settings: { linkSemantics: sem === 'auto' ? undefined : (sem as LinkSemantics), exclude: cfg.get<string[]>('exclude', []), maxBodyBytes: clampSetting('largeFileLimit', cfg.get<number>('largeFileLimit', 500_000), 500_000), linksOverLimit: true, astroRoutes: cfg.get<Record<string, string>>('astro.routes', {}) },
      }),
    );
    this.engine = engine;
    this.indexMs = Date.now() - t0;
    // Unsaved edits of open documents win over the files on disk.
    this.documents.reset();
    for (const doc of vscode.workspace.textDocuments) if (this.pathOf(doc.uri) !== undefined && isMarkdown(doc) && doc.isDirty) this.documents.changed(doc);
    this.log.appendLine(`Indexed ${engine.sites.length} site(s) in ${this.indexMs} ms`);
    for (const s of engine.sites) this.log.appendLine(`  ${describeSite(s)} — ${s.root}`);
    this.watch();
    this.changed.fire();
    return engine;
  }

  /** How long the last index took (ms), for "Show Site Info" and the tests. */
  indexMs?: number;

  async reload(): Promise<void> {
    this.engine = undefined;
    this.loading = undefined;
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
    await this.get();
  }

  /** Whether the engine reads this file as configuration or as a template content calls. */
  private readsSiteFacts(path: string): boolean {
    const engine = this.engine;
    const site = engine?.siteOf(path);
    return !!engine && !!site && (engine.isConfigFile(path) || site.templates.reads(engine.relative(site, path)));
  }

  private watch(): void {
    const w = vscode.workspace.createFileSystemWatcher('**/*');
    const fire = () => this.changed.fire();
    // Told after the engine has read the file, never before: a check run earlier (another event's
    // fire) would still see the old configuration or template.
    const afterFacts = (facts: boolean) => facts && this.factsRead.fire();
    this.disposables.push(
      w,
      w.onDidCreate(async (u) => {
        const p = this.fileEvent('created', u);
        if (p === undefined || BUILD_OUTPUT.test(p)) return;
        const facts = this.readsSiteFacts(p);
        await this.engine?.fileCreated(p);
        fire();
        afterFacts(facts);
      }),
      w.onDidChange(async (u) => {
        const p = this.fileEvent('changed', u);
        if (p === undefined || BUILD_OUTPUT.test(p)) return;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
        if (open?.isDirty) return;
        const facts = this.readsSiteFacts(p);
        await this.engine?.fileChanged(p);
        fire();
        afterFacts(facts);
      }),
      w.onDidDelete(async (u) => {
        const p = this.fileEvent('deleted', u);
        if (p === undefined) return;
        // Disk events come late and in batches: a file deleted and created again (an image pasted
        // after a removal) may have its deletion arrive after the new file is in the index.
        const engine = this.engine;
        const facts = this.readsSiteFacts(p);
        if (engine && !BUILD_OUTPUT.test(p) && (await engine.fs.stat(p).catch(() => undefined))) await engine.fileCreated(p);
        else engine?.fileDeleted(p);
        fire();
        afterFacts(facts);
      }),
      // Files VS Code itself creates (a paste or drop edit's image, New File): in the index at once,
      // not only when the disk watcher reports them (late, or never on some hosts).
      vscode.workspace.onDidCreateFiles(async (e) => {
        for (const u of e.files) {
          const p = this.fileEvent('created', u);
          if (p !== undefined && !BUILD_OUTPUT.test(p)) await this.engine?.fileCreated(p);
        }
        fire();
      }),
      vscode.workspace.onDidRenameFiles(async (e) => {
        for (const f of e.files) {
          const from = this.fileEvent('deleted', f.oldUri);
          const to = this.fileEvent('created', f.newUri);
          if (from !== undefined && to !== undefined) await this.engine?.fileRenamed(from, to);
        }
        fire();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.pathOf(e.document.uri) === undefined || !isMarkdown(e.document) || e.contentChanges.length === 0) return;
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
        const p = this.pathOf(d.uri);
        if (p !== undefined && isMarkdown(d)) {
          this.documents.closed(d);
          await this.engine?.fileChanged(p);
        }
      }),
    );
  }

  /** Tells the platform first (its caches), then returns the engine path of the file, if it has one. */
  private fileEvent(kind: 'created' | 'changed' | 'deleted', uri: vscode.Uri): string | undefined {
    this.platform.fileEvent?.(kind, uri);
    return this.pathOf(uri);
  }

  siteOf(uri: vscode.Uri): Site | undefined {
    const p = this.pathOf(uri);
    return p === undefined ? undefined : this.engine?.siteOf(p);
  }

  dispose(): void {
    this.platform.dispose();
    vscode.Disposable.from(...this.disposables.splice(0), this.changed, this.factsRead).dispose();
  }
}

/** Folders of build output and dependencies: their file events never concern the index. */
const BUILD_OUTPUT = /\/(node_modules|\.git|public|resources)\//;

/**
 * Runs the cold index with a spinner in the status bar and, where the platform counts its reads
 * (the web, where each is a request), how many files it has read so far.
 */
async function indexing<T>(platform: Platform, run: () => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Postcraft' }, async (progress) => {
    progress.report({ message: 'indexing…' });
    const timer = platform.requests ? setInterval(() => progress.report({ message: `indexing… ${platform.requests!().reads} files read` }), 250) : undefined;
    try {
      return await run();
    } finally {
      clearInterval(timer);
    }
  });
}

/** Settings the index is built with: changing one rebuilds it. */
export const INDEX_SETTINGS = ['postcraft.links.semantics', 'postcraft.exclude', 'postcraft.largeFileLimit', 'postcraft.astro.routes'];

import { generatorName } from '../core/api';

export { generatorName };

export function describeSite(s: Site): string {
  const posts = s.index.pageCount('page');
  return `${generatorName(s.model.summary.generator)} · ${posts} post${posts === 1 ? '' : 's'}`;
}
