/**
 * TOML front matter the fast path (tomlFast.ts) leaves to smol-toml: values (dates as written, offset
 * kept), top-level keys with their positions, and errors at the place the author must look.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import type { TextRange } from '../text';
import type { FrontMatterError, FrontMatterField, Parsed } from './parse';
import { rawShape } from './shape';

const NO_ERRORS: readonly FrontMatterError[] = Object.freeze([]);

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
