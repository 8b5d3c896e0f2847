/**
 * Rename a taxonomy value, or merge spellings into one, across every post: the engine plans the
 * edits (src/core/authoring/taxonomyRename.ts) on each file's current text (an open editor's
 * unsaved text wins), and they go in one WorkspaceEdit: one undo reverts every post, and the Hugo
 * term folder moves with it. The writer is asked first: apply, or look at it in VS Code's Refactor
 * Preview. That preview is reached only through `needsConfirmation`, which VS Code shows unticked
 * (its bulk edit preview ticks an entry only when it does not need confirmation), so there the writer
 * ticks the posts to change and applies; applying at once stays the one-click path.
 *
 * Commands (public ids): `postcraft.taxonomy.rename` and `postcraft.taxonomy.merge` (from the
 * Taxonomies view, or the palette with pickers), `postcraft.taxonomy.mergeSpellings` (the
 * near-duplicate quick fix). Headless arguments for keybindings and tests:
 * `{ taxonomy, from: string | string[], to, site?, preview? }` (`preview` absent: ask).
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Postcraft, Site } from '../core/service';
import type { TaxonomyField, TaxonomyRenamePlan } from '../core/api';
import { taxonomyFields, taxonomyValues } from '../core/api';
import { rangeIn } from './linkNavigation';
import type { EngineHost } from './workspace';

export interface RenameArgs {
  readonly taxonomy: string;
  readonly from: string | readonly string[];
  readonly to?: string;
  /** Site root (engine path); the only site, or the active editor's, when absent. */
  readonly site?: string;
  /** true: VS Code's Refactor Preview; false: apply at once; absent: ask the writer (a modal). */
  readonly preview?: boolean;
}

export interface RenameResult {
  readonly applied: boolean;
  readonly files: number;
  readonly edits: number;
  readonly folders: number;
  readonly notes: readonly string[];
  readonly error?: string;
  /** The writer closed the question without choosing. */
  readonly cancelled?: boolean;
}

async function textOf(host: EngineHost, engine: Postcraft, abs: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => host.pathOf(d.uri) === abs);
  return open ? open.getText() : engine.readText(abs);
}

export function pickSite(host: EngineHost, engine: Postcraft, root?: string): Site | undefined {
  if (root) return engine.sites.find((s) => s.root === root);
  const ed = vscode.window.activeTextEditor;
  return (ed && host.siteOf(ed.document.uri)) ?? engine.sites[0];
}

/** The edit for a plan: text edits with each file's current text, then the folder moves. */
async function workspaceEdit(host: EngineHost, engine: Postcraft, site: Site, plan: TaxonomyRenamePlan, texts: ReadonlyMap<string, string>, label: string, preview: boolean): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  const meta: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: preview, description: plan.field?.field };
  for (const e of plan.edits) {
    const text = texts.get(e.file);
    if (text !== undefined) edit.replace(host.uriOf(posix.join(site.root, e.file)), rangeIn(text, e.range), e.newText, meta);
  }
  for (const m of plan.folderMoves) edit.renameFile(host.uriOf(posix.join(site.root, m.from)), host.uriOf(posix.join(site.root, m.to)), { overwrite: false }, { ...meta, label: `Move ${m.from}/ to ${m.to}/` });
  return edit;
}

/** Apply at once (false), preview (true), or neither (undefined: the writer closed the question). */
async function askPreview(label: string, files: number, folders: number): Promise<boolean | undefined> {
  const APPLY = 'Apply';
  const PREVIEW = 'Preview Changes…';
  const choice = await vscode.window.showInformationMessage(
    `${label} in ${files} post${files === 1 ? '' : 's'}${folders ? ' and move the term folder' : ''}?`,
    { modal: true, detail: 'One edit: a single Undo puts every post back. In the Refactor Preview, tick the posts to change, then Apply.' },
    APPLY,
    PREVIEW,
  );
  return choice === APPLY ? false : choice === PREVIEW ? true : undefined;
}

/** Plans and applies a rename or merge; never throws (an error is in the result). */
export async function renameTerm(host: EngineHost, args: RenameArgs): Promise<RenameResult> {
  const engine = await host.get();
  const none = { applied: false, files: 0, edits: 0, folders: 0, notes: [] };
  const site = pickSite(host, engine, args.site);
  if (!site) return { ...none, error: 'No site in this workspace.' };
  const from = typeof args.from === 'string' ? [args.from] : [...args.from];
  const to = args.to ?? '';
  const req = { taxonomy: args.taxonomy, from, to };
  const texts = new Map<string, string>();
  for (const f of engine.authoring.filesUsingTerm(site, req)) {
    const t = await textOf(host, engine, posix.join(site.root, f));
    if (t !== undefined) texts.set(f, t);
  }
  const plan = engine.authoring.planTaxonomyRename(site, req, (f) => texts.get(f));
  if (plan.problem) return { ...none, error: plan.problem };
  if (plan.uses === 0) return { ...none, error: `No post uses ${from.map((f) => `'${f}'`).join(' or ')} in ${plan.field?.field ?? args.taxonomy}.` };
  const label = `${from.length > 1 ? 'Merge' : 'Rename'} ${plan.field!.field} ${from.map((f) => `'${f}'`).join(', ')} → '${to.trim()}'`;
  const files = new Set(plan.edits.map((e) => e.file)).size;
  const preview = args.preview ?? (await askPreview(label, files, plan.folderMoves.length));
  if (preview === undefined) return { ...none, files, edits: plan.edits.length, folders: plan.folderMoves.length, cancelled: true };
  const edit = await workspaceEdit(host, engine, site, plan, texts, label, preview);
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  return { applied, files, edits: plan.edits.length, folders: plan.folderMoves.length, notes: plan.notes };
}

