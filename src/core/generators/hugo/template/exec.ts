/**
 * Executing a parsed template the way Go's text/template does (and html/template prints): the dot
 * and `$`, variables scoped to their block, Go truth, field chains on maps and context objects,
 * method calls with arguments, the piped value as the last argument, lazy `and`/`or`, and `range`
 * over slices and maps (sorted keys). Every evaluation costs a step, so no template can run long.
 */
import type { Command, Node, Operand, Pipe } from './parse';
import { HtmlWriter } from './htmlContext';
import { TextWriter } from './textWriter';
import { arg, EvalError, GoMap, isObject, isTrue, sortedKeys, typeName, type Value } from './values';

export interface FnEnv {
  readonly site: Value;
  readonly baseURL: string;
  readonly renderMarkdown?: (markdown: string, inline: boolean) => string;
  /** What `now` returns: the instant and the author's UTC offset; undefined: `now` throws. */
  readonly clock?: { readonly now: Date; readonly offsetMinutes: number };
  /** The site's `titleCaseStyle` as written (undefined: Hugo's default, AP). */
  readonly titleCaseStyle?: string;
  /** The URL of the page a `ref`/`relref` path names (undefined: none); absent: refs throw. */
  readonly resolveRef?: (path: string) => string | undefined;
}

export type Fn = (args: readonly Value[], env: FnEnv) => Value;

export interface ExecOptions {
  readonly functions: ReadonlyMap<string, Fn>;
  readonly env: FnEnv;
  readonly maxSteps: number;
  readonly maxOutput: number;
  /**
   * 'html': printed values are escaped by context, as html/template does (shortcodes); 'none': they
   * are printed as text/template prints them (archetypes, which `hugo new` runs as text templates).
   */
  readonly escape: 'html' | 'none';
}

class BreakSignal {}
class ContinueSignal {}

/** No piped value: distinct from a piped "no value" (`undefined`). */
const NONE: unique symbol = Symbol('none');
type Final = Value | typeof NONE;

export class Executor {
  private readonly vars: { name: string; value: Value }[] = [];
  private steps = 0;
  private readonly writer: HtmlWriter | TextWriter;

  constructor(private readonly o: ExecOptions) {
    this.writer = o.escape === 'html' ? new HtmlWriter(o.maxOutput) : new TextWriter(o.maxOutput);
  }

  run(nodes: readonly Node[], root: Value): string {
    this.vars.push({ name: '$', value: root });
    this.walk(root, nodes);
    return this.writer.result();
  }

  /**
   * Runs one top-level part of a template run part by part (text mode only): its output and the
   * variables it declares stay for the next part. When it throws, what it printed and any variable
   * it set are undone first, so the caller can write the part as it was written instead.
   */
  runPart(nodes: readonly Node[], root: Value): void {
    const writer = this.writer;
    if (!(writer instanceof TextWriter)) throw new Error('runPart needs the text writer');
    if (!this.vars.length) this.vars.push({ name: '$', value: root });
    const length = writer.length;
    const saved = this.vars.map((v) => ({ ...v }));
    try {
      this.walk(root, nodes);
    } catch (e) {
      writer.truncate(length);
      this.vars.length = 0;
      this.vars.push(...saved);
      throw e;
    }
  }

  /** Text parts write themselves (text mode only), as written. */
  writeText(s: string): void {
    this.writer.text(s);
  }

  result(): string {
    return this.writer.result();
  }

  private step(): void {
    if (++this.steps > this.o.maxSteps) throw new EvalError(`template ran more than ${this.o.maxSteps} steps`);
  }

  private walk(dot: Value, nodes: readonly Node[]): void {
    for (const n of nodes) {
      this.step();
      switch (n.k) {
        case 'text':
          this.writer.text(n.s);
          break;
        case 'action': {
          const v = this.pipe(dot, n.pipe, true);
          if (!n.pipe.decl.length) this.writer.value(v);
          break;
        }
        case 'if':
        case 'with': {
          const mark = this.vars.length;
          const v = this.pipe(dot, n.pipe, true);
          if (isTrue(v)) this.walk(n.k === 'with' ? v : dot, n.list);
          else if (n.elseList) this.walk(dot, n.elseList);
          this.vars.length = mark;
          break;
        }
        case 'range':
          this.range(dot, n);
          break;
        case 'break':
          throw new BreakSignal();
        case 'continue':
          throw new ContinueSignal();
      }
    }
  }

  private range(dot: Value, n: Extract<Node, { pipe: Pipe; list: readonly Node[] }>): void {
    const mark = this.vars.length;
    const v = this.pipe(dot, n.pipe, false);
    let pairs: [Value, Value][];
    if (v === undefined || v === null) pairs = [];
    else if (Array.isArray(v)) pairs = v.map((x, i) => [i, x]);
    else if (v instanceof GoMap) pairs = sortedKeys(v).map((k) => [k, v.entries.get(k)]);
    // Go 1.20 (hugo 0.111) cannot range over an integer, a string or anything else.
    else throw new EvalError(`range can't iterate over ${typeName(v)}`);
    for (const [key, elem] of pairs) {
      this.step();
      const iterMark = this.vars.length;
      if (n.pipe.decl.length === 1) this.vars.push({ name: n.pipe.decl[0], value: elem });
      if (n.pipe.decl.length === 2) this.vars.push({ name: n.pipe.decl[0], value: key }, { name: n.pipe.decl[1], value: elem });
      try {
        this.walk(elem, n.list);
      } catch (e) {
        if (e instanceof BreakSignal) {
          this.vars.length = iterMark;
          break;
        }
        if (!(e instanceof ContinueSignal)) throw e;
      }
      this.vars.length = iterMark;
    }
    if (!pairs.length && n.elseList) this.walk(dot, n.elseList);
    this.vars.length = mark;
  }

