/**
 * The ids Hugo's highlighter (Chroma) prints on the lines of a code block: with line numbers and
 * `anchorlinenos` on, line n of a block gets `id="<prefix>-<n>"`, so `#code-a-5` links to a line.
 *
 * Verified with hugo 0.111 (test/fixtures/verdicts/hugo-code-lineanchors):
 * - a fenced block (`markup.highlight.codeFences`, on by default) or the `highlight` shortcode prints
 *   them when its language has a lexer (or `guessSyntax` is on); a block without a language, or with
 *   one Chroma does not know, is printed plain, with no ids, nor its `{#id}`;
 * - `linenos` (true, `table`, `inline`; any text but `false`, not the number 0), `anchorlinenos`,
 *   `lineanchors` and `linenostart` on the block (`{ … }` after the fence's language, or the
 *   shortcode's comma-separated options) win over the site's `[markup.highlight]` `lineNos`,
 *   `anchorLineNos`, `lineAnchors` and `lineNoStart`;
 * - without a prefix a fenced block's is `hl-<k>`, k counting the page's fenced blocks from 0 (all
 *   of them, highlighted or not; indented code is not counted); the shortcode's ids are the bare numbers;
 * - the lines are the block's text without its trailing line breaks (the shortcode's content is also
 *   trimmed of leading ones); an empty block has none.
 */
import type { Token } from './parser';

/** The site's `[markup.highlight]` settings that decide line ids (plain data: part of the dialect). */
export interface HighlightSettings {
  readonly codeFences: boolean;
  readonly guessSyntax: boolean;
  readonly lineNos: boolean;
  readonly anchorLineNos: boolean;
  readonly lineAnchors: string;
  readonly lineNoStart: number;
}

export const HIGHLIGHT_DEFAULTS: HighlightSettings = { codeFences: true, guessSyntax: false, lineNos: false, anchorLineNos: false, lineAnchors: '', lineNoStart: 1 };

/**
 * Languages hugo 0.111's Chroma highlights (names, aliases and extensions it accepts), each checked
 * with the real hugo. Any other language may or may not have a lexer: its block's ids are unsure.
 */
const KNOWN_LEXERS = new Set(
  (
    'bash sh shell zsh console shell-session powershell ps1 pwsh bat batch cmd fish go golang python py python3 py3 ' +
    'javascript js jsx typescript ts tsx json yaml yml toml ini cfg xml html htm css scss sass markdown md c cpp c++ ' +
    'cc cxx h hpp csharp cs c# java kotlin kt scala groovy gradle swift objective-c objc rust rs ruby rb php perl pl ' +
    'lua r sql mysql postgresql postgres plpgsql haskell hs elixir ex exs erlang erl clojure clj lisp scheme racket ' +
    'ocaml ml fsharp fs dart julia jl nim zig d vim viml makefile make cmake dockerfile docker nginx apacheconf apache ' +
    'diff patch text txt plaintext plain nix terraform tf hcl protobuf proto graphql gql latex tex matlab fortran asm ' +
    'nasm gas llvm vue svelte elm crystal cr coffeescript coffee awk sed properties http handlebars hbs django jinja ' +
    'twig go-html-template go-text-template tmpl prolog ada vb vbnet vb.net tcl emacs-lisp elisp common-lisp cl ' +
    'systemd caddyfile typoscript verilog vhdl solidity bzl restructuredtext rst org bibtex'
  ).split(' '),
);

export interface CodeLineIds {
  /** Ids surely on the page. */
  readonly ids: string[];
  /** Regular expressions (sources) of ids that may be on the page: fragments matching one are not judged. */
  readonly unsure: string[];
}

type Options = Record<string, string>;

/** A block's settings, after its own options. */
interface Block {
  readonly lang: string;
  readonly options: Options;
  /** The lines of code. */
  readonly lines: number;
  /** The prefix when none is set: `hl-<k>` for a fenced block (undefined when k is unsure), '' for the shortcode. */
  readonly fallbackPrefix: string | undefined;
  readonly fence: boolean;
}

/** A highlight shortcode call as the analysis has it. */
export interface HighlightCall {
  readonly args: readonly string[];
  readonly inner?: string;
}

/**
 * The line ids of the page's fenced blocks (`tokens`) and `highlight` calls. `ordinalsSure` is false
 * when shortcodes may add or hide fenced blocks (their content or output is Markdown Hugo reads
 * with the page), so `hl-<k>` prefixes are not known.
 */
