/**
 * Images in the editor: paste and drop (an image from the clipboard, the explorer or the OS goes
 * where the site keeps images, planned by src/core/images/plan.ts, and the link the site publishes is
 * inserted with its alt text selected), a thumbnail on hover over an image link or a front-matter
 * image value, and completion of image paths in front-matter image keys.
 *
 * Our edit kind is `markdown.link.image.postcraft`; package.json makes it the preferred paste and
 * drop edit for Markdown (`editor.pasteAs.preferences`, `editor.dropIntoEditor.preferences`), and
 * VS Code's own edits stay in the paste/drop widget.
 */
import * as vscode from 'vscode';
import type { EngineHost } from './workspace';
import type { Postcraft } from '../core/service';
import { FRONT_MATTER_SELECTOR, TRIGGER_CHARACTERS, mayHaveFrontMatter } from './frontMatterCompletion';
import { registerTestCommand } from './testCommands';
import { bundleImageEdit, type BundleImageEdit } from './imageBundle';

export const IMAGE_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image', 'postcraft');
/** The alternative: the single-file post becomes a page bundle with the image beside it (ranked after ours). */
export const BUNDLE_EDIT_KIND = IMAGE_EDIT_KIND.append('bundle');
const MIME_TYPES = ['image/*', 'files', 'text/uri-list'];
const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'mdx' }];

/** An image offered by the data transfer: its name, its bytes, and the file it already is, if any. */
interface Offered {
  readonly name: string;
  readonly bytes: () => Thenable<Uint8Array>;
  readonly uri?: vscode.Uri;
}

async function offeredImages(engine: Postcraft, dataTransfer: vscode.DataTransfer): Promise<Offered[]> {
  const out: Offered[] = [];
  const seen = new Set<string>();
  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  for (const line of (uriList ?? '').split(/\r?\n/)) {
    const s = line.trim();
    if (!s || s.startsWith('#')) continue;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(s, true);
    } catch {
      continue;
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (!engine.images.isImageName(name)) continue;
    seen.add(name);
    out.push({ name, uri, bytes: () => vscode.workspace.fs.readFile(uri) });
  }
  dataTransfer.forEach((item, mime) => {
    const f = item.asFile();
    if (!f || seen.has(f.name)) return;
    if (!mime.startsWith('image/') && !engine.images.isImageName(f.name)) return;
    seen.add(f.name);
    out.push({ name: f.name || 'image.png', uri: f.uri, bytes: () => f.data() });
  });
  return out;
}

export interface ImageEdit {
  readonly snippet: vscode.SnippetString;
  readonly additionalEdit: vscode.WorkspaceEdit;
  /** Absolute posix paths of the files the edit creates. */
  readonly files: string[];
  readonly title: string;
  /** The "convert to a page bundle" alternative, where the post can become one. */
  readonly bundle?: BundleImageEdit;
}

