/**
 * Splits a document into front matter and body and parses the front matter, keeping positions.
 *
 * Why not gray-matter: it gives no source positions (we need them for diagnostics and completion),
 * it caches every input forever when called without options, and its js-yaml engine turns
 * `date: 2019-04-11T14:39:51-07:00` into a UTC Date, losing the author's offset. We use `yaml` (core
 * schema: timestamps stay strings, errors carry offsets) and `smol-toml` directly.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import type { TextRange } from '../text';
import { parseSimpleYaml } from './yamlFast';
import { parseYamlWithLibrary } from './yamlLibrary';
import { rawShape, type ValueShape } from './shape';
import { parseSimpleToml } from './tomlFast';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export interface FrontMatterError {
  readonly message: string;
  /** Offsets in the whole document. */
  readonly range: TextRange;
  readonly code: 'frontmatter.syntax' | 'frontmatter.duplicate-key' | 'frontmatter.unclosed';
}

export interface FrontMatterField {
  readonly key: string;
  /** Range of the key text. */
  readonly keyRange: TextRange;
  /** Range of the whole value (may be empty for `key:` with nothing after it). */
  readonly valueRange: TextRange;
  /** How the value is written (list or scalar, inline or block, quoting), for completion to copy. */
  readonly shape?: ValueShape;
}

export type { ValueShape } from './shape';

export interface FrontMatter {
  readonly format: FrontMatterFormat;
  /** Whole block, delimiters included. */
  readonly range: TextRange;
  /** The text between the delimiters. */
  readonly contentRange: TextRange;
  /** Parsed values. Dates stay the strings the author wrote (offset kept). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Top-level keys in source order, with positions (YAML and TOML; JSON best effort). */
  readonly fields: readonly FrontMatterField[];
  readonly errors: readonly FrontMatterError[];
}

export interface SplitDocument {
  readonly frontMatter?: FrontMatter;
  /** Offset where the Markdown body begins. */
  readonly bodyStart: number;
}


/**
 * Finds a closing delimiter line (`---`/`...` or `+++`, trailing blanks allowed), returning
 * [lineStart, lineEnd incl. newline]. Compares characters in place: slicing and trimming every
 * front-matter line was a visible share of a cold crawl's allocations.
 */
function findClosing(text: string, from: number, delims: readonly string[]): [number, number] | undefined {
  let pos = from;
  while (pos <= text.length) {
    let lineEnd = pos;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let end = lineEnd;
    while (end > pos && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end - pos === 3) {
      for (const d of delims) if (text.startsWith(d, pos)) return [pos, newlineEnd(text, lineEnd)];
    }
    if (lineEnd === text.length) return undefined;
    pos = newlineEnd(text, lineEnd);
  }
  return undefined;
}

/** Just past the line break at `at` (\r\n, \n or \r), or `at` at the end of the text. */
function newlineEnd(text: string, at: number): number {
  if (at >= text.length) return at;
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

function firstLineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return newlineEnd(text, i);
}

const YAML_CLOSERS = ['---', '...'];
const TOML_CLOSERS = ['+++'];

/** `delim` then blanks up to a line break, as /^---[ \t]*(\r?\n|\r|$)/ tested on the first 8 characters. */
function opensWith(text: string, at: number, delim: string): boolean {
  if (!text.startsWith(delim, at)) return false;
  const end = Math.min(at + 8, text.length);
  let i = at + 3;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === end) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13;
}

export function splitFrontMatter(input: string): SplitDocument {
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = input;
  if (opensWith(text, bom, '---')) return parseDelimited(text, bom, 'yaml', YAML_CLOSERS);
  if (opensWith(text, bom, '+++')) return parseDelimited(text, bom, 'toml', TOML_CLOSERS);
  if (text.startsWith('{', bom)) {
    return parseJson(text, bom);
  }
  return { bodyStart: 0 };
}

function parseDelimited(text: string, start: number, format: 'yaml' | 'toml', closers: readonly string[]): SplitDocument {
  const contentStart = firstLineEnd(text, start);
  const closing = findClosing(text, contentStart, closers);
  if (!closing) {
    // An unclosed block: the generator treats the whole file as front matter and fails, so say so
    // at the opening line, and keep the rest usable as body for links and preview.
    const range = { start, end: contentStart };
    return {
      frontMatter: {
        format,
        range,
        contentRange: { start: contentStart, end: contentStart },
        data: {},
        fields: [],
        errors: [{ code: 'frontmatter.unclosed', message: `Front matter opened with '${format === 'yaml' ? '---' : '+++'}' is never closed.`, range: { start, end: Math.min(text.length, start + 3) } }],
      },
      bodyStart: contentStart,
    };
  }
  const contentRange = { start: contentStart, end: closing[0] };
  const range = { start, end: closing[1] };
  const source = text.slice(contentRange.start, contentRange.end);
  const parsed = format === 'yaml' ? parseYaml(source, contentRange.start) : parseTomlBlock(source, contentRange.start);
  return { frontMatter: { format, range, contentRange, ...parsed }, bodyStart: closing[1] };
}

