/** In-memory sites for the authoring tests, and applying core edits to texts. */
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft, type Site } from '../../../src/core/service';
import type { FileTextEdit } from '../../../src/core/authoring/relink';

export const NOW = new Date('2026-01-15T12:00:00Z');

export const HUGO: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://blog.example.com/"\ntitle = "T"\n',
  'content/_index.md': '---\ntitle: Home\n---\n',
  'content/posts/_index.md': '---\ntitle: Posts\n---\n',
  'content/posts/leading-vs-managing.md': '---\ntitle: Leading vs Managing\ndate: 2024-03-01\n---\n\n## The Difference\n\n## Agenda Template\n\nSee [go-karts](../go-karts/) and [again](/posts/go-karts/#why).\n',
  'content/posts/go-karts.md': '---\ntitle: Bumper Cars or Go-Karts?\ndate: 2024-02-01\n---\n\n## Why\n\nBack to [leading](../leading-vs-managing/#the-difference).\n',
  'content/posts/hiring.md': '---\ntitle: Hiring Loops\ndate: 2024-01-01\n---\n\nRead [leading]({{< relref "leading-vs-managing.md#agenda-template" >}}) and [abs]({{< relref "/posts/leading-vs-managing" >}}).\n\n[ref]: ../leading-vs-managing/\n\nUse [the ref][ref] and <https://blog.example.com/posts/leading-vs-managing/>.\n',
  'content/posts/draft.md': '---\ntitle: Secret Draft\ndraft: true\n---\n',
  'content/posts/bundle/index.md': '---\ntitle: Bundle Post\ndate: 2024-04-01\n---\n\n![d](diagram.png)\n\n## Inside\n',
  'content/posts/bundle/diagram.png': 'png',
  'static/images/logo.png': 'png',
};

export async function site(tree: Record<string, string> = HUGO, root = '/site'): Promise<{ engine: Postcraft; site: Site; fs: MemoryFs }> {
  const fs = new MemoryFs(root, tree);
  const engine = await createPostcraft({ fs, roots: [root], clock: fixedClock() });
  return { engine, site: engine.sites[0], fs };
}

/** Applies edits (of one file) to its text, last first. */
export function applyEdits(text: string, edits: readonly { range: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

export function editsOf(edits: readonly FileTextEdit[], file: string): FileTextEdit[] {
  return edits.filter((e) => e.file === file);
}

/** Link diagnostics of a document's text. */
export async function linkCodes(engine: Postcraft, file: string, text: string): Promise<string[]> {
  const d = await engine.checkDocument('/site/' + file, text);
  return d.filter((x) => /^(link|ref|template)\./.test(x.code)).map((x) => `${x.start.line + 1}:${x.code}:${x.target ?? ''}`);
}
