/**
 * Values of the template interpreter, modelled on what Hugo's Go code holds, because printing,
 * comparing and arithmetic all depend on the Go type:
 * - `undefined` is Go's "no value" (a missing map key): fields on it give no value again, it is
 *   false, and a function receives it as nil; `null` is a nil interface (a field on it is an error).
 * - JS numbers are Go ints (always safe integers); `GoFloat` is a float64, so `div 5 2` is 2 and
 *   `div 5.0 2` is 2.5, and `1000000.0` prints as `1e+06`.
 * - `Safe` is html/template's typed strings (`template.HTML`, `template.URL`, …): escaping differs.
 * - `GoMap` is a map; `params` marks Hugo's maps.Params, whose keys Hugo lower-cases and whose
 *   field lookups ignore case. Arrays are slices. `GoObject` is a context object with methods.
 */

/** Anything the interpreter cannot evaluate exactly, or that fails as it would fail in Hugo. */
export class EvalError extends Error {}

export class GoFloat {
  constructor(readonly v: number) {}
}

export type SafeKind = 'html' | 'htmlattr' | 'url' | 'css' | 'js';

export class Safe {
  constructor(
    readonly kind: SafeKind,
    readonly s: string,
  ) {}
}

export class GoMap {
  constructor(
    readonly entries: Map<string, Value>,
    readonly params: boolean,
  ) {}

  /** A field or `index` lookup: maps.Params ignore case and treat a nil entry as absent. */
  lookup(key: string): Value {
    if (!this.params) return this.entries.get(key);
    const v = this.entries.get(key.toLowerCase());
    return v === null ? undefined : v;
  }
}

export interface GoObject {
  readonly goType: string;
  /** A field or method: `args` are the call's arguments (none for a field). */
  member(name: string, args: readonly Value[]): Value;
}

export type Value = undefined | null | boolean | number | string | GoFloat | Safe | GoMap | GoObject | Date | readonly Value[];

export function isObject(v: Value): v is GoObject {
  return typeof v === 'object' && v !== null && typeof (v as GoObject).member === 'function';
}

export function isNumber(v: Value): v is number | GoFloat {
  return typeof v === 'number' || v instanceof GoFloat;
}

export function numValue(v: number | GoFloat): number {
  return typeof v === 'number' ? v : v.v;
}

/** A Go int result: outside JS's exact integers we could print a wrong digit, so refuse. */
export function int(n: number): number {
  if (!Number.isSafeInteger(n)) throw new EvalError(`integer ${n} is outside the exactly representable range`);
  return n;
}

/** String-like values: strings and html/template's typed strings (a string kind in Go). */
export function stringOf(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Safe) return v.s;
  return undefined;
}

export function typeName(v: Value): string {
  if (v === undefined) return 'no value';
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoFloat) return 'float64';
  if (v instanceof Safe) return `template.${v.kind.toUpperCase()}`;
  if (v instanceof GoMap) return v.params ? 'maps.Params' : 'map[string]interface {}';
  if (v instanceof Date) return 'time.Time';
  if (Array.isArray(v)) return '[]interface {}';
  return (v as GoObject).goType;
}

/** Go's truth: false, 0, nil, no value and empty strings, slices and maps are false. */
export function isTrue(v: Value): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (v instanceof GoFloat) return v.v !== 0;
  if (v instanceof Safe) return v.s !== '';
  if (v instanceof GoMap) return v.entries.size > 0;
  if (Array.isArray(v)) return v.length > 0;
  // A struct (a time, a context object) is always true.
  return true;
}

/** Go compares strings by their UTF-8 bytes, which is code-point order (not UTF-16 order). */
export function compareStrings(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

export function sortedKeys(m: GoMap): string[] {
  return [...m.entries.keys()].sort(compareStrings);
}

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * Front matter and config values as Hugo holds them. `params`: a maps.Params tree, whose keys Hugo
 * lower-cases in nested maps too, but not in maps inside lists (hugo 0.111 keeps `Name` there).
 */
export function fromJS(v: unknown, params: boolean, depth = 0): Value {
  if (depth > 64) throw new EvalError('value nested too deeply');
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new EvalError('a non-finite number');
    return Number.isInteger(v) ? int(v) : new GoFloat(v);
  }
  if (typeof v === 'bigint') return int(Number(v));
  if (v instanceof Date) return v;
  if (Array.isArray(v)) return v.map((x) => fromJS(x, false, depth + 1));
  if (typeof v === 'object') {
    const entries = new Map<string, Value>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const key = params ? k.toLowerCase() : k;
      // Two spellings of one key: which one Hugo keeps depends on map order, so it is unknowable.
      if (entries.has(key)) throw new EvalError(`the keys of a map collide when lower-cased ('${key}')`);
      entries.set(key, fromJS(x, params, depth + 1));
    }
    return new GoMap(entries, params);
  }
  throw new EvalError(`unsupported value of type ${typeof v}`);
}

/** A value as a function receives it: Go turns "no value" into nil for an interface parameter. */
export function arg(v: Value): Value {
  return v === undefined ? null : v;
}
