/**
 * The parse tree of a template, built from lex.ts's items with Go 1.20's rules: `else if` nests an
 * `if` in the else branch, `else with` does not exist yet, `break`/`continue` only inside `range`,
 * a variable must be declared before use (scopes end at `end`), `define`/`template`/`block` are
 * refused (nothing here resolves other templates).
 */
import { lexTemplate, syntaxError, type Item, type Token } from './lex';
import { EvalError, type Value } from './values';

export type Operand =
  | { readonly k: 'lit'; readonly v: Value }
  | { readonly k: 'dot' }
  | { readonly k: 'field'; readonly names: readonly string[] }
  | { readonly k: 'var'; readonly name: string; readonly fields: readonly string[] }
  | { readonly k: 'fn'; readonly name: string; readonly fields: readonly string[] }
  | { readonly k: 'pipe'; readonly pipe: Pipe; readonly fields: readonly string[] };

export interface Command {
  readonly args: readonly Operand[];
}

export interface Pipe {
  readonly decl: readonly string[];
  readonly assign: boolean;
  readonly cmds: readonly Command[];
  readonly line: number;
}

export type Node =
  | { readonly k: 'text'; readonly s: string }
  | { readonly k: 'action'; readonly pipe: Pipe }
  | { readonly k: 'if' | 'with' | 'range'; readonly pipe: Pipe; readonly list: readonly Node[]; readonly elseList?: readonly Node[] }
  | { readonly k: 'break' | 'continue' };

/** Names of functions written with a namespace (`strings.HasPrefix`); checked by the parser's caller. */
export type FunctionCheck = (name: string) => boolean;

const MAX_NESTING = 100;

class Parser {
  private pos = 0;
  private ranges = 0;
  private depth = 0;

  /** `vars`: the variables in scope where the items start (`$`, and any a previous part declared). */
  constructor(
    private readonly items: readonly Item[],
    private readonly isFunction: FunctionCheck,
    readonly vars: string[] = ['$'],
  ) {}

  /** A list of nodes up to `end`/`else` (returned as the terminator) or the end of input. */
  list(): { nodes: Node[]; stop?: { word: 'end' | 'else'; rest: readonly Token[]; line: number } } {
    const nodes: Node[] = [];
    while (this.pos < this.items.length) {
      const item = this.items[this.pos++];
      if (item.k === 'text') {
        nodes.push({ k: 'text', s: item.s });
        continue;
      }
      const [first, ...rest] = item.tokens;
      const word = first?.t === 'keyword' ? first.name : undefined;
      if (word === 'end' || word === 'else') return { nodes, stop: { word, rest, line: item.line } };
      nodes.push(this.action(item.tokens, item.line, word));
    }
    return { nodes };
  }

  private action(tokens: readonly Token[], line: number, word: string | undefined): Node {
    switch (word) {
      case undefined:
        return { k: 'action', pipe: new TokenParser(tokens, line, this).pipeline('command', false) };
      case 'if':
      case 'with':
      case 'range':
        return this.control(word, tokens.slice(1), line);
      case 'break':
      case 'continue':
        if (this.ranges === 0) throw syntaxError(line, `{{${word}}} outside {{range}}`);
        if (tokens.length > 1) throw syntaxError(line, `unexpected ${word} arguments`);
        return { k: word };
      default:
        throw new EvalError(`template: line ${line}: {{${word}}} is not supported (no other templates are known here)`);
    }
  }

  private control(word: 'if' | 'with' | 'range', tokens: readonly Token[], line: number): Node {
    if (++this.depth > MAX_NESTING) throw syntaxError(line, 'blocks nested too deeply');
    const mark = this.vars.length;
    const pipe = new TokenParser(tokens, line, this).pipeline(word, word === 'range');
    if (word === 'range') this.ranges++;
    const body = this.list();
    if (word === 'range') this.ranges--;
    if (!body.stop) throw syntaxError(line, `unexpected EOF: {{${word}}} is never closed`);
    let elseList: Node[] | undefined;
    if (body.stop.word === 'else') {
      const rest = body.stop.rest;
      const elseIf = rest[0]?.t === 'keyword' && rest[0].name === 'if';
      if (elseIf && word === 'if') {
        // `{{if}}…{{else if x}}…{{end}}`: the else branch is an if that shares this block's `end`.
        elseList = [this.control('if', rest.slice(1), body.stop.line)];
      } else {
        // Go 1.20 has no `else with`; after `with`/`range`, `else if` opens an if needing its own end.
        if (rest.length && !elseIf) throw syntaxError(body.stop.line, `unexpected ${describe(rest[0])} in else`);
        const nested = elseIf ? [this.control('if', rest.slice(1), body.stop.line)] : [];
        const tail = this.list();
        if (!tail.stop || tail.stop.word !== 'end') throw syntaxError(body.stop.line, `expected end; found ${tail.stop ? 'else' : 'EOF'}`);
        if (tail.stop.rest.length) throw syntaxError(tail.stop.line, 'unexpected tokens after end');
        elseList = [...nested, ...tail.nodes];
      }
    } else if (body.stop.rest.length) throw syntaxError(body.stop.line, 'unexpected tokens after end');
    this.vars.length = mark;
    this.depth--;
    return { k: word, pipe, list: body.nodes, elseList };
  }

  declare(name: string): void {
    this.vars.push(name);
  }

