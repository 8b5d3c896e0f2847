import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import type { ExtractedLink } from '../../../src/core/links/types';
import { GOLDMARK, KRAMDOWN_GFM } from '../../../src/core/markdown/dialect';

function links(text: string, o: { shortcodes?: boolean; liquid?: boolean } = {}): ExtractedLink[] {
  return analyzeDocument(text, { dialect: { ...GOLDMARK, templates: (o.shortcodes ?? true) ? 'shortcodes' : o.liquid ? 'liquid' : 'none' } }).links;
}

/** [kind, target] pairs, and a check that every range covers exactly its target. */
function summary(text: string, o?: { shortcodes?: boolean; liquid?: boolean }): string[][] {
  const out = links(text, o);
  for (const l of out) assert.equal(text.slice(l.range.start, l.range.end), l.target, `range of ${l.kind} ${l.target}`);
  return out.map((l) => [l.kind, l.target, ...(l.context ? [l.context] : [])]);
}

describe('extractLinks', () => {
  it('finds inline links, images, autolinks and used definitions with exact ranges', () => {
    const text = 'See [a](../a/ "title") and ![pic](img/p.png) and <https://example.org/x>.\n\n[b][def] and [def][]\n\n[def]: /posts/b/\n[unused]: /posts/unused/\n';
    assert.deepEqual(summary(text), [
      ['inline', '../a/'],
      ['image', 'img/p.png'],
      ['autolink', 'https://example.org/x'],
      ['definition', '/posts/b/'],
    ]);
  });

  it('locates a link nested around an image and repeated destinations separately', () => {
    const text = '[![alt](pic.png)](../target/) then [x](../target/) and [y](../target/)\n';
    const l = links(text);
    assert.deepEqual(l.map((x) => [x.kind, x.range.start]), [
      ['image', 8],
      ['inline', 18],
      ['inline', 39],
      ['inline', 59],
    ]);
  });

  it('reads angle-bracket destinations and destinations on the next line', () => {
    assert.deepEqual(summary('[a](<my file.md>) and [b](\n  ../b/)\n'), [
      ['inline', 'my file.md'],
      ['inline', '../b/'],
    ]);
  });

  it('finds nothing in code fences, indented code, code spans, HTML comments or front matter', () => {
    const text = [
      '---',
      'tags: [a, b]',
      'link: "[x](../fm/)"',
      '---',
      '```markdown',
      '[fenced](../fenced/)',
      '```',
      '',
      '    [indented](../indented/)',
      '',
      'Text `[code](../code/)` and <!-- [c](../comment/) <a href="/c/">c</a> -->',
      '',
      '<!--',
      '[block comment](../bc/)',
      '-->',
      '',
      '[x] is not a link, nor [y] [z].',
    ].join('\n');
    assert.deepEqual(summary(text), []);
  });

  it('reports `[text][label]` without a definition, never `[x]` alone', () => {
    const text = '[text][missing] and [solo] and [collapsed][] and [ok][d] and `[c][missing2]` and [^1]\n\n[d]: /x/\n';
    const refs = links(text).filter((l) => l.kind === 'reference');
    assert.deepEqual(refs.map((r) => [r.label, r.defined, text.slice(r.range.start, r.range.end)]), [
      ['missing', false, 'missing'],
      ['collapsed', false, 'collapsed'],
    ]);
  });

  it('finds raw HTML anchors and images in blocks and inline', () => {
    const text = '<div>\n<a href="/x/">x</a> <img alt="" src=\'/i.png\'>\n</div>\n\nInline <a class="k" href=../y/>y</a>.\n';
    assert.deepEqual(summary(text), [
      ['html-href', '/x/', 'raw-html'],
      ['html-src', '/i.png', 'raw-html'],
      ['html-href', '../y/', 'raw-html'],
    ]);
  });

  it('finds ref/relref (positional and path=) and figure src, but not the escaped form', () => {
    const text = 'A [x]({{< relref "a.md" >}}) {{% ref `b` %}} {{< ref path="/posts/c.md#h" lang="en" >}} {{< figure src="f.png" title="T" >}} {{</* ref "no" */>}}\n';
    assert.deepEqual(summary(text), [
      ['relref', 'a.md'],
      ['ref', 'b'],
      ['ref', '/posts/c.md#h'],
      ['figure', 'f.png'],
    ]);
  });

  it('a fragment written after a ref that is a destination belongs to the link; after one in prose it does not', () => {
    const text = '[a]({{< relref "x" >}}#one) <a href="{{< ref "y" >}}#two">b</a> <a href=\'{{< relref "z#three" >}}\'>c</a> {{< relref "w" >}}#prose\n';
    const refs = links(text, { shortcodes: true }).filter((l) => l.kind === 'ref' || l.kind === 'relref');
    assert.deepEqual(refs.map((l) => [l.target, l.afterFragment?.fragment ?? null, l.inHref ?? false]), [
      ['x', 'one', false],
      ['y', 'two', true],
      ['z#three', null, true],
      ['w', null, false],
    ]);
    assert.equal(text.slice(refs[0].afterFragment!.range.start, refs[0].afterFragment!.range.end), '#one');
  });

  it('keeps shortcodes inside code (Hugo runs them there too) and tags their context', () => {
    const text = '```\n{{< ref "in-fence" >}}\n```\n\n`{{< ref "in-span" >}}` and <!-- {{< ref "in-comment" >}} -->\n';
    assert.deepEqual(summary(text), [
      ['ref', 'in-fence', 'code'],
      ['ref', 'in-span', 'code'],
      ['ref', 'in-comment', 'raw-html'],
    ]);
  });

  it('finds template code typed into content, in text and in destinations, but not in code', () => {
    const text = 'See [post]({{ relref . "x.md" }}) and [b]({{.Site.BaseURL}}/posts/) and `{{ .Title }}`.\n\n```\n{{ .Site.Title }}\n```\n';
    assert.deepEqual(summary(text), [
      ['template', '{{ relref . "x.md" }}'],
      ['template', '{{.Site.BaseURL}}'],
    ]);
  });

  it('reports template code only where it was meant to run (a destination, Hugo functions), not placeholders', () => {
    const text = [
      'Replace {{name}} and {{ API_KEY }}; fold markers {{{ and }}}; {{ range $item := .posts }} in a slide.',
      '',
      'But {{ .Site.BaseURL }}, {{ site.Params.x }}, {{ partial "x" . }} and [d]({{ .Title }}/x/) are printed as they are.',
      '',
      '{{< caption >}}',
      '{{ .Params.inside }} is handed to the shortcode as it is',
      '{{< /caption >}}',
      '',
      '<div>{{ .Site.Title }}</div>',
      '',
      'A brace before an action is printed too: {{{.Site.BaseURL }}; a triple {{{ .Site.Title }}} is a client template.',
    ].join('\n');
    assert.deepEqual(
      summary(text).filter((l) => l[0] === 'template').map((l) => l[1]),
      ['{{ .Site.BaseURL }}', '{{ site.Params.x }}', '{{ partial "x" . }}', '{{ .Title }}', '{{.Site.BaseURL }}'],
    );
  });

  it('never reads brackets attached to code-like text or inside math as reference links', () => {
    const text = 'm[i][j], $rows[\'a\'][\'b\'], f()[0][1], [[wiki][page]], $a[i][j]$ and $$x[1][y]$$ are not links; [a real][missing] is, [b][d].\n\n[d]: /x/\n';
    assert.deepEqual(links(text).filter((l) => l.kind === 'reference').map((l) => l.label), ['missing']);
  });

  it('maps links in Liquid output back to where they are written, and drops what it cannot evaluate', () => {
    const text = '---\ntitle: T\nsection: /guide/\n---\n[a]({{ site.baseurl }}/x/) [b]({{ page.section | relative_url }}#s) [c]({% link about.md %}#team) [d]({{ site.unknown }}/y/) [e](/plain/)\n';
    const out = analyzeDocument(text, { dialect: KRAMDOWN_GFM, liquid: { site: { baseurl: '/blog' } } }).links.filter((l) => l.kind === 'inline');
    for (const l of out) assert.equal(text.slice(l.range.start, l.range.end), l.target);
    assert.deepEqual(
      out.map((l) => [l.target, l.href ?? '', l.liquidRef?.arg ?? '']),
      [
        ['{{ site.baseurl }}/x/', '/blog/x/', ''],
        ['{{ page.section | relative_url }}#s', '/blog/guide/#s', ''],
        ['{% link about.md %}#team', '/__pc_ref_0__#team', 'about.md'],
        ['/plain/', '', ''],
      ],
    );
  });

  it('finds Jekyll post_url and link tags only with liquid on, not inside raw', () => {
    const text = '[a]({% post_url 2019-03-01-x %}) {% link _posts/2019-03-01-y.md %} {% raw %}{% post_url no %}{% endraw %}\n';
    assert.deepEqual(
      summary(text, { shortcodes: false, liquid: true }).filter((l) => l[0] !== 'inline'),
      [
        ['post_url', '2019-03-01-x'],
        ['liquid-link', '_posts/2019-03-01-y.md'],
      ],
    );
    assert.deepEqual(summary(text, { shortcodes: false, liquid: false }).filter((l) => l[0] === 'post_url'), []);
  });

  it('handles links in lists, blockquotes, tables and headings', () => {
    const text = '- item [a](/a/)\n  - nested [b](/b/)\n\n> quote [c](/c/)\n\n| h | i |\n| - | - |\n| [d](/d/) | x |\n\n## Head [e](/e/)\n';
    assert.deepEqual(summary(text).map((l) => l[1]), ['/a/', '/b/', '/c/', '/d/', '/e/']);
  });

  it('never throws and keeps ranges inside the text on arbitrary input', () => {
    const alphabet = fc.constantFrom('[', ']', '(', ')', '<', '>', '{', '}', '%', '`', '"', '#', '/', '.', 'a', ' ', '\n', '!', ':', '-', '*', '\\', 'x', '=');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')), fc.boolean(), (text, sc) => {
        const out = links(text, { shortcodes: sc, liquid: !sc });
        for (const l of out) {
          assert.ok(l.range.start >= 0 && l.range.end <= text.length && l.range.start <= l.range.end);
          assert.equal(text.slice(l.range.start, l.range.end), l.target);
        }
      }),
      { numRuns: 500 },
    );
  });
});
