/**
 * The part of Go's text/template that Hugo archetypes use in practice: actions with pipes,
 * `{{- -}}` trimming, comments, dotted fields (`.Name`, `.Site.Title`, `.File.ContentBaseName`),
 * string/number literals, parentheses, and a handful of Hugo functions (`replace`, `title`, `upper`,
 * `lower`, `urlize`, `humanize`, `printf`, `default`, `trim`, `now`, `.Format`, `time.Format`).
 *
 * Anything else (if/range/with, variables, unknown functions or fields) is left in the output
 * exactly as written, with a warning: a visible `{{ … }}` the author can fix beats a value that
 * silently vanished.
 */
import { formatGoLayout } from './goLayout';
import { urlize } from './paths';

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

export interface RenderResult {
  readonly text: string;
  readonly warnings: readonly string[];
}

class EvalError extends Error {}

// ---------------------------------------------------------------- title case

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'nor', 'of', 'on', 'or', 'per', 'so', 'the', 'to', 'up', 'v', 'vs', 'via', 'yet']);

/** Hugo's `title`: AP/Chicago keep short connecting words lower-case except first and last. */
export function titleCase(s: string, style: TitleCaseStyle = 'ap'): string {
  if (style === 'none') return s;
  const upperFirst = (w: string) => w.charAt(0).toLocaleUpperCase() + w.slice(1);
  if (style === 'firstupper') return upperFirst(s);
  const parts = s.split(/(\s+)/);
  const wordIdx = parts.map((p, i) => (/\S/.test(p) ? i : -1)).filter((i) => i >= 0);
  const first = wordIdx[0];
  const last = wordIdx[wordIdx.length - 1];
  return parts
    .map((p, i) => {
      if (!/\S/.test(p)) return p;
      if (style !== 'go' && i !== first && i !== last && SMALL_WORDS.has(p.toLowerCase())) return p.toLowerCase();
      return upperFirst(p);
    })
    .join('');
}

// ---------------------------------------------------------------- lexing

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'field'; path: string[] }
  | { t: 'ident'; name: string; chain: string[] }
  | { t: 'pipe' }
  | { t: 'open' }
  | { t: 'close' };

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new EvalError('unterminated string');
      try {
        out.push({ t: 'str', v: JSON.parse(src.slice(i, j + 1)) as string });
      } catch {
        throw new EvalError('bad string literal');
      }
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new EvalError('unterminated raw string');
      out.push({ t: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '|') {
      out.push({ t: 'pipe' });
      i++;
    } else if (c === '(') {
      out.push({ t: 'open' });
      i++;
    } else if (c === ')') {
      out.push({ t: 'close' });
      i++;
      // `(…).Format` chains a field onto a parenthesised value.
      const m = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'field', path: m[0].slice(1).split('.') });
        i += m[0].length;
      }
    } else if (c === '.') {
      const m = /^\.([A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)?/.exec(src.slice(i))!;
      out.push({ t: 'field', path: m[1] ? m[1].split('.') : [] });
      i += m[0].length;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i));
      if (!m) throw new EvalError(`unexpected '${c}'`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i))!;
      const parts = m[0].split('.');
      // `time.Format` and `strings.Title` are namespaced functions; `now.Format` is a call then a method.
      const ns = parts.length >= 2 ? `${parts[0]}.${parts[1]}` : '';
      if (ns && FUNCTIONS.has(ns)) out.push({ t: 'ident', name: ns, chain: parts.slice(2) });
      else out.push({ t: 'ident', name: parts[0], chain: parts.slice(1) });
      i += m[0].length;
    } else if (c === '$' || c === ':' || c === '=') {
      throw new EvalError('template variables are not supported');
    } else throw new EvalError(`unexpected '${c}'`);
  }
  return out;
}

// ---------------------------------------------------------------- evaluation

type Fn = (args: TemplateValue[], ctx: TemplateContext) => TemplateValue;

function str(v: TemplateValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isTime(v)) return formatGoLayout(v.instant, v.offsetMinutes, '2006-01-02 15:04:05 -0700 MST');
  throw new EvalError('a map cannot be printed');
}

function isTime(v: TemplateValue): v is TimeValue {
  return typeof v === 'object' && (v as TimeValue).kind === 'time' && (v as TimeValue).instant instanceof Date;
}