export function codeLineIds(tokens: readonly Token[], calls: readonly HighlightCall[], s: HighlightSettings, ordinalsSure: boolean): CodeLineIds {
  const out: CodeLineIds = { ids: [], unsure: [] };
  let ordinal = 0;
  for (const t of tokens) {
    if (t.type !== 'fence') continue;
    const k = ordinal++;
    const info = fenceInfo(t.info);
    if (s.codeFences) addBlock(out, { ...info, lines: lineCount(t.content), fallbackPrefix: ordinalsSure ? `hl-${k}` : undefined, fence: true }, s);
  }
  for (const c of calls) {
    const options = parseOptionList(c.args[1] ?? '');
    addBlock(out, { lang: c.args[0] ?? '', options, lines: lineCount((c.inner ?? '').replace(/^[\r\n]+/, '')), fallbackPrefix: '', fence: false }, s);
  }
  return out;
}

function addBlock(out: CodeLineIds, b: Block, s: HighlightSettings): void {
  const lang = b.lang.toLowerCase();
  const highlighted = s.guessSyntax || KNOWN_LEXERS.has(lang) ? true : lang === '' ? false : undefined;
  if (highlighted === false) return;
  const sure = highlighted === true;
  const id = b.fence ? b.options['id'] : undefined;
  if (id) (sure ? out.ids : out.unsure).push(sure ? id : `^${escape(id)}$`);
  const lineNos = b.options['linenos'] !== undefined ? lineNosOn(b.options['linenos']) : s.lineNos;
  const anchors = b.options['anchorlinenos'] !== undefined ? boolOption(b.options['anchorlinenos']) : s.anchorLineNos;
  if (!lineNos || !anchors || b.lines === 0) return;
  const set = b.options['lineanchors'] ?? (s.lineAnchors || undefined);
  const prefix = set ?? b.fallbackPrefix;
  if (prefix === undefined) {
    out.unsure.push('^hl-\\d+-\\d+$');
    return;
  }
  const start = b.options['linenostart'] !== undefined ? Number.parseInt(b.options['linenostart'], 10) : s.lineNoStart;
  if (!Number.isFinite(start)) return;
  const name = (n: number): string => (prefix ? `${prefix}-${n}` : String(n));
  if (!sure) {
    out.unsure.push(prefix ? `^${escape(prefix)}-\\d+$` : '^\\d+$');
    return;
  }
  for (let n = start; n < start + b.lines; n++) out.ids.push(name(n));
}

/** Any text but `false` turns line numbers on (`table`, `inline`, `true`); Goldmark reads a bare 0 as a number. */
function lineNosOn(v: string): boolean {
  return v !== 'false' && !/^0+(?:\.0*)?$/.test(v);
}

/** Go's strconv.ParseBool (anything else fails the build), or a number other than 0. */
function boolOption(v: string): boolean {
  if (/^(?:1|t|T|TRUE|true|True)$/.test(v)) return true;
  return /^\d+(?:\.\d*)?$/.test(v) && Number(v) !== 0;
}

/** The fence's language and its `{ … }` attributes (Goldmark's attribute syntax). */
function fenceInfo(info: string): { lang: string; options: Options } {
  const brace = info.indexOf('{');
  const lang = (brace < 0 ? info : info.slice(0, brace)).trim().split(/\s+/)[0] ?? '';
  const close = info.lastIndexOf('}');
  return { lang, options: brace >= 0 && close > brace ? parseAttributes(info.slice(brace + 1, close)) : {} };
}

/** `#id .class key=value key="value"`, separated by spaces or commas; keys read case-insensitively. */
export function parseAttributes(s: string): Options {
  const out: Options = {};
  const ATTR = /#([^\s,#.}]+)|\.[^\s,#.}]+|([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s,}]*))/g;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(s))) {
    if (m[1] !== undefined) out['id'] = m[1];
    else if (m[2] !== undefined) out[m[2].toLowerCase()] = m[3] ?? m[4] ?? m[5] ?? '';
  }
  return out;
}

/** The shortcode's options: `linenos=table,hl_lines=2 3,lineanchors=x`. */
function parseOptionList(s: string): Options {
  const out: Options = {};
  for (const part of s.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  return out;
}

function lineCount(code: string): number {
  const trimmed = code.replace(/[\r\n]+$/, '');
  return trimmed === '' ? 0 : trimmed.split('\n').length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
