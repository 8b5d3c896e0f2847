/**
 * The last step of every render: nothing from the post may run. An allow-list keeps the elements a
 * blog post uses and our own attributes (data-line for scroll sync, classes for verdicts) and drops
 * scripts, event handlers, `javascript:` URLs, iframes, SVG, forms and inline styles. The webview's
 * CSP is the second wall; this one also protects the standalone HTML the CLI writes.
 */
import type sanitizeHtml from 'sanitize-html';

// Loaded on first use: its HTML entity tables cost ~40 ms when the extension starts, and only a
// preview of a post with raw HTML needs it.
let sanitizeFn: typeof sanitizeHtml | undefined;
function sanitizer(): typeof sanitizeHtml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sanitizeFn ??= require('sanitize-html') as typeof sanitizeHtml;
  return sanitizeFn;
}
import type { ResolveImage } from './types';

const TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

const COMMON = ['class', 'id', 'title', 'lang', 'dir', 'data-line', 'data-href', 'data-form', 'data-link-kind', 'data-shortcode', 'data-author', 'data-src', 'aria-hidden', 'aria-label', 'role'];

export interface SanitizeOptions {
  readonly resolveImage: ResolveImage;
  /** Images we resolved ourselves carry `data-pc="<token>"`; any other `<img>` came from raw HTML. */
  readonly trustToken: string;
}

export function sanitizePreview(html: string, o: SanitizeOptions): string {
  return sanitizer()(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      '*': COMMON,
      a: ['href', 'name'],
      img: ['src', 'alt', 'width', 'height', 'data-pc'],
      input: [{ name: 'type', multiple: false, values: ['checkbox'] }, 'checked', 'disabled'],
      ol: ['start', 'type', 'reversed'],
      td: ['align', 'colspan', 'rowspan'],
      th: ['align', 'colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      details: ['open'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['https', 'http', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Their text is code or markup, never prose: drop it with the tag.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title'],
    transformTags: {
      img: (tagName, attribs) => {
        if (attribs['data-pc'] === o.trustToken) {
          const { ['data-pc']: _trusted, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        return rawImage(attribs, o.resolveImage);
      },
      // Only task-list checkboxes, never usable: a post has no business asking for input.
      input: (tagName, attribs) => ((attribs.type ?? '').toLowerCase() === 'checkbox' ? { tagName, attribs: { ...attribs, disabled: '' } } : { tagName: 'span', attribs: {} }),
      // Markdown tables align columns with style="text-align: …"; the webview's CSP forbids style
      // attributes, so alignment becomes a class.
      td: cellAlignment,
      th: cellAlignment,
    },
  });
}

/** An `<img>` written as raw HTML goes through the same resolution as a Markdown image. */
function rawImage(attribs: sanitizeHtml.Attributes, resolve: ResolveImage): sanitizeHtml.Tag {
  const src = attribs.src ?? '';
  let r;
  try {
    r = resolve(src);
  } catch {
    r = { missing: true as const, reason: 'could not be resolved' };
  }
  if ('uri' in r) {
    const out: sanitizeHtml.Attributes = { src: r.uri, 'data-src': src };
    for (const k of ['alt', 'width', 'height', 'title', 'class', 'id']) if (attribs[k] !== undefined) out[k] = attribs[k];
    return { tagName: 'img', attribs: out };
  }
  const cls = 'missing' in r ? 'pc-image-missing' : 'pc-image-blocked';
  return { tagName: 'span', attribs: { class: `pc-image ${cls}`, title: r.reason }, text: `${attribs.alt || src} — ${r.reason}` };
}

function cellAlignment(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { style, ...rest } = attribs;
  const align = /text-align:\s*(left|right|center)/i.exec(style ?? '')?.[1]?.toLowerCase();
  return { tagName, attribs: align ? { ...rest, class: `pc-align-${align}` } : rest };
}
