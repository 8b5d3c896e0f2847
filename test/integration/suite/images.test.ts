// Images in a real VS Code, on a copy of the workspace blog (examples/blog, a Hugo site) and on
// copies of examples/jekyll-blog and examples/docusaurus-blog that the suite adds to the workspace as
// folders (as a writer opening a second blog does; the extension must index them as sites): a paste
// and a drop of an image put the file where `postcraft image add` says, insert the same link with the
// alt text selected, and the link gives no diagnostic. code-server cannot put an image on the
// clipboard or drag one headless, so the test command `postcraft.test.imageEdit` calls our
// registered paste and drop providers with a data transfer holding the image's URI (what a drop from
// the explorer hands them) and applies the edit.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { changeFolders, indexedSites, posixPath, waitFor } from './workspaceSites';

const EXTENSION_ID = 'postcraft-dev.postcraft';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The example sites the suite adds to the workspace (copies; examples/ is never written). */
const ADDED = { 'jekyll-blog': 'jekyll', 'docusaurus-blog': 'docusaurus' } as const;
type SiteName = 'hugo' | keyof typeof ADDED;

/** Per example site: a post in a page bundle (or folder post) and a single-file post, where the site has them. */
const POSTS: [SiteName, string][] = [
  ['hugo', 'content/posts/static_site_tooling/index.md'],
  ['hugo', 'content/posts/one_on_ones.md'],
  ['jekyll-blog', '_posts/2021-04-08-pairing-across-time-zones.md'],
  ['docusaurus-blog', 'blog/2021-06-12-second-post/index.md'],
  ['docusaurus-blog', 'blog/2021-05-30-first-post.md'],
];

function root(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the test workspace folder is open');
  return folders[0].uri.fsPath;
}

function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

type EditResult = { kind?: string; title: string; selected: string; text: string; active?: string; offered?: { kind?: string; title: string }[]; error?: string } | undefined;