function report(r: RenameResult, what: string): void {
  if (r.error) void vscode.window.showWarningMessage(`Postcraft: ${r.error}`);
  else if (r.applied) void vscode.window.showInformationMessage(`${what} in ${r.files} post${r.files === 1 ? '' : 's'}${r.folders ? ` (and moved the term folder)` : ''}.${r.notes.length ? ' ' + r.notes.join('; ') + '.' : ''}`);
}

/** What a Taxonomies view node carries (or a headless call gives). */
export interface TermRef {
  readonly site: Site;
  readonly field: TaxonomyField;
  readonly value: string;
}

async function pickTerm(host: EngineHost): Promise<TermRef | undefined> {
  const engine = await host.get();
  const site = pickSite(host, engine);
  if (!site) return undefined;
  const fields = taxonomyFields(site);
  const field = fields.length === 1 ? fields[0] : (await vscode.window.showQuickPick(fields.map((f) => ({ label: f.field, field: f })), { placeHolder: 'Taxonomy' }))?.field;
  if (!field) return undefined;
  const values = taxonomyValues(site, field).filter((v) => v.count > 0);
  const value = (await vscode.window.showQuickPick(values.map((v) => ({ label: v.value, description: `${v.count} post${v.count === 1 ? '' : 's'}` })), { placeHolder: `The ${field.singular} to rename` }))?.label;
  return value === undefined ? undefined : { site, field, value };
}

export function registerTaxonomyCommands(context: vscode.ExtensionContext, host: EngineHost): void {
  const isArgs = (a: unknown): a is RenameArgs => !!a && typeof a === 'object' && typeof (a as RenameArgs).taxonomy === 'string';
  const termOf = (a: unknown): TermRef | undefined => (a && typeof a === 'object' && 'field' in a && 'value' in a ? (a as TermRef) : undefined);
  context.subscriptions.push(
    vscode.commands.registerCommand('postcraft.taxonomy.rename', async (arg?: unknown) => {
      if (isArgs(arg)) return renameTerm(host, arg);
      const term = termOf(arg) ?? (await pickTerm(host));
      if (!term) return undefined;
      const to = await vscode.window.showInputBox({ title: `Rename ${term.field.singular} '${term.value}'`, value: term.value, prompt: 'Every post using it changes, as one undoable edit (you can preview it first).', validateInput: (v) => (v.trim() ? undefined : 'A name is needed') });
      if (to === undefined || to === term.value) return undefined;
      const r = await renameTerm(host, { taxonomy: term.field.field, from: term.value, to, site: term.site.root });
      report(r, `Renamed '${term.value}' to '${to}'`);
      return r;
    }),
    vscode.commands.registerCommand('postcraft.taxonomy.merge', async (arg?: unknown) => {
      if (isArgs(arg)) return renameTerm(host, arg);
      const term = termOf(arg) ?? (await pickTerm(host));
      if (!term) return undefined;
      const others = taxonomyValues(term.site, term.field).filter((v) => v.value !== term.value && v.count > 0);
      const pick = await vscode.window.showQuickPick(
        others.map((v) => ({ label: v.value, description: `${v.count} post${v.count === 1 ? '' : 's'}` })),
        { title: `Merge ${term.field.singular} '${term.value}' into…`, placeHolder: 'The value its posts get instead' },
      );
      if (!pick) return undefined;
      const r = await renameTerm(host, { taxonomy: term.field.field, from: term.value, to: pick.label, site: term.site.root });
      report(r, `Merged '${term.value}' into '${pick.label}'`);
      return r;
    }),
    vscode.commands.registerCommand('postcraft.taxonomy.mergeSpellings', async (arg?: unknown) => {
      if (!isArgs(arg)) return undefined;
      const r = await renameTerm(host, arg);
      const from = typeof arg.from === 'string' ? [arg.from] : arg.from;
      report(r, `Merged ${from.map((f) => `'${f}'`).join(', ')} into '${arg.to}'`);
      return r;
    }),
  );
}
