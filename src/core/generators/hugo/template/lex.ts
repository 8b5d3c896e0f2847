/**
 * Lexing Go's text/template (Go 1.20, the copy hugo 0.111 carries): the source becomes text and
 * actions, with `{{- ` / ` -}}` trimming applied to the neighbouring text and comments dropped, and
 * each action becomes tokens. Number and string literals get Go's values here.
 */
import { EvalError, GoFloat, int, type Value } from './values';

export type Token =
  | { readonly t: 'lit'; readonly v: Value; readonly space: boolean }
  | { readonly t: 'dot' | 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'comma'; readonly space: boolean }
  | { readonly t: 'field' | 'var' | 'ident' | 'keyword'; readonly name: string; readonly space: boolean };

/** An action knows where it is written (`start` at its `{{`, `end` after its `}}`), to be quoted as written. */
export type Item = { readonly k: 'text'; readonly s: string } | { readonly k: 'action'; readonly tokens: readonly Token[]; readonly line: number; readonly start: number; readonly end: number };

/** An action that does not lex, kept by lexTemplateLoose with the reason. */
export interface BadItem {
  readonly k: 'bad';
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const TRIM_SPACE = /[ \t\r\n]/;

export function syntaxError(line: number, message: string): EvalError {
  return new EvalError(`template: line ${line}: ${message}`);
}

/** Splits the source into text and action items. */
export function lexTemplate(src: string): Item[] {
  return lex(src, false) as Item[];
}

/**
 * Like lexTemplate, but an action that does not lex becomes a BadItem reaching to the next `}}`
 * (or to the end of the source) and lexing goes on after it.
 */
export function lexTemplateLoose(src: string): (Item | BadItem)[] {
  return lex(src, true);
}

function lex(src: string, loose: boolean): (Item | BadItem)[] {
  const items: (Item | BadItem)[] = [];
  let text = '';
  let i = 0;
  let line = 1;
  const lineAt = (to: number) => {
    for (let j = i; j < to; j++) if (src[j] === '\n') line++;
    i = to;
  };
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      text += src.slice(i);
      break;
    }
    text += src.slice(i, open);
    lineAt(open);
    let p = open + 2;
    if (src[p] === '-' && TRIM_SPACE.test(src[p + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      p += 2;
    }
    const startLine = line;
    // Only `{{/*` or `{{- /*` opens a comment; `{{ /*` is an action that fails to lex.
    const isComment = src.startsWith('/*', p);
    let body: { tokens: Token[]; end: number; trimRight: boolean };
    try {
      body = isComment ? comment(src, p, startLine) : lexAction(src, p, startLine);
    } catch (e) {
      if (!loose || !(e instanceof EvalError)) throw e;
      const close = src.indexOf('}}', p);
      const end = close < 0 ? src.length : close + 2;
      if (text) items.push({ k: 'text', s: text });
      text = '';
      items.push({ k: 'bad', line: startLine, start: open, end, message: e.message });
      lineAt(end);
      if (close >= 0 && /[ \t\r\n]-$/.test(src.slice(close - 2, close))) lineAt(skipSpace(src, end));
      continue;
    }
    if (text) items.push({ k: 'text', s: text });
    text = '';
    if (!isComment) items.push({ k: 'action', tokens: body.tokens, line: startLine, start: open, end: body.end });
    lineAt(body.end);
    if (body.trimRight) lineAt(skipSpace(src, body.end));
  }
  if (text) items.push({ k: 'text', s: text });
  return items;
}

function skipSpace(src: string, from: number): number {
  let j = from;
  while (j < src.length && TRIM_SPACE.test(src[j])) j++;
  return j;
}

function closeAt(src: string, j: number): { end: number; trimRight: boolean } | undefined {
  if (src.startsWith('}}', j)) return { end: j + 2, trimRight: false };
  if (TRIM_SPACE.test(src[j] ?? '') && src.startsWith('-}}', j + 1)) return { end: j + 4, trimRight: true };
  return undefined;
}

function comment(src: string, from: number, line: number): { tokens: Token[]; end: number; trimRight: boolean } {
  const close = src.indexOf('*/', from + 2);
  if (close < 0) throw syntaxError(line, 'unclosed comment');
  const c = closeAt(src, close + 2);
  if (!c) throw syntaxError(line, 'comment ends before closing delimiter');
  return { tokens: [], ...c };
}

const NUMBER = /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?\d*(?:[eE][+-]?\d+)?)/;

