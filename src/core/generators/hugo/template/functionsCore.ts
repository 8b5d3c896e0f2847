/**
 * Hugo 0.111's comparison, logic, collection and arithmetic functions. Each follows what hugo does
 * (checked against the real binary), and throws where Go's typing would make JS values ambiguous.
 * - `eq`/`ne` compare ints with ints and floats with floats (`eq 1 1.0` is false) and strings
 *   with typed strings; other mixes are false.
 * - `lt`/`le`/`gt`/`ge` read strings as numbers when they parse (`lt "10" "9"` is false), slices
 *   and maps as their length, nil as 0, and a string against a number as 0 against the number.
 */
import { arity, parseDecimal, toFloat, toInt, toStr } from './cast';
import { formatV } from './format';
import type { Fn } from './exec';
import { compareStrings, EvalError, GoFloat, GoMap, int, isNumber, isObject, isTrue, numValue, Safe, stringOf, typeName, utf8Length, type Value } from './values';

type Norm = { t: 'nil' } | { t: 'int' | 'float'; n: number } | { t: 'string'; s: string } | { t: 'bool'; b: boolean };

function normalize(v: Value, fn: string): Norm {
  if (v === null || v === undefined) return { t: 'nil' };
  if (typeof v === 'number') return { t: 'int', n: v };
  if (v instanceof GoFloat) return { t: 'float', n: v.v };
  if (typeof v === 'boolean') return { t: 'bool', b: v };
  const s = stringOf(v);
  if (s !== undefined) return { t: 'string', s };
  throw new EvalError(`${fn}: comparing a ${typeName(v)} is not supported`);
}

function equal(a: Value, b: Value): boolean {
  const x = normalize(a, 'eq');
  const y = normalize(b, 'eq');
  if (x.t !== y.t) return false;
  if (x.t === 'nil') return true;
  if (x.t === 'string') return x.s === (y as { s: string }).s;
  if (x.t === 'bool') return x.b === (y as { b: boolean }).b;
  return x.n === (y as { n: number }).n;
}

/** compareGet: both sides as numbers, unless both are non-numeric strings. */
function compareGet(a: Value, b: Value, fn: string): [number, number] {
  const side = (v: Value): { n: number; s?: string } => {
    if (v === null || v === undefined) return { n: 0 };
    if (isNumber(v)) return { n: numValue(v) };
    if (typeof v === 'boolean') return { n: v ? 1 : 0 };
    if (Array.isArray(v)) return { n: v.length };
    if (v instanceof GoMap) return { n: v.entries.size };
    const s = stringOf(v);
    if (s !== undefined) {
      const n = parseDecimal(s);
      return n === undefined ? { n: 0, s } : { n };
    }
    throw new EvalError(`${fn}: comparing a ${typeName(v)} is not supported`);
  };
  const x = side(a);
  const y = side(b);
  if (x.s !== undefined && y.s !== undefined) {
    const c = compareStrings(x.s, y.s);
    return c < 0 ? [0, 1] : c > 0 ? [1, 0] : [0, 0];
  }
  return [x.n, y.n];
}

function ordered(fn: string, test: (l: number, r: number) => boolean): Fn {
  return (a) => {
    if (a.length < 2) throw new EvalError(`${fn}: missing arguments for comparison`);
    return a.slice(1).every((o) => test(...compareGet(a[0], o, fn)));
  };
}

/** DoArithmetic: ints stay ints, a float makes a float, `add` joins two strings. */
function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '/') {
      if (b === 0) throw new EvalError("can't divide the value by 0");
      return int(Math.trunc(a / b));
    }
    return int(op === '+' ? a + b : op === '-' ? a - b : a * b);
  }
  if (isNumber(a) && isNumber(b)) {
    const [x, y] = [numValue(a), numValue(b)];
    if (op === '/' && y === 0) throw new EvalError("can't divide the value by 0");
    return new GoFloat(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y);
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  throw new EvalError(`can't apply the operator to ${typeName(a)} and ${typeName(b)}`);
}

function math(name: string, op: '+' | '-' | '*' | '/'): Fn {
  return (a) => {
    if (a.length < 2) throw new EvalError(`${name}: needs at least 2 arguments`);
    return a.slice(1).reduce((acc: Value, x) => arithmetic(op, acc, x), a[0]);
  };
}

