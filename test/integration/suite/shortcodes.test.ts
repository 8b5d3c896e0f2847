// Shortcodes in a real VS Code, on a temp copy of examples/blog given a shortcode of its own, a theme
// with one and Hugo's built-ins (the conformance suite builds the same kinds with the real hugo):
// completion of names, parameters and values, hover and Go to Definition on a call, the checks that
// stop the build (and their end once the template exists), and a theme that is not on disk.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './workspaceSites';

const EXTENSION_ID = 'postcraft-dev.postcraft';
const enc = (s: string) => new TextEncoder().encode(s);

function root(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri;
}

const at = (...path: string[]) => vscode.Uri.joinPath(root(), ...path);

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postcraft' && /^(shortcode|include)\./.test(String(d.code)));
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const describe = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? undefined : i.label.description);

async function completions(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return list?.items ?? [];
}

/** Opens a new post with `body`; the position of `|` in it (removed). */
async function openPost(name: string, body: string): Promise<{ doc: vscode.TextDocument; pos: vscode.Position }> {
  const text = `---\ntitle: "${name}"\n---\n\n${body.replace('|', '')}\n`;
  const uri = at('content', 'posts', name);
  await vscode.workspace.fs.writeFile(uri, enc(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const i = body.indexOf('|');
  return { doc, pos: doc.positionAt(text.indexOf(body.slice(0, Math.max(0, i))) + Math.max(0, i)) };
}

const NOTE = '{{/* A highlighted note; the title is optional. */}}\n<div class="note">{{ with .Get "title" }}<b>{{ . }}</b>{{ end }}{{ .Inner | markdownify }}</div>\n';
const BADGE = '<span class="badge">{{ .Get 0 }}</span>\n';
const QUOTE = '<!-- A pull quote with its author. -->\n<blockquote>{{ .Inner }}<cite>{{ .Get "author" }}</cite></blockquote>\n';

suite('Shortcodes', function () {
  this.timeout(120_000);
  let config = '';
  const created: vscode.Uri[] = [];

  const write = async (uri: vscode.Uri, text: string) => {
    await vscode.workspace.fs.writeFile(uri, enc(text));
    created.push(uri);
  };

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
    config = new TextDecoder().decode(await vscode.workspace.fs.readFile(at('hugo.toml')));
    await write(at('layouts', 'shortcodes', 'note.html'), NOTE);
    await write(at('layouts', 'shortcodes', 'badge.html'), BADGE);
    await write(at('themes', 'paper', 'layouts', 'shortcodes', 'quote.html'), QUOTE);
    await write(at('content', 'posts', 'zz_sc_used.md'), '---\ntitle: "Used"\n---\n\n{{< note title="Heads up" >}}x{{< /note >}}\n\n{{< note title="Heads up" >}}y{{< /note >}}\n');
    // A top-level key goes before the first table.
    await vscode.workspace.fs.writeFile(at('hugo.toml'), enc(`theme = "paper"\n${config}`));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(at('hugo.toml'), enc(config));
    const del = new vscode.WorkspaceEdit();
    for (const u of created) del.deleteFile(u, { ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(del);
  });

  test("completion after {{< offers the site's, the theme's and the built-in shortcodes, as snippets", async () => {
    const { doc, pos } = await openPost('zz_sc_complete.md', 'Intro {{< |');
    created.push(doc.uri);
    // The theme arrives with the configuration's reload.
    // Ours are functions (VS Code's Markdown snippets have names of their own, `quote` among them).
    const items = await waitFor(async () => {
      const list = (await completions(doc, pos)).filter((i) => i.kind === vscode.CompletionItemKind.Function);
      return list.some((i) => labelOf(i) === 'quote') && list;
    }, 30_000, 'the theme\'s quote shortcode in completion');
    const by = new Map(items.map((i) => [labelOf(i), i]));
    assert.match(describe(by.get('note')!) ?? '', /^site/);
    assert.equal(describe(by.get('quote')!), 'theme paper');
    assert.equal(describe(by.get('youtube')!), 'built-in');
    const note = by.get('note')!.insertText;
    assert.ok(note instanceof vscode.SnippetString);
    assert.equal(note.value, 'note title="$1" >}}$2{{< /note >}}$0');
    assert.match((by.get('note')!.documentation as vscode.MarkdownString).value, /A highlighted note/);
  });

  test('inside a call: its parameters, then the values the site already uses', async () => {
    const { doc, pos } = await openPost('zz_sc_params.md', '{{< note |');
    created.push(doc.uri);
    const params = await waitFor(async () => (await completions(doc, pos)).filter((i) => i.kind === vscode.CompletionItemKind.Property), 20_000, 'parameters of note');
    assert.deepEqual(params.map(labelOf), ['title']);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, pos, 'title="');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const values = await waitFor(async () => (await completions(doc, pos.translate(0, 7))).filter((i) => i.kind === vscode.CompletionItemKind.Value), 20_000, 'values of title');
    assert.deepEqual(values.map(labelOf), ['Heads up']);
  });

  test('hover on a call names its source and documentation; Go to Definition opens its template', async () => {
    const { doc } = await openPost('zz_sc_nav.md', '{{< quote author="Ada" >}}Q{{< /quote >}} and {{< badge "new" >}}');
    created.push(doc.uri);
    const quote = doc.positionAt(doc.getText().indexOf('quote') + 2);
    const hovers = await waitFor(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, quote);
      const text = (h ?? []).flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /theme paper shortcode/.test(text) && text;
    }, 20_000, 'a hover on quote');
    assert.match(hovers, /A pull quote with its author\./);
    assert.match(hovers, /Parameters: `author`/);
    const badge = doc.positionAt(doc.getText().indexOf('badge') + 1);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, badge);
    const targets = (defs ?? []).map((d) => ('targetUri' in d ? d.targetUri : d.uri).path);
    assert.ok(targets.some((p) => p.endsWith('/layouts/shortcodes/badge.html')), targets.join(', '));
  });

  test('calls that stop the build are errors where Hugo reports them, one after the other as Hugo would', async () => {
    const { doc } = await openPost('zz_sc_broken.md', 'A {{< notee >}} typo.\n\n{{< badge "x" >}}label{{< /badge >}}\n\n{{< note >}}\nnever closed');
    created.push(doc.uri);
    const lines = () => ours(doc.uri).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);
    // Hugo stops at the unknown name: what comes after it is not judged yet.
    await waitFor(() => lines().join() === '5:shortcode.unknown:0', 20_000, `the unknown shortcode alone (now ${lines().join()})`);
    // Its template created: the closing tag on a shortcode without .Inner is next.
    await write(at('layouts', 'shortcodes', 'notee.html'), '<i>{{ .Get 0 }}</i>\n');
    await waitFor(() => lines().join() === '7:shortcode.unexpected-close:0', 20_000, `the closing tag of badge (now ${lines().join()})`);
    // Fixed: the note that reads .Inner and is never closed.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(6).range, '{{< badge "x" >}}');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => lines().join() === '9:shortcode.unclosed:0', 20_000, `the unclosed note (now ${lines().join()})`);
  });

  test('a theme that is not on disk: its shortcodes are no error, and the status bar says why', async () => {
    const { doc } = await openPost('zz_sc_absent.md', 'A {{< gallery >}} from a theme, and [a broken link](/no-such-page/).');
    created.push(doc.uri);
    await waitFor(() => ours(doc.uri).some((d) => d.code === 'shortcode.unknown'), 20_000, 'gallery unknown while the theme is on disk');
    await vscode.workspace.fs.writeFile(at('hugo.toml'), enc(`theme = "absent"\n${config}`));
    const bar = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<{ text: string; tooltip?: string }>('postcraft.test.statusBar');
      return s?.tooltip?.includes('"absent" is not on disk') && s;
    }, 30_000, 'the status bar tooltip to name the missing theme');
    assert.match(bar.text, /Hugo/);
    // The open post is checked again with the new configuration: its link still, no shortcode.
    await waitFor(() => ours(doc.uri).length === 0, 20_000, 'the shortcode error to go');
    const links = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'postcraft' && d.code === 'link.not-found');
    assert.equal(links.length, 1);
  });
});