function number(text: string, line: number): Value {
  if (!/\d/.test(text) || /__|_$|^[+-]?_|_\.|\._/.test(text)) throw syntaxError(line, `bad number syntax: ${text}`);
  const clean = text.replace(/_/g, '');
  const neg = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  if (/^0[xX]/.test(body)) return int((neg ? -1 : 1) * parseInt(body.slice(2), 16));
  if (/^0[oO]/.test(body)) return int((neg ? -1 : 1) * parseInt(body.slice(2), 8));
  if (/^0[bB]/.test(body)) return int((neg ? -1 : 1) * parseInt(body.slice(2), 2));
  if (/[.eE]/.test(body)) return new GoFloat(Number(clean));
  if (/^0\d/.test(body)) {
    if (/[89]/.test(body)) throw syntaxError(line, `bad number syntax: ${text}`);
    return int((neg ? -1 : 1) * parseInt(body, 8));
  }
  return int(Number(clean));
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One escape after a backslash at `j`: its text and where it ends. Byte escapes above 0x7f are refused. */
function escape(src: string, j: number, quote: string, line: number): { s: string; end: number } {
  const c = src[j + 1];
  if (c in SIMPLE_ESCAPES) return { s: SIMPLE_ESCAPES[c], end: j + 2 };
  if (c === quote) return { s: c, end: j + 2 };
  const hex = (n: number) => {
    const h = src.slice(j + 2, j + 2 + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw syntaxError(line, 'bad escape in a literal');
    return parseInt(h, 16);
  };
  let code: number;
  let end: number;
  if (c === 'x') [code, end] = [hex(2), j + 4];
  else if (c === 'u') [code, end] = [hex(4), j + 6];
  else if (c === 'U') [code, end] = [hex(8), j + 10];
  else if (/[0-7]/.test(c ?? '') && /^[0-7]{3}$/.test(src.slice(j + 1, j + 4))) [code, end] = [parseInt(src.slice(j + 1, j + 4), 8), j + 4];
  else throw syntaxError(line, 'unknown escape sequence');
  if ((c === 'x' || /[0-7]/.test(c)) && code > 0x7f) throw new EvalError('a byte escape that is not a whole UTF-8 character');
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw syntaxError(line, 'escape sequence is invalid Unicode code point');
  return { s: String.fromCodePoint(code), end };
}

function quoted(src: string, from: number, quote: string, line: number): { s: string; end: number } {
  let s = '';
  let j = from + 1;
  while (j < src.length && src[j] !== quote) {
    if (src[j] === '\n') throw syntaxError(line, 'unterminated quoted string');
    if (src[j] === '\\') {
      const e = escape(src, j, quote, line);
      s += e.s;
      j = e.end;
    } else {
      const cp = src.codePointAt(j)!;
      s += String.fromCodePoint(cp);
      j += cp > 0xffff ? 2 : 1;
    }
  }
  if (j >= src.length) throw syntaxError(line, 'unterminated quoted string');
  return { s, end: j + 1 };
}

function lexAction(src: string, from: number, line: number): { tokens: Token[]; end: number; trimRight: boolean } {
  const tokens: Token[] = [];
  let j = from;
  let space = false;
  const push = (tok: Token, end: number) => {
    tokens.push(tok);
    j = end;
    space = false;
  };
  for (;;) {
    const close = closeAt(src, j);
    if (close) return { tokens, ...close };
    if (j >= src.length) throw syntaxError(line, 'unclosed action');
    const c = src[j];
    const rest = src.slice(j, j + 200);
    if (TRIM_SPACE.test(c)) {
      j++;
      space = true;
    } else if (c === '"') {
      const q = quoted(src, j, '"', line);
      push({ t: 'lit', v: q.s, space }, q.end);
    } else if (c === '`') {
      const e = src.indexOf('`', j + 1);
      if (e < 0) throw syntaxError(line, 'unterminated raw quoted string');
      push({ t: 'lit', v: src.slice(j + 1, e).replace(/\r/g, ''), space }, e + 1);
    } else if (c === "'") {
      const q = quoted(src, j, "'", line);
      if (Array.from(q.s).length !== 1) throw syntaxError(line, 'malformed character constant');
      push({ t: 'lit', v: q.s.codePointAt(0)!, space }, q.end);
    } else if (src.startsWith(':=', j)) push({ t: 'declare', space }, j + 2);
    else if (c === '=' || c === '|' || c === '(' || c === ')' || c === ',') {
      const t = ({ '=': 'assign', '|': 'pipe', '(': 'lparen', ')': 'rparen', ',': 'comma' } as const)[c];
      push({ t, space }, j + 1);
    } else if (c === '$') {
      const m = /^\$[\p{L}\d_]*/u.exec(rest)!;
      push({ t: 'var', name: m[0], space }, j + m[0].length);
    } else if (c === '.' && /^\.[\p{L}_]/u.test(rest)) {
      const m = /^\.[\p{L}\d_]+/u.exec(rest)!;
      push({ t: 'field', name: m[0].slice(1), space }, j + m[0].length);
    } else if (/[0-9+-]/.test(c) || (c === '.' && /^\.\d/.test(rest))) {
      const m = NUMBER.exec(rest)!;
      if (/^[\p{L}\d_.]/u.test(src[j + m[0].length] ?? '') || m[0] === '' || /^[+-]$/.test(m[0])) throw syntaxError(line, `bad number syntax: ${rest.slice(0, 20)}`);
      push({ t: 'lit', v: number(m[0], line), space }, j + m[0].length);
    } else if (c === '.') push({ t: 'dot', space }, j + 1);
    else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\d_]+/u.exec(rest)!;
      const w = m[0];
      if (w === 'true' || w === 'false') push({ t: 'lit', v: w === 'true', space }, j + w.length);
      else if (w === 'nil') push({ t: 'lit', v: null, space }, j + w.length);
      else push({ t: KEYWORDS.has(w) ? 'keyword' : 'ident', name: w, space }, j + w.length);
    } else throw syntaxError(line, `unexpected '${c}' in action`);
  }
}
