/**
 * What kind of front-matter position an offset is: a key being typed, or a value of key K (inside
 * an inline list, a block list, a bare scalar, or nothing yet), with the values already present,
 * the text to replace and the quote the author opened. Pure and lexical, so it works on text that
 * does not parse yet.
 */
import type { FrontMatterFormat } from './parse';
import { frontMatterBlock, lineStartAt, scanValue, topLevelKeys, type Block, type ScannedValue, type TopKey, type ValueItem } from './scan';
import type { TextRange } from '../text';

export interface KeyContext {
  readonly kind: 'key';
  readonly format: FrontMatterFormat;
  /** Text to replace: the key being typed (JSON: its quotes included). */
  readonly range: TextRange;
  /** What was typed before the cursor inside `range`. */
  readonly typed: string;
  /** Keys already in the front matter (the one being typed excluded). */
  readonly present: readonly string[];
  /** The line already has its `:`/`=` (and maybe a value): replace the key name only. */
  readonly keyOnly: boolean;
}

export interface ValueContext {
  readonly kind: 'value';
  readonly format: FrontMatterFormat;
  readonly key: string;
  /**
   * How the value is written where the cursor is: an item of an inline list (`flow`), an item of a
   * YAML block list (`block`), a single value (`scalar`), or nothing yet after the key (`empty`).
   */
  readonly container: 'flow' | 'block' | 'scalar' | 'empty';
  /** Values already in the list, the one being edited excluded. */
  readonly present: readonly string[];
  /** Text to replace: the item being edited, quotes included (empty at the cursor for a new item). */
  readonly range: TextRange;
  readonly typed: string;
  /** The quote the author opened for this item, '' if none. */
  readonly quote: '"' | "'" | '';
  /** How the other items of this list are quoted (undefined when there are none). */
  readonly listQuote?: '"' | "'" | '';
  /** Text that must precede the inserted value (`- ` on a fresh block-list line, a space after `:`). */
  readonly prefix: string;
  /** Indentation of block-list items, for a value inserted as a new block list. */
  readonly indent: string;
}

export type FrontMatterContext = KeyContext | ValueContext;

export interface LocatedValue {
  readonly key: TopKey;
  readonly value: ScannedValue;
  /** Where the key's value region ends (next key or block end). */
  readonly limit: number;
}

/** Every top-level key with its scanned value. */
export function scanFrontMatter(text: string, block = frontMatterBlock(text)): { block: Block; values: LocatedValue[] } | undefined {
  if (!block) return undefined;
  const keys = topLevelKeys(text, block);
  const values = keys.map((key, i) => {
    const limit = block.format === 'json' ? block.contentEnd : i + 1 < keys.length ? keys[i + 1].lineStart : tomlTableStart(text, block, key) ?? block.contentEnd;
    return { key, value: scanValue(text, key.valueStart, limit, block.format), limit };
  });
  return { block, values };
}

function tomlTableStart(text: string, block: Block, after: TopKey): number | undefined {
  if (block.format !== 'toml') return undefined;
  const re = /^[ \t]*\[[^\]\r\n]*\][ \t]*(#.*)?$/gm;
  re.lastIndex = after.lineStart + 1;
  for (let m = re.exec(text); m && m.index < block.contentEnd; m = re.exec(text)) {
    // A `[` line inside the key's own multi-line array is not a table header.
    const v = scanValue(text, after.valueStart, m.index, 'toml');
    if (v.kind !== 'flow' || v.close !== undefined) return m.index;
  }
  return undefined;
}

const itemContains = (it: ValueItem, offset: number): boolean => it.start <= offset && (it.quote && it.closed ? offset < it.end : offset <= it.end);

function valueCtx(format: FrontMatterFormat, key: string, container: ValueContext['container'], text: string, offset: number, items: readonly ValueItem[], extra: Partial<Pick<ValueContext, 'prefix' | 'indent'>> = {}): ValueContext {
  const current = items.find((it) => itemContains(it, offset));
  // An unclosed quote would run to the line end and swallow a `]`: stop the replacement at the cursor.
  const range = current ? { start: current.start, end: current.closed ? current.end : offset } : { start: offset, end: offset };
  return {
    kind: 'value',
    format,
    key,
    container,
    present: items.filter((it) => it !== current).map((it) => it.value),
    range,
    typed: text.slice(range.start, offset),
    quote: current?.quote ?? '',
    listQuote: items.find((it) => it !== current)?.quote,
    prefix: extra.prefix ?? '',
    indent: extra.indent ?? '  ',
  };
}

