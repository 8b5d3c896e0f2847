/**
 * Template-call checks on in-memory sites: each case is one the conformance suite builds with the real
 * hugo or jekyll (test/conformance/shortcodes.test.ts), plus the readings of Hugo's parser that a
 * fixture of its own would repeat (nesting, closing tags of other names, inline shortcodes).
 */
import * as assert from 'node:assert/strict';
import { shortcodeTags, includeTags } from '../../../src/core/shortcodes/tags';
import { HUGO_SITE, JEKYLL_SITE, memorySite, templateFindings } from './helpers';

const P = 'content/posts/p.md';
const FM = '---\ntitle: P\n---\n';
const hugo = (body: string, tree = HUGO_SITE) => templateFindings(tree, P, FM + body);

describe('shortcode tags as Hugo lexes them', () => {
  it('names, closing and self-closing tags, both delimiters, quoted ends, the escaped form', () => {
    const text = '{{< a x=">}}" >}} {{% b/c %}} {{< /a >}} {{< d />}} {{</* e */>}} {{%/* f */%}} {{<g/>}}';
    assert.deepEqual(shortcodeTags(text, 0).map((t) => `${t.closing ? '/' : ''}${t.name}${t.selfClosing ? '/' : ''}`), ['a', 'b/c', '/a', 'd/', 'g/']);
  });

  it('arguments over several lines; a tag never ended is no tag', () => {
    assert.deepEqual(shortcodeTags('{{< a\n  "x"\n>}} {{< b "never ended', 0).map((t) => t.name), ['a']);
  });

  it('Jekyll includes outside raw, with a file written as it is', () => {
    const text = '{% include a.html x=1 %}{% raw %}{% include b.html %}{% endraw %}{%- include c/d.md -%}{% include {{ v }} %}';
    assert.deepEqual(includeTags(text, 0).map((t) => text.slice(t.nameStart, t.nameEnd)), ['a.html', 'c/d.md']);
  });
});

