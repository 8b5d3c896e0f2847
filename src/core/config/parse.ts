/**
 * Reads configuration files (TOML, YAML, JSON) into plain objects; a syntax error becomes a positioned
 * issue and an empty object, so the site is still indexed with defaults.
 */
import { parseDocument } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { TextRange } from '../text';

export interface ConfigParseResult {
  readonly data: Record<string, unknown>;
  readonly error?: { readonly message: string; readonly range: TextRange };
}

function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

function offsetOf(text: string, line: number, column: number): number {
  let off = 0;
  let l = 1;
  while (l < line) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) break;
    off = nl + 1;
    l++;
  }
  return Math.min(text.length, off + Math.max(0, column - 1));
}

export function parseConfigText(text: string, format: 'toml' | 'yaml' | 'json'): ConfigParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - src.length;
  if (format === 'toml') {
    try {
      return { data: plain(parseToml(src)) as Record<string, unknown> };
    } catch (e) {
      const at = e instanceof TomlError ? offsetOf(src, e.line, e.column) : 0;
      return { data: {}, error: { message: `TOML: ${(e as Error).message.split('\n')[0].replace(/^Invalid TOML document: /, '')}`, range: { start: shift + at, end: shift + at + 1 } } };
    }
  }
  if (format === 'yaml') {
    const doc = parseDocument(src, { strict: false, uniqueKeys: false });
    const err = doc.errors[0];
    let data: unknown = {};
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch {
      data = {};
    }
    const obj = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    if (err) return { data: obj, error: { message: `YAML: ${err.message.split('\n')[0]}`, range: { start: shift + err.pos[0], end: shift + Math.max(err.pos[0] + 1, err.pos[1]) } } };
    return { data: obj };
  }
  try {
    const data = JSON.parse(src) as unknown;
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {} };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Number(m[1]) : 0;
    return { data: {}, error: { message: `JSON: ${(e as Error).message}`, range: { start: shift + at, end: shift + at + 1 } } };
  }
}

export function formatOf(path: string): 'toml' | 'yaml' | 'json' | undefined {
  if (/\.toml$/i.test(path)) return 'toml';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

/** Lower-cases keys recursively: Hugo's configuration keys are case-insensitive. */
export function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k.toLowerCase()] = lowerKeys(x);
    return out;
  }
  return v;
}

/** Deep merge where `over` wins; objects merge, everything else is replaced. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    if (b && v && typeof b === 'object' && typeof v === 'object' && !Array.isArray(b) && !Array.isArray(v)) {
      out[k] = deepMerge(b as Record<string, unknown>, v as Record<string, unknown>);
    } else out[k] = v;
  }
  return out;
}

export function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** A base path as configs write it: `/blog/` or `blog` → `/blog`; `/` or '' → ''. */
export function normBase(p: string | undefined): string {
  if (!p) return '';
  const t = p.trim().replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return t ? '/' + t : '';
}
