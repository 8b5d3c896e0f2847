/**
 * Generators of hostile documents. Pure random strings almost never form front matter, links or
 * tags, so documents are assembled from fragments that do (delimiters, brackets, shortcodes, HTML)
 * mixed with arbitrary text: the interesting inputs are the near-misses between the two.
 */
import fc from 'fast-check';

/** Text fragments with no structure, including the awkward code units (NUL, lone surrogates, BOM). */
export const noise: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\uFEFF', '\u2028', '\r', '\r\n', '\t', '\u00A0', '\uE000', '\uE001', '\uFFFD', '🙂', 'é', 'İ', 'ß', '漢字') },
);

const newline = fc.constantFrom('\n', '\r\n', '\r');

function mix(fragments: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 3, arbitrary: fragments }, { weight: 1, arbitrary: noise }, { weight: 2, arbitrary: newline }), { maxLength }).map((parts) => parts.join(''));
}

// ------------------------------------------------------------------------------- front matter

const FM_FRAGMENTS = [
  '---', '+++', '...', '{', '}', '[', ']', '"', "'", ':', ': ', '= ', ',', '#', '- ', '  ', '\t', '|', '>', '&a', '*a', '!!str ', '? ',
  'title', 'tags', 'date', 'draft', 'slug', 'url', 'aliases', '[table]', '[[arr]]', '"""', "'''", '\\', '\\u', 'true', '1e999', '2019-04-11T14:39:51-07:00',
  '\uFEFF', '%YAML 1.2', '---\n', '+++\n', '{"a":', '"\\', '<<: *a',
];

/** Documents that begin (usually) like front matter: YAML, TOML or JSON, closed or not. */
export const frontMatterDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('---', '+++', '{', '\uFEFF---', '---  ', '', '--- ', '{"title":'),
    newline,
    mix(fc.constantFrom(...FM_FRAGMENTS), 40),
    fc.constantFrom('\n---\n', '\n+++\n', '\n...\n', '\n}\n', '', '\r\n---\r\n', '\n--- \n'),
    mix(fc.constantFrom('# h', '[x](y)', '---', '+++'), 6),
  )
  .map((parts) => parts.join(''));

// ------------------------------------------------------------------------------- Markdown with links

const LINK_FRAGMENTS = [
  '[', ']', '(', ')', '<', '>', '![', '](', ')[', '][', '[]', '[x]', '[x][]', '[x][y]', '[^1]', '[^1]: n', '\\[', '\\]', '\\(', '`', '``', '```', '~~~', '    ', '> ', '- ', '1. ', '* ',
  '# ', '## ', '{#id}', '"', "'", ' "t"', '&amp;', '&#41;', '&#x5D;', '%', '%2', '%E0%A4%A', '%zz', '#', '?', '..', '../', '/', './', 'a.md', '_index.md', 'index.md', 'posts/', 'http://x', 'https://example.org/p/',
  'mailto:a@b', '<https://a.b>', '<a@b.c>', '<!--', '-->', '<a href="', '<a href=', "<a href='", '<img src="', '" ', '">', '</a>', '<div>', '</div>', '<a name=x id="y">',
  '{{<', '>}}', '{{%', '%}}', '{{< relref "', '{{< ref ', '{{< figure src="', ' path="', '" >}}', '{{</* ref "x" */>}}', '{{ relref . "x.md" }}', '{{', '}}',
  '{%', '%}', '{% post_url ', '{% link ', '{% raw %}', '{% endraw %}', '{%- post_url x -%}', '[lbl]: ', '[lbl]', '[x]: <', '\n[r]: /a "t"\n', '|', '| --- |',
];

/** Markdown bodies dense in link syntax, shortcodes and Liquid tags, with optional front matter. */
export const linkDocument: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.constant(''), fc.constant('---\ntitle: T\n---\n'), fc.constant('+++\ntitle = "T"\n+++\n'), fc.constant('---\n[x](/in-front-matter/)\n---\n'), frontMatterDocument), mix(fc.constantFrom(...LINK_FRAGMENTS), 60))
  .map(([fm, body]) => fm + body);

// ------------------------------------------------------------------------------- link destinations

const DEST_FRAGMENTS = [
  '', '#', '##', '?', '?q=1&r=2', '#frag', '#%E0%A4%A', '%', '%E0%A4%A', '%E0%A4%A4', '%2e%2e/', '%2F', '%00', '%ZZ', '..', '../', '../../../../../../', '/..', '/', '//', '\\', '\\..\\', './', '.',
  'posts', 'posts/a/', 'a.md', 'a.md#h', '_index.md', 'index.md', '/posts/a', 'C:\\x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://example.org/blog/posts/a/', 'http://www.example.org/', '//example.org/x',
  'mailto:', 'data:text/html,x', ' ', '\t', 'é', '漢字', '🙂', '\uD800', '\u0000', '\uFEFF', '{{', '}}', '"', "'", '<', '>', '(', ')', '[', ']', '*', '**', 'a'.repeat(300), '../'.repeat(200),
];

/** Link destinations as a writer might type them, and as an attacker might. */
export const linkDestination: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DEST_FRAGMENTS) }, { weight: 1, arbitrary: noise }), { maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(20_000), '%'.repeat(5_000), '../'.repeat(3_000), '#'.repeat(4_000), 'é'.repeat(5_000), '%E0%A4%A'.repeat(1000)) },
);

