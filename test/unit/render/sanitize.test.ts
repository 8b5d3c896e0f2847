import * as assert from 'node:assert/strict';
import { renderPost, DEFAULT_MARKUP } from '../../../src/core/render/render';
import type { MarkupOptions } from '../../../src/core/render/types';
import { plainHooks } from './helpers';

// Raw HTML allowed: the worst case, where the author's HTML reaches the sanitiser.
const UNSAFE: MarkupOptions = { ...DEFAULT_MARKUP, dialect: { ...DEFAULT_MARKUP.dialect, rawHtml: true } };

const PLANTED = [
  '---',
  'title: "<script>window.pwnedTitle = 1</script>Planted"',
  'tags: ["<img src=x onerror=alert(1)>"]',
  '---',
  '',
  '<script>window.pwned = 1</script>',
  '',
  'Inline <img src=x onerror="window.pwned = 2"> image and <a href="/ok/" onclick="window.pwned = 3">click</a>.',
  '',
  '<svg onload="window.pwned = 4"><circle r="4"/></svg>',
  '',
  '<iframe src="https://evil.example/" onload="x()"></iframe>',
  '',
  '[md link](javascript:alert(1)) and <a href="javascript:alert(2)">html link</a> and <a href="JaVaScRiPt&colon;alert(3)">encoded</a>',
  '',
  '<div style="background:url(https://tracker.example/p.gif)" onmouseover="x()">styled</div>',
  '',
  '<object data="x.swf"></object><embed src="x.swf"><form action="https://evil.example/"><input type="text" name="q"><button>go</button></form>',
  '',
  '<math><mi xlink:href="javascript:alert(4)">m</mi></math> <details open ontoggle="x()"><summary>s</summary>d</details>',
  '',
  '<img src="https://tracker.example/pixel.gif"> <base href="https://evil.example/"> <meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '',
  '<p data-line="999" class="x" id="y" title="t">attributes we keep</p>',
].join('\n');

describe('preview renderer: nothing from the post can run', () => {
  const hooks = plainHooks({ resolveImage: (src) => (/^https?:/.test(src) ? { blocked: true, reason: 'remote image not loaded' } : src === 'x' ? { missing: true, reason: 'image not found' } : { uri: `https://res.test/${src}` }) });
  const post = renderPost(PLANTED, UNSAFE, hooks);
  const html = post.headerHtml + post.bodyHtml;

  it('removes scripts, event handlers and javascript: URLs', () => {
    assert.doesNotMatch(html, /<script/i);
    // Inside tags (text may mention these: it is shown, escaped, not run).
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    assert.ok(tags.length > 10);
    for (const tag of tags) {
      assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, tag);
      assert.doesNotMatch(tag, /javascript|&colon;/i, tag);
    }
    assert.doesNotMatch(html, /window\.pwned = [1-4]/);
    // The link text stays readable.
    assert.match(html, /<a>html link<\/a>/);
    assert.match(html, /click<\/a>/);
  });

  it('removes iframes, SVG, MathML, objects, embeds, forms, base and meta', () => {
    for (const tag of ['iframe', 'svg', 'math', 'object', 'embed', 'form', 'button', 'base', 'meta', 'circle']) assert.doesNotMatch(html, new RegExp(`<${tag}[\\s>/]`, 'i'), tag);
    assert.doesNotMatch(html, /<input/);
  });

  it('drops inline styles and remote images', () => {
    assert.doesNotMatch(html, /style=|src="https:\/\/tracker|url\(/);
    assert.match(html, /<div>styled<\/div>/);
    assert.match(html, /pc-image-blocked[^>]*>[^<]*remote image not loaded/);
  });

  it('marks a raw <img> whose file is missing instead of loading it', () => {
    assert.match(html, /<span class="pc-image pc-image-missing" title="image not found">x — image not found<\/span>/);
  });

  it('escapes front matter in the card', () => {
    assert.match(post.headerHtml, /&lt;script&gt;window.pwnedTitle = 1&lt;\/script&gt;Planted/);
    assert.match(post.headerHtml, /pc-chip-tag">&lt;img src=x onerror=alert\(1\)&gt;</);
  });

  it('keeps our own attributes and harmless ones', () => {
    assert.match(html, /<p data-line="999" class="x" id="y" title="t">attributes we keep<\/p>/);
    assert.match(html, /<details open><summary>s<\/summary>d<\/details>/);
  });

  it('does not trust an author-written data-pc marker on an image', () => {
    const forged = renderPost('<img src="https://tracker.example/p.gif" data-pc="anything">', UNSAFE, hooks).bodyHtml;
    assert.doesNotMatch(forged, /src="https:\/\/tracker/);
    assert.match(forged, /pc-image-blocked/);
    assert.doesNotMatch(forged, /data-pc/);
  });
});

describe('preview renderer: the default (raw HTML off) path is safe without the sanitiser', () => {
  it('omits every planted element and leaves no handler or javascript: URL in a tag', () => {
    const post = renderPost(PLANTED, DEFAULT_MARKUP, plainHooks());
    const html = post.headerHtml + post.bodyHtml;
    assert.doesNotMatch(html, /<script|<svg|<iframe|<object|<embed|<form|<math|<base|<meta/i);
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
      assert.doesNotMatch(tag, /\son[a-z]+\s*=|javascript:|style=/i, tag);
    }
    assert.match(html, /raw HTML omitted/);
    // The trust marker of our own images never reaches the page.
    const img = renderPost('![a](/x.png)', DEFAULT_MARKUP, plainHooks()).bodyHtml;
    assert.match(img, /<img src="https:\/\/res.test\/x.png"/);
    assert.doesNotMatch(img, /data-pc/);
  });
});
