/** The HTML judge the renderer properties rely on must itself catch what it claims to catch. */
import * as assert from 'node:assert/strict';
import { effectiveScheme, unsafeParts } from '../../fuzz/domCheck';

describe('robustness: the DOM-level HTML check', () => {
  it('flags every kind of active content', () => {
    const bad = [
      '<script>x</script>', '<SCRIPT SRC=//x.js></SCRIPT>', '<svg><a>x</a></svg>', '<img src=x onerror=alert(1)>', '<a href=" javascript:alert(1)">a</a>',
      '<a href="java\tscript:alert(1)">a</a>', '<a href="&#106;avascript:x">a</a>', '<a href="JaVaScRiPt:x">a</a>', '<iframe srcdoc="x"></iframe>', '<meta http-equiv="refresh" content="0">',
      '<base href="/">', '<form action="x"></form>', '<img srcset="javascript:x 1x">', '<a href="data:text/html,x">a</a>', '<input type="text">', '<input type="checkbox">',
      '<div style="color:red">s</div>', '<template><p>x</p></template>', '<p title="x" ONCLICK="y">p</p>', '<x-y onmouseover=1>',
    ];
    for (const html of bad) assert.ok(unsafeParts(html).length > 0, html);
  });

  it('passes inert HTML, including text that merely mentions the tricks', () => {
    // `<scr<script>ipt>` is one unknown element named `scr<script` for the HTML parser: inert.
    const good = [
      '<p data-line="0">&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</p>', '<a href="https://example.org/" class="pc-link-external">x</a>', '<img src="data:image/png;base64,AAAA" alt="">',
      '<input type="checkbox" disabled>', '<pre><code>&lt;img onerror=x&gt;</code></pre>', '<a href="/posts/a/#h" data-href="/posts/a/#h">a</a>', '<a href="\u2028javascript:x">not a scheme for the URL parser</a>',
      '<p>\udc00\udc00 lone surrogates</p>', '<scr<script>ipt>x</script>',
    ];
    for (const html of good) assert.deepEqual(unsafeParts(html), [], html);
  });

  it('reads schemes as the URL parser does', () => {
    assert.equal(effectiveScheme('  \u0001java\nscript:x'), 'javascript');
    assert.equal(effectiveScheme('/javascript:x'), undefined);
    assert.equal(effectiveScheme('HTTPS://x'), 'https');
  });
});
