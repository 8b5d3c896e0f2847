/** Evaluating a lexed action: pipelines, commands, arguments and parenthesised values. */
import { applyChain, EvalError, type TemplateContext, type TemplateValue } from './goTemplateValues';
import { FUNCTIONS } from './goTemplateFunctions';
import type { Token } from './goTemplateLex';

export class Parser {
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
