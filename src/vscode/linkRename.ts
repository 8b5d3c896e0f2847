/**
 * Keeping links correct as the site changes, in the editor:
 * - moving or renaming a post (explorer, `workspace.applyEdit`) offers to update every inbound
 *   link and, for Hugo, to keep the old URL as an alias — one workspace edit, applied with the
 *   rename (so one undo);
 * - a `slug:`/`url:` edit gets a code action "Update N links to the new URL";
 * - renaming a heading updates the `#fragment` links to it.
 * The edits are computed by the engine (src/core/authoring/relink.ts, headingRename.ts).
 *
 * Settings (read with defaults, see the report for package.json): `postcraft.links.updateOnMove`
 * = prompt | always | never, `postcraft.links.aliasOnMove` = prompt | always | never. The command
 * `postcraft.test.renamePlan` answers the prompt for tests and returns the last plan.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Postcraft, Site } from '../core/service';
import { planPostMove, planUrlChange, type FileTextEdit, type RelinkPlan, headingAt, planHeadingRename, splitFrontMatter } from '../core/api';
import { LINK_SELECTOR } from './linkCompletion';
import { openDocument, rangeIn } from './linkNavigation';
import type { EngineHost } from './workspace';
import { registerTestCommand } from './testCommands';

type Choice = 'prompt' | 'always' | 'never';
interface Answers {
  readonly update: boolean;
  readonly alias: boolean;
}

/** Set by the test command: answers instead of a modal prompt. */
let testAnswers: Answers | undefined;
let lastPlan: { from: string; to: string; plan: RelinkPlan; applied: Answers } | undefined;

async function textOf(host: EngineHost, engine: Postcraft, abs: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => host.pathOf(d.uri) === abs);
  return open ? open.getText() : engine.readText(abs);
}

/** Adds core edits (offsets) to a workspace edit, converting them with each file's current text. */
export async function addEdits(host: EngineHost, engine: Postcraft, site: Site, edit: vscode.WorkspaceEdit, edits: readonly FileTextEdit[]): Promise<void> {
  const byFile = new Map<string, FileTextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const abs = posix.join(site.root, file);
    const text = await textOf(host, engine, abs);
    if (text === undefined) continue;
    for (const e of list) edit.replace(host.uriOf(abs), rangeIn(text, e.range), e.newText);
  }
}

async function decide(plan: RelinkPlan, hugo: boolean, title: string): Promise<Answers> {
  if (testAnswers) return testAnswers;
  const cfg = vscode.workspace.getConfiguration('postcraft.links');
  const update = cfg.get<Choice>('updateOnMove', 'prompt');
  const alias = hugo && plan.aliasEdit ? cfg.get<Choice>('aliasOnMove', 'prompt') : 'never';
  if (update !== 'prompt' && alias !== 'prompt') return { update: update === 'always', alias: alias === 'always' };
  const inbound = plan.edits.filter((e) => plan.linkers.includes(e.file)).length;
  // The moved post's own relative links count too: they break when its URL moves.
  const n = plan.edits.length;
  const UPDATE = `Update ${n} Link${n === 1 ? '' : 's'}`;
  const BOTH = `${UPDATE} and Add Alias`;
  const ALIAS = 'Only Add Alias';
  const buttons = [...(n ? [UPDATE] : []), ...(alias !== 'never' && n ? [BOTH] : []), ...(alias !== 'never' ? [ALIAS] : [])];
  if (buttons.length === 0) return { update: false, alias: false };
  const pick = await vscode.window.showInformationMessage(
    `"${title}" moves from ${plan.oldUrl} to ${plan.newUrl}. ${inbound} link${inbound === 1 ? '' : 's'} in ${plan.linkers.length} post${plan.linkers.length === 1 ? '' : 's'} point${inbound === 1 ? 's' : ''} to the old URL${n > inbound ? `, and ${n - inbound} relative link${n - inbound === 1 ? '' : 's'} in the post itself must change` : ''}.`,
    { modal: true, detail: 'Updating rewrites each link in the form it is written in. An alias keeps the old URL working (Hugo publishes a redirect page).' },
    ...buttons,
  );
  return { update: pick === UPDATE || pick === BOTH || (update === 'always' && pick !== undefined), alias: pick === BOTH || pick === ALIAS || (alias === 'always' && pick !== undefined) };
}

/**
 * Moves whose link edits the edit that makes them already holds ("convert to a page bundle"): the
 * rename participant leaves them alone instead of asking again. `old→new` URI → when it was planned.
 * Planned when the paste widget is filled, applied only if the writer picks it: the mark expires soon,
 * so a later rename of the same file by hand is asked about as usual.
 */
const movesWithEdits = new Map<string, number>();
const MOVE_PLAN_TTL_MS = 60_000;

export function movePlannedWithEdits(oldUri: vscode.Uri, newUri: vscode.Uri): void {
  movesWithEdits.set(`${oldUri.toString()}\u2192${newUri.toString()}`, Date.now());
}

function takePlannedMove(oldUri: vscode.Uri, newUri: vscode.Uri): boolean {
  const key = `${oldUri.toString()}\u2192${newUri.toString()}`;
  const at = movesWithEdits.get(key);
  movesWithEdits.delete(key);
  return at !== undefined && Date.now() - at < MOVE_PLAN_TTL_MS;
}

