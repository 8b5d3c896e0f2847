/**
 * A lexical reading of front matter, for positions in text that is being typed: the block's
 * bounds, the top-level keys and the items of one value, each with offsets. It never needs the
 * text to parse (completion runs while the author is half-way through `tags: ["lea`), and it is
 * the one place that knows how YAML, TOML and JSON write lists and quotes.
 */
import type { FrontMatterFormat } from './parse';

export interface Block {
  readonly format: FrontMatterFormat;
  /** First offset inside the block (after the opening line or `{`). */
  readonly contentStart: number;
  /** Offset of the closing line or `}`; the end of the text when unclosed. */
  readonly contentEnd: number;
  readonly closed: boolean;
}

const NL = /\r?\n|\r/g;

function lineEndAt(text: string, from: number): number {
  NL.lastIndex = from;
  const m = NL.exec(text);
  return m ? m.index : text.length;
}

function nextLineStart(text: string, from: number): number {
  NL.lastIndex = from;
  const m = NL.exec(text);
  return m ? m.index + m[0].length : text.length;
}

export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Where the front matter is, without parsing it. An unclosed block runs to the end: the author may still be typing it. */
export function frontMatterBlock(text: string): Block | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = text.slice(bom, lineEndAt(text, bom)).replace(/[ \t]+$/, '');
  if (first === '---' || first === '+++') {
    const closers = first === '---' ? ['---', '...'] : ['+++'];
    const contentStart = nextLineStart(text, bom);
    let pos = contentStart;
    while (pos < text.length) {
      const end = lineEndAt(text, pos);
      if (closers.includes(text.slice(pos, end).replace(/[ \t]+$/, ''))) return { format: first === '---' ? 'yaml' : 'toml', contentStart, contentEnd: pos, closed: true };
      pos = nextLineStart(text, pos);
      if (end === text.length) break;
    }
    return { format: first === '---' ? 'yaml' : 'toml', contentStart, contentEnd: text.length, closed: false };
  }
  if (text[bom] === '{') {
    let depth = 0;
    for (let i = bom; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = skipString(text, i, text.length, '"', 'json').end - 1;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return { format: 'json', contentStart: bom + 1, contentEnd: i, closed: true };
      }
    }
    return { format: 'json', contentStart: bom + 1, contentEnd: text.length, closed: false };
  }
  return undefined;
}

/** Reads a quoted string starting at `start` (the quote). An unterminated one ends at the line end. */
function skipString(text: string, start: number, limit: number, quote: '"' | "'", format: FrontMatterFormat): { end: number; closed: boolean } {
  for (let i = start + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return { end: i, closed: false };
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === quote) {
      // YAML single quotes escape a quote by doubling it.
      if (quote === "'" && format === 'yaml' && text[i + 1] === "'") {
        i++;
        continue;
      }
      return { end: i + 1, closed: true };
    }
  }
  return { end: limit, closed: false };
}

/** The value a quoted or bare token stands for. */
export function unquote(token: string, format: FrontMatterFormat): string {
  const q = token[0];
  if (q === '"') {
    const closed = token.length > 1 && token.endsWith('"') && !token.endsWith('\\"');
    if (closed) {
      try {
        return JSON.parse(token) as string;
      } catch {
        return token.slice(1, -1);
      }
    }
    return token.slice(1);
  }
  if (q === "'") {
    const inner = token.length > 1 && token.endsWith("'") ? token.slice(1, -1) : token.slice(1);
    return format === 'yaml' ? inner.replace(/''/g, "'") : inner;
  }
  return token;
}

export interface TopKey {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly lineStart: number;
  /** Offset of `:` (YAML, JSON) or `=` (TOML). */
  readonly separator: number;
  /** First non-blank offset after the separator (may be the line end). */
  readonly valueStart: number;
}

