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

/**
 * The rewritten text, or undefined when nothing in it is one of the leniencies above (or a quoted
 * scalar never closes: that is broken for every reader).
 */
export function relaxYaml(source: string): Relaxed | undefined {
  const out = source.split('');
  const multiline: { start: number; text: string }[] = [];
  let changed = false;
  const stack: Frame[] = [];
  let i = 0;
  let lineStart = true;
  let indent = 0;
  // Where a quote may open a value (after `key:`, `- `, `[`, `,` in a sequence, `:` in a mapping).
  let valueStart = false;
  let lineHasComment = false;
  let blockScalarIndent = -1;
  // What came last: a plain scalar may go on over the next line (its line break is then folded, not
  // white space); after an indicator or a quoted scalar the break is only white space.
  let prev: 'plain' | 'other' = 'other';
  // The next significant character after a run of line breaks, found once per run.
  let aheadFrom = -1;
  let ahead = '';
  while (i < source.length) {
    const c = source[i];
    if (isBreak(c)) {
      const len = c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      if (stack.length && !lineHasComment) {
        if (i >= aheadFrom) {
          aheadFrom = nextSignificant(source, i);
          ahead = source[aheadFrom] ?? '';
        }
        // Inside `[ ]`/`{ }` a line break is white space, unless it continues a plain scalar.
        if (prev !== 'plain' || (ahead !== '' && ']},'.includes(ahead))) {
          for (let k = 0; k < len; k++) out[i + k] = ' ';
          changed = true;
        }
      }
      i += len;
      lineStart = true;
      lineHasComment = false;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      let j = i;
      while (j < source.length && (source[j] === ' ' || (stack.length > 0 && source[j] === '\t'))) {
        // Inside `[ ]`/`{ }` indentation is white space: a tab there is a space to libyaml.
        if (source[j] === '\t') {
          out[j] = ' ';
          changed = true;
        }
        j++;
      }
      if (!stack.length) {
        indent = j - i;
        // Lines of a block scalar (`|`, `>`) are text: skip while they are indented past its key.
        if (blockScalarIndent >= 0) {
          const blank = j >= source.length || isBreak(source[j]) || (isBlank(source[j]) && /^[ \t]*(?:\r|\n|$)/.test(source.slice(j, j + 200)));
          if (blank || indent > blockScalarIndent) {
            while (i < source.length && !isBreak(source[i])) i++;
            continue;
          }
          blockScalarIndent = -1;
        }
        valueStart = false;
      }
      i = j;
      continue;
    }
    if (c === '#' && (i === 0 || isBlank(source[i - 1]) || isBreak(source[i - 1]))) {
      lineHasComment = true;
      while (i < source.length && !isBreak(source[i])) i++;
      continue;
    }
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = quotedEnd(source, i);
      if (end < 0) return undefined;
      const text = source.slice(i, end);
      // A document marker at the margin ends the document even inside quotes (Go: "found
      // unexpected document indicator").
      if (/[\r\n](?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text)) return undefined;
      if (valueStart && /[\r\n]/.test(text)) {
        multiline.push({ start: i, text });
        for (let k = i + 1; k < end - 1; k++) out[k] = ' ';
        changed = true;
      }
      i = end;
      valueStart = false;
      prev = 'other';
      continue;
    }
    prev = 'other';
    if (c === '[' || c === '{') {
      stack.push({ kind: c });
      valueStart = c === '[';
      i++;
      continue;
    }
    if ((c === ']' || c === '}') && stack.length) {
      stack.pop();
      valueStart = false;
      i++;
      continue;
    }
    if (c === ',' && stack.length) {
      valueStart = stack[stack.length - 1].kind === '[';
      i++;
      continue;
    }
    if (c === ':' && (isBlank(source[i + 1]) || isBreak(source[i + 1]) || i + 1 === source.length || (stack.length > 0 && ',[]{}'.includes(source[i + 1])))) {
      valueStart = true;
      i++;
      continue;
    }
    if (c === '-' && !stack.length && (isBlank(source[i + 1]) || isBreak(source[i + 1]))) {
      valueStart = true;
      indent = i - lineStartOf(source, i) + 1;
      i++;
      continue;
    }
    if ((c === '|' || c === '>') && valueStart && !stack.length) {
      blockScalarIndent = indent;
      while (i < source.length && !isBreak(source[i])) i++;
      continue;
    }
    // A plain scalar (or a tag, anchor or alias): quotes inside it are text.
    valueStart = false;
    prev = 'plain';
    i = plainEnd(source, i, stack.length > 0);
  }
  if (!changed) return undefined;
  const values = multiline.length ? foldedValues(multiline.map((m) => m.text)) : [];
  if (!values) return undefined;
  return { text: out.join(''), scalars: new Map(multiline.map((m, k) => [m.start, values[k]])) };
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
