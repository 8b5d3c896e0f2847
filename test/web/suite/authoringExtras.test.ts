// Shortcodes and images in the browser, on examples/blog served over HTTP: completion after `{{<`
// (Hugo's built-ins), an unknown shortcode reported as the build would fail on it, and an image
// dropped into a post written where the site keeps its images, through the workspace's file system.
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, append, open, ours, post, root, waitFor } from './helpers';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const sourceOf = (i: vscode.CompletionItem): string | undefined => (typeof i.label === 'string' ? undefined : i.label.description);

suite('Shortcodes and images in the browser', () => {
  const made: vscode.Uri[] = [];
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of made) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('completion after {{< offers Hugo\'s built-in shortcodes; an unknown one is an error', async () => {
    const { document: doc } = await open(post('hiring_loops.md'));
    await append(doc, '\n\n{{< ');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const items = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
      const ours = (list?.items ?? []).filter((i) => i.kind === vscode.CompletionItemKind.Function);
      return ours.some((i) => labelOf(i) === 'youtube') && ours;
    }, 20_000, 'the built-in youtube shortcode in completion');
    assert.equal(sourceOf(items.find((i) => labelOf(i) === 'youtube')!), 'built-in');
    assert.ok(items.some((i) => labelOf(i) === 'figure'), 'figure is offered too');

    await append(doc, 'no-such-shortcode >}}\n');
    const line = doc.lineCount - 2;
    const found = await waitFor(() => {
      const d = ours(doc.uri, 'shortcode.unknown').filter((x) => x.range.start.line === line);
      return d.length > 0 && d;
    }, 15_000, 'shortcode.unknown on the new line');
    assert.equal(found[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(found[0].message, /no-such-shortcode/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an image dropped into a post is written where the site keeps images, and its link checks clean', async () => {
    const incoming = vscode.Uri.joinPath(root(), 'incoming-web.png');
    await vscode.workspace.fs.writeFile(incoming, PNG);
    made.push(incoming);
    const { document: doc } = await open(post('one_on_ones.md'));
    const r = await vscode.commands.executeCommand<{ error?: string; kind?: string; selected?: string; text?: string }>('postcraft.test.imageEdit', { uri: doc.uri.toString(), image: incoming.toString(), kind: 'drop' });
    assert.ok(r && !r.error, `an edit was offered and applied: ${JSON.stringify(r)}`);
    assert.equal(r.kind, 'markdown.link.image.postcraft');
    assert.equal(r.selected, 'alt text', 'the alt text placeholder is selected');
    const m = /!\[alt text\]\((\/images\/[^)\s]+)\)/.exec(doc.getText());
    assert.ok(m, `a root-relative link into the site's image folder:\n${doc.getText().slice(-200)}`);
    const written = vscode.Uri.joinPath(root(), 'static', m[1]);
    made.push(written);
    assert.deepEqual([...(await vscode.workspace.fs.readFile(written))], [...PNG], `${m[1]} holds the image`);
    const line = doc.getText().split('\n').findIndex((l) => l.includes(m[0]));
    // A broken image below shows the check has run on this text; the dropped one stays clean.
    await append(doc, '\n\n![x](/images/not-here.png)\n');
    const broken = doc.lineCount - 2;
    await waitFor(() => ours(doc.uri).some((d) => d.range.start.line === broken), 15_000, 'the broken image reported');
    const settled = await waitFor(() => ours(doc.uri).every((d) => d.range.start.line !== line), 15_000, 'no finding on the dropped image');
    assert.ok(settled);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
