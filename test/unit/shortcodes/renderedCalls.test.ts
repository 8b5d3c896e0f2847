/**
 * Shortcode calls rendered one by one with the site's template (the Go template interpreter): the
 * ids a call prints from the page's front matter are fragments of the page, the links it prints are
 * judged on the argument they came from or on the call, and a template we cannot evaluate keeps
 * fragments into its page unjudged. The real hugo pins the verdicts in
 * test/fixtures/verdicts/hugo-shortcode-render.
 */
import * as assert from 'node:assert/strict';
import { shortcodeUses } from '../../../src/core/links/shortcodes';
import { printedTags } from '../../../src/core/links/renderedCalls';
import { fixesFor } from '../../../src/core/links/fixes';
import { memorySite } from './helpers';
import { fileFields } from '../../../src/core/generators/hugo/shortcodeRender';
import type { HugoConfig } from '../../../src/core/generators/hugo/config';

const config = { contentDir: 'content', languages: [{ code: 'en', weight: 1 }, { code: 'fr', weight: 2 }] } as unknown as HugoConfig;

const SITE: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://blog.example.com/"\ntitle = "T"\n[params]\nhome = "/posts/target/"\n',
  'content/posts/target.md': '---\ntitle: Target\n---\n',
  'layouts/shortcodes/grid.html': '{{ $g := index $.Page.Params "grids" (.Get 0) }}<table{{ with $g.anchor }} id="{{ . }}"{{ end }}>{{ range $g.rows }}<tr id="{{ .key }}"><td>{{ .text | $.Page.RenderString }}</td></tr>{{ end }}</table>',
  'layouts/shortcodes/quote.html': '{{ $.Scratch.Set "from" false }}{{ if .IsNamedParams }}{{ $.Scratch.Set "from" (.Get "source") }}{{ end }}<blockquote>{{ .Inner }}{{ with $.Scratch.Get "from" }}<cite><a href="{{ . }}">src</a></cite>{{ end }}</blockquote>',
  'layouts/shortcodes/further.html': '<a href="{{ with .Page.Params.further }}{{ . }}{{ else }}{{ .Site.Params.home }}{{ end }}">more</a>',
  'layouts/shortcodes/opaque.html': '{{ partial "x.html" . }}<div id="{{ .Get 0 }}-x"></div>',
};

