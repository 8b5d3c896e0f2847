// Writing in the browser: link diagnostics while typing and for the whole site, front-matter and
// link completion, hovers and Go to Definition, on examples/blog mounted over HTTP.
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, append, open, ours, post, waitFor } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('Writing in the browser', () => {
  suiteSetup(activate);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Check All Links reports the example blog\'s broken links, also in files that are not open', async () => {
    const r = await vscode.commands.executeCommand<{ files: number; diagnostics: number }>('postcraft.checkAllLinks');
    assert.ok(r && r.files >= 10, `checked ${r?.files} files`);
    assert.ok(r.diagnostics >= 6, `found ${r.diagnostics} diagnostics`);
    const d = await waitFor(() => ours(post('incident-reviews/index.md'), 'link.not-found')[0], 10_000, 'the async-standups link in a closed file');
    assert.equal(d.range.start.line, 36);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('a broken link typed into an open post shows, and fixing it clears it', async () => {
    const { document: doc } = await open(post('one_on_ones.md'));
    try {
      await append(doc, '\n\nSee [a post that is not there](../no_such_post_at_all/).\n');
      const line = doc.lineCount - 2;
      const d = await waitFor(() => ours(doc.uri, 'link.not-found').find((x) => x.range.start.line === line), 15_000, 'a diagnostic on the typed link');
      assert.match(d.message, /No page is published at \/posts\/no_such_post_at_all\//);
      const at = doc.lineAt(line).text.indexOf('no_such_post_at_all');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(line, at, line, at + 'no_such_post_at_all'.length), 'hiring_loops');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => !ours(doc.uri, 'link.not-found').some((x) => x.range.start.line === line), 15_000, 'the diagnostic to clear');
    } finally {
      await revert(doc);
    }
  });

  test('front-matter checks: the near-duplicate tag, with its quick fix', async () => {
    const { document: doc } = await open(post('estimates_are_forecasts.md'));
    const d = await waitFor(() => ours(doc.uri, 'frontmatter.near-duplicate')[0], 15_000, 'the near-duplicate diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    assert.equal(doc.getText(d.range), '"tech debt"');
    assert.ok(actions.some((a) => a.title === "Change to 'tech-debt'"), actions.map((a) => a.title).join('; '));
  });

  test('front-matter completion offers the site\'s tags', async () => {
    const { document: doc } = await open(post('leading_vs_managing.md'));
    const at = doc.getText().indexOf('"alignment"]');
    assert.ok(at >= 0, 'the post lists "alignment"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"alignment"]'.length)), '"alignment", ""]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const pos = doc.positionAt(at + '"alignment", "'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '"');
      const labels = list.items.map(labelOf);
      for (const t of ['teams', 'writing', 'tech-debt']) assert.ok(labels.includes(t), `offers ${t}: ${labels.join(', ')}`);
      assert.ok(!labels.includes('alignment'), 'not a tag already in the list');
    } finally {
      await revert(doc);
    }
  });

  test('link completion after ]( offers the other posts by the URL the site publishes', async () => {
    const { document: doc } = await open(post('tech_debt_ledger.md'));
    try {
      await append(doc, '\nAlso read [the go-karts post]() today.\n');
      const line = doc.lineCount - 2;
      const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('](') + 2);
      const list = await waitFor(async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '(');
        return l.items.some((i) => labelOf(i) === 'Bumper Cars or Go-Karts?') && l;
      }, 20_000, 'link completion');
      const item = list.items.find((i) => labelOf(i) === 'Bumper Cars or Go-Karts?')!;
      assert.equal(item.insertText, '/posts/bumper_cars_or_gokarts/');
    } finally {
      await revert(doc);
    }
  });

  test('hover on a link names the target post; Go to Definition opens it', async () => {
    const { document: doc } = await open(post('leading_vs_managing.md'));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('](../one_on_ones/#agenda-template)'));
    assert.ok(line >= 0, 'the link to one_on_ones');
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('../one_on_ones/') + 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\/posts\/one_on_ones\//, 'the hover');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
    const target = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri)).find((u) => u.path.endsWith('/content/posts/one_on_ones.md'));
    assert.ok(target, `a definition in one_on_ones.md: ${defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri).toString()).join(', ')}`);
    assert.equal(target.scheme, doc.uri.scheme, 'on the workspace\'s own file system');
  });
});
