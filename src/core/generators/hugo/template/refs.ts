/**
 * Hugo's `ref` and `relref` in a shortcode template (`relref . "posts/a.md#part"`): the URL of the
 * page the path names, looked up the way content refs are (the caller's resolver), with the anchor
 * appended as written (verified with hugo 0.111: no anchorizing; `relref . "#x"` is `#x`). A path
 * that names no page fails Hugo's build (REF_NOT_FOUND) or prints its not-found URL: not evaluated.
 */
import type { Fn, FnEnv } from './exec';
import { arity, toStr } from './cast';
import { EvalError, isObject, type Value } from './values';

/** `https://example.org` of a baseURL: `ref` prints the permalink, page URLs already hold the path. */
function originOf(baseURL: string): string {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(baseURL);
  if (!m) throw new EvalError(`ref: a baseURL we do not model (${baseURL || 'empty'})`);
  return m[1];
}

function refURL(name: 'ref' | 'relref', args: readonly Value[], env: FnEnv): string {
  arity(name, args, 2);
  // The first argument is what the link is made from: the shortcode or its page. A map of options
  // (`dict "path" … "outputFormat" …`) is not evaluated.
  const from = args[0];
  if (!isObject(from) || !/ShortcodeWithPage|pageState/.test(from.goType)) throw new EvalError(`${name}: the first argument is not a page or shortcode`);
  const written = toStr(args[1], name);
  const hash = written.indexOf('#');
  const path = hash >= 0 ? written.slice(0, hash) : written;
  const anchor = hash >= 0 ? written.slice(hash) : '';
  if (path.trim() === '') return anchor;
  const url = env.resolveRef?.(path);
  if (url === undefined) throw new EvalError(`${name} "${written}": no page found (or the lookup is unknown)`);
  return (name === 'ref' ? originOf(env.baseURL) + url : url) + anchor;
}

export const REF_FUNCTIONS: ReadonlyArray<readonly [string, Fn]> = [
  ['ref', (a, env) => refURL('ref', a, env)],
  ['relref', (a, env) => refURL('relref', a, env)],
];