function seqOf(v: Value, fn: string): readonly Value[] {
  if (Array.isArray(v)) return v;
  throw new EvalError(`${fn}: can't iterate over ${typeName(v)}`);
}

/** Hugo's `default`: a boolean or struct is always set; numbers when non-zero; strings, slices and maps when not empty. */
function isSet(v: Value): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean' || v instanceof Date || isObject(v)) return true;
  return isTrue(v);
}

function index(item: Value, keys: readonly Value[]): Value {
  let v = item;
  let path = keys;
  if (keys.length === 1 && Array.isArray(keys[0])) path = keys[0] as readonly Value[];
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (v === null || v === undefined) return null;
    if (v instanceof GoMap) {
      if (typeof k !== 'string') throw new EvalError(`index: a map key of type ${typeName(k)}`);
      const x = v.lookup(k);
      // maps.Params.GetNested: a path through something that is not a map gives nil.
      if (v.params && i < path.length - 1 && !(x instanceof GoMap)) return null;
      v = x === undefined ? null : x;
    } else if (Array.isArray(v)) {
      if (typeof k !== 'number') throw new EvalError(`index: cannot index slice/array with type ${typeName(k)}`);
      if (k === v.length) throw new EvalError('index: an index equal to the length');
      v = k < 0 || k > v.length ? null : (v[k] as Value);
    } else throw new EvalError(`index: can't index item of type ${typeName(v)}`);
  }
  return v;
}

function inSet(set: Value, val: Value): boolean {
  const sv = stringOf(set);
  if (sv !== undefined && typeof set === 'string') {
    if (typeof val !== 'string') throw new EvalError('in: a string set and a non-string value');
    return sv.includes(val);
  }
  for (const e of seqOf(set, 'in')) {
    if (e === null) continue;
    if (isNumber(e) && isNumber(val)) {
      if (numValue(e) === numValue(val)) return true;
    } else if (typeof e === 'string' && typeof val === 'string') {
      if (e === val) return true;
    } else throw new EvalError(`in: comparing ${typeName(e)} with ${typeName(val)}`);
  }
  return false;
}

function uniq(v: Value): Value {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const e of seqOf(v, 'uniq')) {
    if (typeof e !== 'string' && typeof e !== 'number' && typeof e !== 'boolean' && !(e instanceof GoFloat)) throw new EvalError(`uniq: elements of type ${typeName(e)}`);
    const key = `${typeName(e)}:${String(e instanceof GoFloat ? e.v : e)}`;
    if (!seen.has(key)) out.push(e);
    seen.add(key);
  }
  return out;
}

