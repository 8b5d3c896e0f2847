/**
 * The one markdown-it set-up shared by analysis (headings, links) and rendering, so ids and link
 * verdicts can never disagree between the checker and the preview.
 */
import MarkdownIt from 'markdown-it';

export type Token = MarkdownIt.Token;
export type Markdown = ReturnType<typeof MarkdownIt>;

let shared: Markdown | undefined;

/** A parser configured like Goldmark's defaults (GFM tables and strikethrough, raw HTML parsed). */
export function analysisParser(): Markdown {
  if (!shared) {
    shared = MarkdownIt({ html: true, linkify: false, typographer: false });
  }
  return shared;
}

/**
 * Hugo runs shortcodes before Markdown, so `[x]({{< relref "a.md" >}})` is a link for Hugo but not
 * for a CommonMark parser (the destination has spaces). Masking each shortcode with a same-length
 * run of non-space characters keeps every offset and lets markdown-it see the link.
 */
export function maskShortcodes(text: string): string {
  return text.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, (m) => m.replace(/[^\n]/g, 'x').replace(/^x{2}/, 'hs').replace(/x{2}$/, 'sh'));
}
