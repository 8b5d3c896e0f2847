/**
 * Hugo shortcodes as link extraction reads them: their arguments, paired forms, and which may print
 * ids of their own; and template actions that use Hugo's functions.
 */
import type { Span } from '../markdown/math';
import { liquidTags } from '../markdown/liquidTagScan';

/** Shortcodes known to print no `id`: any other may, so fragments into such a page are not judged. */
export const NO_IDS = new Set(['ref', 'relref', 'figure', 'highlight', 'youtube', 'vimeo', 'gist', 'tweet', 'x', 'instagram', 'param', 'qr']);

/** A Go-template action that uses Hugo's functions or page and site variables. */
export const HUGO_ACTION = /(?:^\{\{-?|[\s(|])(?:(?:rel)?ref|partial(?:Cached)?|(?:abs|rel)(?:Lang)?URL)\s|\burls\.|\bsite\.|\.Site\b|\.Params?\b|\.Page\b|\.(?:Rel)?Permalink\b|\.Get\s|\.Inner\b/;

/** One shortcode tag as Hugo reads it: an opening (`{{< x a="1" >}}`) or closing (`{{< /x >}}`) tag. */
export interface ShortcodeTag {
  readonly start: number;
  /** Offset after its `>}}` / `%}}`. */
  readonly end: number;
  /** `%`: a `{{% %}}` tag. */
  readonly markdown: boolean;
  readonly closing: boolean;
  readonly name: string;
  /** The text between the name and the closing delimiter, and where it starts. */
  readonly args: string;
  readonly argsStart: number;
}

/**
 * Where a tag whose name ends at `from` ends: after its `>}}` (or `%}}`), reading quoted arguments
 * as Hugo does — a `>}}` or `{{<` inside `"…"` or a backquoted argument belongs to the argument
 * (verified with hugo 0.111: `{{< a "x {{< b >}} y" >}}` is one call of `a`). -1 when never closed.
 */
function tagEnd(text: string, from: number, markdown: boolean): number {
  const close = markdown ? '%}}' : '>}}';
  for (let i = from; i < text.length; ) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) return -1;
      i = j + 1;
    } else if (text.startsWith(close, i)) return i + 3;
    else i++;
  }
  return -1;
}

/** Every shortcode tag from `from` on, in order (the escaped form, `{{</* x *\/>}}`, is none). */
export function shortcodeTags(text: string, from: number): ShortcodeTag[] {
  const out: ShortcodeTag[] = [];
  const RE = /\{\{([<%])\s*(\/\s*)?([A-Za-z][\w/-]*)/g;
  RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(text))) {
    const markdown = m[1] === '%';
    const argsStart = m.index + m[0].length;
    const end = tagEnd(text, argsStart, markdown);
    if (end < 0) continue;
    out.push({ start: m.index, end, markdown, closing: m[2] !== undefined, name: m[3], args: text.slice(argsStart, end - 3), argsStart });
    RE.lastIndex = end;
  }
  return out;
}

