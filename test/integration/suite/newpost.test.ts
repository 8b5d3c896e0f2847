// New Post in a real VS Code, on a copy of examples/blog: the command with arguments creates the post
// the way the site expects, opens it with the cursor in the body, and never overwrites.
// Expected values (tags, authors, file-name style) are read from the workspace's own files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { splitFrontMatter } from '../../../src/core/frontmatter/parse';

const EXTENSION_ID = 'postcraft-dev.postcraft';
const TITLE = 'Integration: Writing the Test First';

type NewPostResult = { path?: string; existing?: string; error?: string } | undefined;

function workspaceRoot(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri.fsPath;
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Front matter of every post under content/posts. */
function sitePosts(root: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md') && e.name !== '_index.md') {
        const fm = splitFrontMatter(fs.readFileSync(full, 'utf8')).frontMatter;
        if (fm) out.push(fm.data as Record<string, unknown>);
      }
    }
  };
  walk(path.join(root, 'content', 'posts'));
  return out;
}

/** The site's tags, most used first. */
function siteTags(root: string): string[] {
  const counts = new Map<string, number>();
  for (const d of sitePosts(root)) for (const t of Array.isArray(d.tags) ? d.tags : []) counts.set(String(t), (counts.get(String(t)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}

suite('New Post', () => {
  const created: string[] = [];

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Leave the workspace as other suites expect it.
    for (const f of created) fs.rmSync(f, { force: true });
  });

  test('the command with arguments creates the post where the site expects it and opens it', async () => {
    const root = workspaceRoot();
    const tags = siteTags(root).slice(0, 2);
    assert.strictEqual(tags.length, 2, 'the example site has tags');

    const result = await vscode.commands.executeCommand<NewPostResult>('postcraft.newPost', { title: TITLE, tags });
    assert.ok(result && typeof result.path === 'string', `returns { path }, got ${JSON.stringify(result)}`);
    created.push(result.path);
    assert.ok(path.isAbsolute(result.path), 'the path is absolute');
    assert.ok(fs.existsSync(result.path), 'the file exists on disk');

    // examples/blog names posts with underscores: the new one follows.
    assert.strictEqual(real(path.dirname(result.path)), real(path.join(root, 'content', 'posts')));
    assert.strictEqual(path.basename(result.path), 'integration_writing_the_test_first.md');

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    assert.strictEqual(real(editor.document.uri.fsPath), real(result.path), 'the active editor shows the new post');

    const text = fs.readFileSync(result.path, 'utf8');
    const split = splitFrontMatter(text);
    assert.ok(split.frontMatter, 'the post has front matter');
    assert.deepStrictEqual(split.frontMatter.errors, [], 'its front matter parses');
    const data = split.frontMatter.data;
    assert.strictEqual(data.title, TITLE);
    assert.deepStrictEqual(data.tags, tags, 'the tags passed, which are the site\'s most used');
    for (const t of data.tags as string[]) assert.ok(siteTags(root).includes(t), `${t} is a tag of the site`);
    assert.match(String(data.date), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, 'a date with the local offset');
    // The author is one of the site's authors (data/authors/<id>.toml).
    const authorIds = fs.readdirSync(path.join(root, 'data', 'authors')).map((f) => f.replace(/\.[^.]+$/, ''));
    assert.ok(Array.isArray(data.authors) && (data.authors as string[]).every((a) => authorIds.includes(a)), `authors ${JSON.stringify(data.authors)} are among ${authorIds.join(', ')}`);

    // The cursor is in the body, after the front matter.
    const fmEndLine = editor.document.positionAt(split.bodyStart).line;
    assert.ok(editor.selection.active.line >= fmEndLine, `cursor line ${editor.selection.active.line} is after the front matter (ends line ${fmEndLine})`);
  });

  test('the same title again does not overwrite: the result names the existing post', async () => {
    const root = workspaceRoot();
    const file = path.join(root, 'content', 'posts', 'integration_writing_the_test_first.md');
    assert.ok(fs.existsSync(file), 'the post from the previous test exists');
    fs.appendFileSync(file, 'Words the writer typed.\n');
    const before = fs.readFileSync(file, 'utf8');

    const result = await vscode.commands.executeCommand<NewPostResult>('postcraft.newPost', { title: TITLE, tags: ['anything'] });
    assert.ok(result && typeof result.existing === 'string', `returns { existing }, got ${JSON.stringify(result)}`);
    assert.strictEqual(real(result.existing), real(file));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before, 'content unchanged');
    assert.ok(!fs.existsSync(path.join(root, 'content', 'posts', 'integration_writing_the_test_first_2.md')), 'no numbered copy was made without asking');
  });

  test('a title it cannot use is an error result, and nothing is created', async () => {
    const root = workspaceRoot();
    const before = fs.readdirSync(path.join(root, 'content', 'posts')).sort();
    const result = await vscode.commands.executeCommand<NewPostResult>('postcraft.newPost', { title: '../../outside' });
    assert.ok(result && typeof result.error === 'string', `returns { error }, got ${JSON.stringify(result)}`);
    assert.deepStrictEqual(fs.readdirSync(path.join(root, 'content', 'posts')).sort(), before);
  });
});
