/**
 * Line anchors of highlighted code, as hugo 0.111 prints them (the verdict fixtures
 * hugo-code-lineanchors* build the same cases with the real hugo).
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { HIGHLIGHT_DEFAULTS, type HighlightSettings } from '../../../src/core/markdown/codeLineIds';
import { GOLDMARK } from '../../../src/core/markdown/dialect';

function ids(body: string, highlight: Partial<HighlightSettings> = {}): { ids: string[]; unsure: readonly string[] } {
  const a = analyzeDocument(`---\ntitle: x\n---\n${body}`, { dialect: { ...GOLDMARK, highlight: { ...HIGHLIGHT_DEFAULTS, ...highlight } } });
  return { ids: a.htmlIds, unsure: a.unsureIds ?? [] };
}

describe('code line anchors (Hugo highlight)', () => {
  it('numbers the lines of an anchored block under its prefix, from linenostart', () => {
    assert.deepEqual(ids('```go { linenos=table, anchorlinenos=true, lineanchors=m, linenostart=7 }\na\n\nb\n\n\n```\n').ids, ['m-7', 'm-8', 'm-9']);
  });

  it('needs both line numbers and anchors, and a language with a lexer', () => {
    assert.deepEqual(ids('```go { linenos=true, lineanchors=a }\nx\n```\n```go { anchorlinenos=true, lineanchors=b }\nx\n```\n```{ linenos=true, anchorlinenos=true, lineanchors=c }\nx\n```\n').ids, []);
    assert.deepEqual(ids('```go { linenos=false, anchorlinenos=true, lineanchors=d }\nx\n```\n```go { linenos=0, anchorlinenos=true, lineanchors=e }\nx\n```\n').ids, []);
  });

  it('names a block without a prefix by its place among the fenced blocks', () => {
    const r = ids('    indented\n\n```\nplain\n```\n\n> ```go { linenos=true, anchorlinenos=true }\n> x\n> ```\n');
    assert.deepEqual(r.ids, ['hl-1-1']);
  });

  it('leaves a language it does not know unjudged, by pattern', () => {
    const r = ids('```brainfudge { linenos=true, anchorlinenos=true, lineanchors=q }\nx\n```\n');
    assert.deepEqual(r.ids, []);
    assert.deepEqual(r.unsure, ['^q-\\d+$']);
    assert.deepEqual(ids('```brainfudge { linenos=true, anchorlinenos=true }\nx\n```\n', { guessSyntax: true }).ids, ['hl-0-1']);
  });

  it('follows the site settings, which a block overrides', () => {
    const site = { lineNos: true, anchorLineNos: true, lineAnchors: 's', lineNoStart: 3 };
    assert.deepEqual(ids('```go\nx\n```\n```go { linenos=false }\ny\n```\n```go { lineanchors=own }\nz\n```\n', site).ids, ['s-3', 'own-3']);
    assert.deepEqual(ids('```go\nx\n```\n', { ...site, codeFences: false }).ids, []);
  });

  it('reads the highlight shortcode: its options, its trimmed content, a bare number without a prefix', () => {
    const r = ids('{{< highlight go "linenos=table, anchorlinenos=true, lineanchors=sc" >}}\n\na\nb\n{{< /highlight >}}\n\n{{< highlight go "linenos=inline,anchorlinenos=true" >}}\nc\n{{< /highlight >}}\n');
    assert.deepEqual(r.ids, ['sc-1', 'sc-2', '1']);
  });

  it('does not count fenced blocks when a shortcode may add some', () => {
    const r = ids('{{% include-code %}}\n\n```go { linenos=true, anchorlinenos=true }\nx\n```\n');
    assert.deepEqual(r.ids, []);
    assert.deepEqual(r.unsure, ['^hl-\\d+-\\d+$']);
  });

  it("prints a highlighted block's {#id}, not a plain one's", () => {
    assert.deepEqual(ids('```go {#here}\nx\n```\n```{#there}\nx\n```\n').ids, ['here']);
  });
});
