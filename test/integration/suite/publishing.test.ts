// Publishing at a glance, in a real VS Code on a copy of examples/blog: the Posts view (groups,
// counts, live updates; the README's screenshot is taken here), the "why isn't this live?" hover and
// CodeLens, Publish / Schedule / Unpublish as one undoable edit, and renaming or merging a tag
// across every post through VS Code's refactor preview. The workspace is put back afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'postcraft-dev.postcraft';

interface TreeEntry {
  label: string;
  description?: string;
  context?: string;
  tooltip?: string;
  file?: string;
  children?: TreeEntry[];
}

function workspaceRoot(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri.fsPath;
}

async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tree(): Promise<TreeEntry[]> {
  return (await vscode.commands.executeCommand<TreeEntry[]>('postcraft.test.postsTree')) ?? [];
}

/** The tree as the view shows it, without a refresh: it changes only when the view follows an edit. */
async function shownTree(): Promise<TreeEntry[]> {
  return (await vscode.commands.executeCommand<TreeEntry[]>('postcraft.test.postsTree', { asShown: true })) ?? [];
}

function group(t: TreeEntry[], name: string): TreeEntry {
  const g = t.find((e) => e.label === name);
  assert.ok(g, `the Posts view has a ${name} group (has ${t.map((e) => e.label).join(', ')})`);
  return g;
}

function postsIn(g: TreeEntry): TreeEntry[] {
  return (g.children ?? []).flatMap((c) => (c.file ? [c] : postsIn(c)));
}

/** Every file of the workspace's content/, to put back after the suite. */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) snapshot(full, out);
    else if (e.name.endsWith('.md')) out.set(full, fs.readFileSync(full, 'utf8'));
  }
  return out;
}

/** RFC 3339 at a fixed offset (+01:00), as a writer would type it. */
function rfc3339(t: number): string {
  const d = new Date(t + 3_600_000);
  return d.toISOString().replace(/\.\d+Z$/, '+01:00');
}

