/**
 * A tolerant reader of JavaScript/TypeScript config files (Docusaurus, Eleventy, Astro). Config files
 * are programs; we must never execute a site's code, so we look for object literals and read the
 * properties whose values are literals. Anything computed is reported as such and the caller falls
 * back to defaults. Shared by every generator that keeps a JS config.
 */

export type JsValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'object'; readonly start: number; readonly end: number }
  | { readonly type: 'array'; readonly start: number; readonly end: number }
  /** Something computed (a variable, a call, a template with `${}`): not readable statically. */
  | { readonly type: 'expr'; readonly text: string };

/**
 * Replaces comments with spaces (offsets kept) so that braces and keys inside comments are not
 * read. String and template contents are left alone, since URLs in strings contain `//`.
 */
export function blankComments(src: string): string {
  const out = src.split('');
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(src, i);
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') out[i++] = ' ';
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (; i < stop; i++) if (src[i] !== '\n') out[i] = ' ';
      continue;
    }
    i++;
  }
  return out.join('');
}

/** Index just after the string literal starting at `i`. */
function skipString(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length) {
    if (src[j] === '\\') j += 2;
    else if (src[j] === q) return j + 1;
    else if (q !== '`' && src[j] === '\n') return j; // unterminated: stop at the line end
    else j++;
  }
  return src.length;
}

/** Index just after the bracket group opening at `i` (`{`, `[` or `(`), or src.length if unclosed. */
function skipGroup(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j];
    if (c === '"' || c === "'" || c === '`') {
      j = skipString(src, j);
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return src.length;
}

function unquote(lit: string): string {
  const body = lit.slice(1, -1);
  return body.replace(/\\(.)/g, (_m, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}

/** Reads one value starting at `i` (whitespace skipped); returns it and the index after it. */
function readValue(src: string, i: number, end: number): { value: JsValue; next: number } {
  while (i < end && /\s/.test(src[i])) i++;
  const c = src[i];
  if (c === '"' || c === "'" || c === '`') {
    const j = skipString(src, i);
    const lit = src.slice(i, j);
    if (c === '`' && lit.includes('${')) return { value: { type: 'expr', text: lit }, next: j };
    return { value: { type: 'string', value: unquote(lit) }, next: settle(src, j, end) };
  }
  if (c === '{' || c === '[') {
    const j = Math.min(skipGroup(src, i), end);
    return { value: { type: c === '{' ? 'object' : 'array', start: i, end: j }, next: settle(src, j, end) };
  }
  // Anything else: read up to the next top-level comma.
  const j = toComma(src, i, end);
  const text = src.slice(i, j).trim();
  let value: JsValue;
  if (text === 'true' || text === 'false') value = { type: 'boolean', value: text === 'true' };
  else if (text === 'null' || text === 'undefined') value = { type: 'null' };
  else if (/^-?\d+(\.\d+)?$/.test(text)) value = { type: 'number', value: Number(text) };
  else value = { type: 'expr', text };
  return { value, next: j };
}

function toComma(src: string, i: number, end: number): number {
  let j = i;
  while (j < end && src[j] !== ',') {
    if ('"\'`'.includes(src[j])) j = skipString(src, j);
    else if ('{[('.includes(src[j])) j = skipGroup(src, j);
    else j++;
  }
  return j;
}

/** Skips white space after a literal, so the caller can see whether an operator follows. */
function settle(src: string, j: number, end: number): number {
  let k = j;
  while (k < end && /\s/.test(src[k])) k++;
  return k;
}

/**
 * The properties of the object literal whose `{` is at `start` (in comment-free text), one level
 * deep: `{ a: 'x', b: { … }, c }`. Spread and computed keys are skipped.
 */
export function objectProps(src: string, start: number): Map<string, JsValue> {
  const props = new Map<string, JsValue>();
  if (src[start] !== '{') return props;
  const end = skipGroup(src, start) - 1;
  let i = start + 1;
  while (i < end) {
    while (i < end && /[\s,]/.test(src[i])) i++;
    if (i >= end) break;
    let key: string | undefined;
    const c = src[i];
    if (c === '"' || c === "'") {
      const j = skipString(src, i);
      key = unquote(src.slice(i, j));
      i = j;
    } else {
      const m = /^[A-Za-z_$][\w$]*/.exec(src.slice(i, Math.min(end, i + 200)));
      if (m) {
        key = m[0];
        i += m[0].length;
      }
    }
    while (i < end && /\s/.test(src[i])) i++;
    if (key !== undefined && src[i] === ':') {
      const { value, next } = readValue(src, i + 1, end);
      if (next < end && src[next] !== ',' && value.type !== 'expr') {
        // A literal followed by an operator (`'a' + b`, `x ?? 'y'`) is an expression after all.
        const j = toComma(src, next, end);
        props.set(key, { type: 'expr', text: src.slice(i + 1, j).trim() });
        i = j;
        continue;
      }
      props.set(key, value);
      i = next;
      continue;
    }
    if (key !== undefined && (src[i] === ',' || i >= end)) {
      props.set(key, { type: 'expr', text: key }); // shorthand `{ blog }`
      continue;
    }
    // Spread, computed key, method: skip to the next top-level comma.
    i = toComma(src, i, end);
  }
  return props;
}

/** Elements of an array literal whose `[` is at `start`. */
export function arrayItems(src: string, start: number): JsValue[] {
  const out: JsValue[] = [];
  if (src[start] !== '[') return out;
  const end = skipGroup(src, start) - 1;
  let i = start + 1;
  while (i < end) {
    while (i < end && /[\s,]/.test(src[i])) i++;
    if (i >= end) break;
    const { value, next } = readValue(src, i, end);
    out.push(value);
    i = toComma(src, next, end);
  }
  return out;
}

/** Offsets of every object literal that directly follows a match of `key` (`blog:` → its `{`). */
export function objectsAfter(src: string, key: RegExp): number[] {
  const out: number[] = [];
  const re = new RegExp(key.source, key.flags.includes('g') ? key.flags : key.flags + 'g');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let j = m.index + m[0].length;
    while (j < src.length && /\s/.test(src[j])) j++;
    if (src[j] === '{') out.push(j);
  }
  return out;
}

export function str(v: JsValue | undefined): string | undefined {
  return v?.type === 'string' ? v.value : undefined;
}

export function num(v: JsValue | undefined): number | undefined {
  return v?.type === 'number' ? v.value : undefined;
}

export function bool(v: JsValue | undefined): boolean | undefined {
  return v?.type === 'boolean' ? v.value : undefined;
}

/** Offset of the `{` of the innermost object literal containing `pos` (comment-free text). */
export function enclosingObject(src: string, pos: number): number | undefined {
  const stack: { ch: string; at: number }[] = [];
  let i = 0;
  while (i < pos && i < src.length) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(src, i);
      continue;
    }
    if (c === '{' || c === '[' || c === '(') stack.push({ ch: c, at: i });
    else if (c === '}' || c === ']' || c === ')') stack.pop();
    i++;
  }
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].ch === '{') return stack[k].at;
  return undefined;
}
