/**
 * Hugo 0.111's string, formatting, HTML, URL and typed-string functions. Hugo's string functions
 * cast their arguments (`lower 5` is "5"); where Go's Unicode handling or a library's heuristics
 * (title case, humanize) could differ from ours, the input is restricted and anything else throws.
 */
import { makePath } from '../paths';
import { arity, toInt, toStr } from './cast';
import type { Fn, FnEnv } from './exec';
import { sprint, sprintf, sprintln } from './format';
import { findRE, replaceRE } from './regexp';
import { absURL, relURL } from './urls';
import { EvalError, GoFloat, GoMap, Safe, type SafeKind, sortedKeys, stringOf, typeName, type Value } from './values';

/** unicode.ToLower/ToUpper rune by rune; a rune JS maps to several (or in context) is refused. */
function mapCase(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    if (Array.from(m).length !== 1 || /[\u0130\u0131\u017f\u212a\u212b]/.test(ch)) throw new EvalError(`case mapping of '${ch}'`);
    out += m;
  }
  return out;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'nor', 'of', 'on', 'or', 'per', 'so', 'the', 'to', 'up', 'v', 'vs', 'via', 'yet']);

/**
 * `title` in the site's titleCaseStyle as hugo 0.111 has them: `go` is strings.Title (each letter
 * after a non-alphanumeric character upper-cased), anything else AP style, for which we take only
 * lower-case ASCII words and digits (checked with hugo); other text, and Chicago style, throw.
 * `firstupper` and `none` came in later Hugo releases, which a site setting them is built with.
 */