async function editForMoves(host: EngineHost, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit | undefined> {
  const engine = await host.get();
  const edit = new vscode.WorkspaceEdit();
  let any = false;
  for (const f of files) {
    if (takePlannedMove(f.oldUri, f.newUri)) continue;
    const oldPath = host.pathOf(f.oldUri);
    const newPath = host.pathOf(f.newUri);
    if (oldPath === undefined || newPath === undefined) continue;
    const site = engine.siteOf(oldPath);
    if (!site || engine.siteOf(newPath) !== site) continue;
    const from = engine.relative(site, oldPath);
    const to = engine.relative(site, newPath);
    const post = site.index.document(from) ?? site.index.document(from + '/index.md') ?? site.index.document(from + '/_index.md');
    const postText = post ? await textOf(host, engine, posix.join(site.root, post.file)) : undefined;
    const plan = planPostMove(site, from, to, { now: engine.clock.now(), text: postText });
    if (plan.edits.length === 0 && !plan.aliasEdit) continue;
    const title = post?.pages[0]?.title ?? posix.basename(from);
    const answers = await decide(plan, site.model.authoring.aliasesOnMove, title);
    lastPlan = { from, to, plan, applied: answers };
    // Links inside the moved post itself keep working only when rewritten, so they go with "update".
    if (answers.update) await addEdits(host, engine, site, edit, plan.edits);
    const aliases = plan.aliasEdits ?? (plan.aliasEdit ? [plan.aliasEdit] : []);
    if (answers.alias) await addEdits(host, engine, site, edit, aliases);
    any ||= (answers.update && plan.edits.length > 0) || (answers.alias && aliases.length > 0);
  }
  return any ? edit : undefined;
}

/** The URL a document published when the editor first saw it: a `slug:`/`url:` edit is measured from it. */
const baselines = new Map<string, string>();

async function baselineUrl(engine: Postcraft, site: Site, file: string, uri: vscode.Uri): Promise<string | undefined> {
  const key = uri.toString();
  const known = baselines.get(key);
  if (known) return known;
  const disk = await engine.readText(posix.join(site.root, file));
  if (disk === undefined) return undefined;
  const data = splitFrontMatter(disk).frontMatter?.data ?? {};
  const url = site.model.pagesFor(file, data, site.index.lookup, engine.clock.now())[0]?.url;
  if (url) baselines.set(key, url);
  return url;
}

const URL_KEYS = new Set(['slug', 'url', 'permalink']);

class UrlChangeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  constructor(private readonly host: EngineHost) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const o = await openDocument(this.host, document);
    const fm = o?.doc.frontMatter;
    if (!o || !fm) return [];
    const at = document.offsetAt(range.start);
    const field = fm.fields.find((f) => URL_KEYS.has(f.key) && at >= f.keyRange.start && at <= Math.max(f.valueRange.end, f.keyRange.end));
    if (!field) return [];
    const oldUrl = await baselineUrl(o.engine, o.site, o.file, document.uri);
    const newUrl = o.doc.pages[0]?.url;
    if (!oldUrl || !newUrl || oldUrl === newUrl) return [];
    const plan = planUrlChange(o.site, o.file, oldUrl, newUrl, document.getText());
    const n = plan.edits.length;
    const out: vscode.CodeAction[] = [];
    const make = async (title: string, withAlias: boolean) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      await addEdits(this.host, o.engine, o.site, a.edit, [...plan.edits, ...(withAlias && plan.aliasEdit ? [plan.aliasEdit] : [])]);
      a.command = { command: BASELINE_COMMAND, title: 'Remember the new URL', arguments: [document.uri.toString(), newUrl] };
      out.push(a);
    };
    if (n) await make(`Update ${n} link${n === 1 ? '' : 's'} to the new URL`, false);
    if (plan.aliasEdit) await make(n ? `Update ${n} link${n === 1 ? '' : 's'} and keep ${oldUrl} as an alias` : `Keep ${oldUrl} as an alias`, true);
    return out;
  }
}

const BASELINE_COMMAND = 'postcraft.links.rememberUrl';

export function registerLinkRename(context: vscode.ExtensionContext, host: EngineHost): void {
  const headings: vscode.RenameProvider = {
    async prepareRename(document, position) {
      const o = await openDocument(host, document);
      const h = o && headingAt(o.site, o.file, document.getText(), document.offsetAt(position));
      if (!h) throw new Error('Rename a heading: place the cursor on its text.');
      return { range: new vscode.Range(document.positionAt(h.range.start), document.positionAt(h.range.end)), placeholder: h.text };
    },
    async provideRenameEdits(document, position, newName) {
      const o = await openDocument(host, document);
      if (!o) return undefined;
      const plan = planHeadingRename(o.site, o.file, document.getText(), document.offsetAt(position), newName);
      if (!plan) return undefined;
      const edit = new vscode.WorkspaceEdit();
      await addEdits(host, o.engine, o.site, edit, plan.edits);
      return edit;
    },
  };

  context.subscriptions.push(
    vscode.workspace.onWillRenameFiles((e) => e.waitUntil(editForMoves(host, e.files).then((w) => w ?? new vscode.WorkspaceEdit()))),
    vscode.languages.registerRenameProvider(LINK_SELECTOR, headings),
    vscode.languages.registerCodeActionsProvider(LINK_SELECTOR, new UrlChangeActions(host), { providedCodeActionKinds: UrlChangeActions.kinds }),
    vscode.workspace.onDidCloseTextDocument((d) => baselines.delete(d.uri.toString())),
    vscode.commands.registerCommand(BASELINE_COMMAND, (uri: string, url: string) => baselines.set(uri, url)),
    registerTestCommand('postcraft.test.renamePlan', (answers?: Answers | null) => {
      if (answers !== undefined) testAnswers = answers ?? undefined;
      return lastPlan ? { from: lastPlan.from, to: lastPlan.to, oldUrl: lastPlan.plan.oldUrl, newUrl: lastPlan.plan.newUrl, linkers: lastPlan.plan.linkers, edits: lastPlan.plan.edits.length, alias: !!lastPlan.plan.aliasEdit, applied: lastPlan.applied } : undefined;
    }),
  );
}
