/**
 * Hugo shortcodes and Jekyll Liquid tags, expanded before Markdown as the generators do.
 *
 * Each tag becomes either
 * - a link destination placeholder (`pc-ref:relref:<arg>`) when it stands where a link target goes,
 *   so the Markdown link still parses and the link renderer resolves it like any other link; or
 * - a marker (two private-use characters around a number) that survives Markdown untouched and is
 *   swapped for the tag's HTML afterwards.
 * Every replacement keeps the tag's line breaks, so source lines (and scroll sync) stay right.
 */
import type { MarkdownDialect } from '../markdown/dialect';
import { codeBlockHtml } from './highlight';
import { escapeHtml } from './html';
import { printedHtml } from './printed';
import type { ImageResolution, LinkForm, LinkVerdict, ResolveImage, ShortcodeWrapper } from './types';

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;
export const REF_SCHEME = 'pc-ref:';

export interface ExpandContext {
  readonly resolveImage: ResolveImage;
  readonly resolveLink: (target: string, form: LinkForm) => LinkVerdict;
  /** Called for every link a tag makes, with the 0-based line it is on. */
  readonly onLink?: (target: string, form: LinkForm, line: number, verdict: LinkVerdict) => void;
  /** The site's wrapper shortcodes, rendered around their content instead of a labelled box. */
  readonly wrappers?: Readonly<Record<string, ShortcodeWrapper>>;
  /** Renders a wrapper's Markdown content (the same renderer, its own document). */
  readonly renderMarkdown?: (text: string) => string;
  /** What the site's template printed for a call, by the call's source text (RenderHooks.printedShortcode). */
  readonly printed?: (source: string) => string | undefined;
}

export interface Expanded {
  readonly text: string;
  /** HTML for marker n. */
  readonly fragments: readonly string[];
  /** A fragment holds a template's own HTML: the output must be sanitised. */
  readonly untrusted?: boolean;
}

interface Args {
  readonly positional: string[];
  readonly named: Map<string, string>;
}

