/**
 * "Convert to a page bundle" as a paste/drop alternative: pasting an image into a single-file Hugo
 * post may instead move the post to `x/index.md` (same URL) and put the image beside it. Planned by
 * src/core/images/bundle.ts; applied as one WorkspaceEdit (the link edits, the rename, the new image
 * files), so one undo takes it all back and the open editor follows the moved file.
 */
import * as vscode from 'vscode';
import type { EngineHost } from './workspace';
import type { Postcraft } from '../core/service';
import { addEdits, movePlannedWithEdits } from './linkRename';

export interface BundleImageEdit {
  readonly snippet: vscode.SnippetString;
  readonly additionalEdit: vscode.WorkspaceEdit;
  /** Absolute posix paths of the post's new file and the images the edit creates. */
  readonly moved: string;
  readonly files: string[];
  readonly title: string;
}

export async function bundleImageEdit(host: EngineHost, engine: Postcraft, doc: vscode.TextDocument, post: string, offered: readonly { name: string; bytes: () => Thenable<Uint8Array> }[]): Promise<BundleImageEdit | undefined> {
  const site = engine.siteOf(post);
  // Cheap refusals first: the bytes of every image are read only for a post that can become a bundle.
  if (!site?.model.authoring.images?.toBundle || doc.isUntitled || !offered.length) return undefined;
  const images = await Promise.all(offered.map(async (o) => ({ name: o.name, bytes: await o.bytes() })));
  const r = await engine.images.planBundle({ post, images, now: engine.clock.now(), text: doc.getText() });
  if (r.kind === 'refused') return undefined;
  const plan = r.plan;
  const additionalEdit = new vscode.WorkspaceEdit();
  // Link edits by the files' current names, then the move (the open editor follows it), then the images.
  await addEdits(host, engine, site, additionalEdit, plan.edits);
  for (const m of plan.moves) {
    additionalEdit.renameFile(host.uriOf(m.from), host.uriOf(m.to), { overwrite: false, ignoreIfExists: false });
    movePlannedWithEdits(host.uriOf(m.from), host.uriOf(m.to));
  }
  plan.images.forEach((i, n) => additionalEdit.createFile(host.uriOf(i.path), { contents: images[n].bytes, overwrite: false, ignoreIfExists: false }));
  const snippet = new vscode.SnippetString();
  plan.images.forEach((i, n) => {
    if (n > 0) snippet.appendText('\n\n');
    snippet.appendText('![');
    snippet.appendPlaceholder('alt text', n + 1);
    snippet.appendText(`](${i.destination})`);
  });
  const to = plan.moves[0].to;
  return { snippet, additionalEdit, moved: to, files: plan.images.map((i) => i.path), title: `Convert to a page bundle (${engine.relative(site, to)}, same URL) and insert the image beside it` };
}