const YAML_KEY = /^("(?:[^"\\\r\n]|\\.)*"|'(?:[^'\r\n]|'')*'|[^\s#:'"\-?[\]{},&*!|>%@`][^:#\r\n]*?|-[^\s:#][^:#\r\n]*?)[ \t]*:(?=[ \t]|\r|\n|$)/;
const TOML_KEY = /^[ \t]*("(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'|[A-Za-z0-9_.-]+)[ \t]*=/;

function skipBlanks(text: string, i: number, limit: number): number {
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Top-level keys in source order. TOML stops at the first `[table]`: keys below belong to it. */
export function topLevelKeys(text: string, block: Block): TopKey[] {
  if (block.format === 'json') return jsonKeys(text, block);
  const out: TopKey[] = [];
  let pos = block.contentStart;
  let depth = 0;
  while (pos < block.contentEnd) {
    const end = Math.min(lineEndAt(text, pos), block.contentEnd);
    const line = text.slice(pos, end);
    if (block.format === 'yaml') {
      const m = YAML_KEY.exec(line);
      if (m) {
        const separator = pos + m[0].length - 1;
        out.push({ key: unquote(m[1], 'yaml'), keyStart: pos, keyEnd: pos + m[1].length, lineStart: pos, separator, valueStart: skipBlanks(text, separator + 1, end) });
      }
    } else {
      if (depth === 0) {
        if (/^[ \t]*\[/.test(line)) break;
        const m = TOML_KEY.exec(line);
        if (m) {
          const keyStart = pos + line.indexOf(m[1]);
          const separator = pos + m[0].length - 1;
          out.push({ key: unquote(m[1], 'toml'), keyStart, keyEnd: keyStart + m[1].length, lineStart: pos, separator, valueStart: skipBlanks(text, separator + 1, end) });
        }
      }
      depth = Math.max(0, depth + bracketBalance(line));
    }
    if (end >= block.contentEnd) break;
    pos = nextLineStart(text, pos);
  }
  return out;
}

function bracketBalance(line: string): number {
  let d = 0;
  for (const ch of line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
    if (ch === '#') break;
    if (ch === '[' || ch === '{') d++;
    else if (ch === ']' || ch === '}') d--;
  }
  return d;
}

function jsonKeys(text: string, block: Block): TopKey[] {
  const out: TopKey[] = [];
  let depth = 0;
  let expectKey = true;
  for (let i = block.contentStart; i < block.contentEnd; i++) {
    const c = text[i];
    if (c === '"') {
      const s = skipString(text, i, block.contentEnd, '"', 'json');
      if (depth === 0 && expectKey) {
        const colon = skipWs(text, s.end, block.contentEnd);
        if (text[colon] === ':') {
          out.push({ key: unquote(text.slice(i, s.end), 'json'), keyStart: i, keyEnd: s.end, lineStart: lineStartAt(text, i), separator: colon, valueStart: skipWs(text, colon + 1, block.contentEnd) });
          expectKey = false;
        }
      }
      i = s.end - 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) expectKey = true;
  }
  return out;
}

function skipWs(text: string, i: number, limit: number): number {
  while (i < limit && /\s/.test(text[i])) i++;
  return i;
}

export interface ValueItem {
  /** The value the token stands for (quotes removed, escapes decoded). */
  readonly value: string;
  /** The token as written, quotes included. */
  readonly start: number;
  readonly end: number;
  readonly quote: '"' | "'" | '';
  /** False for a quoted token whose closing quote is missing. */
  readonly closed: boolean;
}

export interface ScannedValue {
  readonly kind: 'flow' | 'block' | 'scalar' | 'empty';
  readonly items: readonly ValueItem[];
  /** Flow lists: offsets of `[` and `]` (close undefined when the list is not closed yet). */
  readonly open?: number;
  readonly close?: number;
  /** Where the value ends. */
  readonly end: number;
}

function readToken(text: string, i: number, limit: number, format: FrontMatterFormat, stops: string): ValueItem {
  const c = text[i];
  if (c === '"' || c === "'") {
    const s = skipString(text, i, limit, c, format);
    return { value: unquote(text.slice(i, s.end), format), start: i, end: s.end, quote: c, closed: s.closed };
  }
  let j = i;
  while (j < limit && !stops.includes(text[j]) && text[j] !== '\n' && text[j] !== '\r' && !(text[j] === '#' && (text[j - 1] === ' ' || text[j - 1] === '\t'))) j++;
  while (j > i && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  return { value: text.slice(i, j), start: i, end: j, quote: '', closed: true };
}

/**
 * The items of the value that starts at `valueStart` (see TopKey), up to `limit` (the next key or
 * the block end): an inline list, a YAML block list, a scalar, or nothing yet.
 */
export function scanValue(text: string, valueStart: number, limit: number, format: FrontMatterFormat): ScannedValue {
  let i = skipBlanks(text, valueStart, limit);
  const c = text[i];
  if (c === '[') {
    const open = i;
    const items: ValueItem[] = [];
    i++;
    while (i < limit) {
      const ch = text[i];
      if (/\s/.test(ch) || ch === ',') {
        i++;
        continue;
      }
      if (ch === '#' && format !== 'json') {
        i = lineEndAt(text, i);
        continue;
      }
      if (ch === ']') return { kind: 'flow', items, open, close: i, end: i + 1 };
      const t = readToken(text, i, limit, format, ',]');
      if (t.end > t.start) items.push(t);
      i = Math.max(t.end, i + 1);
    }
    return { kind: 'flow', items, open, end: limit };
  }
  const eol = Math.min(lineEndAt(text, i), limit);
  const rest = text.slice(i, eol);
  if (format === 'yaml' && (rest === '' || rest.startsWith('#'))) {
    // Maybe a block list on the following lines.
    const items: ValueItem[] = [];
    let pos = nextLineStart(text, eol);
    let end = eol;
    while (pos < limit) {
      const le = Math.min(lineEndAt(text, pos), limit);
      const line = text.slice(pos, le);
      const m = /^([ \t]*)-(?=[ \t]|$)[ \t]*/.exec(line);
      if (m) {
        const at = pos + m[0].length;
        if (at < le && text[at] !== '#') {
          const t = readToken(text, at, le, format, '');
          items.push(t);
        }
        end = le;
      } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) break;
      if (le >= limit) break;
      pos = nextLineStart(text, pos);
    }
    return items.length || end > eol ? { kind: 'block', items, end } : { kind: 'empty', items: [], end: eol };
  }
  if (rest === '' || (format !== 'json' && rest.startsWith('#'))) return { kind: 'empty', items: [], end: i };
  const t = readToken(text, i, eol, format, format === 'json' ? ',}' : '');
  return { kind: 'scalar', items: [t], end: t.end };
}
