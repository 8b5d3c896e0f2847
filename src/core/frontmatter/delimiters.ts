/** Where a front-matter block opens and closes: `---`/`...` (YAML) or `+++` (TOML) lines. */

/**
 * Finds a closing delimiter line (`---`/`...` or `+++`, trailing blanks allowed), returning
 * [lineStart, lineEnd incl. newline]. Compares characters in place: slicing and trimming every
 * front-matter line was a visible share of a cold crawl's allocations.
 */
export function findClosing(text: string, from: number, delims: readonly string[]): [number, number] | undefined {
  let pos = from;
  while (pos <= text.length) {
    let lineEnd = pos;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let end = lineEnd;
    while (end > pos && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end - pos === 3) {
      for (const d of delims) if (text.startsWith(d, pos)) return [pos, newlineEnd(text, lineEnd)];
    }
    if (lineEnd === text.length) return undefined;
    pos = newlineEnd(text, lineEnd);
  }
  return undefined;
}

/** Just past the line break at `at` (\r\n, \n or \r), or `at` at the end of the text. */
function newlineEnd(text: string, at: number): number {
  if (at >= text.length) return at;
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

export function firstLineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return newlineEnd(text, i);
}

export const YAML_CLOSERS = ['---', '...'];
export const TOML_CLOSERS = ['+++'];

/** `delim` then blanks up to a line break, as /^---[ \t]*(\r?\n|\r|$)/ tested on the first 8 characters. */
export function opensWith(text: string, at: number, delim: string): boolean {
  if (!text.startsWith(delim, at)) return false;
  const end = Math.min(at + 8, text.length);
  let i = at + 3;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === end) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13;
}
