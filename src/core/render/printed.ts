/**
 * A site template's output for one shortcode call (rendered where the site is:
 * render/siteShortcodes.ts) as the preview shows it. The generator marks the text it did not print
 * itself (OPAQUE_START … OPAQUE_END): the call's content (`.Inner`) and Markdown it renders
 * (`markdownify`, `.Page.RenderString`). Each marked part becomes what Hugo makes of it, with the
 * preview's own Markdown renderer; the rest is the template's HTML, sanitised with the page.
 */
import { OPAQUE_END, OPAQUE_START } from '../site/generator';
import { escapeHtml } from './html';

export interface PrintedCall {
  readonly name: string;
  /** What the template printed, with its marked parts. */
  readonly output: string;
  /** A `{{% %}}` call: Hugo renders its whole output as Markdown. */
  readonly markdown: boolean;
  /** The call's content as written, when it has a closing tag (or `/>}}`). */
  readonly inner?: string;
}

const MARKS = new RegExp(`[${OPAQUE_START}${OPAQUE_END}]`, 'g');
const HAS_MARK = new RegExp(`[${OPAQUE_START}${OPAQUE_END}]`);
/** What the preview never loads: such a call keeps its placeholder rather than show an empty box. */
const EMBEDS = /<(?:iframe|video|audio|object|embed)\b/i;
const BLOCK = /<(?:address|article|aside|blockquote|details|div|dl|figure|footer|h[1-6]|header|hr|nav|ol|p|pre|section|table|ul)\b/i;
const ONE_PARAGRAPH = /^<p>((?:(?!<p[\s>])[\s\S])*)<\/p>\n?$/;

/**
 * Replaces each outermost marked part with `fill(part)` (its own marks still in it); a mark that
 * opens or closes nothing is dropped, so none reaches the page (they are the preview's markers too).
 */
function replaceParts(s: string, fill: (part: string) => string): string {
  let out = '';
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === OPAQUE_START) {
      if (depth++ === 0) {
        out += s.slice(from, i);
        from = i + 1;
      }
    } else if (ch === OPAQUE_END) {
      if (depth === 0) {
        out += s.slice(from, i);
        from = i + 1;
      } else if (--depth === 0) {
        out += fill(s.slice(from, i));
        from = i + 1;
      }
    }
  }
  return out + (depth > 0 ? fill(s.slice(from)) : s.slice(from));
}

/**
 * The preview HTML of a rendered call, or undefined when it should keep today's placeholder.
 * `renderMarkdown` renders Markdown as its own document (the wrappers' renderer).
 */
export function printedHtml(call: PrintedCall, renderMarkdown: (markdown: string) => string): string | undefined {
  // Only the template's own: the page's text in it is the page's raw HTML, sanitised as such.
  if (EMBEDS.test(replaceParts(call.output, () => ''))) return undefined;
  // Its own lines are not the document's: the whole block maps to the call's line.
  const markdown = (s: string) => renderMarkdown(s).replace(/ data-line="\d+"/g, '');
  let html: string;
  if (call.markdown) html = markdown(call.output.replace(MARKS, ''));
  else
    html = replaceParts(call.output, (part) => {
      // `{{ .Inner }}` in a `{{< >}}` call: Hugo prints the content as written, Markdown and all.
      if (part === call.inner && !HAS_MARK.test(part)) return part;
      // markdownify and RenderString drop the paragraph around a single one (Hugo does).
      const out = markdown(part.replace(MARKS, ''));
      return ONE_PARAGRAPH.exec(out)?.[1] ?? out;
    });
  const tag = BLOCK.test(html) ? 'div' : 'span';
  return `<${tag} class="pc-rendered" data-shortcode="${escapeHtml(call.name)}">${html}</${tag}>`;
}
