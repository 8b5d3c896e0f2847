// Front-matter completion, hover and quick fixes in a real VS Code, on a copy of examples/blog.
// Expected values are read from the workspace's own posts, so the example site can grow.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './workspaceSites';

const EXTENSION_ID = 'postcraft-dev.postcraft';

function workspaceRoot(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri.fsPath;
}

/** Every Markdown file under content/ with its text. */
function posts(root: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) out.push({ file: full, text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(root, 'content'));
  return out;
}

/** Posts whose front matter lists `value` (quoted) under tags. */
function postsTagged(root: string, value: string): string[] {
  const re = new RegExp(`^tags\\s*[:=]\\s*\\[[^\\]]*"${value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}"`, 'm');
  return posts(root)
    .filter((p) => re.test(p.text))
    .map((p) => p.file);
}

/** Every tag used by the site's posts (quoted items of inline tag lists). */
function allTags(root: string): Set<string> {
  const tags = new Set<string>();
  for (const p of posts(root)) {
    const m = /^tags\s*[:=]\s*\[([^\]]*)\]/m.exec(p.text);
    for (const q of m?.[1].matchAll(/"([^"]*)"/g) ?? []) tags.add(q[1]);
  }
  return tags;
}

async function ready(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await ext.activate();
  // showSiteInfo waits for the index, so completion runs against a loaded site.
  const info = await vscode.commands.executeCommand<{ sites: unknown[] }>('postcraft.showSiteInfo');
  assert.ok(info && info.sites.length > 0, 'the example site is indexed');
}

/** Opens a post, replaces `find` with `replace`, and returns the document and the position of `|` in `replace`. */
async function editAt(file: string, find: string, replace: string): Promise<{ doc: vscode.TextDocument; pos: vscode.Position }> {
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  const text = doc.getText();
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${path.basename(file)} contains ${find}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + find.length)), replace.replace('|', ''));
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
  return { doc, pos: doc.positionAt(at + replace.indexOf('|')) };
}

async function labelsAt(doc: vscode.TextDocument, pos: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('Front matter', () => {
  suiteSetup(ready);

  test('YAML flow list: the site tags, not the ones already in the list', async () => {
    const root = workspaceRoot();
    const file = path.join(root, 'content', 'posts', 'leading_vs_managing.md');
    const { doc, pos } = await editAt(file, '"alignment"]', '"alignment", "|"]');
    try {
      const labels = await labelsAt(doc, pos, '"');
      const present = ['leadership', 'alignment'];
      for (const t of present) assert.ok(!labels.includes(t), `${t} is already in the list: ${labels.join(', ')}`);
      const expected = [...allTags(root)].filter((t) => !present.includes(t));
      assert.ok(expected.length > 0);
      for (const t of expected) assert.ok(labels.includes(t), `offers ${t}: ${labels.join(', ')}`);
    } finally {
      await revert(doc);
    }
  });

  test('YAML block list: values for a new item', async () => {
    const file = path.join(workspaceRoot(), 'content', 'posts', 'hiring_loops.md');
    const { doc, pos } = await editAt(file, 'tags: ["hiring", "leadership"]', 'tags:\n  - hiring\n  - |');
    try {
      const labels = await labelsAt(doc, pos, ' ');
      assert.ok(!labels.includes('hiring'), labels.join(', '));
      assert.ok(labels.includes('leadership'), 'leadership is used by other posts and not in this list');
    } finally {
      await revert(doc);
    }
  });

  test('TOML array: values, the present ones and their merged spellings left out', async () => {
    const root = workspaceRoot();
    const file = path.join(root, 'content', 'posts', 'tech_debt_ledger.md');
    const { doc, pos } = await editAt(file, '"process"]', '"process", "|"]');
    try {
      const labels = await labelsAt(doc, pos, '"');
      for (const t of ['tech-debt', 'process', 'tech debt']) assert.ok(!labels.includes(t), `${t} not offered: ${labels.join(', ')}`);
      assert.ok(labels.includes('leadership'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '"');
      const leadership = list.items.find((i) => i.label === 'leadership');
      assert.strictEqual(typeof leadership?.insertText === 'string' ? leadership.insertText : leadership?.insertText?.value, '"leadership"', 'TOML strings are quoted');
    } finally {
      await revert(doc);
    }
  });

  test('JSON array in a new JSON front-matter post', async () => {
    const file = path.join(workspaceRoot(), 'content', 'posts', 'json_front_matter.md');
    fs.writeFileSync(file, '{\n  "title": "Written in JSON",\n  "tags": ["writing", ""]\n}\nBody text.\n');
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const pos = doc.positionAt(doc.getText().indexOf('""') + 1);
      const labels = await labelsAt(doc, pos, '"');
      assert.ok(!labels.includes('writing'), labels.join(', '));
      assert.ok(labels.includes('leadership'), labels.join(', '));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('a tag typed in one post (unsaved) is offered in the next at once', async () => {
    const root = workspaceRoot();
    const a = await editAt(path.join(root, 'content', 'posts', 'one_on_ones.md'), '"feedback"]', '"feedback", "skip-level meetings"|]');
    try {
      const b = await editAt(path.join(root, 'content', 'posts', 'hiring_loops.md'), '"leadership"]', '"leadership", "|"]');
      try {
        const labels = await labelsAt(b.doc, b.pos, '"');
        assert.ok(labels.includes('skip-level meetings'), labels.join(', '));
      } finally {
        await revert(b.doc);
      }
    } finally {
      await revert(a.doc);
    }
  });

  test('hover on a tag: how many posts use it', async () => {
    const root = workspaceRoot();
    const file = path.join(root, 'content', 'posts', 'estimates_are_forecasts.md');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(doc.getText().indexOf('"teams"') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const count = postsTagged(root, 'teams').length;
    assert.ok(count > 1);
    assert.match(text, new RegExp(`Tag \`teams\` is used in \\*\\*${count}\\*\\* posts`));
    assert.match(text, /estimates_are_forecasts\.md/);
  });

  test('a near-duplicate tag is flagged and its quick fix applies the dominant spelling', async () => {
    const root = workspaceRoot();
    const file = path.join(root, 'content', 'posts', 'estimates_are_forecasts.md');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    try {
      const diag = await waitFor(
        () => vscode.languages.getDiagnostics(doc.uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'frontmatter.near-duplicate'),
        15_000,
        'a frontmatter.near-duplicate diagnostic',
      );
      assert.strictEqual(doc.getText(diag.range), '"tech debt"');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
      const fix = actions.find((a) => a.title === "Change to 'tech-debt'");
      assert.ok(fix?.edit, `a quick fix among: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.getText(), /tags: \["planning", "tech-debt", "teams"\]/);
      await waitFor(
        () => !vscode.languages.getDiagnostics(doc.uri).some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'frontmatter.near-duplicate') || undefined,
        15_000,
        'the near-duplicate diagnostic to go away',
      );
    } finally {
      await revert(doc);
    }
  });
});
