// Typing in a large post in the browser: there is no worker thread, so each parse runs on the
// extension host (a web worker). A burst of keystrokes must cost few parses, the host must get turns
// between them, and the diagnostics must follow the text.
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, measure, open, ours, post, sleep, waitFor } from './helpers';

function largePost(minChars: number): { text: string; broken: number; links: number } {
  const parts = ['---\ntitle: "A Very Long Post"\ntags: ["writing"]\n---\n\n'];
  let n = 0;
  let broken = 0;
  let size = parts[0].length;
  while (size < minChars) {
    // Every section links to a post and a heading; one in fifty also to a post that does not exist.
    const missing = n % 50 === 0 ? ` and [a missing one](../missing_${n}/)` : '';
    if (missing) broken++;
    const s = `## Section ${n}\n\nA paragraph about part ${n}, linking [the one-on-ones post](../one_on_ones/#agenda-template)${missing} with some more words to read, and then [another post](/posts/hiring_loops/).\n\n`;
    parts.push(s);
    size += s.length;
    n++;
  }
  return { text: parts.join(''), broken, links: 2 * n + broken };
}

suite('Typing in a large post in the browser', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('400 KB: diagnostics follow the keystrokes, the extension host keeps getting turns', async () => {
    const uri = post('zz_large_web.md');
    const { text, broken, links } = largePost(400_000);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const { document: doc } = await open(uri);
      const t0 = Date.now();
      await waitFor(() => ours(doc.uri, 'link.not-found').length === broken, 60_000, `${broken} broken links reported`);
      const firstCheckMs = Date.now() - t0;
      let last = performance.now();
      let longest = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 10);
      const typed = Date.now();
      let settledMs = 0;
      try {
        const edits = 'Typing here.'.split('');
        for (const ch of edits) {
          const e = new vscode.WorkspaceEdit();
          e.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, ch);
          await vscode.workspace.applyEdit(e);
          await sleep(40);
        }
        const e = new vscode.WorkspaceEdit();
        e.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, '\n\nAnd [one more](../not_there_either/).\n');
        await vscode.workspace.applyEdit(e);
        const line = doc.lineCount - 2;
        const lastEdit = Date.now();
        await waitFor(() => ours(doc.uri, 'link.not-found').some((d) => d.range.start.line === line), 60_000, 'the typed link reported');
        settledMs = Date.now() - lastEdit;
      } finally {
        clearInterval(timer);
      }
      measure('largePostTyping', { chars: doc.getText().length, links, firstCheckMs, edits: 13, typingMs: Date.now() - typed, settledAfterLastEditMs: settledMs, longestBlockMs: Math.round(longest) });
      assert.ok(longest < 2000, `the extension host went ${Math.round(longest)} ms without a turn`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
