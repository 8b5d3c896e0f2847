/**
 * The written form of a value: completion inserts new values the way the site already writes them
 * (`tags: ["a"]` vs `tags:\n  - a`, quoted or bare), and checks compare a post with the site's habit.
 */
export interface ValueShape {
  readonly kind: 'list' | 'scalar' | 'map' | 'empty';
  /** Lists and maps: written inline (`[a, b]`, `{…}`) rather than as an indented block. */
  readonly flow: boolean;
  /** Quote of the scalar, or of the list's first string item: '"', "'" or '' (bare). */
  readonly quote: '"' | "'" | '';
}

type Quote = ValueShape['quote'];

// There are 24 shapes; every field of every post has one, so they are shared, not allocated (57,000
// objects in a 10,000-post index). Module-level on purpose: 24 frozen constants, no site data.
const shapes = new Map<string, ValueShape>();

export function shapeOf<K extends ValueShape['kind']>(kind: K, flow: boolean, quote: Quote): ValueShape & { readonly kind: K } {
  const key = `${kind}${flow ? '+' : '-'}${quote}`;
  let s = shapes.get(key);
  if (!s) shapes.set(key, (s = Object.freeze({ kind, flow, quote })));
  return s as ValueShape & { readonly kind: K };
}

/** Shape from the raw text of a TOML or JSON value (both always quote strings, and lists are inline). */
export function rawShape(raw: string): ValueShape {
  const t = raw.trimStart();
  const q = /^[^"']*(["'])/.exec(t)?.[1];
  const quote = q === '"' || q === "'" ? q : '';
  if (t === '') return shapeOf('empty', false, '');
  if (t[0] === '[') return shapeOf('list', true, quote);
  if (t[0] === '{') return shapeOf('map', true, '');
  return shapeOf('scalar', false, t[0] === '"' || t[0] === "'" ? t[0] : '');
}
