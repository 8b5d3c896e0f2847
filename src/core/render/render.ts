/**
 * renderPost: a post's text → the header card and the body HTML, as the preview shows it and the
 * CLI exports it. Pure and synchronous; everything site-specific arrives through the hooks.
 */
import { splitFrontMatter } from '../frontmatter/parse';
import { analyzeDocument } from '../markdown/analyze';
import { GOLDMARK } from '../markdown/dialect';
import { renderHeader, titleOf } from './header';
import { escapeHtml, hashText } from './html';
import { markdownFor, type RenderEnv } from './markdown';
import { sanitizePreview } from './sanitize';
import { expandTemplates, restoreFragments, stripMarkers, TRUST_TOKEN } from './shortcodes';
import type { Heading } from '../site/model';
import type { LinkForm, MarkupOptions, RenderedLink, RenderedPost, RenderHooks } from './types';

/** Hugo's defaults, for callers that know nothing about the site. */
export const DEFAULT_MARKUP: MarkupOptions = { dialect: GOLDMARK };

/** Headings and anchors of this exact text, when the caller already has them (the site index). */
export interface KnownAnchors {
  readonly headings: readonly Heading[];
  readonly htmlIds: readonly string[];
}

/**
 * `known` saves a second parse: the site index has analysed the text already, with the same
 * function, so its ids are the link checker's by construction. Without it we analyse here.
 */
const TRUST_MARK = ` data-pc="${TRUST_TOKEN}"`;

export function renderPost(text: string, options: MarkupOptions, hooks: RenderHooks, known?: KnownAnchors): RenderedPost {
  const split = splitFrontMatter(text);
  const analysis: KnownAnchors =
    known ??
    analyzeDocument(text, { dialect: options.dialect });
  const headingIds = new Map(analysis.headings.map((h) => [h.line, h.id]));
  // Blank the front matter but keep its line breaks, so token lines are document lines.
  const body = split.bodyStart > 0 ? text.slice(0, split.bodyStart).replace(/[^\r\n]/g, '') + text.slice(split.bodyStart) : text;
  const links: RenderedLink[] = [];
  const ownIds: ReadonlySet<string> = new Set([...analysis.headings.map((h) => h.id), ...analysis.htmlIds]);
  const resolveLink = (target: string, form: LinkForm) => hooks.resolveLink(target, form, ownIds);
  const expanded = expandTemplates(stripMarkers(body), options.dialect.templates, {
    resolveImage: hooks.resolveImage,
    resolveLink,
    onLink: (target, form, line, verdict) => links.push({ target, form, line, verdict }),
    wrappers: options.shortcodeWrappers,
    printed: hooks.printedShortcode,
    // A wrapper's content: its links are resolved, not listed (they have no line of their own here).
    renderMarkdown: (inner) => markdownFor(options).render(inner, { resolveImage: hooks.resolveImage, resolveLink, headingIds: new Map(), links: [], rawHtml: false } as unknown as Record<string, unknown>),
  });
  // A template's own HTML is never trusted: the output is sanitised as raw HTML is.
  const env: RenderEnv = { resolveImage: hooks.resolveImage, resolveLink, headingIds, links, rawHtml: expanded.untrusted === true };
  let html: string;
  try {
    html = markdownFor(options).render(expanded.text, env as unknown as Record<string, unknown>);
  } catch (e) {
    // markdown-it does not throw on any input we know of; if it ever does, say so instead of failing.
    html = `<p class="pc-render-error">The preview could not render this document: ${escapeHtml((e as Error).message)}</p>`;
  }
  html = restoreFragments(html, expanded.fragments);
  // Without raw HTML the output is markdown-it's own (text escaped, link schemes validated) plus
  // our escaped fragments: nothing to clean, and sanitising costs as much as rendering.
  const bodyHtml = env.rawHtml ? sanitizePreview(html, { resolveImage: hooks.resolveImage, trustToken: TRUST_TOKEN }) : html.split(TRUST_MARK).join('');

  const fm = split.frontMatter;
  let headerHtml = '';
  if (fm) {
    const card = renderHeader({ data: fm.data, status: hooks.status, authorName: hooks.authorName, resolveImage: hooks.resolveImage });
    const errors = fm.errors.filter((e) => e.code !== 'frontmatter.duplicate-key');
    const note = errors.length ? `<p class="pc-fm-error" data-line="0">Front matter: ${escapeHtml(errors[0].message)}</p>` : '';
    headerHtml = sanitizePreview(card + note, { resolveImage: hooks.resolveImage, trustToken: TRUST_TOKEN });
  }
  links.sort((a, b) => a.line - b.line);
  const title = (fm && titleOf(fm.data)) ?? analysis.headings.find((h) => h.level === 1)?.text ?? '';
  let lineCount = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCount++;
  return { title, headerHtml, bodyHtml, headings: analysis.headings, links, hash: hashText(headerHtml + '\u0000' + bodyHtml), lineCount };
}
