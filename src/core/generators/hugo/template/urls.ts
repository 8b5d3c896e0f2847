/**
 * Hugo 0.111's `relURL` and `absURL` (PathSpec.RelURL/AbsURL without languages or canonifyURLs):
 * a path with a leading slash is taken from the server root, one without from the baseURL's
 * path, both joined with Go's path.Join (which cleans `..` and double slashes).
 */
import { EvalError } from './values';
import { posix } from '../../../posix';

/** Go's path.Clean: posix.normalize without the trailing slash it keeps. */
export function cleanPath(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

function joinPath(a: string, b: string): string {
  const parts = [a, b].filter((x) => x !== '');
  return parts.length ? cleanPath(parts.join('/')) : '';
}

interface Base {
  readonly withPath: string;
  readonly withoutPath: string;
  readonly path: string;
}

function base(baseURL: string): Base {
  const m = /^(https?:\/\/[^/?#]+)(\/[^?#]*)?$/.exec(baseURL);
  if (!m) throw new EvalError(`relURL/absURL: a baseURL we do not model (${baseURL || 'empty'})`);
  if (!baseURL.endsWith('/')) throw new EvalError('relURL/absURL: a baseURL without a trailing slash');
  return { withPath: baseURL, withoutPath: m[1], path: m[2] ?? '' };
}

/** paths.AddContextRoot. */
function addContextRoot(baseURL: string, rel: string): string {
  const m = /^https?:\/\/[^/?#]+(\/[^?#]*)?$/.exec(baseURL);
  let p = joinPath(m?.[1] ?? '', rel);
  if (p !== '/' && rel.endsWith('/')) p += '/';
  return p;
}

export function relURL(input: string, baseURL: string): string {
  const b = base(baseURL);
  const root = input.startsWith('/') ? b.withoutPath : b.withPath;
  if ((!input.startsWith(root) && input.startsWith('http')) || input.startsWith('//')) return input;
  let u = input.startsWith(root) ? input.slice(root.length) : input;
  u = addContextRoot(root, u);
  if (input === '' && !u.endsWith('/') && root.endsWith('/')) u += '/';
  if (!u.startsWith('/')) u = '/' + u;
  return u;
}

export function absURL(input: string, baseURL: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(input) || input.startsWith('//')) return input;
  // url.Parse then URL.String would split off and re-encode a query, fragment or odd characters.
  if (!/^[A-Za-z0-9/._~-]*$/.test(input)) throw new EvalError(`absURL of '${input}' (characters Go's URL type would re-encode)`);
  const b = base(baseURL);
  const host = input.startsWith('/') ? b.withoutPath : b.withPath;
  const hm = /^(https?:\/\/[^/?#]+)(\/[^?#]*)?$/.exec(host)!;
  let p = joinPath(hm[2] ?? '', input);
  const trailing = (input === '' && host.endsWith('/')) || input.endsWith('/');
  if (trailing && !p.endsWith('/')) p += '/';
  return hm[1] + p;
}