function seq(a: readonly Value[]): Value {
  arity('seq', a, 1, 3);
  const n = a.map((x) => {
    if (typeof x !== 'number') throw new EvalError('seq: only integer arguments are supported');
    return x;
  });
  const [first, inc, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
  if (inc <= 0 || last < first) throw new EvalError('seq: only increasing sequences are supported');
  if ((last - first) / inc + 1 > 2000) throw new EvalError('seq: size of result exceeds limit');
  const out: number[] = [];
  for (let x = first; x <= last; x += inc) out.push(x);
  return out;
}

function dict(a: readonly Value[]): Value {
  if (a.length % 2) throw new EvalError('dict: invalid dictionary call (odd number of arguments)');
  const m = new Map<string, Value>();
  for (let i = 0; i < a.length; i += 2) {
    if (typeof a[i] !== 'string') throw new EvalError('dict: only string keys are supported');
    m.set(a[i] as string, a[i + 1]);
  }
  return new GoMap(m, false);
}

function isset(c: Value, key: Value): boolean {
  if (Array.isArray(c)) return c.length > toInt(key, 'isset');
  if (c instanceof GoMap) {
    if (typeof key !== 'string') throw new EvalError('isset: a non-string map key');
    return c.entries.has(key);
  }
  return false;
}

function append(a: readonly Value[]): Value {
  if (a.length < 2) throw new EvalError('append: expected at least 2 arguments');
  const to = a[a.length - 1];
  const from = a.slice(0, -1);
  if (to !== null && !Array.isArray(to)) throw new EvalError(`append: can't append to ${typeName(to)}`);
  const base = (to ?? []) as readonly Value[];
  if (from.length === 1 && Array.isArray(from[0])) return [...base, ...(from[0] as readonly Value[])];
  return [...base, ...from];
}

function delimit(a: readonly Value[]): Value {
  arity('delimit', a, 2, 3);
  const items = seqOf(a[0], 'delimit').map((x) => formatV(x));
  const sep = toStr(a[1], 'delimit');
  const last = a.length === 3 ? toStr(a[2], 'delimit') : sep;
  const s = items.length < 2 ? items.join('') : items.slice(0, -1).join(sep) + last + items[items.length - 1];
  return new Safe('html', s);
}

function take(name: 'first' | 'last' | 'after'): Fn {
  return (a) => {
    arity(name, a, 2);
    const n = toInt(a[0], name);
    const s = seqOf(a[1], name);
    // Only `last 0` was checked against hugo; `first 0` may be an error there.
    if (n < 0 || (n === 0 && name === 'first')) throw new EvalError(`${name}: can't return negative/empty count of items`);
    if (name === 'first') return s.slice(0, n);
    if (name === 'last') return n === 0 ? [] : s.slice(Math.max(0, s.length - n));
    return s.slice(Math.min(n, s.length));
  };
}

function len(v: Value): number {
  const s = stringOf(v);
  if (s !== undefined) return utf8Length(s);
  if (Array.isArray(v)) return v.length;
  if (v instanceof GoMap) return v.entries.size;
  throw new EvalError(`len of ${typeName(v)}`);
}

export const CORE_FUNCTIONS: ReadonlyMap<string, Fn> = new Map<string, Fn>([
  ['eq', (a) => {
    if (a.length < 2) throw new EvalError('eq: missing arguments for comparison');
    return a.slice(1).some((o) => equal(a[0], o));
  }],
  ['ne', (a) => (arity('ne', a, 2), !equal(a[0], a[1]))],
  ['lt', ordered('lt', (l, r) => l < r)],
  ['le', ordered('le', (l, r) => l <= r)],
  ['gt', ordered('gt', (l, r) => l > r)],
  ['ge', ordered('ge', (l, r) => l >= r)],
  ['not', (a) => (arity('not', a, 1), !isTrue(a[0]))],
  ['len', (a) => (arity('len', a, 1), len(a[0]))],
  ['index', (a) => (arity('index', a, 1, 50), index(a[0], a.slice(1)))],
  ['slice', (a) => [...a]],
  ['dict', dict],
  ['default', (a) => (arity('default', a, 1, 2), a.length === 1 || !isSet(a[1]) ? a[0] : a[1])],
  ['cond', (a) => {
    arity('cond', a, 3);
    if (typeof a[0] !== 'boolean') throw new EvalError(`cond: expected bool; found ${typeName(a[0])}`);
    return a[0] ? a[1] : a[2];
  }],
  ['in', (a) => (arity('in', a, 2), inSet(a[0], a[1]))],
  ['isset', (a) => (arity('isset', a, 2), isset(a[0], a[1]))],
  ['first', take('first')],
  ['last', take('last')],
  ['after', take('after')],
  ['uniq', (a) => (arity('uniq', a, 1), uniq(a[0]))],
  ['append', append],
  ['seq', seq],
  ['delimit', delimit],
  ['reflect.IsMap', (a) => (arity('reflect.IsMap', a, 1), a[0] instanceof GoMap)],
  ['reflect.IsSlice', (a) => (arity('reflect.IsSlice', a, 1), Array.isArray(a[0]))],
  ['add', math('add', '+')],
  ['sub', math('sub', '-')],
  ['mul', math('mul', '*')],
  ['div', math('div', '/')],
  ['mod', (a) => {
    arity('mod', a, 2);
    if (!a.every((x) => typeof x === 'number')) throw new EvalError('mod: only integers are supported');
    const [x, y] = a as number[];
    if (y === 0) throw new EvalError("mod: the number can't be divided by zero");
    return x % y;
  }],
  ['int', (a) => (arity('int', a, 1), toInt(a[0], 'int'))],
  ['float', (a) => (arity('float', a, 1), new GoFloat(toFloat(a[0], 'float')))],
  ['string', (a) => (arity('string', a, 1), toStr(a[0], 'string'))],
  ['math.Add', math('math.Add', '+')],
  ['math.Sub', math('math.Sub', '-')],
  ['math.Mul', math('math.Mul', '*')],
  ['math.Div', math('math.Div', '/')],
]);

