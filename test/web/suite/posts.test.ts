// Publishing at a glance in the browser: the Posts view's groups, the "why isn't this live?" hover
// and Publish as one undoable edit, on examples/blog served over HTTP (no Node, no local process).
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, open, post, waitFor } from './helpers';

interface TreeEntry {
  label: string;
  description?: string;
  file?: string;
  children?: TreeEntry[];
}

async function tree(): Promise<TreeEntry[]> {
  return (await vscode.commands.executeCommand<TreeEntry[]>('postcraft.test.postsTree')) ?? [];
}

function postsIn(g: TreeEntry | undefined): TreeEntry[] {
  return (g?.children ?? []).flatMap((c) => (c.file ? [c] : postsIn(c)));
}

function hoverText(h: vscode.Hover[] | undefined): string {
  return (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('Posts view and publishing in the browser', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the Posts view groups the example blog\'s posts: its draft under Drafts, the rest published newest first', async () => {
    const t = await waitFor(async () => {
      const x = await tree();
      return x.some((g) => g.label === 'Published') && x;
    }, 20_000, 'the Posts view');
    const drafts = postsIn(t.find((g) => g.label === 'Drafts')).map((p) => p.file);
    assert.ok(drafts.includes('content/posts/quarterly_planning.md'), `the draft is under Drafts (${drafts.join(', ')})`);
    const published = t.find((g) => g.label === 'Published');
    const dates = postsIn(published).map((p) => p.description ?? '');
    assert.ok(dates.length >= 10, `${dates.length} published posts`);
    assert.equal(Number(published?.description), dates.length, 'the group\'s count is its posts');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  });

  test('the hover on draft says what Hugo does, and Publish is one undoable edit', async () => {
    const { document: doc } = await open(post('quarterly_planning.md'));
    const at = doc.positionAt(doc.getText().indexOf('draft:') + 2);
    const text = await waitFor(async () => {
      const s = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
      return s.includes('Draft: Hugo') && s;
    }, 15_000, 'the publishing hover');
    assert.match(text, /Draft: Hugo does not publish this while `draft: true` is set/);
    const before = doc.getText();
    const r = await vscode.commands.executeCommand<{ applied: boolean; after?: string }>('postcraft.publish', doc.uri);
    assert.ok(r?.applied, JSON.stringify(r));
    assert.match(doc.getText(), /^draft: false$/m);
    assert.equal(doc.getText().split('\n').length, before.split('\n').length, 'no line added or removed');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo reverts the publish');
  });
});
