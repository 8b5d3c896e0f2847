/**
 * Writing front matter as text in the three formats, in the site's own style (quoted or plain YAML
 * strings, flow or block lists), and setting single fields inside an existing block (an archetype)
 * without disturbing the rest of it: comments and layout the site author wrote stay.
 */
import { splitFrontMatter, type FrontMatterFormat } from '../frontmatter/parse';

/** A date as it should be written (unquoted where the format has date literals). */
export interface DateText {
  readonly date: string;
}

export type FmValue = string | number | boolean | readonly string[] | DateText;

export interface YamlStyle {
  /** `layout: "post"` rather than `layout: post` (list items included). */
  readonly quoteStrings: boolean;
  /** Titles may be quoted where nothing else is (Jekyll sites often do); undefined: as quoteStrings. */
  readonly quoteTitle?: boolean;
  /** `tags: [a, b]` rather than a block list. */
  readonly flowLists: boolean;
}

export const DEFAULT_YAML_STYLE: YamlStyle = { quoteStrings: true, flowLists: true };

function isDate(v: FmValue): v is DateText {
  return typeof v === 'object' && !Array.isArray(v) && typeof (v as DateText).date === 'string';
}

const YAML_RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function yamlString(s: string, style: YamlStyle): string {
  const plainSafe =
    s.length > 0 &&
    !style.quoteStrings &&
    /^[\p{L}\p{N}]/u.test(s) &&
    !/[:#]\s|[:#]$|[\n\r\t"'`{}[\],&*!|>%@]/u.test(s) &&
    !/\s$/.test(s) &&
    !YAML_RESERVED.test(s) &&
    !/^[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?$/.test(s) &&
    !/^\d{4}-\d{2}-\d{2}/.test(s);
  // JSON's double-quoted strings are valid YAML double-quoted scalars.
  return plainSafe ? s : JSON.stringify(s);
}

const TOML_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/i;

export function serializeValue(format: FrontMatterFormat, value: FmValue, style: YamlStyle = DEFAULT_YAML_STYLE, indent = ''): string {
  if (format === 'json') return JSON.stringify(isDate(value) ? value.date : value);
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (isDate(value)) {
    if (format === 'toml') return TOML_DATE.test(value.date) ? value.date : JSON.stringify(value.date);
    return /^[\d:T +.Z-]+$/i.test(value.date) ? value.date : JSON.stringify(value.date);
  }
  if (typeof value === 'string') return format === 'toml' ? JSON.stringify(value) : yamlString(value, style);
  const list = value as readonly string[];
  if (format === 'toml') return `[${list.map((x) => JSON.stringify(x)).join(', ')}]`;
  if (style.flowLists || list.length === 0) return `[${list.map((x) => yamlString(x, style)).join(', ')}]`;
  return '\n' + list.map((x) => `${indent}  - ${yamlString(x, style)}`).join('\n');
}

function line(format: FrontMatterFormat, key: string, value: FmValue, base: YamlStyle): string {
  const style = key.toLowerCase() === 'title' && base.quoteTitle !== undefined ? { ...base, quoteStrings: base.quoteTitle } : base;
  const k = format === 'toml' && !/^[A-Za-z0-9_-]+$/.test(key) ? JSON.stringify(key) : /^[\p{L}\p{N}_-]+$/u.test(key) ? key : JSON.stringify(key);
  const v = serializeValue(format, value, style);
  return format === 'toml' ? `${k} = ${v}` : v.startsWith('\n') ? `${k}:${v}` : `${k}: ${v}`;
}

/** A whole front-matter block, delimiters and final newline included. */
export function buildFrontMatter(format: FrontMatterFormat, entries: readonly (readonly [string, FmValue])[], style: YamlStyle = DEFAULT_YAML_STYLE): string {
  if (format === 'json') {
    const body = entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${serializeValue('json', v)}`).join(',\n');
    return `{\n${body}\n}\n`;
  }
  const fence = format === 'toml' ? '+++' : '---';
  return `${fence}\n${entries.map(([k, v]) => line(format, k, v, style) + '\n').join('')}${fence}\n`;
}

/**
 * Sets one top-level field of a document's front matter, replacing its value where the key exists
 * (any case, as Hugo reads keys case-insensitively) or adding it at the end of the block.
 * A document without front matter gets a new block in `fallbackFormat`.
 */
export function setFrontMatterField(text: string, key: string, value: FmValue, fallbackFormat: FrontMatterFormat = 'yaml', style: YamlStyle = DEFAULT_YAML_STYLE): string {
  const split = splitFrontMatter(text);
  const fm = split.frontMatter;
  if (!fm || fm.errors.some((e) => e.code === 'frontmatter.unclosed')) return buildFrontMatter(fallbackFormat, [[key, value]], style) + text;
  if (fm.format === 'json') {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(text.slice(fm.range.start, fm.range.end)) as Record<string, unknown>;
    } catch {
      return text;
    }
    const existing = Object.keys(data).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    data[existing] = isDate(value) ? value.date : value;
    return text.slice(0, fm.range.start) + JSON.stringify(data, null, 2) + text.slice(fm.range.end);
  }
  const field = fm.fields.find((f) => f.key.toLowerCase() === key.toLowerCase());
  if (field) {
    // The value keeps the quoting it had (an archetype's `title: "{{ … }}"` stays quoted).
    const old = text.slice(field.valueRange.start, field.valueRange.end).trimStart();
    const own = /^["']/.test(old) || /^\[\s*["']/.test(old) ? { ...style, quoteStrings: true, quoteTitle: true } : style;
    const keyStyle = key.toLowerCase() === 'title' && own.quoteTitle !== undefined ? { ...own, quoteStrings: own.quoteTitle } : own;
    const serialized = serializeValue(fm.format, value, keyStyle);
    // Replace from just after the `:`/`=`: the old value may be empty or start on the next line.
    const assign = text.slice(field.keyRange.end).search(fm.format === 'toml' ? /=/ : /:/);
    const start = assign >= 0 ? field.keyRange.end + assign + 1 : field.valueRange.start;
    let end = Math.max(start, field.valueRange.end);
    // A block value's range may run over its final newline; that newline belongs to the next key.
    while (end > start && /\s/.test(text[end - 1])) end--;
    return text.slice(0, start) + (serialized.startsWith('\n') ? '' : ' ') + serialized + text.slice(end);
  }
  let at = fm.contentRange.end;
  if (fm.format === 'toml') {
    // New keys must go before the first [table], or TOML would put them inside it.
    const content = text.slice(fm.contentRange.start, fm.contentRange.end);
    const m = /^[ \t]*\[/m.exec(content);
    if (m) at = fm.contentRange.start + m.index;
  }
  const before = text.slice(0, at);
  const sep = before.endsWith('\n') || before.endsWith('\r') ? '' : '\n';
  return before + sep + line(fm.format, key, value, style) + '\n' + text.slice(at);
}
