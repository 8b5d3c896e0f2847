/**
 * Splits a document into front matter and body and parses the front matter, keeping positions.
 *
 * Why not gray-matter: it gives no source positions (we need them for diagnostics and completion),
 * it caches every input forever when called without options, and its js-yaml engine turns
 * `date: 2019-04-11T14:39:51-07:00` into a UTC Date, losing the author's offset. We use `yaml` (core
 * schema: timestamps stay strings, errors carry offsets) and `smol-toml` directly.
 *
 * This file splits a document and dispatches; delimiters.ts finds the block, yamlFast/yamlLibrary,
 * tomlFast/tomlLibrary and json.ts parse it, values.ts reads values out of it.
 */
import type { TextRange } from '../text';
import { parseSimpleYaml } from './yamlFast';
import { parseYamlWithLibrary } from './yamlLibrary';
import type { ValueShape } from './shape';
import { parseSimpleToml } from './tomlFast';
import { parseTomlWithLibrary } from './tomlLibrary';
import { parseJson } from './json';
import { TOML_CLOSERS, YAML_CLOSERS, findClosing, firstLineEnd, opensWith } from './delimiters';

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
export { parseTomlWithLibrary } from './tomlLibrary';
export { jsonErrorOffset } from './json';
export { fmBool, fmGet, fmList, fmPick, fmString } from './values';

/** Shared by every front matter without errors: an empty array each was 10,000 allocations per crawl. */
const NO_ERRORS: readonly FrontMatterError[] = Object.freeze([]);

function parseYaml(source: string, base: number): Parsed {
  const fast = parseSimpleYaml(source, base);
  if (fast) return { data: fast.data, fields: fast.fields, errors: NO_ERRORS };
  return parseYamlWithLibrary(source, base);
}

function parseTomlBlock(source: string, base: number): Parsed {
  const fast = parseSimpleToml(source, base);
  if (fast) return { data: fast.data, fields: fast.fields, errors: NO_ERRORS };
  return parseTomlWithLibrary(source, base);
}
