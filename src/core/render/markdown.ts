/**
 * markdown-it set up like the site's own renderer (Goldmark for Hugo: tables, strikethrough, task
 * lists, footnotes, linkify, typographer per config, raw HTML only when the site allows it), plus
 * what the preview needs: `data-line` on blocks for scroll sync, the link checker's heading ids, and
 * a verdict on every link and image.
 */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import deflist from 'markdown-it-deflist';
import taskLists from 'markdown-it-task-lists';
import { splitHeadingAttributes } from '../markdown/headingIds';
import { dialectKey } from '../markdown/dialect';
import { goldmarkLinkify, kramdownRules } from '../markdown/parser';
import { codeBlockHtml, languageOf } from './highlight';
import { escapeHtml } from './html';
import { imageHtml, REF_SCHEME } from './shortcodes';
import type { ImageResolution, LinkForm, LinkVerdict, MarkupOptions, RenderedLink, ResolveImage } from './types';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;
type Markdown = ReturnType<typeof MarkdownIt>;

/** What one render passes to the rules through markdown-it's `env`. */
export interface RenderEnv {
  readonly resolveImage: ResolveImage;
  readonly resolveLink: (target: string, form: LinkForm) => LinkVerdict;
  /** Heading id per 0-based source line, from the analysis (the link checker's ids). */
  readonly headingIds: ReadonlyMap<number, string>;
  readonly links: RenderedLink[];
  /** Set when raw HTML from the post reaches the output (the site renders it): it must be sanitised. */
  rawHtml: boolean;
}

/** Attribute values are typed string | number; ours are always strings. */
function attr(t: Token, name: string): string {
  const v = t.attrGet(name);
  return v === null || v === undefined ? '' : String(v);
}

// Module-level on purpose: keyed by the dialect's enumerated options (dialectKey: a handful in
// practice, bounded by their combinations), each set-up built from those options alone — no site data.
const cache = new Map<string, Markdown>();

/** One markdown-it per distinct option set: building one costs more than rendering a post. */
export function markdownFor(o: MarkupOptions): Markdown {
  const key = dialectKey(o.dialect);
  let md = cache.get(key);
  if (!md) {
    md = createMarkdown(o);
    cache.set(key, md);
  }
  return md;
}

function createMarkdown(o: MarkupOptions): Markdown {
  // html: true even when the site forbids raw HTML, so it parses as HTML (like Goldmark) and we can
  // show "omitted" instead of printing the tags as text.
  const md = MarkdownIt({ html: true, linkify: o.dialect.linkify, typographer: o.dialect.typographer });
  if (o.dialect.linkify) goldmarkLinkify(md);
  if (o.dialect.footnotes) md.use(footnote);
  if (o.dialect.definitionLists) md.use(deflist);
  if (o.dialect.kramdown) kramdownRules(md);
  md.use(taskLists, { enabled: false });
  md.core.ruler.push('postcraft_preview', (state) => annotate(state, o));

  const rules = md.renderer.rules;
  rules.fence = (tokens, i) => {
    const t = tokens[i];
    return codeBlockHtml(t.content, languageOf(t.info), t.map ? t.map[0] : undefined);
  };
  rules.code_block = (tokens, i) => {
    const t = tokens[i];
    return codeBlockHtml(t.content, '', t.map ? t.map[0] : undefined);
  };
  rules.image = (tokens, i) => {
    const t = tokens[i];
    const r = t.meta?.image as ImageResolution | undefined;
    const src = attr(t, 'src');
    const alt = t.children ? md.renderer.renderInlineAsText(t.children, md.options, {}) : t.content;
    return imageHtml(r ?? { missing: true, reason: 'not resolved' }, alt, src);
  };
  if (!o.dialect.rawHtml) {
    const why = 'Raw HTML omitted: the site does not render it (markup.goldmark.renderer.unsafe is false).';
    rules.html_block = (tokens, i) => {
      const t = tokens[i];
      return `<div class="pc-raw-omitted"${t.map ? ` data-line="${t.map[0]}"` : ''} title="${escapeHtml(why)}">raw HTML omitted</div>\n`;
    };
    rules.html_inline = (tokens, i) =>
      // The task-list plugin writes its checkbox as an inline HTML token: ours, not the author's.
      tokens[i].content.startsWith('<input class="task-list-item-checkbox"') ? tokens[i].content : `<span class="pc-raw-omitted" title="${escapeHtml(why)}">&lt;/&gt;</span>`;
  }
  return md;
}