export type Parsed = Pick<FrontMatter, 'data' | 'fields' | 'errors'>;

export { parseYamlWithLibrary } from './yamlLibrary';

/** Shared by every front matter without errors: an empty array each was 10,000 allocations per crawl. */
const NO_ERRORS: readonly FrontMatterError[] = Object.freeze([]);

function parseYaml(source: string, base: number): Parsed {
  const fast = parseSimpleYaml(source, base);
  if (fast) return { data: fast.data, fields: fast.fields, errors: NO_ERRORS };
  return parseYamlWithLibrary(source, base);
}

function tomlValue(v: unknown): unknown {
  if (v instanceof Date) {
    // smol-toml's TomlDate keeps the written offset in toISOString(); a plain Date would not.
    return v.toISOString();
  }
  if (Array.isArray(v)) return v.map(tomlValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = tomlValue(x);
    return out;
  }
  return v;
}

const TOML_KEY = /^[ \t]*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*=/;

function tomlFields(source: string, base: number): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  let offset = 0;
  let inTable = false;
  let depth = 0; // bracket depth of multi-line arrays/inline tables
  let current: { key: string; keyRange: TextRange; valueStart: number } | undefined;
  const lines = source.split(/(?<=\n)/);
  const close = (end: number) => {
    if (current) {
      const valueRange = { start: current.valueStart, end: Math.max(current.valueStart, end) };
      fields.push({ key: current.key, keyRange: current.keyRange, valueRange, shape: rawShape(source.slice(valueRange.start - base, valueRange.end - base)) });
      current = undefined;
    }
  };
  for (const raw of lines) {
    const line = raw.replace(/\r?\n$/, '');
    const trimmedEnd = base + offset + line.replace(/[ \t]*(#.*)?$/, '').length;
    if (depth === 0) {
      if (/^\s*\[/.test(line)) {
        close(base + offset);
        inTable = true;
      } else if (!inTable) {
        const m = TOML_KEY.exec(line);
        if (m) {
          close(base + offset);
          const keyText = m[1];
          const keyStart = base + offset + line.indexOf(keyText);
          let valueStart = base + offset + m[0].length;
          while (source[valueStart - base] === ' ' || source[valueStart - base] === '\t') valueStart++;
          current = { key: keyText.replace(/^["']|["']$/g, ''), keyRange: { start: keyStart, end: keyStart + keyText.length }, valueStart };
        }
      }
    }
    for (const ch of line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
      else if (ch === '#') break;
    }
    if (current && depth === 0) close(trimmedEnd);
    offset += raw.length;
  }
  close(base + source.length);
  return fields;
}

function parseTomlBlock(source: string, base: number): Parsed {
  const fast = parseSimpleToml(source, base);
  if (fast) return { data: fast.data, fields: fast.fields, errors: NO_ERRORS };
  return parseTomlWithLibrary(source, base);
}

export function parseTomlWithLibrary(source: string, base: number): Parsed {
  const fields = tomlFields(source, base);
  try {
    const data = tomlValue(parseToml(source)) as Record<string, unknown>;
    return { data, fields, errors: NO_ERRORS };
  } catch (e) {
    let start = base;
    let message = (e as Error).message;
    if (e instanceof TomlError) {
      const lines = source.split(/\r?\n|\r/);
      let off = 0;
      for (let i = 0; i < Math.min(e.line - 1, lines.length); i++) off += lines[i].length + 1;
      start = base + Math.min(source.length, off + Math.max(0, e.column - 1));
      message = message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    }
    // Keep whatever keys could be seen, so completion still knows what is present.
    return { data: {}, fields, errors: [{ code: 'frontmatter.syntax', message: `TOML: ${message}`, range: { start, end: Math.min(base + source.length, start + 1) } }] };
  }
}

function parseJson(text: string, start: number): SplitDocument {
  // Hugo's JSON front matter is one object at the top of the file; find where it ends by bracket
  // matching that respects strings.
  let depth = 0;
  let inString = false;
  let end = -1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
    }
  }
  if (end < 0) {
    return {
      frontMatter: {
        format: 'json', range: { start, end: text.length }, contentRange: { start, end: text.length }, data: {}, fields: [],
        errors: [{ code: 'frontmatter.unclosed', message: 'JSON front matter: the opening { is never closed.', range: { start, end: start + 1 } }],
      },
      bodyStart: text.length,
    };
  }
  const bodyStart = firstLineEnd(text, end);
  const source = text.slice(start, end);
  const fields: FrontMatterField[] = [];
  const keyRe = /"((?:[^"\\]|\\.)*)"\s*:\s*/g;
  // Only depth-1 keys are fields.
  let d = 0;
  let inStr = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '{' || c === '[') d++;
    else if (c === '}' || c === ']') d--;
    else if (c === '"') {
      if (d === 1) {
        keyRe.lastIndex = i;
        const m = keyRe.exec(source);
        if (m && m.index === i) {
          const vs = start + i + m[0].length;
          fields.push({ key: m[1], keyRange: { start: start + i, end: start + i + m[1].length + 2 }, valueRange: { start: vs, end: vs }, shape: { ...rawShape(text.slice(vs, vs + 1)), ...(text[vs] === '[' ? { quote: '"' as const } : {}) } });
        }
      }
      inStr = true;
    }
  }
  try {
    const data = JSON.parse(source) as unknown;
    return {
      frontMatter: { format: 'json', range: { start, end }, contentRange: { start, end }, data: (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>, fields, errors: [] },
      bodyStart,
    };
  } catch (e) {
    // Node's message carries no position in every version: find the offending character ourselves.
    const located = jsonErrorOffset(source);
    const m = /position (\d+)/.exec((e as Error).message);
    const at = start + (located >= 0 ? located : m ? Number(m[1]) : 0);
    return {
      frontMatter: { format: 'json', range: { start, end }, contentRange: { start, end }, data: {}, fields, errors: [{ code: 'frontmatter.syntax', message: `JSON: ${(e as Error).message.split(/ in JSON at position|, \.\.\.|, "|\n/)[0]}`, range: { start: at, end: at + 1 } }] },
      bodyStart,
    };
  }
}