/** Spans of paired `{{< name >}} … {{< /name >}}` shortcodes (outermost first, nesting kept). */
export function pairedShortcodes(text: string, from: number): Span[] {
  const out: Span[] = [];
  const open: { name: string; start: number }[] = [];
  for (const t of shortcodeTags(text, from)) {
    if (t.markdown) continue;
    if (!t.closing) {
      open.push({ name: t.name, start: t.start });
      continue;
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k].name !== t.name) continue;
      out.push({ start: open[k].start, end: t.end });
      open.length = k;
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A call of a template from content: a Hugo shortcode or a Jekyll include, its name and arguments
 * (positional and named). Fragment checks ask the site's templates which print ids; completion offers
 * the values written for a parameter; link checks judge the links a shortcode prints from them.
 */
export interface ShortcodeUse {
  readonly name: string;
  readonly args: readonly string[];
  readonly named: Readonly<Record<string, string>>;
  /** Where a Hugo shortcode call and its arguments are written. */
  readonly at?: ShortcodeCall;
}

/** Where a Hugo shortcode call is written, for the links its template prints from its arguments. */
export interface ShortcodeCall {
  /** `{{% … %}}`: Hugo renders the output as Markdown (raw HTML in it is dropped unless `unsafe`). */
  readonly markdown: boolean;
  /** Offset of the call's `{{` in the text. */
  readonly start: number;
  /** Offsets in the text of the positional arguments' values, in order. */
  readonly args: readonly number[];
  /** Offsets in the text of the named arguments' values. */
  readonly named: Readonly<Record<string, number>>;
  /**
   * Where the call sits when that changes what its output becomes: `code` (Hugo puts a `{{< >}}`
   * call's output into the code block as HTML, verified with hugo 0.111), `raw-html` (dropped with the
   * HTML, or inside a comment), `inner` (another shortcode's content, which its template may print
   * or not).
   */
  readonly place?: 'code' | 'raw-html' | 'inner';
  /** The text between the call and its closing tag (`.Inner`); undefined when it has none. */
  readonly inner?: string;
  /** Offset of that text in the document (paired calls). */
  readonly innerStart?: number;
  /** Arguments written without quotes (positions, names): Hugo reads `5`, `1.5`, `true` in them as numbers and booleans. */
  readonly bare?: readonly (number | string)[];
}

/** Every shortcode called (opening tags), in order. */
export function shortcodeUses(text: string, from: number): ShortcodeUse[] {
  const out: ShortcodeUse[] = [];
  // Calls still open, for the closing tag that gives each its `.Inner`.
  const open: { name: string; index: number; end: number }[] = [];
  for (const t of shortcodeTags(text, from)) {
    if (t.closing) {
      closeCall(out, open, t.name, text, t.start);
      continue;
    }
    // `/>}}` closes the call itself: the slash is not an argument.
    const inner = t.args.replace(/(^|\s)\/\s*$/, '$1');
    const innerStart = t.argsStart;
    const args = parseArgs(inner, 0);
    const named: Record<string, string> = {};
    const namedAt: Record<string, number> = {};
    for (const a of args) {
      if (a.key === undefined) continue;
      named[a.key] = a.value;
      namedAt[a.key] = innerStart + a.start;
    }
    const positional = args.filter((a) => a.key === undefined);
    const bare = [...positional.flatMap((a, k) => (a.bare ? [k] : [])), ...args.flatMap((a) => (a.bare && a.key !== undefined ? [a.key] : []))];
    // A self-closing call (`/>}}`) has empty content; an unclosed one gets its content at its closing tag.
    const at: ShortcodeCall = { markdown: t.markdown, start: t.start, args: positional.map((a) => innerStart + a.start), named: namedAt, ...(bare.length ? { bare } : {}), ...(inner !== t.args ? { inner: '' } : {}) };
    if (inner === t.args) open.push({ name: t.name, index: out.length, end: t.end });
    out.push({ name: t.name, args: positional.map((a) => a.value), named, at });
  }
  return out;
}

/** A closing tag: the innermost open call of that name gets the text up to it as its `.Inner`. */
function closeCall(out: ShortcodeUse[], open: { name: string; index: number; end: number }[], name: string, text: string, closeAt: number): void {
  for (let k = open.length - 1; k >= 0; k--) {
    if (open[k].name !== name) continue;
    const u = out[open[k].index];
    if (u.at) out[open[k].index] = { ...u, at: { ...u.at, inner: text.slice(open[k].end, closeAt), innerStart: open[k].end } };
    open.length = k;
    return;
  }
}

/** Every `{% include file args %}` outside `{% raw %}`, with a file name written as it is (not `{{ var }}`). */
export function includeUses(text: string, from: number): ShortcodeUse[] {
  const out: ShortcodeUse[] = [];
  for (const tag of liquidTags(text, from, ['include'])) {
    const name = /^\s*([\w/.-]+)(?=\s|$)/.exec(tag.body);
    if (!name) continue;
    const named: Record<string, string> = {};
    for (const a of tag.body.slice(name[0].length).matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) named[a[1]] = a[2] ?? a[3] ?? a[4];
    out.push({ name: name[1], args: [], named });
  }
  return out;
}

interface ShortcodeArg {
  readonly key?: string;
  readonly value: string;
  /** Offset of the value inside the shortcode's inner text. */
  readonly start: number;
  /** Written without quotes. */
  readonly bare: boolean;
}

/** Hugo shortcode arguments: `"quoted"`, `` `raw` ``, bare words, and `key=value` forms. */
export function parseArgs(inner: string, from: number): ShortcodeArg[] {
  const out: ShortcodeArg[] = [];
  const RE = /\s*(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/gy;
  RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while (RE.lastIndex < inner.length && (m = RE.exec(inner))) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const quoted = m[2] !== undefined || m[3] !== undefined;
    const end = m.index + m[0].length;
    const start = end - value.length - (quoted ? 1 : 0);
    out.push({ key: m[1], value, start, bare: !quoted });
    if (m[0].length === 0) break;
  }
  return out;
}