async function findings(front: string, body: string, tree = SITE): Promise<string[]> {
  const file = 'content/posts/p.md';
  const text = `---\ntitle: P\n${front}---\n${body}`;
  const { engine } = await memorySite({ ...tree, [file]: text });
  const diags = await engine.checkDocument('/site/' + file, text);
  return diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.start.line + 1}:${d.start.character}-${d.end.character} ${d.code} ${d.target ?? ''}`);
}

const GRIDS = 'grids:\n  a:\n    anchor: top-table\n    rows:\n      - key: row-one\n        text: "*one*"\n  b:\n    rows:\n      - key: row-two\n';

describe('shortcode calls rendered with their template', () => {
  it('a paired call records the text up to its closing tag, a self-closing one empty text, an unclosed one none', () => {
    const text = '{{< q a="1" >}}outer {{< q >}}inner{{< /q >}} tail{{< /q >}} {{< img src="x" />}} {{< open >}}';
    const uses = shortcodeUses(text, 0);
    assert.deepEqual(uses.map((u) => u.at?.inner), ['outer {{< q >}}inner{{< /q >}} tail', 'inner', '', undefined]);
  });

  it('a quoted argument holds what Hugo puts in it: a nested call, >}}, quotes that split it as Hugo splits it', () => {
    const text = '{{< a "x {{< b >}} y" "/p/" >}} {{< a "`w, "B 10"` {{< i z >}}" "/q/" >}} {{< c `raw >}}` n=1 >}}';
    assert.deepEqual(shortcodeUses(text, 0).map((u) => [u.name, u.args, u.named]), [
      ['a', ['x {{< b >}} y', '/p/'], {}],
      ['a', ['`w, ', 'B', '10', '` {{< i z >}}', '/q/'], {}],
      ['c', ['raw >}}'], { n: '1' }],
    ]);
  });

  it('reads <a href> and <img src> of the output, entities decoded, not in comments or scripts', () => {
    assert.deepEqual(printedTags('<a class="x" href="/a?b=1&amp;c=2">x</a><!-- <a href="/no"> --><img alt=\'i\' src=\'/p.png\'><script>"<a href=/no2>"</script><link href="/css">'), [
      { attr: 'href', value: '/a?b=1&c=2' },
      { attr: 'src', value: '/p.png' },
    ]);
  });

  it('ids printed from the front matter are fragments of the page: present accepted, missing reported', async () => {
    assert.deepEqual(await findings(GRIDS, '{{< grid a >}}\n{{< grid b >}}\n[x](#top-table) [y](#row-one) [z](#row-two)\n[w](#b-table)\n'), ['16:4-12 link.fragment-not-found #b-table']);
  });

  it('a link the template prints from a scratch value is judged on the argument it came from', async () => {
    assert.deepEqual(await findings('', '{{< quote source="/posts/target/" >}}q{{< /quote >}}\n{{< quote source="gone/" >}}q{{< /quote >}}\n{{< quote >}}q{{< /quote >}}\n'), ['5:18-23 link.not-found gone/']);
  });

  it('a link printed from front matter or the site params is judged on the call, with no fix that would edit it', async () => {
    assert.deepEqual(await findings('', '{{< further >}}\n'), []);
    const file = 'content/posts/p.md';
    const text = '---\ntitle: P\nfurther: /posts/targat/\n---\n{{< further >}}\n';
    const { engine } = await memorySite({ ...SITE, [file]: text });
    const [d, ...rest] = (await engine.checkDocument('/site/' + file, text)).filter((x) => x.severity === 'error' || x.severity === 'warning');
    assert.deepEqual(rest, []);
    assert.equal(`${d.start.line + 1}:${d.start.character}-${d.end.character} ${d.code} ${d.target}`, '5:0-3 link.not-found /posts/targat/');
    assert.deepEqual(fixesFor(d, text).filter((f) => f.newText.includes('/posts/')), []);
  });

  it('Markdown the template renders with a heading in it: ids we do not compute, so fragments stay unjudged', async () => {
    const tree = { ...SITE, 'layouts/shortcodes/intro.html': '<div>{{ .Page.Params.intro | markdownify }}</div>' };
    assert.deepEqual(await findings('intro: "## Why"\n', '{{< intro >}}\n[x](#why) [y](#nothing)\n', tree), []);
    assert.deepEqual(await findings('intro: "*Why*"\n', '{{< intro >}}\n[y](#nothing)\n', tree), ['6:4-12 link.fragment-not-found #nothing']);
  });

  it('.Page.File gives the fields hugo 0.111 gives (a path built from it is judged)', async () => {
    const tree = { ...SITE, 'layouts/shortcodes/pic.html': '<img src="/pics/{{ .Page.File.ContentBaseName }}/{{ .Get 0 }}" alt="{{ .Page.File.Dir }}|{{ .Page.File.LogicalName }}|{{ .Page.File.TranslationBaseName }}|{{ .Page.File.Ext }}|{{ .Page.File.Section }}">', 'static/pics/p/a.png': 'png' };
    assert.deepEqual(await findings('', '{{< pic "a.png" >}} {{< pic "b.png" >}}\n', tree), ['4:29-34 link.not-found /pics/p/b.png']);
    assert.deepEqual(fileFields(config, 'content/posts/b/index.fr.md', 'fr'), { Path: 'posts/b/index.fr.md', Dir: 'posts/b/', LogicalName: 'index.fr.md', BaseFileName: 'index.fr', TranslationBaseName: 'index', ContentBaseName: 'b', Ext: 'md', Section: 'posts', Lang: 'fr' });
    assert.deepEqual(fileFields(config, 'content/My.Dotted.Name.md', 'en'), { Path: 'My.Dotted.Name.md', Dir: '', LogicalName: 'My.Dotted.Name.md', BaseFileName: 'My.Dotted.Name', TranslationBaseName: 'My.Dotted.Name', ContentBaseName: 'My.Dotted.Name', Ext: 'md', Section: '', Lang: 'en' });
    assert.equal(fileFields(config, 'static/x.md', 'en'), undefined);
  });

  it('a template we cannot evaluate (a partial) leaves fragments into its page unjudged', async () => {
    assert.deepEqual(await findings('', '{{< opaque "a" >}}\n[x](#anything)\n'), []);
  });

  it('the page\'s own text (.Inner) is judged where it is written, never as the template\'s output', async () => {
    // Raw HTML in a call's content is not judged there today; it must not come back on the call either.
    assert.deepEqual(await findings('', '{{< quote source="/posts/target/" >}}<a href="/nope/">n</a>{{< /quote >}}\n'), []);
  });
});
