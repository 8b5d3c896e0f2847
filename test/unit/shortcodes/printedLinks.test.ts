/**
 * Links a shortcode prints from its arguments: which template forms we read (exactly an argument, or
 * the baseURL and an argument), which we refuse (anything computed), and how each call is judged.
 * The real hugo pins the verdicts in test/fixtures/verdicts/hugo-shortcode-links.
 */
import * as assert from 'node:assert/strict';
import { shortcodeLinksOf } from '../../../src/core/generators/hugo/shortcodeLinks';
import { shortcodeUses } from '../../../src/core/links/shortcodes';
import { fixesFor } from '../../../src/core/links/fixes';
import { memorySite } from './helpers';

const links = (t: string) => shortcodeLinksOf(t).map((l) => `${l.attr}:${l.name ?? '#' + String(l.position)}${l.baseURL ? ':base' : ''}`);

describe('links a shortcode template prints from its arguments', () => {
  it('an attribute that is exactly one argument: named, positional, raw-quoted, trim markers, spacing', () => {
    assert.deepEqual(links('<img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}">'), ['src:src']);
    assert.deepEqual(links('<a class="x" href="{{.Get 0}}">{{ .Get 1 }}</a>'), ['href:#0']);
    assert.deepEqual(links('<a href="{{- .Get `url` -}}">x</a>'), ['href:url']);
    assert.deepEqual(links("<a href='{{ $.Get \"to\" }}'>x</a><img src={{ .Get \"pic\" }}>"), ['href:to', 'src:pic']);
  });

  it('after the site baseURL, written either way, over several lines', () => {
    assert.deepEqual(links('{{/* An image. */}}\n<img\n  src="{{.Site.BaseURL}}{{ .Get "src" }}"\n  alt="{{ .Get "alt" }}"\n>'), ['src:src:base']);
    assert.deepEqual(links('<a href="{{ site.BaseURL }}{{ .Get 0 }}">x</a>'), ['href:#0:base']);
  });

  it('a variable set once from an argument and never set again', () => {
    assert.deepEqual(links('{{- $src := .Get "src" }}\n{{- $title := .Get "title" }}\n<figure><a href="{{ $src }}" target="_blank">{{ readFile $src }}</a>{{ with $title }}<figcaption>{{ . }}</figcaption>{{ end }}</figure>'), ['href:src']);
    assert.deepEqual(links('{{ $u := .Get "u" }}{{ if $u }}{{ $u = printf "/x/%s" $u }}{{ end }}<a href="{{ $u }}">x</a>'), []);
    assert.deepEqual(links('{{ $u := .Get "u" }}{{ range .Page.Pages }}{{ $u := .RelPermalink }}{{ end }}<a href="{{ $u }}">x</a>'), []);
    assert.deepEqual(links('{{ $u := .Get "u" | relURL }}<a href="{{ $u }}">x</a>'), []);
  });

  it('inside if/with blocks whose condition is that argument; not inside any other block', () => {
    assert.deepEqual(links('{{ with .Get "link" }}<a href="{{ $.Get "link" }}">x</a>{{ end }}{{ if .Get "src" }}<img src="{{ .Get "src" }}">{{ end }}'), ['href:link', 'src:src']);
    assert.deepEqual(links('{{ $s := .Get "src" }}{{ with $s }}<img src="{{ $s }}">{{ end }}'), ['src:src']);
    assert.deepEqual(links('{{ if eq (.Get "kind") "img" }}<img src="{{ .Get "src" }}">{{ end }}'), []);
    assert.deepEqual(links('{{ if not (.Get "src") }}<img src="{{ .Get "src" }}">{{ end }}'), []);
    assert.deepEqual(links('{{ if .Get "src" }}x{{ else }}<img src="{{ .Get "src" }}">{{ end }}'), []);
    assert.deepEqual(links('{{ range .Params }}<a href="{{ $.Get 0 }}">x</a>{{ end }}'), []);
    assert.deepEqual(links('{{ define "x" }}<a href="{{ .Get 0 }}">x</a>{{ end }}'), []);
    // The block closed, what follows is read again.
    assert.deepEqual(links('{{ if .Get "x" }}{{ end }}<a href="{{ .Get 0 }}">x</a>'), ['href:#0']);
  });

  it('the dot inside `with` an argument is that argument; `safeURL` prints the value as it is', () => {
    assert.deepEqual(links('{{ with .Get "link" }}<a href="{{ . }}">x</a>{{ end }}'), ['href:link']);
    assert.deepEqual(links('{{ with .Get 1 }}<img src="{{- . -}}">{{ end }}'), ['src:#1']);
    assert.deepEqual(links('<a href="{{ .Get "href" | safeURL }}">x</a>{{ with .Get "src" }}<img src="{{ . | safeURL }}">{{ end }}'), ['href:href', 'src:src']);
    // Not the argument: the outer dot (else), a dot `range` or another `with` set, a dot at the top.
    assert.deepEqual(links('{{ with .Get "link" }}x{{ else }}<a href="{{ . }}">x</a>{{ end }}'), []);
    assert.deepEqual(links('{{ with .Get "link" }}{{ range $.Page.Pages }}<a href="{{ . }}">x</a>{{ end }}{{ end }}'), []);
    assert.deepEqual(links('{{ with .Get "link" }}{{ with $.Page.Params.x }}<a href="{{ . }}">x</a>{{ end }}{{ end }}'), []);
    assert.deepEqual(links('<a href="{{ . }}">x</a>{{ if .Get "link" }}<a href="{{ . }}">x</a>{{ end }}'), []);
    // An `if` inside `with` keeps the dot (and must test the argument, as before).
    assert.deepEqual(links('{{ with .Get "link" }}{{ if $.Get "link" }}<a href="{{ . }}">x</a>{{ end }}{{ end }}'), ['href:link']);
  });

  it('computed values are never read: pipes, printf, resources, text around the argument, conditional attributes', () => {
    for (const t of [
      '<img src="{{ .Get "src" | relURL }}">',
      '<img src="{{ .Get "src" | absURL }}">',
      '<a href="{{ (urls.Parse (.Get 0)).Path }}">x</a>',
      '<img src="{{ printf "/img/%s" (.Get "src") }}">',
      '{{ with .Page.Resources.GetMatch (.Get "src") }}<img src="{{ .RelPermalink }}">{{ end }}',
      '<img src="/img/{{ .Get "src" }}">',
      '<img src="{{ .Get "src" }}.png">',
      '<img src="{{ .Site.BaseURL }}img/{{ .Get "src" }}">',
      '<img src="{{ .Site.Params.cdn }}{{ .Get "src" }}">',
      '<img {{ with .Get "src" }}src="{{ . }}"{{ end }}>',
      '<a {{ if .Get "x" }}class="y"{{ end }} href="{{ .Get 0 }}">x</a>',
    ]) assert.deepEqual(links(t), [], t);
  });

  it('only <a href> and <img src>, not in HTML comments, scripts or templates', () => {
    assert.deepEqual(links('<link href="{{ .Get 0 }}"><iframe src="{{ .Get 1 }}"></iframe><script src="{{ .Get 2 }}"></script>'), []);
    assert.deepEqual(links('<!-- <a href="{{ .Get 0 }}">x</a> --><script>var s = \'<img src="{{ .Get 1 }}">\';</script><template><img src="{{ .Get 2 }}"></template>'), []);
    assert.deepEqual(links('<a data-href="{{ .Get 0 }}" href="/fixed">x</a>'), []);
  });

  it('a call records where its arguments are written', () => {
    const text = 'x {{< img src="/a b.png" alt=`A` />}} {{% pic "p.png" %}}';
    const [a, b] = shortcodeUses(text, 0);
    assert.equal(text.slice(a.at!.named['src'], a.at!.named['src'] + a.named['src'].length), '/a b.png');
    assert.deepEqual(a.args, []);
    assert.equal(a.at!.markdown, false);
    assert.equal(text.slice(b.at!.args[0], b.at!.args[0] + 5), 'p.png');
    assert.equal(b.at!.markdown, true);
  });
});

