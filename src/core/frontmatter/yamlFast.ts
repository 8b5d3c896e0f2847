/**
 * A fast path for the front matter most posts have: top-level `key: value` lines with plain or quoted
 * scalars, inline lists and block lists. The `yaml` library's full parse costs about a quarter of
 * indexing a 10,000-post site; this reader takes a few microseconds per post and gives up (returns
 * undefined) on anything outside that shape, which then goes to `yaml`. A property test checks that
 * whenever it answers, it answers exactly what `yaml` would (values, key and value ranges, shapes).
 */
import type { TextRange } from '../text';
import { shapeOf } from './shape';

export interface FastShape {
  readonly kind: 'list' | 'scalar' | 'empty';
  readonly flow: boolean;
  readonly quote: '"' | "'" | '';
}

export interface FastField {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly valueRange: TextRange;
  readonly shape: FastShape;
}

export interface FastYaml {
  readonly data: Record<string, unknown>;
  readonly fields: FastField[];
}

/**
 * `key:` or `key: value` (one or more spaces), as /^([A-Za-z_][A-Za-z0-9_-]*):(?:( +)(.*))?$/ would
 * read it, without allocating a match per line: [key end, value start] (value start = line length
 * when there is no value), or undefined.
 */
function keyLine(line: string): [keyEnd: number, valueStart: number] | undefined {
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!(letter || (i > 0 && ((c >= 48 && c <= 57) || c === 45)))) break;
  }
  if (i === 0 || line.charCodeAt(i) !== 58 /* : */) return undefined;
  const keyEnd = i;
  let j = i + 1;
  if (j === line.length) return [keyEnd, j];
  if (line.charCodeAt(j) !== 32) return undefined;
  while (line.charCodeAt(j) === 32) j++;
  // `.` in the pattern stops at U+2028/U+2029: such lines went to the library, and still do.
  if (hasLineSeparator(line, j)) return undefined;
  return [keyEnd, j];
}

function hasLineSeparator(s: string, from: number): boolean {
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** A block list item `  - text`, as /^( *)- (.*)$/ would read it: [indent, text start], or undefined. */
function listItem(line: string): [indent: number, textStart: number] | undefined {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 45 || line.charCodeAt(i + 1) !== 32 || hasLineSeparator(line, i + 2)) return undefined;
  return [i, i + 2];
}
const RESERVED_KEY = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const SIMPLE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
// Everything YAML's core schema reads as a number (yaml/dist/schema/core/{int,float}.js), so that
// only these are left to the library and dates like 2020-01-01 stay on the fast path as strings.
const NUMBER_FORMS = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
const NULLISH = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const PLAIN_START_BAD = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

type Scalar = { readonly value: unknown; readonly quote: '"' | "'" | ''; readonly ok: true } | { readonly ok: false };
const FAIL: Scalar = { ok: false };

function plainValue(text: string, inFlow: boolean): Scalar {
  if (text === '' || PLAIN_START_BAD.test(text) || /\s$/.test(text)) return FAIL;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.includes('\t')) return FAIL;
  if (inFlow && /[[\]{},:#"']/.test(text)) return FAIL;
  if (NULLISH.test(text)) return FAIL;
  if (BOOL.test(text)) return { ok: true, value: text[0] === 't' || text[0] === 'T', quote: '' };
  if (SIMPLE_INT.test(text)) return { ok: true, value: Number(text), quote: '' };
  if (NUMBER_FORMS.some((r) => r.test(text))) return FAIL;
  return { ok: true, value: text, quote: '' };
}

/** A quoted scalar that spans exactly `text`, or FAIL. */
function quotedValue(text: string): Scalar {
  const q = text[0];
  if (text.length < 2 || text[text.length - 1] !== q) return FAIL;
  const inner = text.slice(1, -1);
  if (q === '"') {
    if (inner.includes('"') || inner.includes('\\')) return FAIL;
    return { ok: true, value: inner, quote: '"' };
  }
  // Single quotes: '' is an escaped quote; a lone ' inside ends the scalar early.
  if (inner.replace(/''/g, '').includes("'")) return FAIL;
  return { ok: true, value: inner.replace(/''/g, "'"), quote: "'" };
}

function scalar(text: string, inFlow: boolean): Scalar {
  if (text[0] === '"' || text[0] === "'") return quotedValue(text);
  return plainValue(text, inFlow);
}

function flowList(text: string): { values: unknown[]; firstStringQuote: '"' | "'" | '' } | undefined {
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return inner === '' ? { values: [], firstStringQuote: '' } : undefined;
  const values: unknown[] = [];
  let firstStringQuote: '"' | "'" | '' | undefined;
  // Items are split at commas outside quotes; anything nested or odd gives up.
  const parts: string[] = [];
  let quote = '';
  let from = 0;
  for (let k = 0; k < inner.length; k++) {
    const ch = inner[k];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      // Slices, not a string built char by char: those stayed in the index as cons strings.
      parts.push(inner.slice(from, k));
      from = k + 1;
    }
  }
  if (quote) return undefined;
  parts.push(inner.slice(from));
  for (const raw of parts) {
    if (!/^ ?\S/.test(raw) && raw !== '') return undefined;
    const t = raw.trim();
    if (t === '' || raw.length - raw.trimEnd().length > 1 || raw.length - raw.trimStart().length > 1) return undefined;
    const s = scalar(t, true);
    if (!s.ok) return undefined;
    values.push(s.value);
    if (firstStringQuote === undefined && typeof s.value === 'string') firstStringQuote = s.quote;
  }
  return { values: values.slice(), firstStringQuote: firstStringQuote ?? '' };
}

