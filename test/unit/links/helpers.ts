/** A Hugo (or plain) site in memory and one post checked in it. */
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft } from '../../../src/core/service';
import type { PostcraftDiagnostic } from '../../../src/core/diagnostics';
import { setLinkOptions, type LinkOptions } from '../../../src/core/links/diagnostics';

export const BASE_SITE: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://blog.example.com/"\ntitle = "T"\n',
  'content/_index.md': '---\ntitle: Home\n---\n',
  'content/posts/_index.md': '---\ntitle: Posts\n---\n\n## Archive\n',
  'content/posts/alpha.md': '---\ntitle: Alpha\ntags: ["go", "team work"]\naliases: ["/old/alpha/", "alpha-legacy"]\n---\n\n## Intro\n\n## Details {#custom-id}\n\n### Intro\n\n<a id="raw-anchor"></a>\n',
  'content/posts/beta.md': '---\ntitle: Beta\n---\n\nBeta body.\n',
  'content/posts/draft.md': '---\ntitle: Draft\ndraft: true\n---\n',
  'content/posts/future.md': '---\ntitle: Future\ndate: 2099-01-01\n---\n',
  'content/posts/bundle/index.md': '---\ntitle: Bundle\n---\n\n## Inside\n',
  'content/posts/bundle/pic.png': 'png',
  'content/about.md': '---\ntitle: About\n---\n',
  'static/images/x.png': 'png',
  'static/files/my doc.pdf': 'pdf',
};

export interface Checked {
  readonly engine: Postcraft;
  readonly diagnostics: PostcraftDiagnostic[];
  /** `line:code` for each diagnostic (1-based line), in order. */
  readonly codes: string[];
}

export async function checkPost(body: string, o: { site?: Record<string, string>; file?: string; options?: LinkOptions } = {}): Promise<Checked> {
  const file = o.file ?? 'content/posts/test.md';
  const fs = new MemoryFs('/site', { ...(o.site ?? BASE_SITE), [file]: body });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  if (o.options) setLinkOptions(engine, o.options);
  const diagnostics = (await engine.checkDocument('/site/' + file, body)).filter((d) => d.code.startsWith('link.') || d.code.startsWith('ref.') || d.code.startsWith('template.'));
  return { engine, diagnostics, codes: diagnostics.map((d) => `${d.start.line + 1}:${d.code}`) };
}

export const FM = '---\ntitle: Test\n---\n';
