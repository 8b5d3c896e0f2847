/**
 * "Why isn't this live?" in the editor: a hover on `draft`, `date`, `publishDate`, `expiryDate` (the
 * keys the site's generator reads) and a CodeLens above the first of them, each saying in one
 * sentence what the generator will do, from src/core/publishing. And Publish / Schedule / Unpublish
 * (palette, CodeLens, the Posts view's context menu): one undoable edit of the post's front matter.
 *
 * Commands (public ids): `postcraft.publish`, `postcraft.schedule`, `postcraft.unpublish`. Each
 * takes a post's URI (or a Posts view node; the active editor when none), and `postcraft.schedule`
 * a time as its second argument (else it asks). They return `{ applied, after, warning, error }`.
 */
import * as vscode from 'vscode';
import type { Postcraft, Site } from '../core/service';
import type { PostEntry, PublishAction } from '../core/api';
import { FRONT_MATTER_SELECTOR, mayHaveFrontMatter } from './frontMatterCompletion';
import { rangeIn } from './linkNavigation';
import type { PostsNode } from './postsView';
import type { EngineHost } from './workspace';

interface Located {
  readonly engine: Postcraft;
  readonly site: Site;
  readonly file: string;
  readonly post: PostEntry;
}

async function locate(host: EngineHost, doc: vscode.TextDocument): Promise<Located | undefined> {
  const at = await host.siteFileOf(doc);
  if (!at) return undefined;
  const { engine, site, file } = at;
  // The index holds this very text (unsaved edits included) once ready.
  await host.ready(doc);
  const post = engine.publishing.postOf(site, file);
  return post ? { engine, site, file, post } : undefined;
}

/** The front-matter fields the generator decides publishing by, in source order. */
function publishingFields(engine: Postcraft, site: Site, text: string) {
  const keys = engine.publishing.keys(site);
  const names = new Set([keys.draftKey, ...keys.dateKeys].map((k) => k.toLowerCase()));
  const fm = engine.discovery.splitFrontMatter(text).frontMatter;
  return (fm?.fields ?? []).filter((f) => names.has(f.key.toLowerCase()));
}

function writerOffset(): number {
  return -new Date().getTimezoneOffset();
}

export interface PublishResult {
  readonly applied: boolean;
  readonly after?: string;
  readonly warning?: string;
  readonly error?: string;
}

function uriOf(host: EngineHost, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  const node = arg as PostsNode | undefined;
  if (node && node.kind === 'post') return host.uriOf(`${node.site.root}/${node.post.file}`);
  return vscode.window.activeTextEditor?.document.uri;
}

async function askTime(engine: Postcraft, site: Site): Promise<Date | undefined> {
  const offset = writerOffset();
  const zone = engine.publishing.timeZone(site);
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setMinutes(0, 0, 0);
  const where = zone ? `the site's time zone, ${zone}` : 'your time zone';
  const text = await vscode.window.showInputBox({
    title: 'Schedule the post',
    prompt: `When it goes live: YYYY-MM-DD HH:MM in ${where}, or with an offset (2027-03-12T09:00:00+01:00).`,
    value: engine.publishing.wallClock(site, tomorrow, offset),
    validateInput: (v) => (engine.publishing.parseWhen(site, v, offset) ? undefined : 'Write a date and time such as 2027-03-12 09:00'),
  });
  return text === undefined ? undefined : engine.publishing.parseWhen(site, text, offset);
}

