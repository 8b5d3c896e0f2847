/**
 * Raw HTML read tag by tag: the cases hugo 0.111 and jekyll 4.3 publish in the verdict fixtures
 * hugo-unsafe-html (posts/tags.md) and jekyll-basics (search.html).
 */
import * as assert from 'node:assert/strict';
import { htmlStartTags } from '../../../src/core/links/htmlTags';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { GOLDMARK, KRAMDOWN_GFM } from '../../../src/core/markdown/dialect';

const hrefs = (html: string) => htmlStartTags(html).flatMap((t) => t.attributes.filter((a) => a.name === 'href' || a.name === 'src').map((a) => `${t.name}:${a.value}`));

describe('HTML start tags', () => {
  it('skips tags written inside quoted attribute values', () => {
    assert.deepEqual(hrefs(`<a title='<a href="/in/">' href="/out/">x</a>`), ['a:/out/']);
    assert.deepEqual(hrefs('<img src="https://c.example/p.png?v=1&quot;><img src=&quot;/no.png" alt="">'), ['img:https://c.example/p.png?v=1&quot;><img src=&quot;/no.png']);
    assert.deepEqual(hrefs('<a href="/real/" title="a <b>b</b> c">x</a>'), ['a:/real/']);
  });

  it('gives each value its offset, quoted or not', () => {
    const tag = htmlStartTags('<p>x <a data-x=1 HREF=/bare/>y</a>')[1];
    assert.equal(tag.name, 'a');
    const href = tag.attributes.find((a) => a.name === 'href')!;
    assert.equal(href.value, '/bare/');
    assert.equal('<p>x <a data-x=1 HREF=/bare/>y</a>'.slice(href.valueStart, href.valueStart + 6), '/bare/');
  });

  it('finds no tag in comments, scripts and styles, and goes on after them', () => {
    assert.deepEqual(hrefs(`<!-- <a href="/c/"> --><script>var s = '<a href="{url}">';</script><style>a[x="<a href=/s/>"]{}</style><a href="/after/">`), ['a:/after/']);
  });

  it('carries an open script from one piece of inline HTML to the next', () => {
    const state = {};
    assert.deepEqual(htmlStartTags('<script>', state).map((t) => t.name), ['script']);
    assert.deepEqual(htmlStartTags('<a href="/in-script/">', state), []);
    assert.deepEqual(htmlStartTags('</script>', state), []);
    assert.deepEqual(htmlStartTags('<a href="/x/">', state).map((t) => t.name), ['a']);
  });

  it('gives the document no link from a script, in Markdown and in an HTML file', () => {
    const md = "---\ntitle: t\n---\n<script>\n  var row = '<a href=\"/nowhere/{slug}/\">';\n</script>\n\nInline <script>var s = '<a href=\"/no/\">';</script> and <a href=\"/yes/\">y</a>.\n";
    assert.deepEqual(analyzeDocument(md, { dialect: { ...GOLDMARK, rawHtml: true } }).links.map((l) => l.target), ['/yes/']);
    const html = "---\ntitle: s\n---\n<script>\n  x = '<li><a href=\"{url}\">';\n</script>\n<a href=\"/after/\">a</a>\n";
    assert.deepEqual(analyzeDocument(html, { dialect: KRAMDOWN_GFM, htmlFile: true }).links.map((l) => l.target), ['/after/']);
  });
});
