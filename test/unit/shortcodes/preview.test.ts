/**
 * The preview of shortcodes whose templates are plain HTML around their content: rendered as the
 * site renders them (sanitised like raw HTML); any other shortcode stays a labelled box.
 */
import * as assert from 'node:assert/strict';
import { renderPost, DEFAULT_MARKUP } from '../../../src/core/render/render';
import { markupOptionsFor } from '../../../src/core/render/site';
import type { MarkupOptions } from '../../../src/core/render/types';
import { plainHooks } from '../render/helpers';
import { HUGO_SITE, memorySite } from './helpers';

const WRAPPERS: MarkupOptions = {
  ...DEFAULT_MARKUP,
  shortcodeWrappers: {
    box: { before: '<div class="box">', after: '</div>', markdown: false },
    md: { before: '<div class="md">', after: '</div>', markdown: true },
    evil: { before: '<div onclick="x()"><script>alert(1)</script>', after: '</div>', markdown: false },
  },
};

// A post starting with `{` would be read as JSON front matter: every one here starts with text.
const body = (text: string, markup = WRAPPERS) => renderPost(text.startsWith('{') ? `Text\n\n${text}` : text, markup, plainHooks()).bodyHtml;

describe('preview of wrapper shortcodes', () => {
  it('renders the template around the content, as a block on the call\'s line', () => {
    const html = body('Intro\n\n{{< box >}}Plain *text*{{< /box >}}\n\nAfter\n');
    assert.match(html, /<div class="pc-block" data-line="2"><div class="pc-wrapper" data-shortcode="box"><div class="box">Plain \*text\*<\/div><\/div><\/div>/);
    assert.match(html, /<p data-line="4">After<\/p>/);
  });

  it('Markdown content when the template markdownifies it, or the call is {{% %}}', () => {
    assert.match(body('{{< md >}}\nSome **bold** text\n{{< /md >}}\n'), /<div class="md"><p>Some <strong>bold<\/strong> text<\/p>\n<\/div>/);
    assert.match(body('{{% box %}}**bold**{{% /box %}}\n'), /<div class="box"><p><strong>bold<\/strong><\/p>\n<\/div>/);
  });

  it('self-closed: the template with no content', () => {
    assert.match(body('{{< box />}}\n'), /<div class="box"><\/div>/);
  });

  it("the template's HTML is sanitised like raw HTML", () => {
    const html = body('{{< evil >}}x{{< /evil >}}\n');
    assert.doesNotMatch(html, /<script|onclick/);
    assert.match(html, /x/);
  });

  it('content with other shortcodes, an unclosed call and any other shortcode stay labelled boxes', () => {
    assert.match(body('{{< box >}}{{< badge 1 >}}{{< /box >}}\n'), /pc-tag-shortcode[^>]*>box</);
    assert.match(body('{{< box >}}never closed\n'), /pc-tag-shortcode[^>]*>box</);
    assert.match(body('{{< note >}}x{{< /note >}}\n'), /pc-tag-shortcode[^>]*>note</);
  });

  it("the site's wrappers come from its catalogue (a template with anything else that runs is not one)", async () => {
    const { engine, site } = await memorySite(HUGO_SITE);
    const markup = await markupOptionsFor(engine, site);
    assert.deepEqual(markup.shortcodeWrappers, { wrap: { before: '<div class="wrap">', after: '</div>', markdown: true } });
  });
});
