/**
 * The Go template engine's execution (src/core/generators/hugo/template): Go's truth and nil
 * rules, printing, html/template escaping by context, Hugo 0.111's functions and the shortcode,
 * page, site and scratch objects; and what must throw EvalError rather than guess. Every expected
 * output here is what hugo 0.111.3 printed for the same template.
 */
import * as assert from 'node:assert/strict';
import { EvalError, parseGoTemplate, renderShortcode, type ShortcodeCallInput } from '../../../src/core/generators/hugo/template';

const base: ShortcodeCallInput = {
  name: 't',
  positional: ['a', 'b c'],
  page: {
    params: { title: 'P', Foo: 'bar', nested: { CapKey: 'cv', deeper: { XKey: 1 } }, list: [{ Name: 'a', Val: 1 }, { Name: 'b' }], nul: null, num: 5, flt: 2.5, big: 1000000.5 },
    title: 'P',
    relPermalink: '/blog/p/',
    permalink: 'https://example.org/blog/p/',
  },
  site: { params: { SiteKey: 'sv', Nested: { InnerKey: 'iv' } }, baseURL: 'https://example.org/blog/', title: 'X' },
};

const render = (src: string, c: Partial<ShortcodeCallInput> = {}) => renderShortcode(parseGoTemplate(src), { ...base, ...c });
const refuses = (src: string, c: Partial<ShortcodeCallInput> = {}, message?: RegExp) =>
  assert.throws(() => render(src, c), (e: unknown) => e instanceof EvalError && (!message || message.test(e.message)));