/** Offset of the first syntax error in a JSON text, or -1 when it is valid. */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        i++;
        if (!/["\\/bfnrtu]/.test(s[i] ?? '')) fail();
      } else if (s.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (s[i] !== '"') fail();
          str();
          ws();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
    return -1;
  } catch (e) {
    return typeof e === 'number' ? Math.min(e, s.length) : 0;
  }
}

/** String value of a front-matter field, or undefined. */
export function fmString(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = data[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A list-valued field (`tags: [a, b]`, `tags: a`), as strings. */
export function fmList(data: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = data[key];
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
  if (typeof v === 'string' && v.trim()) return [v];
  return [];
}

export function fmBool(data: Readonly<Record<string, unknown>>, key: string): boolean | undefined {
  const v = data[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Case-insensitive lookup: Hugo treats front-matter keys case-insensitively (`Title`, `DATE`). */
export function fmGet(data: Readonly<Record<string, unknown>>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(data, key)) return data[key];
  const lower = key.toLowerCase();
  const map = lowerKeysOf(data);
  if (map === null) return lower !== key && Object.prototype.hasOwnProperty.call(data, lower) ? data[lower] : undefined;
  const k = map.get(lower);
  return k === undefined ? undefined : data[k];
}

/**
 * fmGet for several lower-case names at once, in one pass over the keys: the page model asks for a
 * dozen mostly absent keys per page (publishDate, pubdate, expiryDate, …), and each miss had to rule
 * out other spellings. Same answers as fmGet: the exact key, else the first key spelled that way.
 */
export function fmPick(data: Readonly<Record<string, unknown>>, names: readonly string[]): unknown[] {
  const out: unknown[] = new Array<unknown>(names.length).fill(undefined);
  let exact = 0; // bit i: names[i] was found spelled exactly
  let loose = 0; // bit i: found in another spelling (first one kept)
  for (const k in data) {
    if (!Object.prototype.hasOwnProperty.call(data, k)) continue;
    const l = isLowerAscii(k) ? k : k.toLowerCase();
    const i = names.indexOf(l);
    if (i < 0) continue;
    const bit = 1 << i;
    if (l === k) {
      out[i] = data[k];
      exact |= bit;
    } else if (!(exact & bit) && !(loose & bit)) {
      out[i] = data[k];
      loose |= bit;
    }
  }
  return out;
}

function isLowerAscii(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return false;
  }
  return true;
}

/**
 * Lower-cased key → the first key spelled that way, per front-matter object; null when every key is
 * lower-case already (the usual case). The page model asks for a dozen absent keys per page
 * (publishDate, pubdate, expiryDate, …); lower-casing every key for each miss was a visible share of
 * a cold index. Parsed front matter is not given new keys later.
 */
const lowerKeyMemo = new WeakMap<object, Map<string, string> | null>();
function lowerKeysOf(data: Readonly<Record<string, unknown>>): Map<string, string> | null {
  const hit = lowerKeyMemo.get(data);
  if (hit !== undefined) return hit;
  let map: Map<string, string> | null = null;
  const keys = Object.keys(data);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.toLowerCase() === k) continue;
    map = new Map<string, string>();
    for (const key of keys) {
      const l = key.toLowerCase();
      if (!map.has(l)) map.set(l, key);
    }
    break;
  }
  lowerKeyMemo.set(data, map);
  return map;
}
