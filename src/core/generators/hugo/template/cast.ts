/**
 * Argument conversions as Hugo's functions make them (spf13/cast): what each accepts exactly, and
 * an EvalError for everything else (including conversions cast does differently from JS).
 */
import { formatFloatPlain } from './format';
import { EvalError, GoFloat, int, Safe, typeName, type Value } from './values';

export function arity(name: string, args: readonly Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new EvalError(`${name}: wrong number of arguments (${args.length})`);
}

/** cast.ToStringE. */
export function toStr(v: Value, fn: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof Safe) return v.s;
  if (typeof v === 'number') return String(v);
  if (v instanceof GoFloat) return formatFloatPlain(v.v);
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  throw new EvalError(`${fn}: unable to cast ${typeName(v)} to string`);
}

/** cast.ToIntE, for decimal strings only (cast reads `010` as octal and `08` as an error). */
export function toInt(v: Value, fn: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoFloat) return int(Math.trunc(v.v));
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  const s = typeof v === 'string' ? v : v instanceof Safe ? v.s : undefined;
  if (s !== undefined && /^[+-]?(0|[1-9]\d*)(\.0*)?$/.test(s)) return int(parseInt(s, 10));
  throw new EvalError(`${fn}: unable to cast ${typeName(v)} ${typeof s === 'string' ? JSON.stringify(s) : ''} to int`);
}

/** strconv.ParseFloat for plain decimal text; `inf`, `nan`, hex and underscores are refused. */
export function parseDecimal(s: string): number | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^[+-]?(inf|infinity|nan)$/i.test(s) || /^[+-]?0[xX]/.test(s) || (/_/.test(s) && /^[+-]?[\d_.eE+-]+$/.test(s))) throw new EvalError(`a number Go parses and we do not: '${s}'`);
  return undefined;
}

/** cast.ToFloat64E. */
export function toFloat(v: Value, fn: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoFloat) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  const s = typeof v === 'string' ? v : v instanceof Safe ? v.s : undefined;
  const n = s === undefined ? undefined : parseDecimal(s);
  if (n === undefined) throw new EvalError(`${fn}: unable to cast ${typeName(v)} to float64`);
  return n;
}

export function toStrings(v: Value, fn: string): string[] {
  if (!Array.isArray(v)) throw new EvalError(`${fn}: expected a slice, got ${typeName(v)}`);
  return (v as readonly Value[]).map((x) => toStr(x, fn));
}