/** The front-matter position at `offset`, or undefined outside front matter (or where nothing can be completed). */
export function frontMatterContext(text: string, offset: number): FrontMatterContext | undefined {
  const block = frontMatterBlock(text);
  if (!block || offset < block.contentStart || offset > block.contentEnd) return undefined;
  const scanned = scanFrontMatter(text, block)!;
  if (block.format === 'json') return jsonContext(text, offset, block, scanned.values);
  const lineStart = lineStartAt(text, offset);
  const values = scanned.values;
  const keys = values.map((v) => v.key);
  let ownerIndex = -1;
  for (let i = 0; i < values.length; i++) if (values[i].key.lineStart <= lineStart) ownerIndex = i;
  const owner = ownerIndex >= 0 ? values[ownerIndex] : undefined;
  const before = text.slice(lineStart, offset);
  const sep = block.format === 'yaml' ? ':' : '=';

  // Inside an inline list that started on an earlier line (or this one).
  if (owner && owner.value.kind === 'flow' && owner.value.open! < offset && (owner.value.close === undefined || offset <= owner.value.close) && offset <= owner.limit) {
    return valueCtx(block.format, owner.key.key, 'flow', text, offset, owner.value.items);
  }

  if (owner && owner.key.lineStart === lineStart) {
    if (offset <= owner.key.separator) return keyCtx(block.format, text, offset, { start: owner.key.keyStart, end: owner.key.keyEnd }, keys, owner.key, true);
    const v = owner.value;
    if (v.kind === 'block') return undefined;
    if (v.kind === 'empty') {
      const needsSpace = offset === owner.key.separator + 1 && text[offset] !== ' ';
      return valueCtx(block.format, owner.key.key, 'empty', text, offset, [], { prefix: needsSpace ? ' ' : '', indent: blockIndent(text, values, owner) });
    }
    return valueCtx(block.format, owner.key.key, 'scalar', text, offset, v.items);
  }

  if (block.format === 'yaml') {
    const lineEnd = text.slice(offset).search(/\r|\n|$/) + offset;
    const line = text.slice(lineStart, lineEnd);
    const dash = /^([ \t]*)-(?=[ \t]|$)([ \t]*)/.exec(line);
    if (owner && dash && offset >= lineStart + dash[1].length + 1 && (owner.value.kind === 'block' || owner.value.kind === 'empty')) {
      const items = owner.value.kind === 'block' ? owner.value.items : [];
      const needsSpace = dash[2] === '' && offset === lineStart + dash[1].length + 1;
      return valueCtx('yaml', owner.key.key, 'block', text, offset, items, { prefix: needsSpace ? ' ' : '' });
    }
    if (owner && /^[ \t]+$/.test(before) && line.trim() === '' && (owner.value.kind === 'block' || owner.value.kind === 'empty')) {
      const items = owner.value.kind === 'block' ? owner.value.items : [];
      return valueCtx('yaml', owner.key.key, 'block', text, offset, items, { prefix: '- ' });
    }
    if (/^[ \t-#]/.test(line) || before.includes(sep)) return undefined;
    const keyEnd = lineStart + (/^[^:\r\n]*/.exec(line)?.[0].replace(/[ \t]+$/, '').length ?? 0);
    return keyCtx('yaml', text, offset, { start: lineStart, end: Math.max(keyEnd, offset) }, keys, undefined, line.includes(':'));
  }

  // TOML: a new key on a line of its own, before any [table].
  const lineEnd = text.slice(offset).search(/\r|\n|$/) + offset;
  const line = text.slice(lineStart, lineEnd);
  if (before.includes(sep) || /^[ \t]*[[#]/.test(line)) return undefined;
  if (owner && tomlTableStart(text, block, owner.key) !== undefined && tomlTableStart(text, block, owner.key)! <= lineStart) return undefined;
  if (!owner && /^[ \t]*\[/m.test(text.slice(block.contentStart, lineStart))) return undefined;
  const lead = /^[ \t]*/.exec(line)![0].length;
  const keyEnd = lineStart + lead + (/^[^=\s]*/.exec(line.slice(lead))?.[0].length ?? 0);
  return keyCtx('toml', text, offset, { start: lineStart + lead, end: Math.max(keyEnd, offset) }, keys, undefined, line.includes('='));
}

function keyCtx(format: FrontMatterFormat, text: string, offset: number, range: TextRange, keys: readonly TopKey[], self: TopKey | undefined, keyOnly: boolean): KeyContext {
  const start = Math.min(range.start, offset);
  return {
    kind: 'key',
    format,
    range: { start, end: Math.max(range.end, offset) },
    typed: text.slice(start, offset),
    present: keys.filter((k) => k !== self && !(k.keyStart <= offset && offset <= k.keyEnd)).map((k) => k.key),
    keyOnly,
  };
}

/** Indentation the site's block lists use in this document (two spaces when there is none). */
function blockIndent(text: string, values: readonly LocatedValue[], _owner: LocatedValue): string {
  for (const v of values) {
    if (v.value.kind === 'block' && v.value.items.length) {
      const it = v.value.items[0];
      const ls = lineStartAt(text, it.start);
      return /^[ \t]*/.exec(text.slice(ls, it.start))![0];
    }
  }
  return '  ';
}

function jsonContext(text: string, offset: number, block: Block, values: readonly LocatedValue[]): FrontMatterContext | undefined {
  // Walk from the opening brace to the cursor, tracking nesting and whether a key is expected.
  type Frame = { type: 'obj' | 'arr'; key?: LocatedValue };
  const stack: Frame[] = [{ type: 'obj' }];
  let expectKey = true;
  let lastKey: LocatedValue | undefined;
  const keys = values.map((v) => v.key);
  for (let i = block.contentStart; i < offset; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const closed = text[j] === '"';
      if (!closed || j >= offset) {
        // The cursor is inside this string.
        const end = closed ? j + 1 : offset;
        if (stack.length === 1 && expectKey) {
          const self = keys.find((k) => k.keyStart === i);
          return { kind: 'key', format: 'json', range: { start: i, end }, typed: text.slice(i, offset), present: keys.filter((k) => k !== self).map((k) => k.key), keyOnly: !!self };
        }
        return jsonValue(text, offset, stack.length === 1 ? lastKey : stack.length === 2 && stack[1].type === 'arr' ? stack[1].key : undefined, stack.length === 2);
      }
      if (stack.length === 1 && expectKey) lastKey = values.find((v) => v.key.keyStart === i);
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ type: c === '{' ? 'obj' : 'arr', key: stack.length === 1 ? lastKey : undefined });
    } else if (c === '}' || c === ']') {
      if (stack.length > 1) stack.pop();
    } else if (c === ',' && stack.length === 1) expectKey = true;
    else if (c === ':' && stack.length === 1) expectKey = false;
  }
  if (stack.length === 1) {
    if (expectKey) return { kind: 'key', format: 'json', range: { start: offset, end: offset }, typed: '', present: keys.map((k) => k.key), keyOnly: false };
    if (!lastKey) return undefined;
    const v = lastKey.value;
    if (v.kind === 'flow' || (v.kind === 'scalar' && !itemContains(v.items[0], offset))) return undefined;
    return valueCtx('json', lastKey.key.key, v.kind === 'scalar' ? 'scalar' : 'empty', text, offset, v.kind === 'scalar' ? v.items : []);
  }
  return jsonValue(text, offset, stack.length === 2 && stack[1].type === 'arr' ? stack[1].key : undefined, true);
}

function jsonValue(text: string, offset: number, owner: LocatedValue | undefined, inList: boolean): ValueContext | undefined {
  if (!owner) return undefined;
  if (inList) return owner.value.kind === 'flow' ? valueCtx('json', owner.key.key, 'flow', text, offset, owner.value.items) : undefined;
  return valueCtx('json', owner.key.key, 'scalar', text, offset, owner.value.items);
}
