/**
 * "Postcraft: New Post". Interactive from the palette or the explorer (title, then folder when the
 * site has several, then tags from the site's taxonomy), or headless with an argument object
 * `{ title, section, tags, authors, bundle, draft, site }` for keybindings, tasks and tests, which
 * returns `{ path }`, `{ existing }` or `{ error }` and never shows UI.
 *
 * The core plans the files; this module only asks, writes (WorkspaceEdit.createFile with
 * overwrite off, so an existing file makes the edit fail rather than be replaced) and opens.
 */
import * as vscode from 'vscode';
import type { EngineHost } from './workspace';
import type { Postcraft, Site } from '../core/service';
import { planNewPost, type NewPostEnvironment, type NewPostPlan, type NewPostResult, validateTitle, type NewPostRequest, newPostChoices, type NewPostChoices, slugify } from '../core/api';

export type NewPostCommandResult = { path: string } | { existing: string } | { error: string } | undefined;

interface NewPostArgs {
  title: string;
  section?: string;
  tags?: string[];
  authors?: string[];
  bundle?: boolean;
  draft?: boolean;
  site?: string;
}

/** Checks the shape of a headless call; a wrong type is a message, not an exception. */
function parseArgs(raw: Record<string, unknown>): NewPostArgs | string {
  const strList = (k: string): string[] | undefined | string => {
    const v = raw[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.split(',');
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    return `'${k}' must be a list of strings`;
  };
  const str = (k: string): string | undefined | false => (raw[k] === undefined || raw[k] === null ? undefined : typeof raw[k] === 'string' ? (raw[k] as string) : false);
  const bool = (k: string): boolean | undefined | null => (raw[k] === undefined || raw[k] === null ? undefined : typeof raw[k] === 'boolean' ? (raw[k] as boolean) : null);
  if (typeof raw.title !== 'string') return "'title' must be a string";
  const tags = strList('tags');
  const authors = strList('authors') ?? strList('author');
  if (typeof tags === 'string') return tags;
  if (typeof authors === 'string') return authors;
  const section = str('section');
  const site = str('site');
  if (section === false) return "'section' must be a string";
  if (site === false) return "'site' must be a string";
  const bundle = bool('bundle');
  const draft = bool('draft');
  if (bundle === null) return "'bundle' must be true or false";
  if (draft === null) return "'draft' must be true or false";
  return { title: raw.title, section, tags, authors, bundle, draft, site };
}

function environment(numbered = false): NewPostEnvironment {
  const cfg = vscode.workspace.getConfiguration('postcraft.newPost');
  const now = new Date();
  const sep = cfg.get<string>('slugSeparator', 'auto');
  return {
    now,
    offsetMinutes: -now.getTimezoneOffset(),
    separator: sep === '-' || sep === '_' ? sep : 'auto',
    defaultAuthor: cfg.get<string>('defaultAuthor', '') || undefined,
    numbered,
  };
}

/** The draft setting counts only when the user set it; otherwise the archetype or site decides. */
function draftSetting(): boolean | undefined {
  const i = vscode.workspace.getConfiguration('postcraft.newPost').inspect<boolean>('draft');
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

/** Resolves a `site` argument: absolute, or relative to the first workspace folder. */
function sitePath(host: EngineHost, site: string | undefined): string | undefined {
  if (!site) return undefined;
  if (site.startsWith('/') || /^[A-Za-z]:[\\/]/.test(site)) return host.pathOf(vscode.Uri.file(site)) ?? site;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  return base ? host.pathOf(vscode.Uri.joinPath(base, site)) : undefined;
}

/** Writes a plan with create-only semantics. Resolves to the path that blocked it, if any. */
async function writePlan(host: EngineHost, plan: NewPostPlan): Promise<{ ok: true } | { ok: false; existing?: string }> {
  const edit = new vscode.WorkspaceEdit();
  for (const f of plan.files) {
    const contents = typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content;
    edit.createFile(host.uriOf(f.path), { overwrite: false, ignoreIfExists: false, contents });
  }
  if (await vscode.workspace.applyEdit(edit)) return { ok: true };
  for (const f of plan.files) {
    try {
      await vscode.workspace.fs.stat(host.uriOf(f.path));
      return { ok: false, existing: f.path };
    } catch {
      /* not there: keep looking */
    }
  }
  return { ok: false };
}

async function openAt(host: EngineHost, path: string, cursor?: { line: number; character: number }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(host.uriOf(path));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (cursor) {
    const pos = doc.validatePosition(new vscode.Position(cursor.line, cursor.character));
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  }
}

async function createAndOpen(host: EngineHost, engine: Postcraft, plan: NewPostPlan, log: vscode.OutputChannel): Promise<NewPostCommandResult> {
  const written = await writePlan(host, plan);
  if (!written.ok) {
    return written.existing ? { existing: host.uriOf(written.existing).fsPath } : { error: `Could not create ${plan.path}.` };
  }
  for (const f of plan.files) host.platform.fileEvent?.('created', host.uriOf(f.path));
  await engine.fileCreated(plan.path);
  for (const w of plan.warnings) log.appendLine(`New Post: ${w}`);
  await openAt(host, plan.path, plan.cursor);
  return { path: host.uriOf(plan.path).fsPath };
}

async function headless(host: EngineHost, log: vscode.OutputChannel, raw: Record<string, unknown>): Promise<NewPostCommandResult> {
  const args = parseArgs(raw);
  if (typeof args === 'string') return { error: `postcraft.newPost: ${args}.` };
  const engine = await host.get();
  const request: NewPostRequest = { ...args, site: sitePath(host, args.site), draft: args.draft ?? draftSetting() };
  const result = await planNewPost(engine, request, environment());
  if (result.kind === 'refused') return { error: result.message };
  if (result.kind === 'exists') return { existing: host.uriOf(result.existing).fsPath };
  return createAndOpen(host, engine, result.plan, log);
}

async function pickSite(host: EngineHost, engine: Postcraft, folder: vscode.Uri | undefined): Promise<Site | undefined> {
  for (const uri of [folder, vscode.window.activeTextEditor?.document.uri]) {
    const p = uri && host.pathOf(uri);
    const s = p === undefined ? undefined : engine.siteOf(p);
    if (s) return s;
  }
  if (engine.sites.length <= 1) return engine.sites[0];
  const pick = await vscode.window.showQuickPick(
    engine.sites.map((s) => ({ label: vscode.workspace.asRelativePath(s.root) || s.root, description: s.model.summary.generator, site: s })),
    { title: 'New Post: which site?', ignoreFocusOut: true },
  );
  return pick?.site;
}

async function askTitle(choices: NewPostChoices): Promise<string | undefined> {
  const sep = vscode.workspace.getConfiguration('postcraft.newPost').get<string>('slugSeparator', 'auto');
  const separator = sep === '-' || sep === '_' ? sep : choices.separator;
  return vscode.window.showInputBox({
    title: 'New Post',
    prompt: 'Title of the post',
    placeHolder: 'e.g. Leading vs Managing',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = validateTitle(value);
      if (problem) return value.trim() ? problem : undefined;
      // Show the file name it will get, so a surprising slug is seen before it exists.
      return { message: `File name: ${slugify(value, { separator })}`, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}

async function askFolder(choices: NewPostChoices): Promise<string | undefined | null> {
  if (!choices.askFolder) return undefined;
  const pick = await vscode.window.showQuickPick(
    choices.folders.map((f) => ({ label: f.label, description: f.folder, detail: `${f.posts} post${f.posts === 1 ? '' : 's'}`, folder: f.folder })),
    { title: 'New Post: where?', ignoreFocusOut: true },
  );
  return pick ? pick.folder : null;
}

/** Multi-select of the site's tags, most used first; typing a new value offers it as a new tag. */
async function askTags(choices: NewPostChoices): Promise<string[] | undefined> {
  type Item = vscode.QuickPickItem & { value: string };
  const known: Item[] = choices.tags.map((t) => ({ label: t.value, value: t.value, description: `${t.count} post${t.count === 1 ? '' : 's'}` }));
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = 'New Post: tags';
  qp.placeholder = 'Pick tags, or type a new one; Enter to continue';
  qp.canSelectMany = true;
  qp.ignoreFocusOut = true;
  qp.items = known;
  const extra: Item[] = [];
  qp.onDidChangeValue((v) => {
    const value = v.trim();
    const exists = value && [...known, ...extra].some((i) => i.value.toLowerCase() === value.toLowerCase());
    const typed: Item[] = value && !exists ? [{ label: value, value, description: 'new tag' }] : [];
    const selected = qp.selectedItems;
    qp.items = [...typed, ...extra, ...known];
    qp.selectedItems = selected.filter((s) => qp.items.includes(s));
  });
  qp.onDidChangeSelection((sel) => {
    for (const s of sel) if (s.description === 'new tag' && !extra.includes(s)) extra.push(s);
  });
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      // Enter on a typed value that was never ticked still means "add it".
      const typed = qp.value.trim();
      const values = qp.selectedItems.map((i) => i.value);
      if (typed && !values.some((v) => v.toLowerCase() === typed.toLowerCase())) values.push(typed);
      resolve(values);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function interactive(host: EngineHost, log: vscode.OutputChannel, folder: vscode.Uri | undefined): Promise<NewPostCommandResult> {
  const engine = await host.get();
  if (engine.sites.length === 0) {
    const open = 'Open Folder…';
    const choice = await vscode.window.showWarningMessage('Postcraft: New Post needs your blog\'s folder open in VS Code.', open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
    return { error: 'No site is open.' };
  }
  const site = await pickSite(host, engine, folder);
  if (!site) return undefined;
  const choices = newPostChoices(site, vscode.workspace.getConfiguration('postcraft.newPost').get<string>('defaultAuthor', ''));
  const title = await askTitle(choices);
  if (title === undefined) return undefined;
  const chosenFolder = folder ? undefined : await askFolder(choices);
  if (chosenFolder === null) return undefined;
  const tags = await askTags(choices);
  if (tags === undefined) return undefined;
  const request: NewPostRequest = {
    title,
    site: site.root,
    folder: (folder && host.pathOf(folder)) ?? (chosenFolder !== undefined ? vscode.Uri.joinPath(host.uriOf(site.root), chosenFolder).path : undefined),
    tags,
    draft: draftSetting(),
  };
  let result: NewPostResult = await planNewPost(engine, request, environment());
  if (result.kind === 'exists') {
    const openExisting = 'Open Existing Post';
    const alt = result.alternative;
    const altLabel = alt ? `Create ${alt.bundle ? alt.path.split('/').slice(-2).join('/') : alt.path.split('/').pop()}` : undefined;
    const pick = await vscode.window.showWarningMessage(`A post with this name already exists: ${vscode.workspace.asRelativePath(result.existing)}`, { modal: true }, openExisting, ...(altLabel ? [altLabel] : []));
    if (pick === openExisting) {
      await openAt(host, result.existing);
      return { existing: host.uriOf(result.existing).fsPath };
    }
    if (!pick || !alt) return undefined;
    result = { kind: 'planned', plan: alt };
  }
  if (result.kind === 'refused') {
    void vscode.window.showErrorMessage(`New Post: ${result.message}`);
    return { error: result.message };
  }
  const done = await createAndOpen(host, engine, result.plan, log);
  if (done && 'existing' in done) void vscode.window.showWarningMessage(`New Post: ${done.existing} was created by something else meanwhile; nothing was overwritten.`);
  if (done && 'error' in done) void vscode.window.showErrorMessage(`New Post: ${done.error}`);
  if (result.plan.warnings.length) void vscode.window.showWarningMessage(`New Post: ${result.plan.warnings[0]}${result.plan.warnings.length > 1 ? ` (+${result.plan.warnings.length - 1} more in the Postcraft output)` : ''}`);
  return done;
}

export function registerNewPost(context: vscode.ExtensionContext, host: EngineHost, log: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postcraft.newPost', async (arg?: unknown): Promise<NewPostCommandResult> => {
      try {
        if (arg instanceof vscode.Uri) return await interactive(host, log, arg);
        if (arg && typeof arg === 'object' && 'title' in arg) return await headless(host, log, arg as Record<string, unknown>);
        return await interactive(host, log, undefined);
      } catch (e) {
        log.appendLine(`New Post failed: ${(e as Error).stack ?? e}`);
        return { error: `New Post failed: ${(e as Error).message}` };
      }
    }),
  );
}