  private pipe(dot: Value, p: Pipe, declare: boolean): Value {
    let v: Final = NONE;
    for (const cmd of p.cmds) {
      v = this.command(dot, cmd, v);
      // Go digs the value out of an empty interface after each command: a nil becomes "no value".
      if (v === null) v = undefined;
    }
    const value = v === NONE ? undefined : v;
    if (declare) {
      for (const name of p.decl) {
        if (p.assign) this.lookupVar(name).value = value;
        else this.vars.push({ name, value });
      }
    }
    return value;
  }

  private lookupVar(name: string): { value: Value } {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    throw new EvalError(`undefined variable: ${name}`);
  }

  private command(dot: Value, cmd: Command, final: Final): Value {
    this.step();
    const [first, ...rest] = cmd.args;
    const noArgs = () => {
      if (rest.length || final !== NONE) throw new EvalError(`can't give argument to non-function ${describe(first)}`);
    };
    switch (first.k) {
      case 'fn': {
        if (!first.fields.length) return this.call(first.name, dot, rest, final);
        const receiver = this.call(first.name, dot, [], NONE);
        return this.chain(dot, receiver, first.fields, rest, final);
      }
      case 'field':
        return this.chain(dot, dot, first.names, rest, final);
      case 'var':
      case 'pipe': {
        const v = first.k === 'var' ? this.lookupVar(first.name).value : this.pipe(dot, first.pipe, true);
        if (first.fields.length) return this.chain(dot, v, first.fields, rest, final);
        noArgs();
        return v;
      }
      case 'dot':
        noArgs();
        return dot;
      case 'lit':
        noArgs();
        return first.v;
    }
  }

  private operand(dot: Value, op: Operand): Value {
    if (op.k === 'lit') return op.v;
    if (op.k === 'dot') return dot;
    if (op.k === 'var' && !op.fields.length) return this.lookupVar(op.name).value;
    // Any other operand is a command of its own, without arguments.
    return this.command(dot, { args: [op] }, NONE);
  }

  private call(name: string, dot: Value, argOps: readonly Operand[], final: Final): Value {
    if (name === 'and' || name === 'or') return this.andOr(name, dot, argOps, final);
    const fn = this.o.functions.get(name);
    if (!fn) throw new EvalError(`function "${name}" is not supported`);
    const args = argOps.map((a) => arg(this.operand(dot, a)));
    if (final !== NONE) args.push(arg(final));
    return fn(args, this.o.env);
  }

  /** `and`/`or` evaluate their arguments only until one decides, and return that argument. */
  private andOr(name: 'and' | 'or', dot: Value, argOps: readonly Operand[], final: Final): Value {
    const count = argOps.length + (final === NONE ? 0 : 1);
    if (count < 1) throw new EvalError(`wrong number of args for ${name}: want at least 1 got 0`);
    let v: Value = undefined;
    for (let i = 0; i < count; i++) {
      v = i < argOps.length ? this.operand(dot, argOps[i]) : (final as Value);
      if (isTrue(v) === (name === 'or')) return v;
    }
    return v;
  }

  private chain(dot: Value, receiver: Value, names: readonly string[], argOps: readonly Operand[], final: Final): Value {
    let v = receiver;
    for (let i = 0; i < names.length; i++) {
      const last = i === names.length - 1;
      v = this.field(dot, v, names[i], last ? argOps : [], last ? final : NONE);
    }
    return v;
  }

  private field(dot: Value, receiver: Value, name: string, argOps: readonly Operand[], final: Final): Value {
    this.step();
    // A field of "no value" is "no value" again, as in Go; a field of a nil interface is an error.
    if (receiver === undefined) return undefined;
    if (receiver === null) throw new EvalError(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = argOps.length > 0 || final !== NONE;
    if (isObject(receiver)) {
      const args = argOps.map((a) => arg(this.operand(dot, a)));
      if (final !== NONE) args.push(arg(final));
      return receiver.member(name, args);
    }
    if (receiver instanceof GoMap) {
      if (hasArgs) throw new EvalError(`${name} is not a method but has arguments`);
      return receiver.lookup(name);
    }
    throw new EvalError(`can't evaluate field ${name} in type ${typeName(receiver)}`);
  }
}

function describe(op: Operand): string {
  switch (op.k) {
    case 'lit':
      return typeof op.v === 'string' ? JSON.stringify(op.v) : String(op.v);
    case 'var':
      return op.name;
    case 'dot':
      return '.';
    default:
      return op.k;
  }
}
