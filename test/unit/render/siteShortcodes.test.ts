/**
 * The preview shows what a site's own shortcode templates print, where our interpreter evaluates
 * them exactly; any other call keeps its wrapper or labelled box.
 */
import * as assert from 'node:assert/strict';
import { memorySite } from '../shortcodes/helpers';
import { prepareSite, renderInSite, type SiteRenderOptions } from '../../../src/core/render/site';
import { callSource, renderedShortcodes } from '../../../src/core/render/siteShortcodes';
import { printedHtml } from '../../../src/core/render/printed';
import { OPAQUE_END, OPAQUE_START } from '../../../src/core/site/generator';
import { renderFromTables } from '../../../src/core/render/tables';
import { DEFAULT_MARKUP } from '../../../src/core/render/render';

// An https address, as VS Code's webview URIs are (the sanitiser keeps no other scheme in a raw `<img>`).
const OPTS: SiteRenderOptions = { resourceUri: (abs) => `https://webview.test${abs}`, allowHttpsImages: false };

const SITE: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://blog.example.com/"\ntitle = "T"\n',
  'static/images/chart.png': 'png',
  'content/posts/other.md': '---\ntitle: Other\n---\n\n## Section\n',
  'layouts/partials/x.html': '<b>partial</b>',
  // Reads the page's front matter and the call's arguments.
  'layouts/shortcodes/ids.html': '<table class="ids"><caption>{{ .Get "caption" }} of {{ .Page.Title }}</caption>{{ range .Page.Params.ids }}<tr><td id="{{ . }}">{{ . }}</td></tr>{{ end }}</table>',
  'layouts/shortcodes/box.html': '<div class="box">{{ .Inner | markdownify }}</div>',
  'layouts/shortcodes/raw.html': '<div class="raw">{{ .Inner }}</div>',
  'layouts/shortcodes/part.html': '<div>{{ partial "x.html" . }}</div>',
  'layouts/shortcodes/evil.html': '<p class="evil" onclick="steal()">safe text<script>alert(1)</script><a href="javascript:steal()">js</a><svg onload="steal()"></svg></p>',
  'layouts/shortcodes/video.html': '<iframe src="https://player.example/{{ .Get 0 }}"></iframe>',
  'layouts/shortcodes/pic.html': '<img src="{{ .Get 0 }}" alt="{{ .Get 1 }}">',
  'layouts/shortcodes/tag.html': '<span class="tag">{{ .Get 0 | upper }}</span>',
  'layouts/shortcodes/emph.html': '**{{ .Inner }}** <b>and HTML</b>',
  'layouts/shortcodes/link.html': '<a href="{{ relref .Page (.Get 0) }}">{{ .Get 0 }}</a>',
};

async function render(body: string, extra: Record<string, string> = {}) {
  const text = `---\ntitle: Table Post\nids: [alpha, beta]\n---\n\n${body}`;
  const { engine, site } = await memorySite({ ...SITE, ...extra, 'content/posts/p.md': text });
  const prep = await prepareSite(engine, site);
  return { post: renderInSite(site, '/site/content/posts/p.md', text, prep, OPTS), site, prep, text };
}

