/**
 * JSON front matter (Hugo): one object at the top of the file, its top-level keys with positions, and
 * a syntax error at the offending character.
 */
import { rawShape } from './shape';
import { firstLineEnd } from './delimiters';
import type { FrontMatterField, SplitDocument } from './parse';

/**
 * End (exclusive) of the object opening at `start`, found by bracket matching that respects strings;
 * -1 when it never closes.
 */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The object's depth-1 keys, with positions (the value's range is empty: best effort). */
function jsonFields(text: string, start: number, source: string): FrontMatterField[] {
  const fields: FrontMatterField[] = [];
  const keyRe = /"((?:[^"\\]|\\.)*)"\s*:\s*/g;
  let d = 0;
  let inStr = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '{' || c === '[') d++;
    else if (c === '}' || c === ']') d--;
    else if (c === '"') {
      if (d === 1) {
        keyRe.lastIndex = i;
        const m = keyRe.exec(source);
        if (m && m.index === i) {
          const vs = start + i + m[0].length;
          fields.push({ key: m[1], keyRange: { start: start + i, end: start + i + m[1].length + 2 }, valueRange: { start: vs, end: vs }, shape: { ...rawShape(text.slice(vs, vs + 1)), ...(text[vs] === '[' ? { quote: '"' as const } : {}) } });
        }
      }
      inStr = true;
    }
  }
  return fields;
}

export function parseJson(text: string, start: number): SplitDocument {
  const end = objectEnd(text, start);
  if (end < 0) {
    return {
      frontMatter: {
        format: 'json', range: { start, end: text.length }, contentRange: { start, end: text.length }, data: {}, fields: [],
        errors: [{ code: 'frontmatter.unclosed', message: 'JSON front matter: the opening { is never closed.', range: { start, end: start + 1 } }],
      },
      bodyStart: text.length,
    };
  }
  const bodyStart = firstLineEnd(text, end);
  const source = text.slice(start, end);
  const fields = jsonFields(text, start, source);
  try {
    const data = JSON.parse(source) as unknown;
    return {
      frontMatter: { format: 'json', range: { start, end }, contentRange: { start, end }, data: (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>, fields, errors: [] },
      bodyStart,
    };
  } catch (e) {
    // Node's message carries no position in every version: find the offending character ourselves.
    const located = jsonErrorOffset(source);
    const m = /position (\d+)/.exec((e as Error).message);
    const at = start + (located >= 0 ? located : m ? Number(m[1]) : 0);
    return {
      frontMatter: { format: 'json', range: { start, end }, contentRange: { start, end }, data: {}, fields, errors: [{ code: 'frontmatter.syntax', message: `JSON: ${(e as Error).message.split(/ in JSON at position|, \.\.\.|, "|\n/)[0]}`, range: { start: at, end: at + 1 } }] },
      bodyStart,
    };
  }
}

/** Offset of the first syntax error in a JSON text, or -1 when it is valid. */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        i++;
        if (!/["\\/bfnrtu]/.test(s[i] ?? '')) fail();
      } else if (s.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (s[i] !== '"') fail();
          str();
          ws();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
    return -1;
  } catch (e) {
    return typeof e === 'number' ? Math.min(e, s.length) : 0;
  }
}