const ARG = /(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|'([^']*)'|([^\s"'`=]+))/g;

export function parseShortcodeArgs(text: string): Args {
  const positional: string[] = [];
  const named = new Map<string, string>();
  ARG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ARG.exec(text))) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? m[5] ?? '');
    if (m[1]) named.set(m[1].toLowerCase(), value);
    else positional.push(value);
  }
  return { positional, named };
}

function arg(a: Args, name: string, index: number): string | undefined {
  return a.named.get(name) ?? a.positional[index];
}

/**
 * Marks the images we resolved ourselves, so the sanitiser can tell them from `<img>` in raw HTML
 * (which it resolves again). Random per process: a post cannot forge it.
 */
export const TRUST_TOKEN = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

export function imageHtml(r: ImageResolution, alt: string, src: string): string {
  if ('uri' in r) return `<img src="${escapeHtml(r.uri)}" alt="${escapeHtml(alt)}" data-src="${escapeHtml(src)}" data-pc="${TRUST_TOKEN}">`;
  const cls = 'missing' in r ? 'pc-image-missing' : 'pc-image-blocked';
  return `<span class="pc-image ${cls}" title="${escapeHtml(r.reason)}"><span class="pc-image-icon" aria-hidden="true">\u{1F5BC}</span> ${escapeHtml(alt || src)} <span class="pc-image-reason">${escapeHtml(r.reason)}</span></span>`;
}

function badge(kind: string, name: string, title: string): string {
  return `<span class="pc-tag pc-tag-${kind}" data-shortcode="${escapeHtml(name)}" title="${escapeHtml(title)}">${escapeHtml(name)}</span>`;
}

function embed(kind: string, label: string, detail: string): string {
  return `<span class="pc-embed pc-embed-${kind}" data-shortcode="${kind}"><span class="pc-embed-kind">${escapeHtml(label)}</span> <span class="pc-embed-detail">${escapeHtml(detail)}</span> <span class="pc-embed-note">not loaded in the preview</span></span>`;
}

function refHtml(target: string, form: LinkForm, v: LinkVerdict): string {
  const cls = v.broken ? 'pc-ref pc-link-broken' : 'pc-ref';
  const title = v.broken ?? `${form} → ${v.href ?? target}`;
  return `<code class="${cls}" title="${escapeHtml(title)}">${escapeHtml(v.href ?? target)}</code>`;
}

/** encodeURIComponent throws on a lone surrogate (an unsaved edit can hold one): replace those first. */
function encodeTarget(target: string): string {
  return encodeURIComponent(target.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** True when the text just before `at` opens a Markdown link destination: `](` or `](<`. */
function inLinkDestination(text: string, at: number): boolean {
  return /\]\(\s*<?$/.test(text.slice(Math.max(0, at - 4), at));
}

class Builder {
  readonly fragments: string[] = [];
  untrusted = false;
  private out = '';
  private lineStarts: number[] | undefined;
  constructor(private readonly source: string) {}

  lineAt(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.source.length; i++) if (this.source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  text(s: string): void {
    this.out += s;
  }

  /** Replaces `original` with a marker for `html`, keeping its line breaks. */
  marker(html: string, original: string): void {
    this.fragments.push(html);
    this.out += MARK_OPEN + (this.fragments.length - 1) + MARK_CLOSE + '\n'.repeat(countLines(original));
  }

  /** Replaces `original` with plain text, keeping its line breaks. */
  literal(s: string, original: string): void {
    this.out += s + '\n'.repeat(Math.max(0, countLines(original) - countLines(s)));
  }

  result(): Expanded {
    return { text: this.out, fragments: this.fragments, ...(this.untrusted ? { untrusted: true } : {}) };
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

// `{{< name args >}}`, `{{% name args %}}`, `{{< /name >}}`, `{{</* escaped */>}}`, self-closing `/>}}`.
const HUGO_TAG = /\{\{([<%])(\s*\/\*[\s\S]*?\*\/\s*)([>%])\}\}|\{\{([<%])\s*(\/)?\s*([A-Za-z0-9_][\w./-]*)([\s\S]*?)(\/)?\s*([>%])\}\}/g;
const MEDIA: Record<string, [string, (a: Args) => string]> = {
  youtube: ['YouTube video', (a) => [a.named.get('title'), arg(a, 'id', 0)].filter(Boolean).join(' · ')],
  vimeo: ['Vimeo video', (a) => [a.named.get('title'), arg(a, 'id', 0)].filter(Boolean).join(' · ')],
  x: ['Post on X', (a) => `@${arg(a, 'user', 0) ?? '?'} · ${arg(a, 'id', 1) ?? '?'}`],
  tweet: ['Post on X', (a) => `@${arg(a, 'user', 0) ?? '?'} · ${arg(a, 'id', 1) ?? '?'}`],
  twitter: ['Post on X', (a) => `@${arg(a, 'user', 0) ?? '?'} · ${arg(a, 'id', 1) ?? '?'}`],
  instagram: ['Instagram post', (a) => arg(a, 'id', 0) ?? '?'],
  gist: ['GitHub gist', (a) => `${arg(a, 'user', 0) ?? '?'}/${arg(a, 'id', 1) ?? '?'}${arg(a, 'file', 2) ? ` · ${arg(a, 'file', 2)}` : ''}`],
};

function figureHtml(a: Args, ctx: ExpandContext): string {
  const src = a.named.get('src') ?? '';
  const alt = a.named.get('alt') ?? a.named.get('caption') ?? a.named.get('title') ?? '';
  const img = src ? imageHtml(ctx.resolveImage(src), alt, src) : `<span class="pc-image pc-image-missing">figure without src</span>`;
  const title = a.named.get('title');
  const caption = a.named.get('caption');
  const attr = a.named.get('attr');
  const cap = title || caption || attr ? `<figcaption>${title ? `<h4>${escapeHtml(title)}</h4>` : ''}${caption || attr ? `<p>${escapeHtml([caption, attr].filter(Boolean).join(' '))}</p>` : ''}</figcaption>` : '';
  return `<figure class="pc-figure" data-shortcode="figure">${img}${cap}</figure>`;
}

/** The closing tag of `name` from `from` on. */
function closingTag(text: string, from: number, name: string): RegExpExecArray | null {
  const close = new RegExp(`\\{\\{[<%]\\s*/\\s*${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*[>%]\\}\\}`, 'g');
  close.lastIndex = from;
  return close.exec(text);
}

/**
 * A wrapper shortcode with its content: `{{< box >}}text{{< /box >}}` → the template's HTML around the
 * content (Markdown rendered when the template markdownifies it or the call is `{{% %}}`). Content
 * holding other shortcodes is left to the labelled box. Returns the offset after the closing tag.
 */
function wrapped(text: string, m: RegExpExecArray, w: ShortcodeWrapper, name: string, b: Builder, ctx: ExpandContext): number | undefined {
  const from = m.index + m[0].length;
  let inner = '';
  let end = from;
  if (m[8] !== '/') {
    const c = closingTag(text, from, name);
    if (!c || /\{\{[<%]/.test(text.slice(from, c.index))) return undefined;
    inner = text.slice(from, c.index);
    end = c.index + c[0].length;
  }
  const markdown = (w.markdown || m[4] === '%') && ctx.renderMarkdown;
  // Its own lines are not the document's: the block maps to the call's line as a whole.
  const body = markdown ? ctx.renderMarkdown!(inner.trim()).replace(/ data-line="\d+"/g, '') : inner;
  b.untrusted = true;
  b.marker(`<div class="pc-wrapper" data-shortcode="${escapeHtml(name)}">${w.before}${body}${w.after}</div>`, text.slice(m.index, end));
  return end;
}

/**
 * A call as the site's template renders it (on the site's side: render/siteShortcodes.ts), found by
 * its source text up to its closing tag. A call whose content holds other shortcodes, or that was
 * not rendered, keeps the wrapper or the labelled box. Returns the offset after the call.
 */
function printedCall(text: string, m: RegExpExecArray, name: string, b: Builder, ctx: ExpandContext): number | undefined {
  if (!ctx.printed || !ctx.renderMarkdown) return undefined;
  const from = m.index + m[0].length;
  let end = from;
  let inner = m[8] === '/' ? '' : undefined;
  const c = m[8] === '/' ? null : closingTag(text, from, name);
  if (c) {
    if (/\{\{[<%]/.test(text.slice(from, c.index))) return undefined;
    inner = text.slice(from, c.index);
    end = c.index + c[0].length;
  }
  const source = text.slice(m.index, end);
  const output = ctx.printed(source);
  const html = output === undefined ? undefined : printedHtml({ name, output, markdown: m[4] === '%', ...(inner !== undefined ? { inner } : {}) }, ctx.renderMarkdown);
  if (html === undefined) return undefined;
  b.untrusted = true;
  b.marker(html, source);
  return end;
}

function expandHugo(text: string, ctx: ExpandContext): Expanded {
  const b = new Builder(text);
  let last = 0;
  HUGO_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HUGO_TAG.exec(text))) {
    const whole = m[0];
    b.text(text.slice(last, m.index));
    last = m.index + whole.length;
    if (m[2] !== undefined) {
      // `{{</* figure */>}}` is how authors show a shortcode literally.
      b.literal(`{{${m[1]}${m[2].replace(/^(\s*)\/\*/, '$1').replace(/\*\/(\s*)$/, '$1')}${m[3]}}}`, whole);
      continue;
    }
    const closing = m[5] === '/';
    const name = m[6];
    const lname = name.toLowerCase();
    const args = parseShortcodeArgs(m[7]);
    if (closing) {
      b.marker(badge('close', `/${name}`, `end of shortcode ${name}`), whole);
      continue;
    }
    if (lname === 'ref' || lname === 'relref') {
      const target = args.named.get('path') ?? args.positional[0] ?? '';
      if (inLinkDestination(text, m.index)) {
        b.text(REF_SCHEME + lname + ':' + encodeTarget(target));
        continue;
      }
      const v = ctx.resolveLink(target, lname);
      ctx.onLink?.(target, lname, b.lineAt(m.index), v);
      b.marker(refHtml(target, lname, v), whole);
      continue;
    }
    if (lname === 'highlight') {
      const close = /\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/g;
      close.lastIndex = last;
      const c = close.exec(text);
      if (c) {
        const code = text.slice(last, c.index).replace(/^\r?\n/, '');
        const original = text.slice(m.index, c.index + c[0].length);
        b.marker(codeBlockHtml(code, (args.positional[0] ?? '').toLowerCase()), original);
        last = c.index + c[0].length;
        HUGO_TAG.lastIndex = last;
        continue;
      }
    }
    const printedEnd = printedCall(text, m, name, b, ctx);
    if (printedEnd !== undefined) {
      last = printedEnd;
      HUGO_TAG.lastIndex = printedEnd;
      continue;
    }
    const wrapper = ctx.wrappers && Object.prototype.hasOwnProperty.call(ctx.wrappers, name) ? ctx.wrappers[name] : undefined;
    if (wrapper) {
      const end = wrapped(text, m, wrapper, name, b, ctx);
      if (end !== undefined) {
        last = end;
        HUGO_TAG.lastIndex = end;
        continue;
      }
    }
    if (lname === 'figure') {
      b.marker(figureHtml(args, ctx), whole);
      continue;
    }
    const media = MEDIA[lname];
    if (media) {
      b.marker(embed(lname, media[0], media[1](args)), whole);
      continue;
    }
    b.marker(badge('shortcode', name, `Hugo shortcode "${name}": rendered by the site's templates when the site is built`), whole);
  }
  b.text(text.slice(last));
  return b.result();
}