function asTime(v: TemplateValue, ctx: TemplateContext): TimeValue {
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

function arity(name: string, args: readonly TemplateValue[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new EvalError(`${name} takes ${min === max ? min : `${min}–${max}`} argument${max === 1 ? '' : 's'}, got ${args.length}`);
}

function sprintf(format: string, args: readonly TemplateValue[]): string {
  let k = 0;
  return format.replace(/%([%svdq])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    if (k >= args.length) throw new EvalError('printf: missing argument');
    const a = args[k++];
    if (verb === 'q') return JSON.stringify(str(a));
    if (verb === 'd' && typeof a !== 'number') throw new EvalError('printf %d needs a number');
    return str(a);
  });
}

const FUNCTIONS = new Map<string, Fn>([
  ['replace', (a) => (arity('replace', a, 3, 4), str(a[0]).split(str(a[1])).join(str(a[2])))],
  ['strings.Replace', (a) => (arity('strings.Replace', a, 3, 4), str(a[0]).split(str(a[1])).join(str(a[2])))],
  ['title', (a, c) => (arity('title', a, 1), titleCase(str(a[0]), c.titleCaseStyle))],
  ['strings.Title', (a, c) => (arity('strings.Title', a, 1), titleCase(str(a[0]), c.titleCaseStyle))],
  ['upper', (a) => (arity('upper', a, 1), str(a[0]).toUpperCase())],
  ['strings.ToUpper', (a) => (arity('strings.ToUpper', a, 1), str(a[0]).toUpperCase())],
  ['lower', (a) => (arity('lower', a, 1), str(a[0]).toLowerCase())],
  ['strings.ToLower', (a) => (arity('strings.ToLower', a, 1), str(a[0]).toLowerCase())],
  ['trim', (a) => (arity('trim', a, 2), trimSet(str(a[0]), str(a[1])))],
  ['strings.TrimSpace', (a) => (arity('strings.TrimSpace', a, 1), str(a[0]).trim())],
  ['urlize', (a) => (arity('urlize', a, 1), urlize(str(a[0]), { disablePathToLower: false, removePathAccents: false }))],
  ['humanize', (a) => (arity('humanize', a, 1), humanize(str(a[0])))],
  ['printf', (a) => (arity('printf', a, 1, 20), sprintf(str(a[0]), a.slice(1)))],
  ['print', (a) => a.map(str).join('')],
  ['default', (a) => (arity('default', a, 2), isEmpty(a[1]) ? a[0] : a[1])],
  ['safeHTML', (a) => (arity('safeHTML', a, 1), str(a[0]))],
  ['now', (a, c) => (arity('now', a, 0), { kind: 'time', instant: c.now, offsetMinutes: c.offsetMinutes })],
  ['time.Format', (a, c) => (arity('time.Format', a, 2), formatTime(asTime(a[1], c), str(a[0])))],
  ['dateFormat', (a, c) => (arity('dateFormat', a, 2), formatTime(asTime(a[1], c), str(a[0])))],
]);

function trimSet(s: string, cutset: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && cutset.includes(s[a])) a++;
  while (b > a && cutset.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function humanize(s: string): string {
  const spaced = s.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function isEmpty(v: TemplateValue): boolean {
  return v === '' || v === 0 || v === false;
}

function formatTime(t: TimeValue, layout: string): string {
  return formatGoLayout(t.instant, t.offsetMinutes, layout);
}

/** `.A.B` on a value; `Format` on a time is a method taking the layout. */
function applyChain(value: TemplateValue, chain: readonly string[], args: TemplateValue[], ctx: TemplateContext, what: string): TemplateValue {
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

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly ctx: TemplateContext,
  ) {}

  pipeline(): TemplateValue {
    let value: TemplateValue | undefined;
    for (;;) {
      value = this.command(value);
      if (this.tokens[this.i]?.t !== 'pipe') break;
      this.i++;
    }
    return value;
  }

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  /** One command: an operand, or a function/method with arguments; a piped value is the last argument. */
  private command(piped: TemplateValue | undefined): TemplateValue {
    const head = this.tokens[this.i];
    if (!head || head.t === 'pipe' || head.t === 'close') throw new EvalError('missing command');
    if (head.t === 'ident' && head.name !== 'true' && head.name !== 'false' && head.name !== 'nil') {
      this.i++;
      const fn = FUNCTIONS.get(head.name);
      if (!fn) throw new EvalError(`unknown function '${head.name}'`);
      const args = this.args();
      if (piped !== undefined) args.push(piped);
      if (head.chain.length) {
        // `now.Format "2006"`: call with no arguments, then the method takes the rest.
        return applyChain(fn([], this.ctx), head.chain, args, this.ctx, head.name);
      }
      return fn(args, this.ctx);
    }
    const first = this.operand();
    const rest = this.args();
    if (piped !== undefined) rest.push(piped);
    if (first.method) return applyChain(first.base, first.method, rest, this.ctx, first.what);
    if (rest.length) throw new EvalError(`${first.what} is not a function`);
    return first.base;
  }

  private args(): TemplateValue[] {
    const out: TemplateValue[] = [];
    while (this.i < this.tokens.length && this.tokens[this.i].t !== 'pipe' && this.tokens[this.i].t !== 'close') {
      const o = this.operand();
      out.push(o.method ? applyChain(o.base, o.method, [], this.ctx, o.what) : o.base);
    }
    return out;
  }

  /** An argument; a trailing `.Format` is returned as a pending method so the caller can pass arguments. */
  private operand(): { base: TemplateValue; method?: string[]; what: string } {
    const tok = this.tokens[this.i++];
    switch (tok?.t) {
      case 'str':
        return { base: tok.v, what: 'a string' };
      case 'num':
        return { base: tok.v, what: 'a number' };
      case 'ident': {
        if (tok.name === 'true' || tok.name === 'false') return { base: tok.name === 'true', what: tok.name };
        const fn = FUNCTIONS.get(tok.name);
        if (!fn) throw new EvalError(`unknown function '${tok.name}'`);
        // A function used as an argument is called without arguments (`now`).
        const v = fn([], this.ctx);
        return tok.chain.length ? { base: v, method: tok.chain, what: tok.name } : { base: v, what: tok.name };
      }
      case 'field': {
        const what = '.' + tok.path.join('.');
        if (tok.path[tok.path.length - 1] === 'Format') return { base: applyChain(this.ctx.data, tok.path.slice(0, -1), [], this.ctx, what), method: ['Format'], what };
        return { base: applyChain(this.ctx.data, tok.path, [], this.ctx, what), what };
      }
      case 'open': {
        const v = this.pipeline();
        if (this.tokens[this.i++]?.t !== 'close') throw new EvalError('missing )');
        const next = this.tokens[this.i];
        if (next?.t === 'field') {
          this.i++;
          return { base: v, method: next.path, what: '(…)' };
        }
        return { base: v, what: '(…)' };
      }
      default:
        throw new EvalError('unexpected token');
    }
  }
}

const UNSUPPORTED = /^(if|else|end|range|with|define|template|block|break|continue)\b/;

function evaluateAction(body: string, ctx: TemplateContext): string {
  const trimmed = body.trim();
  if (UNSUPPORTED.test(trimmed)) throw new EvalError(`'${trimmed.split(/\s/)[0]}' blocks are not supported`);
  if (!trimmed) throw new EvalError('empty action');
  const p = new Parser(lex(trimmed), ctx);
  const v = p.pipeline();
  if (!p.done()) throw new EvalError('unexpected text after the expression');
  return str(v);
}

/** Finds the `}}` closing an action that starts at `from`, skipping string literals. */
function findClose(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"' && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      i = j < 0 ? src.length : j + 1;
    } else if (src.startsWith('}}', i)) return i;
    else i++;
  }
  return -1;
}

export function renderGoTemplate(source: string, ctx: TemplateContext): RenderResult {
  const warnings: string[] = [];
  let out = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) {
      out += source.slice(i);
      break;
    }
    out += source.slice(i, open);
    const close = findClose(source, open + 2);
    if (close < 0) {
      warnings.push(`An action opened with '{{' is never closed; the rest of the archetype is copied as written.`);
      out += source.slice(open);
      break;
    }
    let body = source.slice(open + 2, close);
    let end = close + 2;
    const trimLeft = /^-\s/.test(body);
    const trimRight = /\s-$/.test(body);
    if (trimLeft) body = body.slice(1);
    if (trimRight) body = body.slice(0, -1);
    const raw = source.slice(open, end);
    const line = source.slice(0, open).split('\n').length;
    if (trimLeft) out = out.replace(/\s+$/, '');
    if (trimRight) {
      const m = /^\s*/.exec(source.slice(end))!;
      end += m[0].length;
    }
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) {
      i = end;
      continue;
    }
    try {
      out += evaluateAction(body, ctx);
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      warnings.push(`Line ${line}: ${raw} was left as written (${e.message}).`);
      out += raw;
    }
    i = end;
  }
  return { text: out, warnings };
}
