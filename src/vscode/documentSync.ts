/**
 * Keeps the engine's index in step with open documents' unsaved text without parsing on the
 * extension host's thread: each edit's text goes to the analysis worker, and the answer is
 * installed when it comes back. Features that read a document's analysis first await `ready`, so
 * none of them parses the text itself (which is what used to block typing in large posts).
 */
import * as vscode from 'vscode';
import type { Postcraft } from '../core/service';
import type { DocumentAnalysis, IndexedDocument } from '../core/api';
import type { Elsewhere, Platform } from './platform';

/** What the sync needs of the EngineHost (workspace.ts). */
export interface SyncHost {
  readonly elsewhere: Elsewhere;
  readonly platform: Platform;
  pathOf(uri: vscode.Uri): string | undefined;
}

interface DocState {
  /** The document version whose analysis the index holds. */
  installed: number;
  /** What was installed for it: a file event may have replaced or removed it in the index since. */
  doc?: IndexedDocument;
  running: boolean;
  /** The version whose analysis failed (a stuck worker): not retried until the text changes. */
  failed?: number;
  readonly waiters: (() => void)[];
}

export class DocumentSync {
  private readonly states = new Map<string, DocState>();

  constructor(
    private readonly engine: () => Postcraft | undefined,
    private readonly host: SyncHost,
    private readonly log: vscode.OutputChannel,
    private readonly installed: () => void,
  ) {}

  /** The document's text changed: bring the index up to date in the background. */
  changed(doc: vscode.TextDocument): void {
    const st = this.state(doc);
    if (!st.running) void this.run(doc, st);
  }

  /**
   * Resolves once the index holds the analysis of the document's current text: true then, false
   * when it cannot (no engine yet, analysis failed). Callers skip their work on false rather than
   * parse here.
   */
  async ready(doc: vscode.TextDocument): Promise<boolean> {
    const engine = this.engine();
    if (!engine) return false;
    // A post deleted on disk while open: not a page of the site any more, whatever the editor holds.
    if (this.host.platform.isGone(doc.uri)) return false;
    const path = this.host.pathOf(doc.uri);
    if (path === undefined) return false;
    const st = this.states.get(key(doc));
    if (!st) {
      // Never edited since the index read it from disk (or the engine was created after the edit).
      // The crawl read only its front matter; a small body is parsed here on first use, a large one
      // goes to the worker like an edit.
      if (!doc.isDirty && doc.offsetAt(new vscode.Position(doc.lineCount, 0)) < PARSE_HERE_MAX) return true;
      this.changed(doc);
    } else if (st.installed === doc.version && engine.indexedDocument(path) === st.doc) return true;
    else if (!st.running) {
      if (st.installed === doc.version) st.installed = -1;
      if (st.failed === doc.version) return false;
      this.changed(doc);
    }
    const s = this.state(doc);
    await new Promise<void>((resolve) => s.waiters.push(resolve));
    return s.installed === doc.version;
  }

  /** Something put other text for this document into the index (a whole-site check read the saved file). */
  refresh(doc: vscode.TextDocument): void {
    this.state(doc).installed = -1;
    this.changed(doc);
  }

  /** A new engine read everything from disk: no document's analysis is installed in it. */
  reset(): void {
    for (const st of this.states.values()) st.installed = -1;
  }

  /** A document closed: forget its state (the index falls back to the file on disk elsewhere). */
  closed(doc: vscode.TextDocument): void {
    this.states.delete(key(doc));
  }

  private state(doc: vscode.TextDocument): DocState {
    let st = this.states.get(key(doc));
    if (!st) this.states.set(key(doc), (st = { installed: -1, running: false, waiters: [] }));
    return st;
  }

  private async run(doc: vscode.TextDocument, st: DocState): Promise<void> {
    st.running = true;
    try {
      // Latest text each round: edits made while the worker was busy are coalesced into one request.
      while (!doc.isClosed && st.installed !== doc.version && st.failed !== doc.version) {
        const engine = this.engine();
        if (!engine) break;
        const version = doc.version;
        const text = doc.getText();
        const path = this.host.pathOf(doc.uri);
        if (path === undefined) break;
        const options = engine.analyzeOptions(path);
        let analysis: DocumentAnalysis | undefined;
        if (options) {
          try {
            // undefined: the platform has no worker (the web), the engine parses it now, after a turn.
            analysis = await this.host.elsewhere.analyze(text, options);
          } catch (e) {
            this.log.appendLine(`error: analysing ${path} failed: ${(e as Error).message}`);
            st.failed = version;
            break;
          }
        }
        if (this.engine() !== engine || doc.isClosed || this.host.platform.isGone(doc.uri)) break;
        // To be parsed here, and the text moved on while we waited for a turn: parse the latest instead.
        if (options && !analysis && doc.version !== version) continue;
        // Installed even if the text moved on meanwhile: the index is then only one edit behind.
        st.doc = engine.documentChanged(path, text, analysis);
        if (doc.version === version) st.installed = version;
        this.installed();
      }
    } finally {
      st.running = false;
      for (const w of st.waiters.splice(0)) w();
    }
  }
}

/** Up to this many characters a first parse on this thread takes a few milliseconds. */
const PARSE_HERE_MAX = 50_000;

function key(doc: vscode.TextDocument): string {
  return doc.uri.toString();
}