/** The edit a paste or drop of these images into `doc` makes, or undefined when it is not ours. */
export async function imageEdit(host: EngineHost, doc: vscode.TextDocument, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<ImageEdit | undefined> {
  const post = host.pathOf(doc.uri);
  if (post === undefined) return undefined;
  const engine = await host.get();
  if (!engine.siteOf(post) || token.isCancellationRequested) return undefined;
  const offered = await offeredImages(engine, dataTransfer);
  if (!offered.length) return undefined;
  const folder = vscode.workspace.getConfiguration('postcraft', doc.uri).get<string>('images.folder', '') || undefined;
  const snippet = new vscode.SnippetString();
  const additionalEdit = new vscode.WorkspaceEdit();
  const files: string[] = [];
  const taken = new Set<string>();
  let placeholder = 1;
  for (const o of offered) {
    if (token.isCancellationRequested) return undefined;
    const existing = o.uri && host.pathOf(o.uri);
    const linked = existing !== undefined && !folder ? engine.images.linkExisting(post, existing) : undefined;
    let destination: string;
    if (linked) destination = linked.destination;
    else {
      const bytes = await o.bytes();
      const r = await engine.images.plan({ post, name: o.name, bytes, folder, taken });
      if (r.kind === 'refused') {
        void vscode.window.showWarningMessage(`Postcraft: ${r.message}`);
        continue;
      }
      taken.add(r.plan.path);
      files.push(r.plan.path);
      additionalEdit.createFile(host.uriOf(r.plan.path), { contents: bytes, overwrite: false, ignoreIfExists: false });
      destination = r.plan.markdown.slice(r.plan.alt.end + 2, -1);
      for (const w of r.plan.warnings) void vscode.window.showWarningMessage(`Postcraft: ${w}`);
    }
    if (placeholder > 1) snippet.appendText('\n\n');
    snippet.appendText('![');
    snippet.appendPlaceholder('alt text', placeholder++);
    snippet.appendText(`](${destination})`);
  }
  if (placeholder === 1) return undefined;
  const where = files.length ? files.map((f) => engine.relative(engine.siteOf(f)!, f)).join(', ') : 'linked where it is';
  const bundle = folder ? undefined : await bundleImageEdit(host, engine, doc, post, offered);
  return { snippet, additionalEdit, files, title: `Insert image the site's way (${where})`, bundle };
}

export function registerImages(context: vscode.ExtensionContext, host: EngineHost): void {
  const paste: vscode.DocumentPasteEditProvider = {
    async provideDocumentPasteEdits(doc, _ranges, dataTransfer, _context, token) {
      const e = await imageEdit(host, doc, dataTransfer, token);
      if (!e) return undefined;
      const edit = new vscode.DocumentPasteEdit(e.snippet, e.title, IMAGE_EDIT_KIND);
      edit.additionalEdit = e.additionalEdit;
      if (!e.bundle) return [edit];
      const bundle = new vscode.DocumentPasteEdit(e.bundle.snippet, e.bundle.title, BUNDLE_EDIT_KIND);
      bundle.additionalEdit = e.bundle.additionalEdit;
      bundle.yieldTo = [IMAGE_EDIT_KIND];
      return [edit, bundle];
    },
  };
  const drop: vscode.DocumentDropEditProvider = {
    async provideDocumentDropEdits(doc, _position, dataTransfer, token) {
      const e = await imageEdit(host, doc, dataTransfer, token);
      if (!e) return undefined;
      const edit = new vscode.DocumentDropEdit(e.snippet, e.title, IMAGE_EDIT_KIND);
      edit.additionalEdit = e.additionalEdit;
      if (!e.bundle) return edit;
      const bundle = new vscode.DocumentDropEdit(e.bundle.snippet, e.bundle.title, BUNDLE_EDIT_KIND);
      bundle.additionalEdit = e.bundle.additionalEdit;
      bundle.yieldTo = [IMAGE_EDIT_KIND];
      return [edit, bundle];
    },
  };
  context.subscriptions.push(
    vscode.languages.registerDocumentPasteEditProvider(SELECTOR, paste, { providedPasteEditKinds: [IMAGE_EDIT_KIND, BUNDLE_EDIT_KIND], pasteMimeTypes: MIME_TYPES }),
    vscode.languages.registerDocumentDropEditProvider(SELECTOR, drop, { providedDropEditKinds: [IMAGE_EDIT_KIND, BUNDLE_EDIT_KIND], dropMimeTypes: MIME_TYPES }),
    vscode.languages.registerHoverProvider(SELECTOR, {
      async provideHover(doc, position) {
        const placed = await host.siteFileOf(doc);
        if (!placed) return undefined;
        const { engine, site, file } = placed;
        // The worker's analysis of this very text (never a parse of the body here).
        await host.ready(doc);
        const at = engine.images.at(site, file, doc.getText(), doc.offsetAt(position), site.index.document(file));
        if (!at) return undefined;
        const abs = site.root.replace(/\/$/, '') + '/' + at.file;
        return new vscode.Hover(thumbnail(host.uriOf(abs), at.file), new vscode.Range(doc.positionAt(at.range.start), doc.positionAt(at.range.end)));
      },
    }),
    vscode.languages.registerCompletionItemProvider(
      FRONT_MATTER_SELECTOR,
      {
        async provideCompletionItems(doc, position) {
          if (!mayHaveFrontMatter(doc)) return undefined;
          const placed = await host.siteFileOf(doc);
          if (!placed) return undefined;
          const { engine, site, file } = placed;
          const items = engine.images.completePaths(site, file, doc.getText(), doc.offsetAt(position));
          return items.map((c) => {
            const item = new vscode.CompletionItem(c.label, vscode.CompletionItemKind.File);
            item.insertText = c.insertText;
            item.filterText = c.filterText;
            item.sortText = c.sortText;
            item.range = new vscode.Range(doc.positionAt(c.range.start), doc.positionAt(c.range.end));
            item.detail = c.file;
            item.documentation = thumbnail(host.uriOf(site.root.replace(/\/$/, '') + '/' + c.file), c.file);
            return item;
          });
        },
      },
      ...TRIGGER_CHARACTERS,
    ),
    // The integration suite cannot put an image on the clipboard or drag one headless: it calls the
    // same providers with a data transfer holding the image's URI, as a drop from the explorer does.
    // `edit: 'bundle'` picks the "convert to a page bundle" alternative, as a writer does in the widget.
    registerTestCommand('postcraft.test.imageEdit', async (args: { uri: string; image: string; kind: 'paste' | 'drop'; edit?: 'bundle' }) => {
      let doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      const dt = new vscode.DataTransfer();
      // A path on disk, or a URI (the web suite's workspace is no local folder).
      const image = /^[a-z][\w+.-]+:\/\//i.test(args.image) ? vscode.Uri.parse(args.image) : vscode.Uri.file(args.image);
      dt.set('text/uri-list', new vscode.DataTransferItem(image.toString()));
      const token = new vscode.CancellationTokenSource().token;
      const pos = new vscode.Position(doc.lineCount, 0);
      const provided = args.kind === 'paste' ? await paste.provideDocumentPasteEdits!(doc, [new vscode.Range(pos, pos)], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token) : await drop.provideDocumentDropEdits(doc, pos, dt, token);
      const edits = ([] as (vscode.DocumentPasteEdit | vscode.DocumentDropEdit | null | undefined)[]).concat(provided ?? []).filter((x) => !!x);
      const want = args.edit === 'bundle' ? BUNDLE_EDIT_KIND : IMAGE_EDIT_KIND;
      const edit = edits.find((x) => x.kind?.value === want.value);
      const offered = edits.map((x) => ({ kind: x.kind?.value, title: x.title }));
      if (!edit) return { error: `no ${want.value} edit among ${JSON.stringify(offered)}`, offered };
      const insert = async () => {
        const editor = await vscode.window.showTextDocument(doc);
        await editor.insertSnippet(edit.insertText instanceof vscode.SnippetString ? edit.insertText : new vscode.SnippetString(edit.insertText), doc.lineAt(doc.lineCount - 1).range.end);
        return editor;
      };
      // As VS Code applies a paste: the text at the end first (the link edits' offsets lie before it), then the rest.
      let editor = args.edit === 'bundle' ? await insert() : undefined;
      if (edit.additionalEdit && !(await vscode.workspace.applyEdit(edit.additionalEdit))) return { error: 'the additional edit could not be applied', offered };
      if (!editor) editor = await insert();
      else {
        editor = vscode.window.activeTextEditor ?? editor;
        doc = editor.document;
      }
      return { kind: edit.kind?.value, title: edit.title, selected: doc.getText(editor.selection), text: doc.getText(), active: editor.document.uri.toString(), offered };
    }),
  );
}

function thumbnail(uri: vscode.Uri, file: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(`![${file.replace(/[[\]]/g, '')}](${uri.toString()}|width=240)\n\n\`${file}\``);
  md.supportHtml = false;
  return md;
}
