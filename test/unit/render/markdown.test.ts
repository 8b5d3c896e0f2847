import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { renderPost, DEFAULT_MARKUP } from '../../../src/core/render/render';
import type { MarkupOptions } from '../../../src/core/render/types';
import { headingIdsIn, plainHooks } from './helpers';

const HUGO: MarkupOptions = DEFAULT_MARKUP;

describe('preview renderer: Markdown like the site renders it', () => {
  it('gives headings exactly the ids the link checker computes', () => {
    const doc = [
      '---', 'title: Ids', '---',
      '# Two words we use loosely',
      '## Example', '## Example', '### Example {#custom-one}', '## Example',
      '## Café & Crème — 2024!', '## `code` and *emphasis*', '## A {{< param "x" >}} shortcode',
      '## Ünïcödé_under_score', '#### 1:1s', '## Tabs\tand  spaces', '##   ', '## Heading -- with dashes',
      'Setext heading', '---', 'text',
    ].join('\n');
    for (const style of ['goldmark', 'goldmark-ascii', 'blackfriday', 'github', 'kramdown'] as const) {
      const o: MarkupOptions = { ...HUGO, dialect: { ...HUGO.dialect, headingIds: style } };
      const expected = analyzeDocument(doc, { dialect: o.dialect }).headings.map((h) => h.id);
      const post = renderPost(doc, o, plainHooks());
      // An empty id (github style, empty heading) is left off: id="" is not valid HTML.
      assert.deepEqual(headingIdsIn(post.bodyHtml), expected.filter(Boolean), `style ${style}`);
      assert.deepEqual(post.headings.map((h) => h.id), expected);
    }
    const post = renderPost(doc, HUGO, plainHooks());
    assert.ok(headingIdsIn(post.bodyHtml).includes('custom-one'));
    // The attribute block sets the id and is not shown.
    assert.doesNotMatch(post.bodyHtml, /\{#custom-one\}/);
  });

  it('puts document line numbers on blocks, front matter included in the count', () => {
    const doc = '---\ntitle: x\n---\n\nPara one\nstill one\n\n- a\n- b\n\n```go\nfunc main() {}\n```\n\n> quote\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n';
    const html = renderPost(doc, HUGO, plainHooks()).bodyHtml;
    assert.match(html, /<p data-line="4">Para one/);
    assert.match(html, /<ul data-line="7">\s*<li data-line="7">a<\/li>\s*<li data-line="8">b/);
    assert.match(html, /<pre class="pc-code" data-line="10"><span class="pc-code-lang">go<\/span><code class="hljs language-go">(<span class="hljs-function">)?<span class="hljs-keyword">func<\/span>/);
    assert.match(html, /<blockquote data-line="14">/);
    assert.match(html, /<table data-line="16">/);
    // Column alignment survives as a class (the webview CSP forbids style attributes).
    assert.match(html, /<th class="pc-align-right">b<\/th>/);
    assert.doesNotMatch(html, /style=/);
  });

  it('renders GFM and Goldmark extensions: strikethrough, task lists, footnotes, typographer', () => {
    const doc = 'A ~~gone~~ word -- and "quotes"...[^1]\n\n- [x] done\n- [ ] todo\n\n[^1]: The note.\n';
    const html = renderPost(doc, HUGO, plainHooks()).bodyHtml;
    assert.match(html, /<s>gone<\/s>/);
    assert.match(html, /\u2013 and \u201cquotes\u201d\u2026/);
    const boxes = [...html.matchAll(/<input ([^>]*)\/?>/g)].map((m) => m[1].replace(/=""/g, '').split(/\s+/).filter((a) => a && a !== '/').sort().join(' '));
    assert.deepEqual(boxes, ['checked class="task-list-item-checkbox" disabled type="checkbox"', 'class="task-list-item-checkbox" disabled type="checkbox"']);
    assert.match(html, /class="footnote-ref"/);
    assert.match(html, /The note\./);
    const plain = renderPost(doc, { ...HUGO, dialect: { ...HUGO.dialect, typographer: false } }, plainHooks()).bodyHtml;
    assert.match(plain, /-- and &quot;quotes&quot;\.\.\./);
  });

  it('reads links as kramdown does on Jekyll sites (spaces in a destination), the same as the checker', () => {
    const doc = '---\ntitle: k\n---\nSee [Jane](Jane Doe) and [notes](/files/my notes.txt "Notes").\n';
    const kramdown: MarkupOptions = { ...HUGO, dialect: { ...HUGO.dialect, kramdown: true } };
    const html = renderPost(doc, kramdown, plainHooks()).bodyHtml;
    assert.match(html, /<a [^>]*href="Jane%20Doe"/);
    assert.match(html, /<a [^>]*href="\/files\/my%20notes.txt"/);
    assert.deepEqual(analyzeDocument(doc, { dialect: kramdown.dialect }).links.map((l) => l.target), ['Jane Doe', '/files/my notes.txt']);
    // CommonMark (Hugo) ends a destination at the first space: no link, brackets printed.
    assert.doesNotMatch(renderPost(doc, HUGO, plainHooks()).bodyHtml, /<a /);
  });

  it('omits raw HTML when the site does not allow it, and renders it when it does', () => {
    const doc = 'Before <kbd>Ctrl</kbd> after\n\n<div class="note">Raw block</div>\n';
    const safe = renderPost(doc, { ...HUGO, dialect: { ...HUGO.dialect, rawHtml: false } }, plainHooks()).bodyHtml;
    assert.doesNotMatch(safe, /<kbd>|Raw block/);
    assert.match(safe, /raw HTML omitted/);
    const unsafe = renderPost(doc, { ...HUGO, dialect: { ...HUGO.dialect, rawHtml: true } }, plainHooks()).bodyHtml;
    assert.match(unsafe, /<kbd>Ctrl<\/kbd>/);
    assert.match(unsafe, /<div class="note">Raw block<\/div>/);
  });

  it('marks broken links with the verdict, and records every link with its line', () => {
    const doc = 'Intro\n\nSee [ok](/posts/a/) and\n[bad](/posts/broken/) and [out](https://example.org/).\n';
    const post = renderPost(doc, HUGO, plainHooks());
    assert.match(post.bodyHtml, /<a href="\/posts\/broken\/" data-href="\/posts\/broken\/" data-link-kind="internal" class="pc-link-broken" title="Broken link: no page at \/posts\/broken\/">bad<\/a>/);
    assert.match(post.bodyHtml, /<a href="\/posts\/a\/" data-href="\/posts\/a\/" data-link-kind="internal">ok<\/a>/);
    assert.match(post.bodyHtml, /class="pc-link-external"/);
    assert.deepEqual(post.links.map((l) => [l.target, l.line, !!l.verdict.broken]), [['/posts/a/', 2, false], ['/posts/broken/', 3, true], ['https://example.org/', 3, false]]);
  });

  it('resolves #fragments against the ids of the document being rendered', () => {
    const seen: string[][] = [];
    const post = renderPost('## Real heading\n\n[a](#real-heading) [b](#nope)\n', HUGO, plainHooks({
      resolveLink: (target, _form, ownIds) => {
        seen.push([...ownIds]);
        return ownIds.has(target.slice(1)) ? { kind: 'fragment' } : { kind: 'fragment', broken: 'no such heading' };
      },
    }));
    assert.deepEqual(seen[0], ['real-heading']);
    assert.equal(post.links.filter((l) => l.verdict.broken).map((l) => l.target).join(), '#nope');
  });

  it('marks missing images and keeps resolved ones', () => {
    const html = renderPost('![Chart](/images/chart.png)\n\n![Gone](missing.png)\n', HUGO, plainHooks()).bodyHtml;
    assert.match(html, /<img src="https:\/\/res.test\/images\/chart.png" alt="Chart" data-src="\/images\/chart.png" ?\/?>/);
    assert.match(html, /<span class="pc-image pc-image-missing" title="not found: missing.png">.*Gone/);
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', '---', '+++\n', '{', '\uE0000\uE001 marker lookalike', '{{< figure', '{{< /x >}}', '[x](<', '{{< relref >}}', '\u0000\uFFFF', '#'.repeat(500), '> '.repeat(2000) + 'deep', '`'.repeat(1000)];
    for (const input of inputs) {
      const post = renderPost(input, HUGO, plainHooks());
      assert.equal(typeof post.bodyHtml, 'string');
    }
    // A typed marker character cannot pull in another tag's HTML.
    const post = renderPost('\uE0000\uE001 and {{< youtube abc >}}', HUGO, plainHooks());
    assert.equal((post.bodyHtml.match(/pc-embed-youtube/g) ?? []).length, 1);
  });
});
