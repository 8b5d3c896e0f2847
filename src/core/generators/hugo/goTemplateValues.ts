/**
 * Values of Hugo's template subset (goTemplate.ts): strings, numbers, booleans, times and maps, how
 * they print, and field lookups (`.A.B`, a time's `.Format`).
 */
import { formatGoLayout } from './goLayout';

export interface TimeValue {
  readonly kind: 'time';
  readonly instant: Date;
  readonly offsetMinutes: number;
}

export type TemplateValue = string | number | boolean | TimeValue | { readonly [key: string]: TemplateValue };

export type TitleCaseStyle = 'ap' | 'chicago' | 'go' | 'firstupper' | 'none';

export interface TemplateContext {
  /** The dot: `.Name` looks up `Name` here (case-sensitive, as in Go). */
  readonly data: { readonly [key: string]: TemplateValue };
  readonly now: Date;
  readonly offsetMinutes: number;
  /** Hugo's `titleCaseStyle` (default AP). */
  readonly titleCaseStyle?: TitleCaseStyle;
}

/** Why an action cannot be evaluated: it is then left in the output as written. */
export class EvalError extends Error {}

export function str(v: TemplateValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isTime(v)) return formatGoLayout(v.instant, v.offsetMinutes, '2006-01-02 15:04:05 -0700 MST');
  throw new EvalError('a map cannot be printed');
}

export function isTime(v: TemplateValue): v is TimeValue {
  return typeof v === 'object' && (v as TimeValue).kind === 'time' && (v as TimeValue).instant instanceof Date;
}

export function asTime(v: TemplateValue, ctx: TemplateContext): TimeValue {
  if (isTime(v)) return v;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (isNaN(ms)) throw new EvalError(`'${v}' is not a date`);
    const m = /([+-])(\d{2}):?(\d{2})$/.exec(v.trim());
    const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : /Z$/i.test(v.trim()) ? 0 : ctx.offsetMinutes;
    return { kind: 'time', instant: new Date(ms), offsetMinutes: offset };
  }
  throw new EvalError('not a date');
}

export function arity(name: string, args: readonly TemplateValue[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new EvalError(`${name} takes ${min === max ? min : `${min}–${max}`} argument${max === 1 ? '' : 's'}, got ${args.length}`);
}

export function formatTime(t: TimeValue, layout: string): string {
  return formatGoLayout(t.instant, t.offsetMinutes, layout);
}

/** `.A.B` on a value; `Format` on a time is a method taking the layout. */
export function applyChain(value: TemplateValue, chain: readonly string[], args: TemplateValue[], ctx: TemplateContext, what: string): TemplateValue {
  let v = value;
  for (let i = 0; i < chain.length; i++) {
    const name = chain[i];
    if (name === 'Format' && i === chain.length - 1) {
      arity(`${what}.Format`, args, 1);
      return formatTime(asTime(v, ctx), str(args[0]));
    }
    if (typeof v !== 'object' || isTime(v) || !(name in v)) throw new EvalError(`unknown field .${chain.slice(0, i + 1).join('.')}${what.startsWith('.') ? '' : ` on ${what}`}`);
    v = (v as { readonly [k: string]: TemplateValue })[name];
  }
  if (args.length) throw new EvalError(`${what} takes no arguments`);
  return v;
}
