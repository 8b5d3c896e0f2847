/**
 * A fast path for the TOML front matter most posts have: `key = value` lines with bare keys and
 * values that are strings without escapes, decimal integers, booleans, dates, or one-line arrays of
 * those. smol-toml plus our key scan cost ~40 µs per post (a third of the front-matter time of a
 * 10,000-post crawl whose posts are 30% TOML); this reader answers in a few, and gives up (returns
 * undefined) on anything else, which then goes to the library. A property test checks that whenever
 * it answers, it answers exactly what the library path would (values, key and value ranges, shapes).
 */
import { TomlDate } from 'smol-toml';
import type { TextRange } from '../text';
import { rawShape, type ValueShape } from './shape';

export interface FastTomlField {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly valueRange: TextRange;
  readonly shape: ValueShape;
}

export interface FastToml {
  readonly data: Record<string, unknown>;
  readonly fields: FastTomlField[];
}

const KEY_LINE = /^([A-Za-z0-9_-]+) *= *(.*)$/;
const INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const GIVE_UP = Symbol('give up');

function scalar(t: string): unknown {
  const c = t[0];
  if (c === '"') {
    const inner = t.slice(1, -1);
    return t.length >= 2 && t[t.length - 1] === '"' && !/["\\\u0000-\u001f\u007f]/.test(inner) ? inner : GIVE_UP;
  }
  if (c === "'") {
    const inner = t.slice(1, -1);
    return t.length >= 2 && t[t.length - 1] === "'" && !/['\u0000-\u001f\u007f]/.test(inner) ? inner : GIVE_UP;
  }
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (INTEGER.test(t)) return Number(t);
  if (DATE.test(t)) {
    // The library's own date class, so the text we keep is exactly the one the library path keeps.
    const d = new TomlDate(t);
    return Number.isNaN(d.getTime()) ? GIVE_UP : d.toISOString();
  }
  return GIVE_UP;
}

function inlineArray(t: string): unknown[] | typeof GIVE_UP {
  if (t[t.length - 1] !== ']') return GIVE_UP;
  const inner = t.slice(1, -1);
  if (inner.trim() === '') return inner === '' ? [] : GIVE_UP;
  const out: unknown[] = [];
  let quote = '';
  let from = 0;
  for (let k = 0; k <= inner.length; k++) {
    const ch = inner[k];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') return GIVE_UP;
    else if (ch === ',' || k === inner.length) {
      const item = inner.slice(from, k).trim();
      // An empty item is a trailing comma or a syntax error: the library decides.
      if (item === '') return GIVE_UP;
      const v = scalar(item);
      if (v === GIVE_UP) return GIVE_UP;
      out.push(v);
      from = k + 1;
    }
  }
  return quote ? GIVE_UP : out.slice();
}

export function parseSimpleToml(source: string, base: number): FastToml | undefined {
  if (source.length > 20_000 || source.includes('\r') || source.includes('\t') || source.includes('#')) return undefined;
  const data: Record<string, unknown> = {};
  const fields: FastTomlField[] = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line === '') continue;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1];
    const raw = m[2];
    if (raw === '' || raw[raw.length - 1] === ' ' || Object.prototype.hasOwnProperty.call(data, key) || key === '__proto__') return undefined;
    const value = raw[0] === '[' ? inlineArray(raw) : scalar(raw);
    if (value === GIVE_UP) return undefined;
    data[key] = value;
    const valueStart = base + lineStart + line.length - raw.length;
    fields.push({
      key,
      keyRange: { start: base + lineStart, end: base + lineStart + key.length },
      valueRange: { start: valueStart, end: valueStart + raw.length },
      shape: rawShape(raw),
    });
  }
  // Exact-size copies, as in the YAML fast path.
  return { data, fields: fields.slice() };
}