export function parseSimpleYaml(source: string, base: number): FastYaml | undefined {
  if (source.includes('\r') || source.includes('\t') || source.length > 20_000) return undefined;
  const data: Record<string, unknown> = {};
  const fields: FastField[] = [];
  const lines = source.split('\n');
  let offset = 0;
  let i = 0;
  // A last line without a newline is not expected between delimiters; keep the rule simple.
  if (!source.endsWith('\n') && source !== '') return undefined;
  while (i < lines.length) {
    const line = lines[i];
    const lineStart = offset;
    offset += line.length + 1;
    i++;
    if (line === '' && i === lines.length) break;
    if (line.trim() === '') continue;
    if (line.startsWith('#')) continue;
    const kl = keyLine(line);
    if (!kl) return undefined;
    const key = line.slice(0, kl[0]);
    if (RESERVED_KEY.test(key) || key in data || key === '__proto__' || key === 'constructor' || key === 'prototype') return undefined;
    const keyRange = { start: base + lineStart, end: base + lineStart + key.length };
    const spaces = kl[1] - kl[0] - 1;
    const rest = spaces > 0 ? line.slice(kl[1]) : undefined;
    if (spaces > 0 && rest === '') return undefined; // `key:   ` trailing spaces
    if (rest !== undefined && rest !== '') {
      const valueStart = lineStart + kl[1];
      if (rest.startsWith('#')) return undefined;
      if (rest[0] === '[') {
        if (!rest.endsWith(']')) return undefined;
        const list = flowList(rest);
        if (!list) return undefined;
        data[key] = list.values;
        fields.push({ key, keyRange, valueRange: { start: base + valueStart, end: base + valueStart + rest.length }, shape: shapeOf('list', true, list.firstStringQuote) });
        continue;
      }
      const s = scalar(rest, false);
      if (!s.ok) return undefined;
      data[key] = s.value;
      fields.push({ key, keyRange, valueRange: { start: base + valueStart, end: base + valueStart + rest.length }, shape: shapeOf('scalar', false, s.quote) });
      continue;
    }
    // `key:` alone: a block list follows, or the value is null.
    const items: unknown[] = [];
    let firstStringQuote: '"' | "'" | '' | undefined;
    let listStart = -1;
    let listEnd = -1;
    let indent: number | undefined;
    while (i < lines.length) {
      const l = lines[i];
      const im = listItem(l);
      if (!im) break;
      if (indent === undefined) indent = im[0];
      else if (im[0] !== indent) return undefined;
      const itemText = l.slice(im[1]);
      if (itemText === '' || /\s$/.test(itemText)) return undefined;
      const s = scalar(itemText, false);
      if (!s.ok) return undefined;
      if (listStart < 0) listStart = offset + im[0];
      items.push(s.value);
      if (firstStringQuote === undefined && typeof s.value === 'string') firstStringQuote = s.quote;
      offset += l.length + 1;
      listEnd = offset;
      i++;
    }
    if (listStart >= 0) {
      // Indented continuation lines, comments or blank lines inside a block list: leave it to `yaml`.
      if (i < lines.length && lines[i] !== '' && /^[ #]/.test(lines[i])) return undefined;
      data[key] = items.slice();
      fields.push({ key, keyRange, valueRange: { start: base + listStart, end: base + Math.min(listEnd, source.length) }, shape: shapeOf('list', false, firstStringQuote ?? '') });
      continue;
    }
    if (i < lines.length && lines[i] !== '' && /^[ #]/.test(lines[i])) return undefined;
    data[key] = null;
    const at = base + lineStart + key.length + 1;
    fields.push({ key, keyRange, valueRange: { start: at, end: at }, shape: shapeOf('empty', false, '') });
  }
  // Exact-size copies: arrays grown by push keep room for 17 items, and these stay in the index
  // (~4 MB of a 10,000-post site).
  return { data, fields: fields.slice() };
}