const BLOCK_LINE_TYPES = new Set(['paragraph_open', 'heading_open', 'blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open', 'table_open', 'tr_open', 'hr', 'footnote_open', 'dl_open']);

/** After parsing: line attributes, heading ids, link and image verdicts. */
function annotate(state: StateCore, o: MarkupOptions): void {
  const env = state.env as unknown as RenderEnv | undefined;
  if (!env || !env.resolveLink) return;
  for (const t of state.tokens) {
    if (t.map && BLOCK_LINE_TYPES.has(t.type)) t.attrSet('data-line', String(t.map[0]));
    if (t.type === 'html_block' && o.dialect.rawHtml) env.rawHtml = true;
    // Column alignment as a class: the webview's CSP forbids style attributes.
    if ((t.type === 'th_open' || t.type === 'td_open') && t.attrs) {
      const align = /text-align:\s*(left|right|center)/.exec(attr(t, 'style'))?.[1];
      t.attrs = t.attrs.filter(([k]) => k !== 'style');
      if (align) t.attrJoin('class', `pc-align-${align}`);
    }
  }
  for (let i = 0; i < state.tokens.length; i++) {
    const t = state.tokens[i];
    if (t.type === 'heading_open') {
      const inline = state.tokens[i + 1];
      if (o.dialect.headingAttributes && inline?.children?.length) stripAttributeBlock(inline.children);
      const id = t.map ? env.headingIds.get(t.map[0]) : undefined;
      if (id) t.attrSet('id', id);
    }
    if (t.type === 'inline' && t.children) annotateInline(t.children, t.map ? t.map[0] : 0, env, o.dialect.rawHtml);
  }
}

/** `## Title {#custom}`: the attribute block sets the id and is not part of the visible text. */
function stripAttributeBlock(children: Token[]): void {
  const last = children[children.length - 1];
  if (last.type !== 'text') return;
  const split = splitHeadingAttributes(last.content);
  if (split.text !== last.content) last.content = split.text.replace(/\s+$/, '');
}

function annotateInline(children: Token[], firstLine: number, env: RenderEnv, unsafeHtml: boolean): void {
  let line = firstLine;
  for (const c of children) {
    if (c.type === 'softbreak' || c.type === 'hardbreak') line++;
    else if (c.type === 'text' && c.content.includes('\n')) line += c.content.split('\n').length - 1;
    else if (c.type === 'link_open') annotateLink(c, line, env);
    else if (unsafeHtml && c.type === 'html_inline' && !c.content.startsWith('<input class="task-list-item-checkbox"')) env.rawHtml = true;
    else if (c.type === 'image') {
      const src = attr(c, 'src');
      c.meta = { ...(c.meta ?? {}), image: safeImage(env, src) };
    }
  }
}

function safeImage(env: RenderEnv, src: string): ImageResolution {
  try {
    return env.resolveImage(decodeSafe(src));
  } catch {
    return { missing: true, reason: 'could not be resolved' };
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

function annotateLink(t: Token, line: number, env: RenderEnv): void {
  const raw = attr(t, 'href');
  // The autolinker's links are plain addresses: no verdict needed beyond "external".
  let form: LinkForm = 'link';
  let target = decodeSafe(raw);
  if (raw.startsWith(REF_SCHEME)) {
    const rest = raw.slice(REF_SCHEME.length);
    const colon = rest.indexOf(':');
    form = rest.slice(0, colon) as LinkForm;
    try {
      target = decodeURIComponent(rest.slice(colon + 1));
    } catch {
      target = rest.slice(colon + 1);
    }
  }
  let verdict;
  try {
    verdict = env.resolveLink(target, form);
  } catch {
    verdict = { kind: 'other' as const };
  }
  env.links.push({ target, form, line, verdict });
  if (form !== 'link') t.attrSet('href', verdict.href ?? '#');
  t.attrSet('data-href', target);
  if (form !== 'link') t.attrSet('data-form', form);
  t.attrSet('data-link-kind', verdict.kind);
  if (verdict.broken) {
    t.attrJoin('class', 'pc-link-broken');
    t.attrSet('title', `Broken link: ${verdict.broken}`);
  } else if (verdict.kind === 'external') t.attrJoin('class', 'pc-link-external');
}
