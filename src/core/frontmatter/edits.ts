/**
 * Small edits to one top-level front-matter value, in place: the rest of the block (its order,
 * comments, quoting, list style) is left as it is. Used by the publish commands and the taxonomy
 * rename; lexical (scan.ts), so they work on exactly what the author wrote.
 */
import type { TextRange } from '../text';
import { scanFrontMatter, type LocatedValue } from './context';
import type { Block } from './scan';
import type { FrontMatterFormat } from './parse';

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface ScannedFrontMatter {
  readonly block: Block;
  readonly values: readonly LocatedValue[];
}

export function scanned(text: string): ScannedFrontMatter | undefined {
  return scanFrontMatter(text);
}

/** The value of a key (compared without case, as Hugo reads keys), if the block has it. */
export function valueOf(fm: ScannedFrontMatter, key: string): LocatedValue | undefined {
  const k = key.toLowerCase();
  return fm.values.find((v) => v.key.key === key) ?? fm.values.find((v) => v.key.key.toLowerCase() === k);
}

function eol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** A key and its value written as a new line of the format (`key: v`, `key = v`, `"key": v,`). */
function keyLine(format: FrontMatterFormat, key: string, token: string): string {
  if (format === 'toml') return `${/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)} = ${token}`;
  if (format === 'json') return `${JSON.stringify(key)}: ${token},`;
  return `${key}: ${token}`;
}

/**
 * Adds `key` with the value `token` (written as the format writes it: quoted where it must be) after
 * the value of `after` when the block has it, else after the last top-level key. JSON gets it first,
 * where a trailing comma is always right.
 */
export function insertKey(text: string, fm: ScannedFrontMatter, key: string, token: string, after?: string): TextEdit {
  const nl = eol(text);
  const { block } = fm;
  if (block.format === 'json') {
    const first = fm.values[0];
    const at = block.contentStart;
    if (!first) return { range: { start: at, end: at }, newText: ` ${JSON.stringify(key)}: ${token} ` };
    // `{"title": …}` on one line stays on one line; a key per line gets a line of its own.
    if (first.key.lineStart < at) return { range: { start: at, end: at }, newText: `${keyLine('json', key, token)} ` };
    const indent = /^[ \t]*/.exec(text.slice(first.key.lineStart))![0];
    return { range: { start: at, end: at }, newText: `${nl}${indent}${keyLine('json', key, token)}` };
  }
  const anchor = (after && valueOf(fm, after)) || fm.values[fm.values.length - 1];
  const at = anchor ? anchor.limit : block.contentStart;
  // A value's region may end without a line break (the block's last line): start a new line.
  const needsBreak = at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r';
  return { range: { start: at, end: at }, newText: `${needsBreak ? nl : ''}${keyLine(block.format, key, token)}${nl}` };
}

/** Replaces a scalar value's token; a key written with no value gets one. Undefined: not a scalar. */
export function replaceScalar(text: string, v: LocatedValue, token: string): TextEdit | undefined {
  if (v.value.kind === 'scalar') {
    const item = v.value.items[0];
    return { range: { start: item.start, end: item.end }, newText: token };
  }
  if (v.value.kind === 'empty') {
    const at = v.key.separator + 1;
    return { range: { start: at, end: v.key.valueStart }, newText: ` ${token}` };
  }
  return undefined;
}

/** Sets a key to a scalar token: replaced where the key is, added (after `after`) where it is not. */
export function setScalar(text: string, fm: ScannedFrontMatter, key: string, token: string, after?: string): TextEdit | undefined {
  const v = valueOf(fm, key);
  if (v) return replaceScalar(text, v, token);
  return insertKey(text, fm, key, token, after);
}
