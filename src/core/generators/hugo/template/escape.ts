/**
 * html/template's escaping functions (Go 1.20, as hugo 0.111 runs them), for the contexts we
 * support: element text, RCDATA, quoted and unquoted attribute values, URL attributes, and
 * attribute names. html/template's stringify: one string or typed string as it is; otherwise
 * fmt.Sprint of the values, with an untyped nil skipped (so a nil prints nothing).
 */
import { formatV } from './format';
import { EvalError, Safe, type SafeKind, type Value } from './values';

export interface Stringified {
  readonly s: string;
  readonly kind: SafeKind | 'plain';
}

export function stringify(v: Value): Stringified {
  if (v === undefined || v === null) return { s: '', kind: 'plain' };
  if (typeof v === 'string') return { s: v, kind: 'plain' };
  if (v instanceof Safe) return { s: v.s, kind: v.kind };
  return { s: formatV(v), kind: 'plain' };
}

const HTML: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', '&': '&amp;', "'": '&#39;', '+': '&#43;', '<': '&lt;', '>': '&gt;' };
const HTML_NORM: Record<string, string> = { ...HTML, '&': '&' };
const NOSPACE: Record<string, string> = {
  '\0': '&#xfffd;', '\t': '&#9;', '\n': '&#10;', '\v': '&#11;', '\f': '&#12;', '\r': '&#13;', ' ': '&#32;', '"': '&#34;', '&': '&amp;', "'": '&#39;', '+': '&#43;', '<': '&lt;', '=': '&#61;', '>': '&gt;', '`': '&#96;',
};
const NOSPACE_NORM: Record<string, string> = { ...NOSPACE, '&': '&' };

function replace(s: string, table: Record<string, string>, nonCharacters: boolean): string {
  let out = '';
  for (const ch of s) {
    const r = table[ch];
    if (r !== undefined) out += r;
    else {
      const c = ch.codePointAt(0)!;
      // Unquoted attributes also spell out Unicode non-characters (IE refused them raw).
      if (nonCharacters && ((c >= 0xfdd0 && c <= 0xfdef) || (c >= 0xfff0 && c <= 0xffff))) out += `&#x${c.toString(16)};`;
      else out += ch;
    }
  }
  return out;
}

/** Element text: typed HTML as it is, anything else escaped. */
export function htmlEscaper(v: Value): string {
  const { s, kind } = stringify(v);
  return kind === 'html' ? s : replace(s, HTML, false);
}

/** `<textarea>`/`<title>` content: HTML is re-escaped except its entities. */
export function rcdataEscaper(v: Value): string {
  const { s, kind } = stringify(v);
  return replace(s, kind === 'html' ? HTML_NORM : HTML, false);
}

/**
 * html/template's stripTags, for the simple markup `markdownify`/`safeHTML` give in an attribute:
 * plain elements are removed. Anything it would need its full HTML parser for is an EvalError.
 */
function stripTags(html: string): string {
  if (/<\/?(script|style|textarea|title)\b|<!--/i.test(html)) throw new EvalError('HTML with raw-text elements or comments in an attribute');
  const stripped = html.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_:.-]*(?:="[^"<>]*")?)*\s*\/?>/g, '');
  if (/[<>]/.test(stripped)) throw new EvalError('HTML in an attribute that is not simple markup');
  return stripped;
}

/** A quoted attribute value. */
export function attrEscaper(v: Value): string {
  const { s, kind } = stringify(v);
  return kind === 'html' ? replace(stripTags(s), HTML_NORM, false) : replace(s, HTML, false);
}

/** An unquoted attribute value. */
export function nospaceEscaper(v: Value): string {
  const { s, kind } = stringify(v);
  return kind === 'html' ? replace(stripTags(s), NOSPACE_NORM, true) : replace(s, NOSPACE, true);
}

const URL_UNRESERVED = /[A-Za-z0-9\-._~]/;
const URL_RESERVED = "!#$&*+,/:;=?@[]";

/** processURLOnto: percent-encode (lower-case hex) what is not allowed; `norm` keeps reserved characters and `%`. */
export function urlProcess(s: string, norm: boolean): string {
  let out = '';
  for (const ch of s) {
    if (URL_UNRESERVED.test(ch) || (norm && (URL_RESERVED.includes(ch) || ch === '%'))) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += '%' + b.toString(16).padStart(2, '0');
  }
  return out;
}

/** urlFilter: a value whose scheme is not http, https or mailto becomes `#ZgotmplZ` unless it is a typed URL. */
export function urlFilter(v: Value): Stringified {
  const st = stringify(v);
  if (st.kind === 'url') return st;
  const colon = st.s.indexOf(':');
  if (colon >= 0) {
    const scheme = st.s.slice(0, colon);
    if (!scheme.includes('/') && !/^(https?|mailto)$/i.test(scheme)) return { s: '#ZgotmplZ', kind: 'plain' };
  }
  return st;
}

/** The failsafe html/template prints for an attribute name it does not trust. */
export const FAILSAFE = 'ZgotmplZ';