  checkVar(name: string, line: number): void {
    if (!this.vars.includes(name)) throw syntaxError(line, `undefined variable "${name}"`);
  }

  functionExists(name: string): boolean {
    return this.isFunction(name);
  }
}

/** Hugo's function namespaces (`strings.Title`, `resources.Get`): `ns.Name` is a function, not a field. */
const HUGO_NAMESPACES: ReadonlySet<string> = new Set(['cast', 'collections', 'compare', 'crypto', 'data', 'debug', 'diagrams', 'encoding', 'fmt', 'hugo', 'images', 'inflect', 'js', 'lang', 'math', 'openapi3', 'os', 'partials', 'path', 'reflect', 'resources', 'safe', 'strings', 'templates', 'time', 'transform', 'urls']);

function describe(t: Token): string {
  return 'name' in t ? `<${t.name}>` : t.t === 'lit' ? 'literal' : `'${t.t}'`;
}

class TokenParser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly line: number,
    private readonly scope: Parser,
  ) {}

  private err(message: string): EvalError {
    return syntaxError(this.line, message);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  pipeline(context: string, isRange: boolean, inParens = false): Pipe {
    let decl: string[] = [];
    let assign = false;
    const t0 = this.peek();
    const t1 = this.tokens[this.i + 1];
    if (t0?.t === 'var' && (t1?.t === 'declare' || t1?.t === 'assign')) {
      decl = [t0.name];
      assign = t1.t === 'assign';
      this.i += 2;
    } else if (isRange && t0?.t === 'var' && t1?.t === 'comma') {
      const t2 = this.tokens[this.i + 2];
      const t3 = this.tokens[this.i + 3];
      if (t2?.t !== 'var' || t3?.t !== 'declare') throw this.err('range can only initialize variables');
      decl = [t0.name, t2.name];
      this.i += 4;
    }
    if (assign) decl.forEach((d) => this.scope.checkVar(d, this.line));
    const cmds: Command[] = [];
    for (;;) {
      cmds.push(this.command());
      const t = this.peek();
      if (t?.t === 'pipe') {
        this.i++;
        continue;
      }
      if (t === undefined && !inParens) break;
      if (t?.t === 'rparen' && inParens) break;
      throw this.err(`unexpected ${t ? describe(t) : 'end'} in ${context}`);
    }
    if (!assign) decl.forEach((d) => this.scope.declare(d));
    if (!inParens && this.i !== this.tokens.length) throw this.err(`unexpected tokens in ${context}`);
    return { decl, assign, cmds, line: this.line };
  }

  private command(): Command {
    const args: Operand[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.t === 'pipe' || t.t === 'rparen') break;
      if (args.length && !t.space && t.t !== 'lparen') throw this.err(`missing space before ${describe(t)}`);
      args.push(this.operand());
    }
    if (!args.length) throw this.err('missing value for command');
    const a0 = args[0];
    if (a0.k === 'lit' && a0.v === null && args.length === 1) throw this.err('nil is not a command');
    return { args };
  }

  /** `.Field` tokens written right after a term (`$x.a`, `(…).B`). */
  private fields(): string[] {
    const names: string[] = [];
    for (let t = this.peek(); t?.t === 'field' && !t.space; t = this.peek()) {
      names.push(t.name);
      this.i++;
    }
    return names;
  }

  private operand(): Operand {
    const t = this.tokens[this.i++];
    switch (t.t) {
      case 'lit': {
        const next = this.peek();
        if (next?.t === 'field' && !next.space) throw this.err('unexpected . after term');
        return { k: 'lit', v: t.v };
      }
      case 'dot':
        return { k: 'dot' };
      case 'field':
        return { k: 'field', names: [t.name, ...this.fields()] };
      case 'var':
        this.scope.checkVar(t.name, this.line);
        return { k: 'var', name: t.name, fields: this.fields() };
      case 'ident': {
        const fields = this.fields();
        if (fields.length && (this.scope.functionExists(`${t.name}.${fields[0]}`) || HUGO_NAMESPACES.has(t.name))) return { k: 'fn', name: `${t.name}.${fields[0]}`, fields: fields.slice(1) };
        // Hugo defines many more functions than we evaluate: one we do not know is refused when it is
        // called, so a template that only calls it in a branch not taken still renders.
        return { k: 'fn', name: t.name, fields };
      }
      case 'lparen': {
        if (++this.depth > MAX_NESTING) throw this.err('parentheses nested too deeply');
        const pipe = this.pipeline('parenthesized pipeline', false, true);
        this.i++;
        this.depth--;
        return { k: 'pipe', pipe, fields: this.fields() };
      }
      default:
        throw this.err(`unexpected ${describe(t)} in operand`);
    }
  }
}

export function parseTemplate(source: string, isFunction: FunctionCheck): readonly Node[] {
  return parseItems(lexTemplate(source), isFunction, ['$']).nodes;
}

/**
 * Parses one part of a template that is run part by part: `vars` are the variables in scope where
 * it starts; `vars` in the result adds those it declares at its top level.
 */
export function parseItems(items: readonly Item[], isFunction: FunctionCheck, vars: readonly string[]): { nodes: readonly Node[]; vars: readonly string[] } {
  const p = new Parser(items, isFunction, [...vars]);
  const r = p.list();
  if (r.stop) throw syntaxError(r.stop.line, `unexpected {{${r.stop.word}}}`);
  return { nodes: r.nodes, vars: p.vars };
}