describe('shortcode checks (Hugo)', () => {
  it('nothing on calls that build: site, theme and built-in shortcodes, nesting, self-closing with .Inner', async () => {
    assert.deepEqual(await hugo('{{< note title="x" >}}{{< badge 1 >}} {{< quote >}}q{{< /quote >}}{{< /note >}}\n{{< note />}} {{< figure src="a.png" >}} {{% highlight go %}}x{{% /highlight %}}\n'), []);
  });

  it('an unknown name, wherever it is written (code blocks and comments too), each one', async () => {
    assert.deepEqual(await hugo('{{< notee >}}\n\n```\n{{< youtub id="x" >}}\n```\n<!-- {{< x >}} -->\n'), ['4:shortcode.unknown', '7:shortcode.unknown', '9:shortcode.unknown']);
  });

  it('suggests the nearest name', async () => {
    const { engine } = await memorySite({ ...HUGO_SITE, [P]: FM + '{{< notee >}}' });
    const d = (await engine.checkDocument('/site/' + P, FM + '{{< notee >}}')).find((x) => x.code === 'shortcode.unknown')!;
    assert.match(d.message, /Did you mean "note"\?/);
    assert.deepEqual(d.data?.suggestions, ['note']);
  });

  it('unclosed: a shortcode reading .Inner with no closing tag, also when a nested one of its name is closed', async () => {
    assert.deepEqual(await hugo('{{< note >}}\ntext\n'), ['4:shortcode.unclosed']);
    assert.deepEqual(await hugo('{{< note >}} a\n\n{{< note >}}b{{< /note >}}\n'), ['4:shortcode.unclosed']);
    assert.deepEqual(await hugo('{{< quote >}}a\n{{< note >}}\n'), ['4:shortcode.unclosed', '5:shortcode.unclosed']);
  });

  it('a closing tag closes the innermost open shortcode, whatever its name (as Hugo reads it)', async () => {
    assert.deepEqual(await hugo('{{< quote >}}q{{< /quote >}} {{< note >}}x{{< /quote >}}\n'), []);
  });

  it('unexpected closes: on a shortcode without .Inner, self-closed or closed, a stray one, one never opened', async () => {
    assert.deepEqual(await hugo('A {{< badge "n" >}}label{{< /badge >}}.\n'), ['4:shortcode.unexpected-close']);
    assert.deepEqual(await hugo('{{< figure src="a.png" />}}\n'), ['4:shortcode.unexpected-close']);
    assert.deepEqual(await hugo('text\n\n{{< /note >}}\n'), ['6:shortcode.unexpected-close']);
    assert.deepEqual(await hugo('{{< note >}}x{{< /quote >}}\n'), ['4:shortcode.unexpected-close']);
    assert.deepEqual(await hugo('{{< note >}}x{{< /note >}}\n{{< /note >}}\n'), ['5:shortcode.unexpected-close']);
  });

  it('a tag never ended stops the reading (Hugo stops there too): nothing after it is judged unclosed', async () => {
    assert.deepEqual(await hugo('{{< note >}}\ntext {{< badge "unterminated\n\n{{< /note >}}\n'), []);
    assert.deepEqual(await hugo('{{< notee >}}\n{{< note "x\n'), ['4:shortcode.unknown']);
  });

  it('after the first structural error Hugo stops reading the page: no cascade', async () => {
    assert.deepEqual(await hugo('{{< badge 1 />}}\n{{< note >}}\n'), ['4:shortcode.unexpected-close']);
  });

  it('variants that disagree on .Inner, and inline shortcodes, are not judged for closing tags', async () => {
    const tree = { ...HUGO_SITE, 'layouts/shortcodes/v.html': '<p>{{ .Get 0 }}</p>', 'layouts/shortcodes/v.amp.html': '{{ .Inner }}' };
    assert.deepEqual(await hugo('{{< v >}}\n{{< v >}}x{{< /v >}}\n', tree), []);
    assert.deepEqual(await hugo('{{< x.inline >}}{{ now }}{{< /x.inline >}}\n'), []);
  });

  it('drafts and future pages are not read unless they are built; headless pages have no page of theirs to check', async () => {
    assert.deepEqual(await templateFindings(HUGO_SITE, 'content/posts/d.md', '---\ntitle: D\ndraft: true\n---\n{{< nope >}}\n'), []);
    assert.deepEqual(await templateFindings(HUGO_SITE, 'content/posts/f.md', '---\ntitle: F\ndate: 2999-01-01\n---\n{{< nope >}}\n'), []);
    const buildDrafts = { ...HUGO_SITE, 'hugo.toml': HUGO_SITE['hugo.toml'] + 'buildDrafts = true\n' };
    assert.deepEqual(await templateFindings(buildDrafts, 'content/posts/d.md', '---\ntitle: D\ndraft: true\n---\n{{< nope >}}\n'), ['5:shortcode.unknown']);
  });

  it("a shortcode later Hugo versions build in: information, unless the site says which Hugo builds it", async () => {
    assert.deepEqual(await hugo('{{< x user="a" id="1" >}}\n'), ['4:shortcode.unknown']);
    const { engine } = await memorySite({ ...HUGO_SITE, [P]: FM + '{{< x user="a" id="1" >}}\n' });
    const d = (await engine.checkDocument('/site/' + P, FM + '{{< x user="a" id="1" >}}\n')).find((x) => x.code === 'shortcode.unknown')!;
    assert.equal(d.severity, 'info');
    assert.match(d.message, /built into Hugo 0\.141\.0 and later/);
    const newer = { ...HUGO_SITE, 'hugo.toml': HUGO_SITE['hugo.toml'] + '[module.hugoVersion]\nmin = "0.145.0"\n' };
    assert.deepEqual(await hugo('{{< x user="a" id="1" >}}\n{{< details summary="s" >}}d{{< /details >}}\n', newer), []);
    const older = { ...HUGO_SITE, 'netlify.toml': '[build.environment]\n  HUGO_VERSION = "0.120.4"\n' };
    const { engine: e2 } = await memorySite({ ...older, [P]: FM + '{{< x >}}\n' });
    assert.deepEqual((await e2.checkDocument('/site/' + P, FM + '{{< x >}}\n')).filter((x) => x.code === 'shortcode.unknown').map((x) => x.severity), ['error']);
  });

  it('a theme not on disk: nothing about shortcodes on that site', async () => {
    const tree = { ...HUGO_SITE, 'hugo.toml': 'baseURL = "/"\ntheme = ["paper", "gone"]\n' };
    assert.deepEqual(await hugo('{{< nope >}}\n{{< note >}}\n{{< badge 1 />}}\n', tree), []);
  });
});

describe('include checks (Jekyll)', () => {
  const J = '_posts/2021-01-01-p.md';
  const jekyll = (body: string, tree = JEKYLL_SITE, file = J) => templateFindings(tree, file, body);

  it('an include with no file below _includes, in code blocks too; not inside raw, not a variable name', async () => {
    assert.deepEqual(await jekyll(`${FM}{% include hello.html %}\n{% include helo.html %}\n\`\`\`\n{% include cards/cardd.md %}\n\`\`\`\n{% raw %}{% include x.html %}{% endraw %}{% include {{ page.x }} %}\n`), ['5:include.not-found', '7:include.not-found']);
  });

  it('files Jekyll does not run Liquid in, or does not build, are not checked', async () => {
    assert.deepEqual(await jekyll('{% include nope.html %}\n', JEKYLL_SITE, 'page.md'), []);
    assert.deepEqual(await jekyll(`---\nrender_with_liquid: false\n---\n{% include nope.html %}\n`, JEKYLL_SITE, 'page.md'), []);
    assert.deepEqual(await jekyll(`${FM}{% include nope.html %}\n`, JEKYLL_SITE, '_drafts/d.md'), []);
    assert.deepEqual(await jekyll(`---\npublished: false\n---\n{% include nope.html %}\n`), []);
  });

  it('a site whose theme brings includes we cannot see: not checked', async () => {
    assert.deepEqual(await jekyll(`${FM}{% include nope.html %}\n`, { ...JEKYLL_SITE, '_config.yml': 'title: T\ntheme: minima\n' }), []);
  });
});