const SITE: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://blog.example.com/"\ntitle = "T"\n',
  'content/posts/target.md': '---\ntitle: Target\n---\n',
  'static/fig/here.png': 'png',
  'layouts/shortcodes/img.html': '<img src="{{ .Site.BaseURL }}{{ .Get "src" }}" alt="{{ .Get "alt" }}">',
  'layouts/shortcodes/dl.html': '{{- $src := .Get "src" }}<a href="{{ $src }}">{{ .Get "alt" }}</a>',
  'layouts/shortcodes/box.html': '<div>{{ .Inner }}</div>',
  'layouts/shortcodes/rel.html': '<img src="{{ .Get "src" | relURL }}">',
  'layouts/shortcodes/res.html': '{{ with resources.Get (.Get "src") }}<img src="{{ .RelPermalink }}">{{ end }}',
};

async function findings(body: string, tree = SITE): Promise<string[]> {
  const file = 'content/posts/p.md';
  const text = '---\ntitle: P\n---\n' + body;
  const { engine } = await memorySite({ ...tree, [file]: text });
  const diags = await engine.checkDocument('/site/' + file, text);
  return diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.start.line + 1}:${d.start.character}-${d.end.character} ${d.code} ${d.target ?? ''}`);
}

describe('checking the links shortcodes print', () => {
  it('a missing target is link.not-found on the argument; a present one is accepted; the baseURL is part of the link', async () => {
    assert.deepEqual(await findings('{{< img src="/fig/gone.png" >}}\n{{< img src="/fig/here.png" >}}\n{{< dl src="../target/" >}} {{< dl src="missing.svg" >}}\n'), [
      '4:13-26 link.not-found https://blog.example.com//fig/gone.png',
      '6:40-51 link.not-found missing.svg',
    ]);
  });

  it('calls in code blocks and code spans print live HTML (judged); raw HTML, another shortcode\'s content and {{% %}} are not judged', async () => {
    assert.deepEqual(await findings('```\n{{< dl src="a.svg" >}}\n```\n\nIn `{{< dl src="b.svg" >}}` code.\n\n<div>{{< dl src="c.svg" >}}</div>\n\n{{< box >}}{{< dl src="d.svg" >}}{{< /box >}}\n\n{{% dl src="e.svg" %}}\n'), [
      '5:12-17 link.not-found a.svg',
      '8:16-21 link.not-found b.svg',
    ]);
  });

  it('forms we cannot evaluate, empty values, template code and shortcodes whose template prints no link: nothing', async () => {
    assert.deepEqual(await findings('{{< res src="/gone.png" >}} {{< dl src="" >}} {{< dl >}} {{< dl src="{{ x }}" >}} {{< box >}}x{{< /box >}}\n'), []);
  });

  it('a form the template interpreter evaluates (relURL) is judged as Hugo prints it', async () => {
    assert.deepEqual(await findings('{{< rel src="/gone.png" >}} {{< rel src="/fig/here.png" >}}\n'), ['4:13-22 link.not-found /gone.png']);
  });

  it('no baseURL printed when a language sets its own', async () => {
    const tree = { ...SITE, 'hugo.toml': SITE['hugo.toml'] + '[languages.en]\nbaseURL = "https://en.example.com/"\n' };
    assert.deepEqual(await findings('{{< img src="/fig/gone.png" >}}\n', tree), []);
  });

  it('a fix edits the argument: a URL under the printed baseURL becomes the argument that gives it, never a shortcode', async () => {
    const file = 'content/posts/p.md';
    const text = '---\ntitle: P\n---\n{{< img src="/fig/hera.png" >}} {{< dl src="../target.md" >}}\n';
    const { engine } = await memorySite({ ...SITE, [file]: text });
    const [img, md] = await engine.checkDocument('/site/' + file, text);
    assert.equal(img.target, 'https://blog.example.com//fig/hera.png');
    assert.deepEqual(fixesFor(img, text).map((f) => [text.slice(f.range.start, f.range.end), f.newText]), [['/fig/hera.png', '/fig/here.png']]);
    assert.ok(fixesFor(md, text).length > 0);
    assert.ok(fixesFor(md, text).every((f) => !f.newText.includes('{{') && text.slice(f.range.start, f.range.end) === '../target.md'), JSON.stringify(fixesFor(md, text)));
  });
});
