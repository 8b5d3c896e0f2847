/**
 * Raw HTML as kramdown reads it: the cases jekyll 4.3 builds in the verdict fixtures jekyll-kramdown
 * and jekyll-kramdown-input (posts 2024-01-04-html.md).
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { KRAMDOWN_GFM } from '../../../src/core/markdown/dialect';

const links = (body: string) => analyzeDocument(`---\ntitle: t\n---\n${body}`, { dialect: { ...KRAMDOWN_GFM, templates: 'none' } }).links.map((l) => l.target);

describe('kramdown raw HTML', () => {
  it('runs a block opened by a block element to its end tag, across blank lines', () => {
    assert.deepEqual(links('<p>a<br />\nb\n\n[x](/in/)\n</p>\n\n[y](/out/)\n'), ['/out/']);
    assert.deepEqual(links('<div><div>\n</div>\n\n[x](/in/)\n</div>\n\n[y](/out/)\n'), ['/out/']);
  });

  it('runs an unclosed block to the end of the document', () => {
    assert.deepEqual(links('[a](/before/)\n\n<section>\n\n[x](/in/)\n'), ['/before/']);
  });

  it('starts a paragraph with a span element, and a void element is a block of its own', () => {
    assert.deepEqual(links('<span>s</span>\n\n[x](/a/)\n'), ['/a/']);
    assert.deepEqual(links('<hr>\n[x](/b/)\n'), ['/b/']);
  });

  it('takes no tag whose unquoted attribute value is not word characters', () => {
    assert.deepEqual(links('Use <img src=&#8221;&#8221; /> and <a href=/x/>x</a> and <a href=word>w</a> and <img src="/q.png">.\n'), ['word', '/q.png']);
  });
});