suite('Publishing: Posts view, why-not-live, publish, rename', () => {
  let root: string;
  let saved: Map<string, string>;
  const created: string[] = [];
  const SCHEDULED = 'content/posts/platform_offsite_notes.md';
  const EXPIRED = 'content/posts/spring_hiring_event.md';
  const DRAFT = 'content/posts/quarterly_planning.md';

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
    root = workspaceRoot();
    saved = snapshot(path.join(root, 'content'));
    const write = (rel: string, text: string) => {
      fs.writeFileSync(path.join(root, rel), text);
      created.push(path.join(root, rel));
    };
    write(SCHEDULED, `---\ntitle: "Notes from the Platform Offsite"\ndate: ${rfc3339(Date.now() + 3 * 86_400_000 + 3_600_000)}\nauthors: ["maya"]\ntags: ["teams", "planning"]\ncategories: ["engineering"]\n---\n\nWhat we decided, and what we left for next quarter.\n`);
    write(EXPIRED, `---\ntitle: "Spring Hiring Event"\ndate: 2024-03-01T09:00:00-08:00\nexpiryDate: 2024-04-01T00:00:00-07:00\nauthors: ["rich"]\ntags: ["hiring"]\ncategories: ["management"]\n---\n\nRegistration is closed.\n`);
    // The tag's own page (Hugo's term folder): a rename moves it.
    fs.mkdirSync(path.join(root, 'content/tags/tools'), { recursive: true });
    write('content/tags/tools/_index.md', `---\ntitle: "Tools"\n---\n\nThe tools behind this blog.\n`);
    write('content/posts/migrating_to_hugo.md', `---\ntitle: "What We Learned Migrating to Hugo"\ndraft: true\nauthors: ["tomas"]\ntags: ["hugo", "tools"]\n---\n\nNotes so far.\n`);
    await vscode.commands.executeCommand('postcraft.reindex');
  });

  suiteTeardown(async () => {
    // Edits to posts that were not open are held unsaved: save them, then put every file back.
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    for (const f of created) fs.rmSync(f, { force: true });
    fs.rmSync(path.join(root, 'content/tags'), { recursive: true, force: true });
    for (const [f, text] of saved) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, text);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The workbench as the next suites expect it: the Explorer in the side bar, not the Posts view.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('postcraft.reindex');
  });

  test('the Posts view groups posts by status, with counts, the go-live time, and published newest first', async () => {
    const t = await waitFor(async () => {
      const x = await tree();
      return x.some((g) => g.label === 'Scheduled' && g.description === '1') ? x : undefined;
    }, 20_000, 'the scheduled post in the Posts view');
    assert.deepEqual(t.map((g) => g.label), ['Drafts', 'Scheduled', 'Expired', 'Published']);
    const drafts = postsIn(group(t, 'Drafts'));
    assert.deepEqual(drafts.map((p) => p.file).sort(), ['content/posts/migrating_to_hugo.md', DRAFT]);
    assert.equal(group(t, 'Drafts').description, '2');
    const [scheduled] = postsIn(group(t, 'Scheduled'));
    assert.equal(scheduled.label, 'Notes from the Platform Offsite');
    assert.match(scheduled.description ?? '', /^\d+ \w+ \d{4}, \d\d:\d\d (UTC|[+-]\d\d:\d\d) · 3 days from now$/);
    assert.match(scheduled.tooltip ?? '', /Scheduled: Hugo publishes this on .* — 3 days from now; `buildFuture` is off\./);
    const [expired] = postsIn(group(t, 'Expired'));
    assert.equal(expired.file, EXPIRED);
    assert.match(expired.tooltip ?? '', /Expired: Hugo stopped publishing this on 1 April 2024, 00:00 -07:00 \(`expiryDate`\)/);
    const published = group(t, 'Published');
    const sections = published.children ?? [];
    assert.deepEqual(sections.map((s) => s.label), ['posts']);
    const dates = postsIn(published).map((p) => p.description ?? '');
    assert.equal(Number(published.description), dates.length);
    assert.ok(dates.length >= 10, `${dates.length} published posts`);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

    // The README's picture: the view in its own container, groups expanded.
    await vscode.commands.executeCommand('workbench.view.extension.postcraft');
    assert.ok(await vscode.commands.executeCommand('postcraft.test.revealPosts'), 'the Posts view is visible');
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(root, SCHEDULED)), { preview: false });
    // A narrower editor (so a wider side bar): the picture shows the go-live time beside each title.
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth').then(undefined, () => undefined);
    await sleep(1500);
    console.log('[screenshot] posts-view');
    await sleep(2500);
  });

  test('the hover and the CodeLens say in one sentence what Hugo does, and follow unsaved edits', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(root, DRAFT));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('draft:') + 2);
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const text = (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return text.includes('Draft: Hugo') ? text : undefined;
    }, 15_000, 'the publishing hover');
    assert.match(hovers, /Hugo reads this post as a draft\. Draft: Hugo does not publish this while `draft: true` is set; `buildDrafts` is off\./);

    const lenses = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const titles = (l ?? []).map((x) => x.command?.title ?? '');
      return titles.some((x) => x.startsWith('Draft: Hugo')) ? titles : undefined;
    }, 15_000, 'the publishing CodeLens');
    assert.deepEqual(lenses.filter((x) => !x.startsWith('Draft:')), ['Publish now', 'Schedule…']);

    // An unsaved edit: the date moves a year ahead, the draft flag goes — the hover follows the text.
    const edit = new vscode.WorkspaceEdit();
    const text = doc.getText();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(text.indexOf('draft: true')), doc.positionAt(text.indexOf('draft: true') + 'draft: true'.length)), 'draft: false');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const dateAt = doc.positionAt(doc.getText().indexOf('date:') + 1);
    const dateHover = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, dateAt);
      const s = (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return s.includes('Published: Hugo') ? s : undefined;
    }, 15_000, 'the hover after the edit');
    assert.match(dateHover, /Hugo reads `date` as .* ago: its date, and when it goes live\. Published: Hugo has published this since/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Publish, Schedule and Unpublish: one undoable edit each, and the view follows', async () => {
    const uri = vscode.Uri.file(path.join(root, DRAFT));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const r = await vscode.commands.executeCommand<{ applied: boolean; after?: string; warning?: string }>('postcraft.publish', uri);
    assert.ok(r?.applied, JSON.stringify(r));
    assert.match(r.after ?? '', /^Published: Hugo has published this since/);
    assert.match(doc.getText(), /^draft: false$/m);
    assert.match(doc.getText(), /^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/m);
    // The date keeps the post's style: RFC 3339 with an offset, as before.
    assert.equal(doc.getText().split('\n').length, before.split('\n').length, 'no line added or removed');
    // The view follows the edit by itself (no refresh asked).
    await waitFor(async () => postsIn(group(await shownTree(), 'Published')).some((p) => p.file === DRAFT), 15_000, 'the published post in the Published group');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo reverts the publish');

    const when = '2031-05-04T10:30:00+02:00';
    const s = await vscode.commands.executeCommand<{ applied: boolean; after?: string }>('postcraft.schedule', uri, when);
    assert.ok(s?.applied, JSON.stringify(s));
    assert.match(doc.getText(), /^date: 2031-05-04T\d\d:30:00[+-]\d\d:\d\d$/m);
    assert.match(s.after ?? '', /^Scheduled: Hugo publishes this on 4 May 2031/);
    await waitFor(async () => postsIn(group(await shownTree(), 'Scheduled')).some((p) => p.file === DRAFT), 15_000, 'the post in the Scheduled group');

    const u = await vscode.commands.executeCommand<{ applied: boolean }>('postcraft.unpublish', uri);
    assert.ok(u?.applied);
    assert.match(doc.getText(), /^draft: true$/m);
    await waitFor(async () => postsIn(group(await shownTree(), 'Drafts')).some((p) => p.file === DRAFT), 15_000, 'the post back among the drafts');
    fs.writeFileSync(uri.fsPath, before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Rename a tag across every post: the Refactor Preview shows the change, applying it changes only the values', async () => {
    const users = ['content/posts/static_site_tooling/index.md', 'content/posts/migrating_to_hugo.md'];
    const texts = users.map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    assert.ok(texts.every((t) => /"tools"/.test(t)), 'both posts use the tag');
    // Previewed: the edit waits in VS Code's Refactor Preview (entries unticked); Discard changes nothing.
    const pending = vscode.commands.executeCommand<{ applied: boolean; files: number }>('postcraft.taxonomy.rename', { taxonomy: 'tags', from: 'tools', to: 'tooling', preview: true });
    let settled = false;
    void pending.then(() => (settled = true));
    await sleep(1500);
    assert.ok(!settled, 'the edit waits in the Refactor Preview');
    console.log('[screenshot] refactor-preview');
    await sleep(1500);
    for (let i = 0; i < 20 && !settled; i++) {
      await vscode.commands.executeCommand('refactorPreview.discard');
      await sleep(300);
    }
    const discarded = await pending;
    assert.equal(discarded?.files, 2, JSON.stringify(discarded));
    assert.ok(fs.existsSync(path.join(root, 'content/tags/tools/_index.md')), 'the term folder stays after Discard');
    users.forEach((f, i) => assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), texts[i], `${f} unchanged after Discard`));

    // Applied at once: one edit over both posts, only the value changed, and the term folder moved.
    const r = await vscode.commands.executeCommand<{ applied: boolean; files: number; folders: number }>('postcraft.taxonomy.rename', { taxonomy: 'tags', from: 'tools', to: 'tooling', preview: false });
    assert.ok(r?.applied, JSON.stringify(r));
    assert.equal(r.files, 2);
    assert.equal(r.folders, 1);
    assert.ok(fs.existsSync(path.join(root, 'content/tags/tooling/_index.md')), 'content/tags/tools/ moved to tooling/');
    assert.ok(!fs.existsSync(path.join(root, 'content/tags/tools')), 'no content/tags/tools/ left');
    const docs = await Promise.all(users.map((f) => vscode.workspace.openTextDocument(path.join(root, f))));
    docs.forEach((d, i) => assert.equal(d.getText(), texts[i].replace('"tools"', '"tooling"'), users[i]));
    const tax = await waitFor(async () => {
      const t = await vscode.commands.executeCommand<{ label: string; values: { value: string; count: number }[] }[]>('postcraft.test.taxonomyTree');
      const tags = t?.find((x) => x.label === 'tags');
      return tags?.values.some((v) => v.value === 'tooling') ? tags : undefined;
    }, 15_000, 'the renamed tag in the Taxonomies view');
    assert.ok(!tax.values.some((v) => v.value === 'tools'));
    assert.equal(tax.values.find((v) => v.value === 'tooling')?.count, 2);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  test('the near-duplicate finding offers to merge the spellings in every post', async () => {
    const file = 'content/posts/estimates_are_forecasts.md';
    const doc = await vscode.workspace.openTextDocument(path.join(root, file));
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'frontmatter.near-duplicate'), 20_000, 'the near-duplicate finding on tech debt');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const merge = (actions ?? []).find((a) => a.title.startsWith('Merge these spellings'));
    assert.ok(merge?.command, `a merge action (got ${(actions ?? []).map((a) => a.title).join(' | ')})`);
    assert.equal(merge.title, "Merge these spellings into 'tech-debt' in every post ('tech debt')");
    const [args] = merge.command.arguments as [Record<string, unknown>];
    const r = await vscode.commands.executeCommand<{ applied: boolean; files: number }>(merge.command.command, { ...args, preview: false });
    assert.ok(r?.applied);
    assert.match(doc.getText(), /"tech-debt"/);
    assert.doesNotMatch(doc.getText(), /"tech debt"/);
    await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'frontmatter.near-duplicate'), 20_000, 'the finding to go');
  });
});
