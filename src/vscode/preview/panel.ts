/**
 * One preview panel: its webview, the document it shows, debounced re-rendering, and the messages
 * from its page (each checked by parsePageMessage before anything is done with it).
 */
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { parsePageMessage, type PageMessage } from '../../core/render/protocol';
import type { LinkForm, LinkVerdict, RenderedPost } from '../../core/render/types';
import { verdictFor, newRenderMemory } from '../../core/api';
import type { EngineHost } from '../workspace';
import { previewShell } from './html';
import { readSettings, renderDocument, type RenderElsewhere } from './render';
import { makeNonce } from './security';

export const PREVIEW_VIEW_TYPE = 'postcraft.preview';
const DEBOUNCE_MS = 120;

/** What the test command reports: the last state the page acknowledged. */
export interface PreviewTestState {
  readonly file: string;
  readonly title: string;
  readonly bodyHash: string;
  readonly version: number;
  readonly htmlLength: number;
  readonly ids: readonly string[];
  readonly locked: boolean;
  readonly brokenLinks: number;
}

interface Posted {
  readonly version: number;
  readonly file: string;
  readonly post: RenderedPost;
}

export class PreviewPanel implements vscode.Disposable {
  private version = 0;
  private posted?: Posted;
  /** Links and images the shown document's last render asked for (renders run on the worker). */
  private memory = { file: '', memory: newRenderMemory() };
  private acked?: PreviewTestState;
  private timer?: ReturnType<typeof setTimeout>;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  /** Until this time, editor scrolling is ours (from a preview scroll) and is not sent back. */
  suppressEditorScrollUntil = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: EngineHost,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
    private current: vscode.Uri,
    public locked: boolean,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
    );
  }

  private elsewhere(): RenderElsewhere {
    if (this.memory.file !== this.current.toString()) this.memory = { file: this.current.toString(), memory: newRenderMemory() };
    return { worker: this.host.elsewhere, memory: this.memory.memory };
  }

  get resource(): vscode.Uri {
    return this.current;
  }

  /** Builds the page (first show, a reload, or a changed security setting). */
  async load(initialLine = 0): Promise<void> {
    const engine = await this.host.get();
    const roots = this.resourceRoots(engine.sites.map((s) => s.root));
    this.panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    const doc = await vscode.workspace.openTextDocument(this.current);
    const indexed = await this.host.ready(doc);
    const settings = readSettings(this.current);
    const post = await renderDocument(engine, this.host, doc, this.panel.webview, roots, settings, this.elsewhere(), indexed);
    if (this.disposed) return;
    const version = ++this.version;
    this.posted = { version, file: this.file, post };
    this.updateTitle(post);
    this.panel.webview.html = previewShell({
      post,
      file: this.file,
      version,
      scriptUri: this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'media', 'preview.js')).toString(),
      cspSource: this.panel.webview.cspSource,
      nonce: makeNonce(),
      allowHttpsImages: settings.allowHttpsImages,
      scrollSync: settings.scrollSync,
      initialLine,
      locked: this.locked,
    });
  }

  /** The shown document's engine path (its URI's path when the engine does not read it). */
  private get file(): string {
    return this.host.pathOf(this.current) ?? this.current.path;
  }

  private resourceRoots(siteRoots: readonly string[]): vscode.Uri[] {
    const roots = siteRoots.map((r) => this.host.uriOf(r));
    // A post outside every site may still show the images beside it.
    if (!siteRoots.some((r) => this.file.startsWith(r.endsWith('/') ? r : r + '/'))) roots.push(this.current.with({ path: posix.dirname(this.current.path), query: '', fragment: '' }));
    roots.push(vscode.Uri.joinPath(this.extensionUri, 'dist', 'media'));
    return roots;
  }

  /** Shows another document in this panel (following the active editor). */
  show(resource: vscode.Uri): void {
    if (resource.toString() === this.current.toString()) return;
    this.current = resource;
    this.refresh(0);
  }

  /**
   * Re-renders soon; several calls in a burst (typing) cost one render. `postpone: false` (index
   * changes, which arrive with every keystroke too) never delays a render already scheduled.
   */
  refresh(delay = DEBOUNCE_MS, postpone = true): void {
    if (this.disposed) return;
    if (this.timer) {
      if (!postpone) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update().catch((e) => this.log.appendLine(`error: preview update failed: ${(e as Error).stack ?? e}`));
    }, delay);
  }

  private async update(): Promise<void> {
    const engine = await this.host.get();
    const doc = await vscode.workspace.openTextDocument(this.current);
    const indexed = await this.host.ready(doc);
    if (this.disposed) return;
    const roots = this.panel.webview.options.localResourceRoots ?? [];
    const post = await renderDocument(engine, this.host, doc, this.panel.webview, roots, readSettings(this.current), this.elsewhere(), indexed);
    if (this.disposed) return;
    const file = this.file;
    if (this.posted && this.posted.file === file && this.posted.post.hash === post.hash && this.posted.post.title === post.title) return;
    const version = ++this.version;
    this.posted = { version, file, post };
    this.updateTitle(post);
    void this.panel.webview.postMessage({ type: 'update', version, file, title: post.title, headerHtml: post.headerHtml, bodyHtml: post.bodyHtml, lineCount: post.lineCount });
  }

  scrollTo(line: number): void {
    void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  private updateTitle(post: RenderedPost): void {
    const name = post.title || posix.basename(this.current.path);
    this.panel.title = this.locked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    if (this.posted) this.updateTitle(this.posted.post);
    void this.panel.webview.postMessage({ type: 'lock', locked });
  }

  testState(): (PreviewTestState & { readonly html: string }) | undefined {
    const p = this.posted;
    // The HTML posted for the acknowledged version (the web level checks what the sanitiser left).
    return this.acked && p && p.version === this.acked.version ? { ...this.acked, html: p.post.headerHtml + p.post.bodyHtml } : this.acked && { ...this.acked, html: '' };
  }

  private onMessage(raw: unknown): void {
    const m = parsePageMessage(raw);
    if (!m) return; // not one of ours, or malformed: ignore
    void this.handle(m).catch((e) => this.log.appendLine(`error: preview message ${m.type}: ${(e as Error).message}`));
  }

  private async handle(m: PageMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        return;
      case 'rendered': {
        const p = this.posted;
        if (!p || m.version !== p.version) return;
        this.acked = {
          file: p.file,
          title: p.post.title,
          bodyHash: p.post.hash,
          version: p.version,
          htmlLength: p.post.headerHtml.length + p.post.bodyHtml.length,
          ids: m.ids,
          locked: this.locked,
          brokenLinks: p.post.links.filter((l) => l.verdict.broken).length,
        };
        return;
      }
      case 'revealLine': {
        if (!readSettings(this.current).scrollSync) return;
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.current.toString());
        if (!editor) return;
        const line = Math.min(m.line, Math.max(0, editor.document.lineCount - 1));
        this.suppressEditorScrollUntil = Date.now() + 300;
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'openLink':
        return this.openLink(m.href, m.form);
    }
  }

  private async verdict(href: string, form: LinkForm): Promise<LinkVerdict> {
    const shown = this.posted?.post.links.find((l) => l.target === href && l.form === form);
    if (shown) return shown.verdict;
    const engine = await this.host.get();
    const site = engine.siteOf(this.file);
    if (!site) return { kind: /^[a-z][a-z0-9+.-]*:/i.test(href) ? 'external' : 'other' };
    const file = posix.relative(site.root, this.file);
    const ids = new Set(this.posted?.post.headings.map((h) => h.id) ?? []);
    return verdictFor({ site, file, includeDrafts: readSettings(this.current).includeDrafts }, href, form, ids);
  }

  private async openLink(href: string, form: LinkForm): Promise<void> {
    const v = await this.verdict(href, form);
    if (v.broken) {
      void vscode.window.showWarningMessage(`Broken link ${href}: ${v.broken}`);
      return;
    }
    if (v.file) {
      const target = this.host.uriOf(v.file);
      if (!/\.(md|markdown|mdown|mkd|mkdn)$/i.test(v.file)) {
        await vscode.commands.executeCommand('vscode.open', target);
        return;
      }
      const editorColumn = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.current.toString())?.viewColumn;
      const editor = await vscode.window.showTextDocument(target, { viewColumn: editorColumn ?? vscode.ViewColumn.One, preview: false });
      const engine = this.host.current();
      const site = engine?.siteOf(v.file);
      const heading = v.fragment && site ? site.index.document(posix.relative(site.root, v.file))?.body().headings.find((h) => h.id === v.fragment) : undefined;
      if (heading) {
        const pos = new vscode.Position(heading.line, 0);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
      }
      return;
    }
    if (v.kind === 'external' && /^(https?|mailto):/i.test(href)) await vscode.env.openExternal(vscode.Uri.parse(href));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposedEmitter.fire();
    vscode.Disposable.from(...this.disposables.splice(0), this.disposedEmitter).dispose();
    this.panel.dispose();
  }
}