describe('Go template execution (hugo/template exec, functions, escaping)', () => {
  it('page and site params: keys lower-cased in nested maps, not in maps inside lists', () => {
    assert.equal(render('{{ .Page.Params.foo }}|{{ .Page.Params.Foo }}|{{ index .Page.Params "Foo" }}|{{ isset .Page.Params "Foo" }}|{{ isset .Page.Params "foo" }}'), 'bar|bar|bar|false|true');
    assert.equal(render('{{ .Page.Params.nested.CapKey }}|{{ index .Page.Params.nested "CapKey" }}|{{ .Page.Params.nested }}'), 'cv|cv|map[capkey:cv deeper:map[xkey:1]]');
    assert.equal(render('{{ range .Page.Params.list }}{{ .Name }}/{{ .name }}/{{ index . "name" }};{{ end }}{{ .Page.Params.list }}'), 'a//;b//;[map[Name:a Val:1] map[Name:b]]');
    assert.equal(render('{{ .Site.Params.sitekey }}|{{ .Site.Params.nested }}|{{ .Page.Param "sitekey" }}|{{ .Page.Param "nested.capkey" }}'), 'sv|map[innerkey:iv]|sv|cv');
    refuses('x', { page: { params: { Key: 1, key: 2 } } }, /collide/);
  });

  it('nil and missing values: print nothing, print <nil> through print, fields of missing are missing', () => {
    assert.equal(render('[{{ .Page.Params.missing }}][{{ print nil }}][{{ .Page.Params.nul }}][{{ .Page.Params.missing.x }}][{{ .Page.Params.nul.x }}]'), '[][&lt;nil&gt;][][][]');
    assert.equal(render('{{ index .Page.Params "missing" "x" }}|{{ index (slice 1 2) 5 }}|{{ and .Page.Params.missing 1 }}'), '||');
    refuses('{{ range .Page.Params.list }}{{ .Val.x }}{{ end }}', {}, /can't evaluate field x in type int/);
    refuses('{{ range slice nil }}{{ .x }}{{ end }}', {}, /nil pointer/);
  });

  it('truth, and/or returning the deciding value, not', () => {
    assert.equal(render('{{ and 1 0 "x" }}|{{ or 0 "" "z" }}|{{ and 1 2 }}|{{ or 0 "" }}|{{ not 0 }}|{{ if .Page.Params.nul }}t{{ else }}f{{ end }}|{{ if slice }}t{{ else }}f{{ end }}'), '0|z|2||true|f|f');
  });

  it('printing numbers, maps and slices as fmt %v does', () => {
    assert.equal(render('{{ .Page.Params.num }}|{{ .Page.Params.flt }}|{{ 1000000.0 }}|{{ 123456.0 }}|{{ 1234567.0 }}|{{ 0.00001 }}|{{ div 5 2 }}|{{ div 5.0 2 }}'), '5|2.5|1e&#43;06|123456|1.234567e&#43;06|1e-05|2|2.5');
    assert.equal(render('{{ dict "a" 1 "B" "x" }}|{{ slice 1 "a" 2.5 }}|{{ slice }}|{{ slice 1 nil }}'), 'map[B:x a:1]|[1 a 2.5]|[]|[1 &lt;nil&gt;]');
    assert.equal(render('{{ printf "%s-%d-%q-%v-%5.2f-%x-%t-%03d-%-4s|" "s" 42 "q\\"" (slice 1 2) 3.14159 255 true 7 "ab" }}{{ printf "%.1f" 2.25 }}'), 's-42-&#34;q\\&#34;&#34;-[1 2]- 3.14-ff-true-007-ab  |2.2');
    assert.equal(render('{{ print "a" "b" 1 2 "c" }}|{{ println "a" 1 }}'), 'ab1 2c|a 1\n');
    refuses('{{ printf "%d" "x" }}', {}, /printf/);
    refuses('{{ printf "%s" }}', {}, /missing argument/);
    refuses('{{ .Page.Params.date }}', { page: { params: { date: new Date(0) } } }, /date/);
  });

  it('html/template escaping in text, quoted and unquoted attributes, and URL attributes', () => {
    assert.equal(render(`{{ "<a href=\\"x\\">&'+" }}|<a title="{{ "<\\"&'+ =" }}" data-x='{{ "a b" }}'>|<a href={{ "x y=z" }}>`), `&lt;a href=&#34;x&#34;&gt;&amp;&#39;&#43;|<a title="&lt;&#34;&amp;&#39;&#43; =" data-x='a b'>|<a href=x%20y&#61;z>`);
    assert.equal(render('<a href="{{ "javascript:alert(1)" }}">|<a href="{{ "tel:1" }}">|<a href="{{ "HTTPS://x" }}">|<a href="{{ "/a:b" }}">|<a href="{{ "javascript:x" | safeURL }}">|<a href="{{ "a b é" | safeURL }}">'), '<a href="#ZgotmplZ">|<a href="#ZgotmplZ">|<a href="HTTPS://x">|<a href="/a:b">|<a href="javascript:x">|<a href="a%20b%20%c3%a9">');
    assert.equal(render('<a href="/p/{{ "a b?c=d&e" }}?q={{ "a b/c&d" }}">|<a href="{{ "x" }}{{ "javascript:y" }}">|<a href="/{{ "javascript:y" }}">|<img data-src="{{ "vbscript:x" }}">'), '<a href="/p/a%20b?c=d&amp;e?q=a%20b%2fc%26d">|<a href="x#ZgotmplZ">|<a href="/javascript:y">|<img data-src="#ZgotmplZ">');
    assert.equal(render('<!-- hidden {{ "x" }} -->v<p class="{{ "a b" }}">|<title>{{ "<" }}</title>|<a title="{{ "<b>x</b>" | safeHTML }}">|{{ "<b>" | safeHTML }}|<p {{ "id=\\"k\\"" | safeHTMLAttr }}>'), 'v<p class="a b">|<title>&lt;</title>|<a title="x">|<b>|<p id="k">');
    refuses('<script>var x = {{ "a" }};</script>', {}, /script/);
    refuses('<a onclick="{{ "a" }}">', {}, /js attribute/);
    refuses('<div style="color: {{ "red" }}">', {}, /css/);
    refuses('<img srcset="{{ "a.png 2x" }}">', {}, /srcset/);
  });

  it('comparison: eq is strict across int/float and types, lt/gt read numeric strings', () => {
    assert.equal(render('{{ eq 1 1.0 }}|{{ eq 1 "1" }}|{{ eq "a" "a" }}|{{ lt 1 "2" }}|{{ lt "10" "9" }}|{{ lt "a" 1 }}|{{ eq nil nil }}|{{ eq .Page.Params.missing nil }}|{{ ne 1 "1" }}|{{ eq 1 2 1 }}|{{ lt 1 2 3 }}|{{ eq (.Get 0) ("a" | safeHTML) }}'), 'false|false|true|true|false|true|true|true|true|true|true|true');
    refuses('{{ eq (slice 1) (slice 1) }}', {}, /comparing/);
  });

  it('collections, strings, maths and conversions', () => {
    assert.equal(render('{{ default "d" (.Get 4) }}|{{ default "d" "" }}|{{ default "d" 0 }}|{{ default "d" false }}|{{ cond true 1 2 }}|{{ len "héllo" }}'), 'd|d|d|false|1|6');
    assert.equal(render('{{ split "a,b,,c" "," }}|{{ last 2 (split "a/b/c" "/") }}|{{ slicestr "abcdef" 1 3 }}|{{ substr "abcdef" -2 }}|{{ substr "abcdef" 1 -1 }}|{{ seq 2 4 }}|{{ first 2 (slice 1 2 3) }}|{{ after 5 (slice 1 2) }}'), '[a b  c]|[b c]|bc|ef|bcde|[2 3 4]|[1 2]|[]');
    assert.equal(render('{{ in (slice 1 2) 2 }}|{{ in "abc" "b" }}|{{ uniq (slice 1 2 1) }}|{{ append 3 (slice 1 2) }}|{{ delimit (slice "<a>" 2 3) ", " " and " }}|{{ replaceRE "(a+)" "<$1>" "caaab" }}|{{ findRE "[a-c]+" "xabyc" }}'), 'true|true|[1 2]|[1 2 3]|<a>, 2 and 3|c&lt;aaa&gt;b|[ab c]');
    assert.equal(render('{{ int "8" }}|{{ int 3.9 }}|{{ float "2" }}|{{ string 5 }}|{{ add 1 2.5 }}|{{ add 1 2 3 }}|{{ mod 7 3 }}|{{ add "a" "b" }}|{{ lower "AbC" }}|{{ trim "--a--" "-" }}|{{ strings.Replace "aXbX" "X" "y" 1 }}|{{ strings.TrimPrefix "f" "foo" }}'), '8|3|2|5|3.5|6|1|ab|abc|a|aybX|oo');
    assert.equal(render('{{ humanize "my-first_post" }}|{{ humanize "myFirstPost" }}|{{ humanize 3 }}|{{ title "the lord of the rings" }}|{{ urlize "Hello World! Ça va?" }}|{{ anchorize "Foo.Bar_baz--q" }}'), 'My first post|My first post|3rd|The Lord of the Rings|hello-world-%C3%A7a-va|foobar_baz--q');
    assert.equal(render('{{ jsonify (dict "a" 1 "b" (slice "x" "<")) }}|{{ plainify "a &amp; <b>b</b>  c" }}|{{ htmlEscape "<a&>" }}|{{ htmlUnescape "&lt;b&gt;" }}'), '{"a":1,"b":["x","\\u003c"]}|a &amp;amp; b c|&amp;lt;a&amp;amp;&amp;gt;|&lt;b&gt;');
    assert.equal(render('{{ relURL "x/y" }}|{{ relURL "/x/y" }}|{{ relURL "" }}|{{ absURL "x/y" }}|{{ absURL "/x/y" }}|{{ absURL "" }}|{{ relURL "https://o.org/a" }}'), '/blog/x/y|/x/y|/blog/|https://example.org/blog/x/y|https://example.org/x/y|https://example.org/blog/|https://o.org/a');
    refuses('{{ add 1 "2" }}', {}, /operator/);
    refuses('{{ div 1 0 }}', {}, /divide/);
    refuses('{{ len nil }}');
    refuses('{{ int "08" }}');
    refuses('{{ cond "" 1 2 }}', {}, /expected bool/);
    refuses('{{ replaceRE "x*" "-" "abc" }}', {}, /empty string/);
    refuses('{{ title "iPhone case" }}');
  });

  it('range over maps in key order; over integers and strings it fails as in Go 1.20', () => {
    assert.equal(render('{{ range $k, $v := dict "b" 1 "a" 2 "B" 3 }}{{ $k }}={{ $v }},{{ end }}'), 'B=3,a=2,b=1,');
    refuses('{{ range 3 }}{{ . }}{{ end }}', {}, /range can't iterate over int/);
    refuses('{{ range "abc" }}{{ . }}{{ end }}', {}, /range can't iterate over string/);
  });

  it('the shortcode: Get by position or name, Params, IsNamedParams, Name, Inner', () => {
    assert.equal(render('{{ .Get 0 }}|{{ printf "%q" (.Get 5) }}|{{ printf "%v" (.Get "k") }}|{{ .Params }}|{{ .IsNamedParams }}|{{ .Name }}|{{ len .Params }}'), 'a|&#34;&#34;|&lt;nil&gt;|[a b c]|false|t|2');
    const named = { positional: undefined, named: { k: 'v', Other: 'W' }, inner: 'in **x** <' };
    assert.equal(render('{{ .Get "k" }}|{{ .Get "other" }}|{{ .Get "Other" }}|{{ printf "%v" (.Get 0) }}|{{ printf "%q" (.Get "zz") }}|{{ .Params }}|{{ .IsNamedParams }}|{{ .Inner }}', named), 'v||W|&lt;nil&gt;|&#34;&#34;|map[Other:W k:v]|true|in **x** <');
    assert.equal(render('{{ eq (.Get 0) 5 }}|{{ eq (.Get 1) true }}', { positional: [5, true] }), 'true|true');
    refuses('{{ .Inner }}', {}, /Inner/);
    refuses('{{ .Ordinal }}');
    refuses('{{ .Parent }}');
  });

  it('the page: RenderString inline and block, markdownify; without a renderer they throw', () => {
    const renderMarkdown = (s: string, inline: boolean) => (inline ? `<em>${s}</em>` : `<p>${s}</p>\n`);
    assert.equal(render('{{ .Page.RenderString "x" }}|{{ .Page.RenderString (dict "display" "block") "y" }}|{{ "z" | .Page.RenderString }}|{{ markdownify "w" }}', { renderMarkdown }), '<em>x</em>|<p>y</p>\n|<em>z</em>|<em>w</em>');
    refuses('{{ .Page.RenderString "x" }}');
    refuses('{{ markdownify "x" }}');
    refuses('{{ .Page.RenderString (dict "markup" "org") "x" }}', { renderMarkdown });
    refuses('{{ .Page.Date }}');
    refuses('{{ .Page.Scratch }}');
  });

  it('the site: Params, BaseURL (a typed URL), Title, Data (throws when unknown)', () => {
    assert.equal(render('{{ .Site.BaseURL }}|<a href="{{ site.BaseURL }}x">|{{ site.Title }}|{{ .Page.Site.Params.sitekey }}'), 'https://example.org/blog/|<a href="https://example.org/blog/x">|X|sv');
    assert.equal(render('{{ .Site.Data.authors.Ann.Name }}', { site: { ...base.site, data: { authors: { Ann: { Name: 'Ann A.' } } } } }), 'Ann A.');
    refuses('{{ .Site.Data.authors }}');
    refuses('{{ .Site.Pages }}');
  });

  it('the scratch: Set, Get, Add (numbers, strings, slices), SetInMap, GetSortedMapValues, Delete; fresh per call', () => {
    const t = '{{ .Scratch.Set "k" 1 }}{{ .Scratch.Add "k" 2 }}{{ .Scratch.Get "k" }}|{{ .Scratch.Add "l" (slice "a") }}{{ .Scratch.Add "l" "b" }}{{ .Scratch.Get "l" }}|{{ .Scratch.SetInMap "m" "z" 1 }}{{ .Scratch.SetInMap "m" "a" 2 }}{{ .Scratch.GetSortedMapValues "m" }}|{{ .Scratch.Delete "k" }}{{ .Scratch.Get "k" }}|{{ .Scratch.Add "s" "x" }}{{ .Scratch.Add "s" "y" }}{{ .Scratch.Get "s" }}';
    const tree = parseGoTemplate(t);
    assert.equal(renderShortcode(tree, base), '3|[a b]|[2 1]||xy');
    assert.equal(renderShortcode(tree, base), '3|[a b]|[2 1]||xy');
  });

  it('ref and relref: the URL the resolver gives, the anchor as written, absolute for ref; unknown pages and option maps throw', () => {
    const resolveRef = (p: string) => (p === 'posts/a.md' || p === '/posts/a' ? '/posts/a/' : undefined);
    assert.equal(render('{{ relref . "posts/a.md#Some Frag" }}|{{ ref .Page "/posts/a" }}|{{ relref . "#local" }}', { resolveRef }), '/posts/a/#Some Frag|https://example.org/posts/a/|#local');
    assert.equal(render('<a href="{{ relref . "posts/a.md#é x" }}">', { resolveRef }), '<a href="/posts/a/#%c3%a9%20x">');
    assert.throws(() => render('{{ relref . "posts/b.md" }}', { resolveRef }), EvalError);
    assert.throws(() => render('{{ relref . "posts/a.md" }}'), EvalError);
    assert.throws(() => render('{{ relref (dict "path" "posts/a.md") "x" }}', { resolveRef }), EvalError);
  });

  it('budgets: steps and output size end a runaway template with EvalError', () => {
    const loop = parseGoTemplate('{{ range seq 2000 }}{{ range seq 2000 }}x{{ end }}{{ end }}');
    assert.throws(() => renderShortcode(loop, base, { maxSteps: 10_000 }), (e: unknown) => e instanceof EvalError && /steps/.test(e.message));
    assert.throws(() => renderShortcode(loop, base, { maxSteps: 10_000_000, maxOutput: 5000 }), (e: unknown) => e instanceof EvalError && /output/.test(e.message));
    assert.throws(() => parseGoTemplate('{{ if true }}'.repeat(200) + '{{ end }}'.repeat(200)), EvalError);
  });
});
