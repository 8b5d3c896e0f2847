/**
 * What Hugo (Go's yaml.v2) and Jekyll (Ruby's Psych, i.e. libyaml, of which yaml.v2 is a port)
 * accept that the `yaml` package rejects, so that we read such front matter as they do instead of
 * calling a published post broken [verified with hugo 0.111 and jekyll 4.3:
 * test/fixtures/frontmatter/]:
 * - a quoted scalar whose continuation lines are not indented (`title: "` then text at column 0):
 *   libyaml never checks the indentation inside quotes, and folds the lines as usual;
 * - a flow collection whose lines are indented with tabs, or not at all (`tags: [`, `\t"a",`, `]`):
 *   libyaml ignores indentation inside `[ ]` and `{ }`.
 * `relaxYaml` rewrites those places into text of the same length that `yaml` reads the same way
 * (so every offset stays valid): a multi-line quoted scalar becomes a one-line placeholder, whose
 * value is computed separately, and a line break inside a flow collection becomes a space. Text that
 * still fails after that keeps its original errors (a tab used as block indentation, an unclosed
 * quote, a multi-line key: libyaml rejects those too).
 */
import { parse } from 'yaml';

export interface Relaxed {
  /** The rewritten source, exactly as long as the original. */
  readonly text: string;
  /** Start offset of each rewritten quoted scalar → its value as libyaml folds it. */
  readonly scalars: ReadonlyMap<number, string>;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** End (exclusive) of the quoted scalar opening at `start`, or -1 when it never closes. */
function quotedEnd(s: string, start: number): number {
  const q = s[start];
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && s[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/**
 * The values libyaml reads from multi-line quoted scalars: the same as `yaml` reads once every
 * continuation line is indented (folding strips a continuation line's leading white space anyway).
 * One parse for all of them; undefined when any is invalid (a bad escape: Go rejects it too).
 */
function foldedValues(scalars: readonly string[]): string[] | undefined {
  const doc = scalars.map((t, i) => `k${i}: ${t.replace(/\r\n|\r|\n/g, '$&  ')}\n`).join('');
  try {
    const v = parse(doc, { strict: false, prettyErrors: false, uniqueKeys: false }) as unknown;
    if (!v || typeof v !== 'object') return undefined;
    const values = scalars.map((_t, i) => (v as Record<string, unknown>)[`k${i}`]);
    return values.every((x): x is string => typeof x === 'string') ? values : undefined;
  } catch {
    return undefined;
  }
}

interface Frame {
  readonly kind: '[' | '{';
}

/** Offset of the first character at or after `i` that is neither white space nor a line break. */
function nextSignificant(s: string, i: number): number {
  let j = i;
  while (j < s.length && (isBlank(s[j]) || isBreak(s[j]))) j++;
  return j;
}

/** Where the scan of relaxYaml stands, and what it has rewritten so far. */
interface Scan {
  readonly source: string;
  readonly out: string[];
  readonly multiline: { start: number; text: string }[];
  changed: boolean;
  readonly stack: Frame[];
  i: number;
  lineStart: boolean;
  indent: number;
  /** Where a quote may open a value (after `key:`, `- `, `[`, `,` in a sequence, `:` in a mapping). */
  valueStart: boolean;
  lineHasComment: boolean;
  blockScalarIndent: number;
  /**
   * What came last: a plain scalar may go on over the next line (its line break is then folded, not
   * white space); after an indicator or a quoted scalar the break is only white space.
   */
  prev: 'plain' | 'other';
  /** The next significant character after a run of line breaks, found once per run. */
  aheadFrom: number;
  ahead: string;
}

function skipToLineEnd(s: Scan): void {
  while (s.i < s.source.length && !isBreak(s.source[s.i])) s.i++;
}

function lineBreak(s: Scan): void {
  const { source, i } = s;
  const len = source[i] === '\r' && source[i + 1] === '\n' ? 2 : 1;
  if (s.stack.length && !s.lineHasComment) {
    if (i >= s.aheadFrom) {
      s.aheadFrom = nextSignificant(source, i);
      s.ahead = source[s.aheadFrom] ?? '';
    }
    // Inside `[ ]`/`{ }` a line break is white space, unless it continues a plain scalar.
    if (s.prev !== 'plain' || (s.ahead !== '' && ']},'.includes(s.ahead))) {
      for (let k = 0; k < len; k++) s.out[i + k] = ' ';
      s.changed = true;
    }
  }
  s.i += len;
  s.lineStart = true;
  s.lineHasComment = false;
}

/** The start of a line: its indentation, and the lines of a block scalar, which are skipped. */
function lineIndent(s: Scan): void {
  const { source, stack } = s;
  s.lineStart = false;
  let j = s.i;
  while (j < source.length && (source[j] === ' ' || (stack.length > 0 && source[j] === '\t'))) {
    // Inside `[ ]`/`{ }` indentation is white space: a tab there is a space to libyaml.
    if (source[j] === '\t') {
      s.out[j] = ' ';
      s.changed = true;
    }
    j++;
  }
  if (!stack.length) {
    s.indent = j - s.i;
    // Lines of a block scalar (`|`, `>`) are text: skip while they are indented past its key.
    if (s.blockScalarIndent >= 0) {
      const blank = j >= source.length || isBreak(source[j]) || (isBlank(source[j]) && /^[ \t]*(?:\r|\n|$)/.test(source.slice(j, j + 200)));
      if (blank || s.indent > s.blockScalarIndent) {
        skipToLineEnd(s);
        return;
      }
      s.blockScalarIndent = -1;
    }
    s.valueStart = false;
  }
  s.i = j;
}

/** A quoted scalar; false when it never closes or holds a document marker (broken for every reader). */
function quoted(s: Scan): boolean {
  const { source, i } = s;
  const end = quotedEnd(source, i);
  if (end < 0) return false;
  const text = source.slice(i, end);
  // A document marker at the margin ends the document even inside quotes (Go: "found
  // unexpected document indicator").
  if (/[\r\n](?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text)) return false;
  if (s.valueStart && /[\r\n]/.test(text)) {
    s.multiline.push({ start: i, text });
    for (let k = i + 1; k < end - 1; k++) s.out[k] = ' ';
    s.changed = true;
  }
  s.i = end;
  s.valueStart = false;
  s.prev = 'other';
  return true;
}

/** An indicator (`[ { ] } , : - | >`) at `s.i`; false when the character is none of them there. */
function indicator(s: Scan, c: string): boolean {
  const { source, stack, i } = s;
  const next = source[i + 1];
  if (c === '[' || c === '{') {
    stack.push({ kind: c });
    s.valueStart = c === '[';
  } else if ((c === ']' || c === '}') && stack.length) {
    stack.pop();
    s.valueStart = false;
  } else if (c === ',' && stack.length) {
    s.valueStart = stack[stack.length - 1].kind === '[';
  } else if (c === ':' && (isBlank(next) || isBreak(next) || i + 1 === source.length || (stack.length > 0 && ',[]{}'.includes(next)))) {
    s.valueStart = true;
  } else if (c === '-' && !stack.length && (isBlank(next) || isBreak(next))) {
    s.valueStart = true;
    s.indent = i - lineStartOf(source, i) + 1;
  } else if ((c === '|' || c === '>') && s.valueStart && !stack.length) {
    s.blockScalarIndent = s.indent;
    skipToLineEnd(s);
    return true;
  } else return false;
  s.i++;
  return true;
}

/**
 * The rewritten text, or undefined when nothing in it is one of the leniencies above (or a quoted
 * scalar never closes: that is broken for every reader).
 */
export function relaxYaml(source: string): Relaxed | undefined {
  const s: Scan = { source, out: source.split(''), multiline: [], changed: false, stack: [], i: 0, lineStart: true, indent: 0, valueStart: false, lineHasComment: false, blockScalarIndent: -1, prev: 'other', aheadFrom: -1, ahead: '' };
  while (s.i < source.length) {
    const i = s.i;
    const c = source[i];
    if (isBreak(c)) lineBreak(s);
    else if (s.lineStart) lineIndent(s);
    else if (c === '#' && (i === 0 || isBlank(source[i - 1]) || isBreak(source[i - 1]))) {
      s.lineHasComment = true;
      skipToLineEnd(s);
    } else if (isBlank(c)) s.i++;
    else if (c === '"' || c === "'") {
      if (!quoted(s)) return undefined;
    } else {
      s.prev = 'other';
      if (!indicator(s, c)) {
        // A plain scalar (or a tag, anchor or alias): quotes inside it are text.
        s.valueStart = false;
        s.prev = 'plain';
        s.i = plainEnd(source, i, s.stack.length > 0);
      }
    }
  }
  if (!s.changed) return undefined;
  const { multiline } = s;
  const values = multiline.length ? foldedValues(multiline.map((m) => m.text)) : [];
  if (!values) return undefined;
  return { text: s.out.join(''), scalars: new Map(multiline.map((m, k) => [m.start, values[k]])) };
}

function lineStartOf(s: string, i: number): number {
  let j = i;
  while (j > 0 && !isBreak(s[j - 1])) j--;
  return j;
}

/** End of a plain scalar starting at `i`: before `: `, ` #`, a line break, or (in flow) an indicator. */
function plainEnd(s: string, i: number, inFlow: boolean): number {
  let j = i + 1;
  while (j < s.length) {
    const c = s[j];
    if (isBreak(c)) break;
    if (c === ':' && (isBlank(s[j + 1]) || isBreak(s[j + 1]) || j + 1 === s.length || (inFlow && ',[]{}'.includes(s[j + 1])))) break;
    if (c === '#' && isBlank(s[j - 1])) break;
    if (inFlow && ',[]{}'.includes(c)) break;
    j++;
  }
  return j;
}