function title(s: string, style: string | undefined): string {
  switch ((style ?? 'ap').toLowerCase()) {
    case 'go':
      if (!/^[\x20-\x7e]*$/.test(s)) throw new EvalError('title (go style) of text other than printable ASCII');
      return s.replace(/(^|[^A-Za-z0-9_])([a-z])/g, (_m, before: string, c: string) => before + c.toUpperCase());
    case 'firstupper':
      if (!/^[\x20-\x7e]*$/.test(s)) throw new EvalError('title (firstupper) of text other than printable ASCII');
      return s.charAt(0).toUpperCase() + s.slice(1);
    case 'none':
      return s;
    case 'chicago':
      throw new EvalError('title in Chicago style is not modelled');
  }
  if (!/^[a-z0-9]+( [a-z0-9]+)*$/.test(s)) throw new EvalError('title of text other than lower-case ASCII words');
  const words = s.split(' ');
  return words.map((w, i) => (i > 0 && i < words.length - 1 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
}

/** inflect.Humanize for simple words: `my-first_post` and `myFirstPost` give "My first post". */
function humanize(v: Value): string {
  if (typeof v === 'number') {
    const n = Math.abs(v) % 100;
    const suffix = n >= 11 && n <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return `${v}${suffix}`;
  }
  const s = toStr(v, 'humanize');
  if (!/^[a-z][a-z0-9]*(([-_ ][a-z0-9]+)|([A-Z][a-z0-9]+))*$/.test(s)) throw new EvalError('humanize of text other than simple words');
  const words = s.replace(/([A-Z])/g, ' $1').split(/[-_ ]/).map((w) => w.toLowerCase());
  const joined = words.join(' ');
  return joined[0].toUpperCase() + joined.slice(1);
}

function urlize(s: string): string {
  const p = makePath(s.trim(), { disablePathToLower: false, removePathAccents: false });
  if (/[#?%\\]/.test(p)) throw new EvalError(`urlize of '${s}' (a URL with a query, fragment or escapes)`);
  let out = '';
  for (const ch of p) out += /[A-Za-z0-9/._~+-]/.test(ch) ? ch : Array.from(new TextEncoder().encode(ch), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
  return out;
}

/** The default (GitHub) anchor name: letters, digits, `_` and `-` kept, lower-cased; space → `-`. */
function anchorize(s: string): string {
  if (s !== s.trim()) throw new EvalError('anchorize of text with surrounding space');
  let out = '';
  for (const ch of s) {
    if (ch === ' ' || ch === '-') out += '-';
    else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) out += mapCase(ch, false);
  }
  return out;
}

function trimSet(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const r = Array.from(s);
  let a = 0;
  let b = r.length;
  while (a < b && cut.has(r[a])) a++;
  while (b > a && cut.has(r[b - 1])) b--;
  return r.slice(a, b).join('');
}

function split(s: string, sep: string): string[] {
  return sep === '' ? Array.from(s) : s.split(sep);
}

function replaceAll(s: string, old: string, repl: string, limit: number): string {
  if (old === '') throw new EvalError('replace of an empty string');
  let out = '';
  let at = 0;
  for (let n = 0; limit < 0 || n < limit; n++) {
    const i = s.indexOf(old, at);
    if (i < 0) break;
    out += s.slice(at, i) + repl;
    at = i + old.length;
  }
  return out + s.slice(at);
}

function slicestr(a: readonly Value[]): string {
  arity('slicestr', a, 1, 3);
  const r = Array.from(toStr(a[0], 'slicestr'));
  const start = a.length > 1 ? toInt(a[1], 'slicestr') : 0;
  const end = a.length > 2 ? toInt(a[2], 'slicestr') : r.length;
  if (start < 0 || end < start || end > r.length) throw new EvalError('slicestr: slice bounds out of range');
  return r.slice(start, end).join('');
}

function substr(a: readonly Value[]): string {
  arity('substr', a, 2, 3);
  const r = Array.from(toStr(a[0], 'substr'));
  let start = toInt(a[1], 'substr');
  if (start < 0) start += r.length;
  if (start < 0) throw new EvalError('substr: a start before the beginning');
  if (start >= r.length) return '';
  let end = r.length;
  if (a.length > 2) {
    const n = toInt(a[2], 'substr');
    end = n < 0 ? r.length + n : Math.min(r.length, start + n);
    if (end < start) throw new EvalError('substr: a negative length past the start');
  }
  return r.slice(start, end).join('');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' };
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function htmlUnescape(s: string): string {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g, (all, ref: string) => {
    if (!all.endsWith(';')) throw new EvalError('htmlUnescape of an entity without its semicolon');
    if (ref.startsWith('#')) {
      const code = /^#[xX]/.test(ref) ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) throw new EvalError('htmlUnescape of a special numeric reference');
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    if (named === undefined) throw new EvalError(`htmlUnescape of &${ref};`);
    return named;
  });
}

const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** helpers.StripHTML: paragraph ends and breaks become newlines, tags go, runs of space become one. */
function plainify(s: string): string {
  if (!/[<>]/.test(s)) return s;
  const t = s.replace(/\n/g, ' ').replace(/<\/p>/g, '\n').replace(/<br>/g, '\n').replace(/<br \/>/g, '\n');
  let out = '';
  let inTag = false;
  let wasSpace = false;
  for (const r of t) {
    let isSpace = false;
    if (r === '<') inTag = true;
    else if (r === '>') inTag = false;
    else {
      isSpace = GO_SPACE.test(r);
      if (!inTag && (!isSpace || !wasSpace)) out += r;
    }
    wasSpace = isSpace;
  }
  return out;
}

function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** encoding/json.Marshal with its HTML escaping; map keys sorted. */
function json(v: Value, depth = 0): string {
  if (depth > 32) throw new EvalError('jsonify: value nested too deeply');
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof GoFloat) {
    if (!Number.isFinite(v.v)) throw new EvalError('jsonify: unsupported value');
    // Go's encoder and JS agree: plain digits below 1e21, an exponent such as 1e-7 beyond.
    return String(v.v);
  }
  const s = stringOf(v);
  if (s !== undefined) return jsonString(s);
  if (Array.isArray(v)) return `[${v.map((x) => json(x, depth + 1)).join(',')}]`;
  if (v instanceof GoMap) return `{${sortedKeys(v).map((k) => `${jsonString(k)}:${json(v.entries.get(k), depth + 1)}`).join(',')}}`;
  throw new EvalError(`jsonify of a ${typeName(v)}`);
}

function safe(kind: SafeKind, name: string): Fn {
  return (a) => (arity(name, a, 1), new Safe(kind, toStr(a[0], name)));
}

function markdown(a: readonly Value[], env: FnEnv): Value {
  arity('markdownify', a, 1);
  if (!env.renderMarkdown) throw new EvalError('markdownify: no Markdown renderer');
  return new Safe('html', env.renderMarkdown(toStr(a[0], 'markdownify'), true));
}

const s1 = (name: string, f: (s: string) => Value): Fn => (a) => (arity(name, a, 1), f(toStr(a[0], name)));
const s2 = (name: string, f: (x: string, y: string) => Value): Fn => (a) => (arity(name, a, 2), f(toStr(a[0], name), toStr(a[1], name)));
const limitOf = (a: readonly Value[], i: number, name: string) => (a.length > i ? toInt(a[i], name) : -1);

const ENTRIES: [string, Fn][] = [
  ['print', (a) => sprint(a)],
  ['printf', (a) => (arity('printf', a, 1, 100), sprintf(toStr(a[0], 'printf'), a.slice(1)))],
  ['println', (a) => sprintln(a)],
  ['lower', s1('lower', (s) => mapCase(s, false))],
  ['upper', s1('upper', (s) => mapCase(s, true))],
  ['title', (a, env) => (arity('title', a, 1), title(toStr(a[0], 'title'), env.titleCaseStyle))],
  ['humanize', (a) => (arity('humanize', a, 1), humanize(a[0]))],
  ['urlize', s1('urlize', urlize)],
  ['anchorize', s1('anchorize', anchorize)],
  ['trim', s2('trim', trimSet)],
  ['strings.TrimPrefix', s2('strings.TrimPrefix', (p, s) => (s.startsWith(p) ? s.slice(p.length) : s))],
  ['strings.TrimSuffix', s2('strings.TrimSuffix', (x, s) => (x && s.endsWith(x) ? s.slice(0, s.length - x.length) : s))],
  ['strings.HasPrefix', s2('strings.HasPrefix', (s, p) => s.startsWith(p))],
  ['strings.HasSuffix', s2('strings.HasSuffix', (s, x) => s.endsWith(x))],
  ['strings.Contains', s2('strings.Contains', (s, x) => s.includes(x))],
  ['split', s2('split', split)],
  ['strings.Split', s2('strings.Split', split)],
  ['replace', (a) => (arity('replace', a, 3, 4), replaceAll(toStr(a[0], 'replace'), toStr(a[1], 'replace'), toStr(a[2], 'replace'), limitOf(a, 3, 'replace')))],
  ['slicestr', slicestr],
  ['substr', substr],
  ['replaceRE', (a) => (arity('replaceRE', a, 3, 4), replaceRE(toStr(a[0], 'replaceRE'), toStr(a[1], 'replaceRE'), toStr(a[2], 'replaceRE'), limitOf(a, 3, 'replaceRE')))],
  ['findRE', (a) => (arity('findRE', a, 2, 3), findRE(toStr(a[0], 'findRE'), toStr(a[1], 'findRE'), limitOf(a, 2, 'findRE')))],
  ['htmlEscape', s1('htmlEscape', (s) => s.replace(/[&'<>"]/g, (c) => HTML_ESCAPES[c]))],
  ['htmlUnescape', s1('htmlUnescape', htmlUnescape)],
  ['plainify', s1('plainify', plainify)],
  ['jsonify', (a) => (arity('jsonify', a, 1), new Safe('html', json(a[0])))],
  ['safeHTML', safe('html', 'safeHTML')],
  ['safeHTMLAttr', safe('htmlattr', 'safeHTMLAttr')],
  ['safeURL', safe('url', 'safeURL')],
  ['safeCSS', safe('css', 'safeCSS')],
  ['safeJS', safe('js', 'safeJS')],
  ['markdownify', markdown],
  ['relURL', (a, env) => (arity('relURL', a, 1), new Safe('html', relURL(toStr(a[0], 'relURL'), env.baseURL)))],
  ['absURL', (a, env) => (arity('absURL', a, 1), new Safe('html', absURL(toStr(a[0], 'absURL'), env.baseURL)))],
];

for (const [alias, name] of [['strings.ToLower', 'lower'], ['strings.ToUpper', 'upper'], ['strings.Title', 'title'], ['strings.Trim', 'trim'], ['strings.Replace', 'replace'], ['strings.SliceString', 'slicestr'], ['strings.Substr', 'substr'], ['strings.ReplaceRE', 'replaceRE'], ['strings.FindRE', 'findRE'], ['urls.RelURL', 'relURL'], ['urls.AbsURL', 'absURL'], ['urls.Anchorize', 'anchorize'], ['transform.Markdownify', 'markdownify'], ['transform.Plainify', 'plainify'], ['transform.HTMLEscape', 'htmlEscape'], ['transform.HTMLUnescape', 'htmlUnescape'], ['fmt.Print', 'print'], ['fmt.Printf', 'printf'], ['fmt.Println', 'println']] as const) {
  ENTRIES.push([alias, ENTRIES.find(([n]) => n === name)![1]]);
}

export const TEXT_FUNCTIONS: ReadonlyMap<string, Fn> = new Map(ENTRIES);

