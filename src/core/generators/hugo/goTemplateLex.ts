/** Lexing a template action: literals, fields, function names, pipes and parentheses. */
import { EvalError } from './goTemplateValues';
import { FUNCTIONS } from './goTemplateFunctions';

export type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'field'; path: string[] }
  | { t: 'ident'; name: string; chain: string[] }
  | { t: 'pipe' }
  | { t: 'open' }
  | { t: 'close' };

export function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new EvalError('unterminated string');
      try {
        out.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1)) as string });
      } catch {
        throw new EvalError('bad string literal');
      }
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new EvalError('unterminated raw string');
      out.push({ t: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '|') {
      out.push({ t: 'pipe' });
      i++;
    } else if (c === '(') {
      out.push({ t: 'open' });
      i++;
    } else if (c === ')') {
      out.push({ t: 'close' });
      i++;
      // `(…).Format` chains a field onto a parenthesised value.
      const m = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'field', path: m[0].slice(1).split('.') });
        i += m[0].length;
      }
    } else if (c === '.') {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)?/.exec(src.slice(i))!;
      out.push({ t: 'field', path: m[1] ? m[1].split('.') : [] });
      i += m[0].length;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i));
      if (!m) throw new EvalError(`unexpected '${c}'`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i))!;
      const parts = m[0].split('.');
      // `time.Format` and `strings.Title` are namespaced functions; `now.Format` is a call then a method.
      const ns = parts.length >= 2 ? `${parts[0]}.${parts[1]}` : '';
      if (ns && FUNCTIONS.has(ns)) out.push({ t: 'ident', name: ns, chain: parts.slice(2) });
      else out.push({ t: 'ident', name: parts[0], chain: parts.slice(1) });
      i += m[0].length;
    } else if (c === '$' || c === ':' || c === '=') {
      throw new EvalError('template variables are not supported');
    } else throw new EvalError(`unexpected '${c}'`);
  }
  return out;
}