describe('preview of shortcodes the site renders', () => {
  it("prints the template's HTML for the call: its arguments and the page's front matter", async () => {
    const { post } = await render('Intro\n\n{{< ids caption="The ids" >}}\n\nAfter\n');
    assert.match(
      post.bodyHtml,
      /<div class="pc-block" data-line="7"><div class="pc-rendered" data-shortcode="ids"><table class="ids"><caption>The ids of Table Post<\/caption><tr><td id="alpha">alpha<\/td><\/tr><tr><td id="beta">beta<\/td><\/tr><\/table><\/div><\/div>/,
    );
    assert.match(post.bodyHtml, /<p data-line="9">After<\/p>/);
    assert.doesNotMatch(post.bodyHtml, /pc-tag-shortcode/);
  });

  it('renders the Markdown it markdownifies, and prints .Inner as written in a {{< >}} call', async () => {
    const { post } = await render('{{< box >}}\nSome **bold** and [a link](/posts/other/)\n{{< /box >}}\n\n{{< raw >}}*as written*{{< /raw >}}\n\nAfter\n');
    // markdownify drops the paragraph around a single one, as Hugo does.
    assert.match(post.bodyHtml, /<div class="box">Some <strong>bold<\/strong> and <a href="\/posts\/other\/"[^>]*>a link<\/a><\/div>/);
    assert.match(post.bodyHtml, /<div class="raw">\*as written\*<\/div>/);
    // The three lines of the first call and the line of the second keep their places.
    assert.match(post.bodyHtml, /<div class="pc-block" data-line="9">/);
    assert.match(post.bodyHtml, /<p data-line="11">After<\/p>/);
  });

  it('renders a {{% %}} call\'s output as Markdown (raw HTML in it as the site allows)', async () => {
    const { post } = await render('{{% emph %}}strong words{{% /emph %}}\n');
    assert.match(post.bodyHtml, /data-shortcode="emph"><p><strong>strong words<\/strong> <span class="pc-raw-omitted"/);
    const unsafe = await render('{{% emph %}}strong words{{% /emph %}}\n', { 'hugo.toml': SITE['hugo.toml'] + '[markup.goldmark.renderer]\nunsafe = true\n' });
    assert.match(unsafe.post.bodyHtml, /<p><strong>strong words<\/strong> <b>and HTML<\/b><\/p>/);
  });

  it('keeps the labelled box for a template it cannot evaluate exactly (partial), nested calls and embeds', async () => {
    const { post } = await render('{{< part >}}\n\n{{< box >}}{{< tag "x" >}}{{< /box >}}\n\n{{< video abc >}}\n');
    assert.match(post.bodyHtml, /pc-tag-shortcode" data-shortcode="part"/);
    assert.doesNotMatch(post.bodyHtml, /partial/);
    assert.match(post.bodyHtml, /pc-tag-shortcode" data-shortcode="box"/);
    assert.match(post.bodyHtml, /pc-tag-shortcode" data-shortcode="tag"/);
    assert.match(post.bodyHtml, /pc-tag-shortcode" data-shortcode="video"/);
    assert.doesNotMatch(post.bodyHtml, /<iframe/);
  });

  it("sanitises the template's HTML: no script, SVG, event handler or javascript: link", async () => {
    const { post } = await render('{{< evil >}}\n');
    assert.match(post.bodyHtml, /<p class="evil">safe text<a>js<\/a><\/p>/);
    assert.doesNotMatch(post.bodyHtml, /<script|alert|onclick|steal|<svg|javascript/);
  });

  it('resolves the images it prints like raw HTML images, and the pages a relref names', async () => {
    const { post } = await render('{{< pic "/images/chart.png" "Chart" >}} {{< pic "/images/none.png" "Lost" >}}\n\n{{< link "other.md" >}}\n');
    assert.match(post.bodyHtml, /<img src="https:\/\/webview.test\/site\/static\/images\/chart.png" data-src="\/images\/chart.png" alt="Chart" \/>/);
    assert.match(post.bodyHtml, /pc-image-missing" title="image not found: nothing is published at \/images\/none.png">Lost/);
    assert.match(post.bodyHtml, /<a href="\/posts\/other\/">other.md<\/a>/);
  });

  it('inline calls stay inline; the same call twice renders once', async () => {
    const { post, site, prep, text } = await render('A {{< tag "new" >}} and {{< tag "new" >}} word.\n');
    assert.match(post.bodyHtml, /<p data-line="5">A <span class="pc-rendered" data-shortcode="tag"><span class="tag">NEW<\/span><\/span> and <span class="pc-rendered"/);
    const doc = site.index.currentDocument('content/posts/p.md', text)!;
    assert.deepEqual(Object.keys(renderedShortcodes(site, prep.extras?.shortcodeRenderers, doc, text, false)), ['{{< tag "new" >}}']);
  });

  it('keys each call by its text up to its closing tag', async () => {
    const { site, text } = await render('{{< box >}}x{{< /box >}} {{< tag a />}} {{< tag "b" >}}\n');
    const uses = site.index.currentDocument('content/posts/p.md', text)!.body().shortcodes!;
    assert.deepEqual(uses.map((u) => callSource(text, u)), ['{{< box >}}x{{< /box >}}', '{{< tag a />}}', '{{< tag "b" >}}']);
  });

  it('never lets a marker through: stray marks are dropped, marked parts rendered', () => {
    const md = (s: string) => `<p data-line="0">${s}</p>\n`;
    assert.equal(printedHtml({ name: 'x', output: `<i>${OPAQUE_END}a${OPAQUE_START}b`, markdown: false }, md), '<span class="pc-rendered" data-shortcode="x"><i>ab</span>');
    assert.equal(printedHtml({ name: 'x', output: `<i>${OPAQUE_START}${OPAQUE_START}in${OPAQUE_END}${OPAQUE_END}</i>`, markdown: false, inner: 'in' }, md), '<span class="pc-rendered" data-shortcode="x"><i>in</i></span>');
  });

  it("the worker reads the table as plain data: own string values only, each sanitised", () => {
    const tables = { links: {}, images: {}, authors: {}, shortcodes: JSON.parse('{"{{< w >}}": 5, "__proto__": {"{{< y >}}": "<b>y</b>"}, "{{< z >}}": "<em>z</em><script>alert(1)</script>"}') as Record<string, string> };
    const r = renderFromTables('A {{< w >}} {{< y >}} {{< z >}}\n', DEFAULT_MARKUP, tables);
    assert.match(r.post!.bodyHtml, /data-shortcode="w"[^>]*>w<\/span> <span class="pc-tag pc-tag-shortcode" data-shortcode="y"/);
    assert.match(r.post!.bodyHtml, /<span class="pc-rendered" data-shortcode="z"><em>z<\/em><\/span>/);
    assert.doesNotMatch(r.post!.bodyHtml, /script|alert/);
  });
});