/** Plans the action on the post's current text and applies it as one edit. */
export async function runPublish(host: EngineHost, arg: unknown, kind: PublishAction['kind'], when?: unknown): Promise<PublishResult | undefined> {
  const uri = uriOf(host, arg);
  if (!uri) return { applied: false, error: 'Open a post first.' };
  const wasOpen = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const wasDirty = !!wasOpen?.isDirty;
  const doc = wasOpen ?? (await vscode.workspace.openTextDocument(uri));
  const at = await locate(host, doc);
  if (!at) return { applied: false, error: `${vscode.workspace.asRelativePath(uri)} is not a post of a site Postcraft knows.` };
  let action: PublishAction;
  if (kind === 'schedule') {
    const time = typeof when === 'string' ? at.engine.publishing.parseWhen(at.site, when, writerOffset()) : when instanceof Date ? when : await askTime(at.engine, at.site);
    if (!time) return typeof when === 'string' ? { applied: false, error: `'${when}' is not a time` } : undefined;
    action = { kind, at: time };
  } else action = { kind };
  const text = doc.getText();
  const plan = at.engine.publishing.plan(at.site, at.file, text, action, writerOffset());
  if (plan.problem) return { applied: false, error: plan.problem };
  if (plan.edits.length === 0) return { applied: false, after: plan.after, warning: plan.warning };
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(doc.uri, rangeIn(text, e.range), e.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  // From the Posts view the post may not be open: keep the file saved as it was (undo still works in its editor).
  if (applied && !wasDirty) await doc.save();
  return { applied, after: plan.after, warning: plan.warning };
}

function tell(r: PublishResult | undefined): void {
  if (!r) return;
  if (r.error) void vscode.window.showWarningMessage(`Postcraft: ${r.error}`);
  else if (r.warning) void vscode.window.showWarningMessage(r.warning);
  else if (r.after) void vscode.window.showInformationMessage(r.after);
}

class PublishingLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  constructor(private readonly host: EngineHost) {}
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('postcraft.publishing', doc.uri).get<boolean>('codeLens', true) || !mayHaveFrontMatter(doc)) return [];
    const at = await locate(this.host, doc);
    if (!at) return [];
    const text = doc.getText();
    const first = publishingFields(at.engine, at.site, text)[0];
    if (!first) return [];
    const range = rangeIn(text, first.keyRange);
    const why = at.engine.publishing.explain(at.site, at.post);
    const lenses = [new vscode.CodeLens(range, { title: why.sentence, command: '' })];
    const arg = [doc.uri];
    if (at.post.status === 'published') lenses.push(new vscode.CodeLens(range, { title: 'Unpublish', command: 'postcraft.unpublish', arguments: arg }));
    else lenses.push(new vscode.CodeLens(range, { title: 'Publish now', command: 'postcraft.publish', arguments: arg }));
    lenses.push(new vscode.CodeLens(range, { title: 'Schedule…', command: 'postcraft.schedule', arguments: arg }));
    return lenses;
  }
}

export function registerPublishing(context: vscode.ExtensionContext, host: EngineHost): void {
  const hover: vscode.HoverProvider = {
    async provideHover(doc, position) {
      if (!mayHaveFrontMatter(doc)) return undefined;
      const at = await locate(host, doc);
      if (!at) return undefined;
      const text = doc.getText();
      const offset = doc.offsetAt(position);
      const field = publishingFields(at.engine, at.site, text).find((f) => offset >= f.keyRange.start && offset <= Math.max(f.keyRange.end, f.valueRange.end));
      const said = field && at.engine.publishing.explainKey(at.site, at.post, field.key);
      if (!field || !said) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(said), rangeIn(text, { start: field.keyRange.start, end: Math.max(field.keyRange.end, field.valueRange.end) }));
    },
  };
  const lenses = new PublishingLenses(host);
  let debounce: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(FRONT_MATTER_SELECTOR, hover),
    vscode.languages.registerCodeLensProvider(FRONT_MATTER_SELECTOR, lenses),
    host.onDidChange(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => lenses.refresh(), 300);
    }),
    { dispose: () => clearTimeout(debounce) },
    vscode.commands.registerCommand('postcraft.publish', async (arg?: unknown) => {
      const r = await runPublish(host, arg, 'publish');
      tell(r);
      return r;
    }),
    vscode.commands.registerCommand('postcraft.schedule', async (arg?: unknown, when?: unknown) => {
      const r = await runPublish(host, arg, 'schedule', when);
      tell(r);
      return r;
    }),
    vscode.commands.registerCommand('postcraft.unpublish', async (arg?: unknown) => {
      const r = await runPublish(host, arg, 'unpublish');
      tell(r);
      return r;
    }),
  );
}
