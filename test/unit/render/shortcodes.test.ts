import * as assert from 'node:assert/strict';
import { renderPost, DEFAULT_MARKUP } from '../../../src/core/render/render';
import { parseShortcodeArgs } from '../../../src/core/render/shortcodes';
import type { LinkForm, MarkupOptions } from '../../../src/core/render/types';
import { plainHooks } from './helpers';
import { KRAMDOWN_GFM } from '../../../src/core/markdown/dialect';

const HUGO = DEFAULT_MARKUP;
const JEKYLL: MarkupOptions = { dialect: KRAMDOWN_GFM };

describe('preview renderer: Hugo shortcodes and Liquid tags', () => {
  it('parses shortcode arguments: named, positional, quoted, raw strings', () => {
    const a = parseShortcodeArgs(` src="/a b.png" alt='x' caption=\`raw "q"\` 42 "pos two" esc="say \\"hi\\""`);
    assert.deepEqual(a.positional, ['42', 'pos two']);
    assert.deepEqual(Object.fromEntries(a.named), { src: '/a b.png', alt: 'x', caption: 'raw "q"', esc: 'say "hi"' });
  });

  it('renders figure with its image and caption, as a block in place of the paragraph', () => {
    const html = renderPost('Intro\n\n{{< figure src="/images/x.png" alt="Alt" title="Title" caption="Cap" >}}\n\nAfter\n', HUGO, plainHooks()).bodyHtml;
    assert.match(html, /<div class="pc-block" data-line="2"><figure class="pc-figure" data-shortcode="figure"><img src="https:\/\/res.test\/images\/x.png" alt="Alt" data-src="\/images\/x.png" ?\/?><figcaption><h4>Title<\/h4><p>Cap<\/p><\/figcaption><\/figure><\/div>/);
    assert.match(html, /<p data-line="4">After<\/p>/);
    const missing = renderPost('Text\n\n{{< figure src="missing.png" >}}', HUGO, plainHooks()).bodyHtml;
    assert.match(missing, /pc-image-missing/);
  });

  it('shows media shortcodes as labelled placeholders and loads nothing', () => {
    const doc = 'A post that starts with text, as a file starting with { would be JSON front matter.\n\n{{< youtube id="w7Ft2ymGmfc" title="A talk" >}}\n\n{{< x user="SanDiegoZoo" id="1453110110599868418" >}}\n\n{{< tweet user="a" id="1" >}}\n\n{{< gist spf13 7896402 "img.html" >}}\n\n{{< vimeo 146022717 >}}\n';
    const html = renderPost(doc, HUGO, plainHooks()).bodyHtml;
    assert.match(html, /pc-embed-youtube[^]*YouTube video[^]*A talk · w7Ft2ymGmfc/);
    assert.match(html, /pc-embed-x[^]*Post on X[^]*@SanDiegoZoo · 1453110110599868418/);
    assert.match(html, /pc-embed-tweet[^]*@a · 1/);
    assert.match(html, /pc-embed-gist[^]*spf13\/7896402 · img.html/);
    assert.match(html, /pc-embed-vimeo/);
    assert.doesNotMatch(html, /<iframe|<script|youtube\.com|twitter\.com|gist\.github/);
  });

  it('highlights the highlight shortcode and keeps the lines after it right', () => {
    const doc = 'Intro\n\n{{< highlight go "linenos=table" >}}\npackage main\n\nfunc main() {}\n{{< /highlight >}}\n\nAfter the code\n';
    const html = renderPost(doc, HUGO, plainHooks()).bodyHtml;
    assert.match(html, /<pre class="pc-code"><span class="pc-code-lang">go<\/span><code class="hljs language-go"><span class="hljs-keyword">package<\/span> main/);
    assert.match(html, /<p data-line="8">After the code<\/p>/);
    assert.doesNotMatch(html, /highlight/);
  });

  it('resolves ref and relref inside links and on their own, with the verdict', () => {
    const calls: [string, LinkForm][] = [];
    const hooks = plainHooks({
      resolveLink: (target, form) => {
        calls.push([target, form]);
        return target.startsWith('gone') ? { kind: 'internal', broken: 'REF_NOT_FOUND' } : { kind: 'internal', href: `/posts/${target.replace(/\.md.*$/, '')}/` };
      },
    });
    const doc = 'See [one]({{< relref "one.md" >}}), [two]({{< ref "gone.md" >}}) and {{< relref "three.md#part" >}}.\n';
    const post = renderPost(doc, HUGO, hooks);
    assert.deepEqual(calls, [['three.md#part', 'relref'], ['one.md', 'relref'], ['gone.md', 'ref']]);
    assert.match(post.bodyHtml, /<a href="\/posts\/one\/" data-href="one.md" data-form="relref" data-link-kind="internal">one<\/a>/);
    assert.match(post.bodyHtml, /<a href="#" data-href="gone.md" data-form="ref" data-link-kind="internal" class="pc-link-broken" title="Broken link: REF_NOT_FOUND">two<\/a>/);
    assert.match(post.bodyHtml, /<code class="pc-ref"[^>]*>\/posts\/three\/<\/code>/);
    assert.equal(post.links.length, 3);
  });

  it('shows any other shortcode as a badge with its name, and escaped ones literally', () => {
    const doc = 'Intro\n{{% notice warning %}}\nCareful **now**.\n{{% /notice %}}\n\nShow {{</* figure src="x" */>}} literally. Inline {{< param "author" >}} too.\n';
    const html = renderPost(doc, HUGO, plainHooks()).bodyHtml;
    assert.match(html, /<span class="pc-tag pc-tag-shortcode" data-shortcode="notice" title="[^"]*">notice<\/span>/);
    assert.match(html, /<strong>now<\/strong>/);
    assert.match(html, /data-shortcode="\/notice"/);
    assert.match(html, /Show \{\{&lt; figure src=“x” &gt;\}\} literally|Show \{\{&lt; figure src="x" &gt;\}\} literally/);
    assert.match(html, /data-shortcode="param"/);
  });

  it('leaves Go template syntax typed into content as literal text (Hugo publishes it so)', () => {
    const html = renderPost('[x]({{ relref . "a.md" }})\n', { ...HUGO, dialect: { ...HUGO.dialect, typographer: false } }, plainHooks()).bodyHtml;
    assert.match(html, /\[x\]\(\{\{ relref \. (&quot;|")a.md(&quot;|") \}\}\)/);
  });

  it('renders Jekyll highlight, post_url, link and other tags', () => {
    const calls: [string, LinkForm][] = [];
    const hooks = plainHooks({
      resolveLink: (target, form) => {
        calls.push([target, form]);
        return target.includes('2019-03-01') ? { kind: 'internal', href: '/2019/03/01/x.html' } : { kind: 'internal', broken: `Could not find post "${target}"` };
      },
    });
    const doc = 'Intro\n{% highlight ruby %}\ndef x; end\n{% endhighlight %}\n\n[a]({% post_url 2019-03-01-x %}) [b]({% link _posts/nope.md %}) {% include note.html %} {{ site.title }}\n\n{% raw %}{{ not liquid }}{% endraw %}\n';
    const post = renderPost(doc, JEKYLL, hooks);
    assert.match(post.bodyHtml, /language-ruby"><span class="hljs-keyword">def<\/span>/);
    assert.match(post.bodyHtml, /<a href="\/2019\/03\/01\/x.html" data-href="2019-03-01-x" data-form="post_url"/);
    assert.match(post.bodyHtml, /data-form="liquid-link"[^>]*class="pc-link-broken"/);
    assert.match(post.bodyHtml, /data-shortcode="include"/);
    assert.match(post.bodyHtml, /data-shortcode="site.title"/);
    assert.match(post.bodyHtml, /<p data-line="7">\{\{ not liquid \}\}<\/p>/);
    assert.deepEqual(calls.map((c) => c[1]), ['post_url', 'liquid-link']);
  });
});