// ------------------------------------------------------------------------------- hostile HTML for the renderer

const HOSTILE = [
  '<script>alert(1)</script>', '<scr<script>ipt>alert(1)</script>', '<SCRIPT SRC=//x.js>', '<svg><script>alert(1)</script></svg>', '<svg onload=alert(1)>', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](&#106;avascript:alert(1))', '[x](java\nscript:alert(1))', '[x](<javascript:alert(1)>)',
  '[x]( javascript:alert(1))', '[x](vbscript:msgbox(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)', '![i](javascript:alert(1))', '![i](data:image/svg+xml,<svg onload=alert(1)>)', '<javascript:alert(1)>',
  '<a href=" javascript:alert(1)">a</a>', '<a href="&#106;avascript:alert(1)">a</a>', '<a href="java&#x09;script:alert(1)">a</a>', '<a href="jav\tascript:alert(1)">a</a>', '<a href=javascript:alert(1)>a</a>',
  '<img src=x onerror=alert(1)>', '<img src="x" onerror="alert(1)">', '<img/src=x/onerror=alert(1)>', '<IMG SRC=x ONERROR=alert(1)>', '<img src=x onerror\n=alert(1)>', '<img srcset="javascript:alert(1) 1x">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>', '<iframe src="javascript:alert(1)">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>x</button></form>', '<button formaction="javascript:alert(1)">b</button>', '<input type="image" src=x onerror=alert(1)>', '<input type=text autofocus onfocus=alert(1)>',
  '<object data="javascript:alert(1)">', '<embed src="javascript:alert(1)">', '<link rel=import href=x>', '<style>@import "x"</style>', '<div style="background:url(javascript:alert(1))">s</div>',
  '<details open ontoggle=alert(1)>', '<a href="#" onclick="alert(1)">c</a>', '<body onload=alert(1)>', '<template><script>alert(1)</script></template>', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src=x onerror=alert(1)>-->', '<!--><img src=x onerror=alert(1)>-->', '<x onmouseover=alert(1)>x</x>', '<a href="https://ok.example/">ok</a>', '<textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>', '<table><td background="javascript:alert(1)">', '<video poster=javascript:alert(1)>', '<a href="data:text/html,<script>alert(1)</script>">d</a>',
  '{{< figure src="javascript:alert(1)" caption="<script>alert(1)</script>" >}}', '{{< relref "javascript:alert(1)" >}}', '[x]({{< relref "a.md#\\" onmouseover=\\"alert(1)" >}})', '{{< youtube id="\\"><script>alert(1)</script>" >}}',
  '{% post_url "><script>alert(1)</script> %}', '{% highlight html %}<script>alert(1)</script>{% endhighlight %}', '```html\n<script>alert(1)</script>\n```', '`<script>`', '\uE0000\uE001', '<x-\uE000>',
  '<a href="x" data-pc="1">', '<img src="x" data-pc="0000">', '[x](/a "t\\" onmouseover=\\"alert(1)")', '## h {#x" onclick="alert(1)}', '## h {#"><script>alert(1)</script>}', '- [ ] <img src=x onerror=alert(1)>',
  '{{< echo "<img src=x onerror=alert(1)>" >}}', '{{< inner >}}<script>alert(1)</script>{{< /inner >}}', '{{% echo "<a href=javascript:alert(1)>j</a>" %}}',
  '{{< md x="<svg onload=alert(1)>" >}}[x](javascript:alert(1))<iframe src=x>{{< /md >}}', '{{< echo "\uE000<script>alert(1)</script>" >}}',
  '[^1]\n\n[^1]: <script>alert(1)</script>', '[x]({{< relref "\uD800" >}})', '[x]({% post_url \uDC00 %})', '<a\nhref="javascript:alert(1)">', '<a href="javascript&colon;alert(1)">', '<a href="&#0000106;avascript:alert(1)">', '<a href="\u0001javascript:alert(1)">',
];

const HOSTILE_FRONT_MATTER = fc.constantFrom(
  '', '---\ntitle: "<script>alert(1)</script>"\ntags: ["<img src=x onerror=alert(1)>"]\nimage: "javascript:alert(1)"\n---\n',
  '---\ncover:\n  image: "\\" onerror=\\"alert(1)"\nauthors: ["<svg onload=alert(1)>"]\ndescription: "<iframe srcdoc=x>"\ndate: "<b>x</b>"\n---\n',
  '+++\ntitle = "a\\" onmouseover=\\"alert(1)"\nimages = ["data:text/html,x"]\n+++\n', '---\ntitle: [unclosed <script>\n---\n',
);

/** Posts that mix Markdown, raw HTML and template tags with known script-injection tricks. */
export const hostileDocument: fc.Arbitrary<string> = fc
  .tuple(HOSTILE_FRONT_MATTER, fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 2, arbitrary: fc.constantFrom(...LINK_FRAGMENTS) }, { weight: 1, arbitrary: noise }, { weight: 2, arbitrary: newline }), { maxLength: 24 }))
  .map(([fm, parts]) => fm + parts.join(''));
