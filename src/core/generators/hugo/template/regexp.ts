/**
 * Go's RE2 syntax for `replaceRE`/`findRE`, translated to a JS RegExp where the two agree: `.`
 * and `\s` are re-spelled with RE2's meanings, and flags, named groups, `\A` `\z` `\p` `\Q` and
 * POSIX classes are refused. An empty match is refused too (Go skips an empty match right after a
 * match, JS does not), and Go's `$name` expansion in replacements is done by hand.
 */
import { EvalError } from './values';

function translate(pattern: string): RegExp {
  if (/\(\?|\\[AzpPQECbB]|\[\[:|\\[1-9]/.test(pattern)) throw new EvalError(`regular expression features we do not translate: ${pattern}`);
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      i++;
      if (n === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (n === 'S') {
        if (inClass) throw new EvalError('\\S inside a character class');
        out += '[^\\t\\n\\f\\r ]';
      } else out += '\\' + n;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += '\\' + pattern[++i];
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (c === '.' && !inClass) out += '[^\\n]';
    else out += c;
  }
  try {
    return new RegExp(out, 'gu');
  } catch {
    throw new EvalError(`regular expression we cannot translate: ${pattern}`);
  }
}

interface Match {
  readonly index: number;
  readonly groups: readonly (string | undefined)[];
}

function matches(pattern: string, s: string, limit: number): Match[] {
  const re = translate(pattern);
  const out: Match[] = [];
  for (let m = re.exec(s); m && (limit < 0 || out.length < limit); m = re.exec(s)) {
    if (m[0] === '') throw new EvalError('a regular expression that matches the empty string');
    out.push({ index: m.index, groups: [...m] });
  }
  return out;
}

/** regexp.Expand: `$1`, `${1}`, `$$`; `$name` takes the longest run of word characters. */
function expand(template: string, groups: readonly (string | undefined)[]): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))?/g, (all, _x, braced?: string, bare?: string) => {
    if (all === '$$') return '$';
    const name = braced ?? bare;
    if (name === undefined) return all;
    if (!/^\d+$/.test(name)) throw new EvalError(`replacement refers to a named group $${name}`);
    return groups[Number(name)] ?? '';
  });
}

export function replaceRE(pattern: string, repl: string, s: string, limit: number): string {
  let out = '';
  let at = 0;
  for (const m of matches(pattern, s, limit)) {
    out += s.slice(at, m.index) + expand(repl, m.groups);
    at = m.index + m.groups[0]!.length;
  }
  return out + s.slice(at);
}

export function findRE(pattern: string, s: string, limit: number): string[] {
  return matches(pattern, s, limit).map((m) => m.groups[0]!);
}
