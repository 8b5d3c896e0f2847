/** Sites with shortcodes (Hugo) or includes (Jekyll), in memory or from the conformance fixtures. */
import * as path from 'node:path';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft, type Site } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/shortcodes');

/** A Hugo site with a shortcode of its own, one from a theme, and the built-ins. */
export const HUGO_SITE: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://blog.example.com/"\ntitle = "T"\ntheme = "paper"\n',
  'content/_index.md': '---\ntitle: Home\n---\n',
  'content/posts/other.md': '---\ntitle: Other\n---\n\n{{< note title="Heads up" >}}x{{< /note >}}\n{{< note title="Heads up" >}}y{{< /note >}}\n{{< note title="Careful" >}}z{{< /note >}}\n{{< badge "new" >}}\n',
  'layouts/shortcodes/note.html': '{{/* A note. */}}<div class="note">{{ with .Get "title" }}<b>{{ . }}</b>{{ end }}{{ .Inner }}</div>',
  'layouts/shortcodes/badge.html': '<span>{{ .Get 0 }}</span>',
  'layouts/shortcodes/wrap.html': '<div class="wrap">{{ .Inner | markdownify }}</div>\n',
  'themes/paper/layouts/shortcodes/quote.html': '<!-- A pull quote. -->\n<blockquote>{{ .Inner }}<cite>{{ .Get "author" }}</cite></blockquote>',
};

export const JEKYLL_SITE: Record<string, string> = {
  '_config.yml': 'title: T\n',
  '_includes/hello.html': '{% comment %}Says hello.{% endcomment %}<p>Hello {{ include.who }}</p>',
  '_includes/cards/card.md': '**{{ include.heading }}**',
  '_posts/2020-01-01-other.md': '---\ntitle: Other\n---\n\n{% include hello.html who="Ada" %}\n',
};

export async function memorySite(tree: Record<string, string>): Promise<{ engine: Postcraft; site: Site; fs: MemoryFs }> {
  const fs = new MemoryFs('/site', tree);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  return { engine, site: engine.sites[0], fs };
}

export async function fixtureSite(name: string): Promise<{ engine: Postcraft; site: Site }> {
  const root = path.join(FIXTURES, name).split(path.sep).join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root], clock: fixedClock() });
  return { engine, site: engine.sites[0] };
}

/** `line:code` (1-based) of the template-call findings for one post. */
export async function templateFindings(tree: Record<string, string>, file: string, body: string): Promise<string[]> {
  const { engine } = await memorySite({ ...tree, [file]: body });
  const diags = await engine.checkDocument('/site/' + file, body);
  return diags.filter((d) => /^(shortcode|include)\./.test(d.code)).map((d) => `${d.start.line + 1}:${d.code}`);
}