suite('Images: paste and drop', function () {
  this.timeout(120_000);
  let cli: string;
  let image: string;
  /** Where the copies of the added example sites live (removed with the folders afterwards). */
  let extra: string;
  let addedAt = 0;
  const made: string[] = [];

  const siteRoot = (site: SiteName) => (site === 'hugo' ? root() : path.join(extra, site));

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
    cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), `${cli} was built`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-it-image-'));
    image = path.join(dir, 'Team Photo.png');
    fs.writeFileSync(image, PNG);
    extra = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-it-sites-'));
    for (const name of Object.keys(ADDED)) {
      const from = path.join(ext.extensionPath, 'examples', name);
      assert.ok(fs.existsSync(from), `${from} exists (the extension under test is the repository)`);
      fs.cpSync(from, path.join(extra, name), { recursive: true, filter: (src) => !/[\\/](node_modules|_site|build|\.docusaurus)$/.test(src) });
    }
    addedAt = vscode.workspace.workspaceFolders?.length ?? 0;
    await changeFolders(addedAt, 0, ...Object.keys(ADDED).map((name) => vscode.Uri.file(path.join(extra, name))));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of made) fs.rmSync(f, { force: true });
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > addedAt) {
      await changeFolders(addedAt, Object.keys(ADDED).length);
      // The suites after this one find the workspace's one site indexed again.
      await waitFor(async () => (await indexedSites()).size === 1, 30_000, 'the index without the added folders');
    }
    fs.rmSync(extra, { recursive: true, force: true });
  });

  test('folders added to the workspace are indexed as their sites', async () => {
    const want = new Map<string, string>([[posixPath(root()), 'hugo'], ...Object.entries(ADDED).map(([name, gen]) => [posixPath(path.join(extra, name)), gen] as [string, string])]);
    const sites = await waitFor(async () => {
      const s = await indexedSites();
      return [...want.keys()].every((r) => s.has(r)) ? s : undefined;
    }, 30_000, `the sites ${[...want.keys()].join(', ')} in the index`);
    for (const [r, gen] of want) assert.strictEqual(sites.get(r), gen, `${r} is a ${gen} site`);
  });

  for (const [i, [site, rel]] of POSTS.entries()) {
    const kind = i % 2 === 0 ? 'paste' : 'drop';
    test(`${kind} into ${site === 'hugo' ? '' : site + '/'}${rel}: the file where postcraft image add says, the same link, no diagnostic`, async function () {
      const base = siteRoot(site);
      const post = path.join(base, rel);
      assert.ok(fs.existsSync(post), `${post} exists`);
      // What the CLI does with the same image for the same post, on a copy of the site as it is now
      // (so the workspace sees no file come and go before the paste).
      const twin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-it-twin-')), path.basename(base));
      fs.cpSync(base, twin, { recursive: true, filter: (src) => !/[\\/](node_modules|public|resources|_site|build|\.docusaurus)$/.test(src) });
      const said = JSON.parse(execFileSync(process.execPath, [cli, 'image', 'add', image, '--post', path.join(twin, rel), '--format', 'json'], { encoding: 'utf8' })) as { file: string; markdown: string };
      fs.rmSync(path.dirname(twin), { recursive: true, force: true });
      assert.ok(!fs.existsSync(path.join(base, said.file)), `${said.file} is free in the workspace`);
      const doc = await vscode.workspace.openTextDocument(post);
      const r = await vscode.commands.executeCommand<EditResult>('postcraft.test.imageEdit', { uri: doc.uri.toString(), image, kind });
      assert.ok(r && !r.error, `an edit was offered and applied: ${JSON.stringify(r)}`);
      const created = path.join(base, said.file);
      made.push(created);
      assert.ok(fs.existsSync(created), `${said.file} was created`);
      assert.deepStrictEqual(fs.readFileSync(created), PNG);
      assert.strictEqual(r.kind, 'markdown.link.image.postcraft');
      assert.strictEqual(r.selected, 'alt text', 'the alt text placeholder is selected');
      const destination = said.markdown.slice(said.markdown.indexOf(']('));
      const inserted = `![alt text${destination}`;
      const line = doc.getText().split(/\r?\n/).findIndex((l) => l.includes(inserted));
      assert.ok(line >= 0, `${inserted} is in the post:\n${doc.getText().slice(-300)}`);
      if (i === 0) {
        // The README's picture (docs/image-paste.png): code-server cannot show VS Code's paste widget
        // headless, so it shows the result: the link inserted, its alt text selected, the new file in the explorer.
        await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(created));
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        await new Promise((r) => setTimeout(r, 1500));
        console.log('[screenshot] image-paste');
        await new Promise((r) => setTimeout(r, 2000));
      }
      // A broken image link below it proves the diagnostics are live for this text.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, '\n\n![x](/no-such-folder/missing.png)\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const broken = doc.lineCount - 2;
      const deadline = Date.now() + 15_000;
      const onLine = (n: number) => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.start.line === n);
      await waitFor(() => onLine(broken).length > 0, 20_000, 'the broken link to be reported');
      // The new file reaches the index through the file watcher, which may come after the first check.
      const settled = await waitFor(() => onLine(line).length === 0 || Date.now() > deadline, 20_000, 'the check to settle');
      assert.ok(settled);
      assert.deepStrictEqual(onLine(line).map((d) => `${codeOf(d)}: ${d.message}`), []);
      // Hovering the link shows the image.
      const col = doc.lineAt(line).text.indexOf('](') + 3;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
      const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.ok(shown.includes(encodeURI(path.basename(said.file))) && shown.includes('|width='), `a thumbnail hover: ${shown}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  }

  test('paste into a single-file Hugo post, "convert to a page bundle": x/index.md at the same URL, the image beside it, the editor follows, inbound links still resolve', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const rel = 'content/posts/one_on_ones.md';
    // Posts linking to it: by URL (relative) and by a relref naming the file.
    const linkers = ['content/posts/leading_vs_managing.md', 'content/posts/incident-reviews/index.md'];
    const post = path.join(root(), rel);
    const folder = post.replace(/\.md$/, '');
    assert.ok(fs.existsSync(post) && !fs.existsSync(folder), `${rel} is a single file`);
    const doc = await vscode.workspace.openTextDocument(post);
    await vscode.window.showTextDocument(doc);
    try {
      const r = await vscode.commands.executeCommand<EditResult>('postcraft.test.imageEdit', { uri: doc.uri.toString(), image, kind: 'paste', edit: 'bundle' });
      assert.ok(r && !r.error, `the bundle edit was offered and applied: ${JSON.stringify(r)}`);
      assert.deepStrictEqual(r.offered?.map((o) => o.kind), ['markdown.link.image.postcraft', 'markdown.link.image.postcraft.bundle'], 'offered after the default edit');
      const moved = path.join(folder, 'index.md');
      await waitFor(() => fs.existsSync(moved) && !fs.existsSync(post), 10_000, `${rel} to move to ${moved}`);
      assert.deepStrictEqual(fs.readFileSync(path.join(folder, 'Team-Photo.png')), PNG);
      assert.strictEqual(vscode.Uri.parse(r.active!).fsPath, moved, 'the open editor follows the moved file');
      const movedDoc = vscode.window.activeTextEditor!.document;
      const line = movedDoc.getText().split(/\r?\n/).findIndex((l) => l.includes('![alt text](Team-Photo.png)'));
      assert.ok(line >= 0, `the bundle-relative link is in the moved post:\n${movedDoc.getText().slice(-300)}`);
      // The same URL: the inbound links, the moved post's own links and the new image all resolve.
      const docs = [movedDoc, ...(await Promise.all(linkers.map((l) => vscode.workspace.openTextDocument(path.join(root(), l)))))];
      // In the linkers, the links to this post (the example blog has broken links of its own elsewhere).
      const concerns = (d: vscode.TextDocument, x: vscode.Diagnostic) => (codeOf(x).startsWith('link.') || codeOf(x).startsWith('ref.')) && (d === movedDoc || d.lineAt(x.range.start.line).text.includes('one_on_ones'));
      const linkProblems = () => docs.flatMap((d) => vscode.languages.getDiagnostics(d.uri).filter((x) => concerns(d, x)).map((x) => `${path.basename(path.dirname(d.uri.fsPath))}/${path.basename(d.uri.fsPath)}:${x.range.start.line + 1} ${codeOf(x)}: ${x.message}`));
      // The image reaches the index after the move: a first check may still miss it, and the
      // diagnostics must follow without another keystroke.
      const clean = Date.now() + 15_000;
      const before = await waitFor(() => { const p = linkProblems(); return p.length === 0 || Date.now() > clean ? p : undefined; }, 20_000, 'the moved post to check clean');
      assert.deepStrictEqual(before, [], 'nothing reported once the moved post and its image are indexed');
      // A broken link proves the diagnostics are live for the moved post.
      const probe = new vscode.WorkspaceEdit();
      probe.insert(movedDoc.uri, movedDoc.lineAt(movedDoc.lineCount - 1).range.end, '\n\n![x](/no-such-folder/missing.png)\n');
      assert.ok(await vscode.workspace.applyEdit(probe));
      const left = await waitFor(() => { const p = linkProblems(); return p.some((x) => x.includes('/no-such-folder/missing.png')) ? p : undefined; }, 20_000, 'the broken probe link to be reported');
      assert.ok(left.length === 1 && left[0].startsWith('one_on_ones/index.md:'), `only the probe is reported: ${left.join('; ')}`);
    } finally {
      // Back to the example as it was, for the suites after this one.
      await vscode.commands.executeCommand('workbench.action.files.saveAll');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(folder, { recursive: true, force: true });
      for (const f of [rel, ...linkers]) fs.copyFileSync(path.join(ext.extensionPath, 'examples', 'blog', f), path.join(root(), f));
      await new Promise((r) => setTimeout(r, 1500));
    }
  });

  test('completion in a front-matter image key offers the bundle\u2019s images and the site\u2019s', async () => {
    const rel = 'content/posts/static_site_tooling/index.md';
    const doc = await vscode.workspace.openTextDocument(path.join(root(), rel));
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(1, 0), 'image = ""\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 9));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('diagram.png'), `the bundle's image: ${labels.join(', ')}`);
    assert.ok(labels.includes('/images/review-checklist.png'), `the static image: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
