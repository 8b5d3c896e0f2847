/**
 * POSIX path helpers for site-relative and absolute posix paths, so the engine needs no Node module
 * (it also runs as a web extension). They answer what Node's `path.posix` answers; a property test
 * compares them (test/unit/posix.test.ts). `relative` takes absolute paths, or paths relative to `/`
 * (there is no working directory here).
 */

/** `.` and `..` resolved, runs of `/` collapsed, a leading and a trailing `/` kept. */
export function normalize(p: string): string {
  if (p === '') return '.';
  const absolute = p.startsWith('/');
  const trailing = p.endsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(seg);
  }
  let s = out.join('/');
  if (s === '' && !absolute) s = '.';
  if (trailing && s !== '') s += '/';
  return absolute ? '/' + s : s;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((x) => x !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** The path without trailing slashes (but `/` stays `/`). */
function trimTrailing(p: string): string {
  let end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(0, end);
}

/** Node's reading: the part before the slash nearest the last name (`a//b` → `a/`, `//a` → `//`). */
export function dirname(p: string): string {
  if (p === '') return '.';
  const root = p.charCodeAt(0) === 47;
  let end = -1;
  let inName = false;
  for (let i = p.length - 1; i >= 1; i--) {
    if (p.charCodeAt(i) !== 47) inName = true;
    else if (inName) {
      end = i;
      break;
    }
  }
  if (end === -1) return root ? '/' : '.';
  if (root && end === 1) return '//';
  return p.slice(0, end);
}

export function basename(p: string): string {
  const t = trimTrailing(p);
  if (t === '/') return '';
  return t.slice(t.lastIndexOf('/') + 1);
}

export function extname(p: string): string {
  const base = basename(p);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || base === '..' ? '' : base.slice(dot);
}

/** The relative path from `from` to `to` (both taken from `/` when not absolute). */
export function relative(from: string, to: string): string {
  const a = normalize('/' + from).split('/').filter(Boolean);
  const b = normalize('/' + to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** The same helpers under one name, for call sites written against Node's `path.posix`. */
export const posix = { normalize, join, isAbsolute, dirname, basename, extname, relative };
