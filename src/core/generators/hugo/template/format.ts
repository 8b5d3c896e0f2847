/**
 * Go's fmt as templates use it: `%v` of every value (what `{{ . }}` prints before escaping),
 * Sprint/Sprintln spacing, and the printf verbs shortcodes use. A verb, flag or value that fmt
 * would print as `%!x(…)` is an EvalError: a shortcode printing that is broken anyway.
 */
import { EvalError, GoFloat, GoMap, Safe, isObject, sortedKeys, stringOf, type Value } from './values';

/** Shortest digits and decimal exponent of a finite non-zero number, as Go's strconv finds them. */
function shortest(x: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(x).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

function fixedFromDigits(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** `%v` of a float64: `%g` with the shortest digits, switching to an exponent below 1e-4 or from 1e6 up. */
export function formatFloatV(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { digits, exp } = shortest(x);
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return sign + fixedFromDigits(digits, exp);
}

/** strconv.FormatFloat(x, 'f', -1, 64): the shortest digits, never an exponent (cast.ToString). */
export function formatFloatPlain(x: number): string {
  if (!Number.isFinite(x)) throw new EvalError('a non-finite float');
  if (x === 0) return '0';
  const { digits, exp } = shortest(x);
  return (x < 0 ? '-' : '') + fixedFromDigits(digits, exp);
}

/** `%.Nf` of a non-negative float: JS rounds an exact half up, Go to even (2.25 → "2.2"). */
export function formatFixed(x: number, prec: number): string {
  if (!Number.isFinite(x) || x < 0 || x >= 1e21 || prec > 60) throw new EvalError('unsupported %f value or precision');
  // toFixed(100) is the exact expansion for any double with at most 100 fractional bits.
  if (x !== 0 && x < 2 ** -40) throw new EvalError('%f of a very small float');
  const long = x.toFixed(100);
  const point = long.indexOf('.');
  const tail = long.slice(point + 1 + prec);
  if (!/^50*$/.test(tail)) return x.toFixed(prec);
  const kept = long.slice(0, point + 1 + prec).replace('.', '');
  const even = Number(kept[kept.length - 1]) % 2 === 0;
  const digits = (even ? BigInt(kept) : BigInt(kept) + 1n).toString().padStart(prec + 1, '0');
  return prec ? `${digits.slice(0, digits.length - prec)}.${digits.slice(digits.length - prec)}` : digits;
}

/** fmt's `%v` of one value (maps sorted by key, slices `[a b]`, nil as `<nil>`). */
export function formatV(v: Value, depth = 0): string {
  if (depth > 32) throw new EvalError('value nested too deeply to print');
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof GoFloat) return formatFloatV(v.v);
  if (v instanceof Safe) return v.s;
  if (Array.isArray(v)) return `[${v.map((x) => formatV(x, depth + 1)).join(' ')}]`;
  if (v instanceof GoMap) return `map[${sortedKeys(v).map((k) => `${k}:${formatV(v.entries.get(k), depth + 1)}`).join(' ')}]`;
  if (v instanceof Date) throw new EvalError('printing a date (its zone and layout are not known here)');
  if (isObject(v)) throw new EvalError(`printing a ${v.goType}`);
  throw new EvalError('printing an unknown value');
}

/** fmt.Sprint: a space between two operands when neither is a string. */
export function sprint(args: readonly Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && stringOf(a) === undefined && stringOf(args[i - 1]) === undefined) out += ' ';
    out += formatV(a);
  });
  return out;
}

export function sprintln(args: readonly Value[]): string {
  return args.map((a) => formatV(a)).join(' ') + '\n';
}

/** strconv.Quote for text whose every character Go prints as it is, or as a short escape. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c > 0xa0 && /[\p{L}\p{N}\p{M}\p{P}\p{S}]/u.test(ch)) out += ch;
    else throw new EvalError('quoting a string with characters Go escapes');
  }
  return out + '"';
}

interface Spec {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly zero: boolean;
  readonly width?: number;
  readonly prec?: number;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  const len = Array.from(s).length;
  if (len >= w) return s;
  if (spec.minus) return s + ' '.repeat(w - len);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

function formatOne(verb: string, a: Value, spec: Spec): string {
  const str = stringOf(a);
  const sign = (s: string, neg: boolean) => (neg ? '-' : spec.plus ? '+' : '') + s;
  switch (verb) {
    case 'v':
      if (spec.plus || spec.prec !== undefined) break;
      return pad(formatV(a), spec, false);
    case 's':
      if (str === undefined || spec.plus) break;
      return pad(spec.prec === undefined ? str : Array.from(str).slice(0, spec.prec).join(''), spec, false);
    case 'q':
      if (str === undefined || spec.plus || spec.prec !== undefined) break;
      return pad(goQuote(str), spec, false);
    case 't':
      if (typeof a !== 'boolean' || spec.prec !== undefined) break;
      return pad(String(a), spec, false);
    case 'd':
      if (typeof a !== 'number' || spec.prec !== undefined) break;
      return pad(sign(String(Math.abs(a)), a < 0), spec, true);
    case 'x':
    case 'X':
      if (typeof a === 'number' && spec.prec === undefined) {
        const h = Math.abs(a).toString(16);
        return pad(sign(verb === 'X' ? h.toUpperCase() : h, a < 0), spec, true);
      }
      break;
    case 'f':
      if (!(a instanceof GoFloat)) break;
      return pad(sign(formatFixed(Math.abs(a.v), spec.prec ?? 6), a.v < 0 || Object.is(a.v, -0)), spec, true);
  }
  throw new EvalError(`printf: %${verb} with ${a === null || a === undefined ? 'nil' : typeof a} (fmt would print an error marker)`);
}

/** fmt.Sprintf for the verbs v s q t d x X f with the flags `-`, `+`, `0`, a width and a precision. */
export function sprintf(format: string, args: readonly Value[]): string {
  let k = 0;
  let out = '';
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const m = /^%([-+0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/.exec(format.slice(pct));
    if (!m) throw new EvalError(`printf: unsupported directive in '${format}'`);
    i = pct + m[0].length;
    if (m[4] === '%' && !m[1] && !m[2] && !m[3]) {
      out += '%';
      continue;
    }
    if (k >= args.length) throw new EvalError('printf: missing argument (fmt prints %!v(MISSING))');
    const spec: Spec = { minus: m[1].includes('-'), plus: m[1].includes('+'), zero: m[1].includes('0'), width: m[2] ? Number(m[2]) : undefined, prec: m[3] !== undefined ? Number(m[3]) : undefined };
    if ((spec.width ?? 0) > 1000) throw new EvalError('printf: width too large');
    out += formatOne(m[4], args[k++], spec);
  }
  if (k < args.length) throw new EvalError('printf: extra arguments (fmt prints %!(EXTRA …))');
  return out;
}