// `{% tag args %}` (with optional `-` whitespace control) and `{{ output }}`.
const LIQUID = /\{%-?\s*(\w+)([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;

function blockEnd(text: string, from: number, name: string): RegExpExecArray | null {
  const re = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g');
  re.lastIndex = from;
  return re.exec(text);
}

function expandLiquid(text: string, ctx: ExpandContext): Expanded {
  const b = new Builder(text);
  let last = 0;
  LIQUID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LIQUID.exec(text))) {
    const whole = m[0];
    b.text(text.slice(last, m.index));
    last = m.index + whole.length;
    if (m[1] === undefined) {
      const expr = (m[3] ?? '').trim();
      b.marker(badge('liquid', expr.length > 40 ? expr.slice(0, 39) + '…' : expr, `Liquid output {{ ${expr} }}: filled in when the site is built`), whole);
      continue;
    }
    const name = m[1];
    const rest = m[2].trim();
    if (name === 'raw' || name === 'comment' || name === 'highlight') {
      const end = blockEnd(text, last, name);
      if (end) {
        const inner = text.slice(last, end.index);
        const original = text.slice(m.index, end.index + end[0].length);
        if (name === 'raw') b.literal(inner, original);
        else if (name === 'comment') b.literal('', original);
        else b.marker(codeBlockHtml(inner.replace(/^\r?\n/, ''), (rest.split(/\s+/)[0] ?? '').toLowerCase()), original);
        last = end.index + end[0].length;
        LIQUID.lastIndex = last;
        continue;
      }
    }
    if (name === 'post_url' || name === 'link') {
      const form: LinkForm = name === 'post_url' ? 'post_url' : 'liquid-link';
      const target = rest.replace(/^["']|["']$/g, '');
      if (inLinkDestination(text, m.index)) {
        b.text(REF_SCHEME + form + ':' + encodeTarget(target));
        continue;
      }
      const v = ctx.resolveLink(target, form);
      ctx.onLink?.(target, form, b.lineAt(m.index), v);
      b.marker(refHtml(target, form, v), whole);
      continue;
    }
    b.marker(badge('liquid', name, `Liquid tag {% ${name} %}: run when the site is built`), whole);
  }
  b.text(text.slice(last));
  return b.result();
}

/** Expands the generator's template tags in a body (front matter already blanked). */
export function expandTemplates(text: string, templates: MarkdownDialect['templates'], ctx: ExpandContext): Expanded {
  if (templates === 'shortcodes') return text.includes('{{') ? expandHugo(text, ctx) : { text, fragments: [] };
  if (templates === 'liquid') return text.includes('{%') || text.includes('{{') ? expandLiquid(text, ctx) : { text, fragments: [] };
  return { text, fragments: [] };
}

/**
 * Puts the tags' HTML back. A tag alone in a paragraph replaces the paragraph (keeping its line),
 * since a `<figure>` or `<pre>` inside `<p>` is invalid and browsers would split it.
 */
export function restoreFragments(html: string, fragments: readonly string[]): string {
  if (fragments.length === 0) return html;
  const lone = /<p( data-line="\d+")?>\uE000(\d+)\uE001\s*<\/p>\n?/g;
  return html
    .replace(lone, (_m, dl: string | undefined, n: string) => `<div class="pc-block"${dl ?? ''}>${fragments[Number(n)] ?? ''}</div>\n`)
    .replace(MARKER, (_m, n: string) => fragments[Number(n)] ?? '');
}

/** Removes any marker characters an author typed (they would otherwise pick up our fragments). */
export function stripMarkers(text: string): string {
  return /[\uE000\uE001]/.test(text) ? text.replace(/[\uE000\uE001]/g, '\uFFFD') : text;
}
