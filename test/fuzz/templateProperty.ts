/**
 * The Go template interpreter (src/core/generators/hugo/template) on hostile templates and calls:
 * it reads any site's shortcodes, so whatever it is given it must answer with output or an
 * EvalError — never another exception, never a hang (its step and output budgets), never output
 * beyond its cap.
 */
import fc from 'fast-check';
import { EvalError, parseGoTemplate, renderShortcode } from '../../src/core/generators/hugo/template';
import { noise } from './arbitraries';

/** Operands, functions and pipelines, mostly well formed, sometimes not (a stray parenthesis or pipe). */
const OPERANDS = ['.', '$', '.Get 0', '.Get "a"', '.Inner', '.Page.Params', '.Page.Params.a', '.Page.Params.tables', '.Site.Params', '.Page.Title', '.Params', '.Name', '.IsNamedParams', '"a"', '"<b>&"', '"javascript:x"', '`r`', "'c'", '0', '1', '-1', '1.5', '1e9', '0x1F', 'true', 'nil', '$x', '$.Page.Params.a'];
const FUNCTIONS = ['printf "%s%d%v%q"', 'index', 'dict "a"', 'slice', 'seq', 'add', 'sub', 'div', 'mod', 'mul', 'split', 'replaceRE "(a*)*b" "x"', 'len', 'default', 'eq', 'ne', 'lt', 'and', 'or', 'not', 'partial "p"', 'safeHTML', 'safeURL', 'markdownify', 'urlize', 'anchorize', 'relURL', 'absURL', 'first', 'last', 'after', 'slicestr', 'substr', 'cond', 'in', 'isset', 'upper', 'title', 'trim', 'jsonify', 'reflect.IsMap', 'reflect.IsSlice', 'delimit', 'unknownFn', '$.Scratch.Set "k"', '$.Scratch.Add "k"', '$.Scratch.Get', '.Page.RenderString'];
const { pipeline } = fc.letrec<{ pipeline: string; operand: string; command: string }>((tie) => ({
  operand: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...OPERANDS) }, { weight: 1, arbitrary: tie('pipeline').map((p) => `(${p})`) }, { weight: 1, arbitrary: fc.constantFrom('(', ')', '|', ',', ':=', '.Get') }),
  command: fc.oneof(tie('operand'), fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('operand'), { maxLength: 3 })).map(([f, a]) => [f, ...a].join(' '))),
  pipeline: fc.array(tie('command'), { minLength: 1, maxLength: 3 }).map((c) => c.join(' | ')),
}));
const expr = pipeline;
const TEXT = ['<a href="', '<img src=\'', '">', '\'>', '<script>', '</script>', '<!--', '-->', ' id="', '" ', 'style="', '<p>', 'text', '\n'];
const STRAY = ['{{', '}}', '{{/*', '*/}}', '{{ end }}', '{{ else }}', '{{ break }}'];
const action = fc.tuple(fc.constantFrom('{{ ', '{{- ', '{{'), fc.oneof(expr, expr.map((e) => `$x := ${e}`), expr.map((e) => `$x = ${e}`)), fc.constantFrom(' }}', ' -}}', '}}')).map((p) => p.join(''));
const { template } = fc.letrec<{ template: string; block: string }>((tie) => ({
  template: fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TEXT) }, { weight: 1, arbitrary: fc.constantFrom(...STRAY) }, { weight: 1, arbitrary: noise }, { weight: 6, arbitrary: action }, { weight: 2, arbitrary: tie('block') }), { maxLength: 10 })
    .map((p) => p.join('')),
  block: fc
    .tuple(fc.constantFrom('if', 'with', 'range', 'range $i, $v :=', 'if', 'with', 'range', 'define "x"'), expr, tie('template'), fc.option(tie('template'), { nil: undefined }), fc.constantFrom('{{ end }}', '{{end}}', '{{- end -}}', '{{ end }}', ''))
    .map(([kw, e, body, other, end]) => `{{ ${kw} ${e} }}${body}${other !== undefined ? `{{ else }}${other}` : ''}${end}`),
}));

/** Templates that declare `$x` first (most use it), as real ones declare their variables. */
const declared = template.map((t) => `{{ $x := .Get 0 }}${t}`);

const argument = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constantFrom('javascript:x', '<b>', '"\'&', ''));

export function templateProblems(source: string, positional: readonly (string | number | boolean)[], front: Record<string, unknown>): string[] {
  const call = { name: 'x', positional, inner: 'in', page: { params: front, title: 'T', relPermalink: '/p/', permalink: 'https://x.org/p/' }, site: { params: { a: 1 }, baseURL: 'https://x.org/' }, renderMarkdown: (m: string) => m };
  try {
    const out = renderShortcode(parseGoTemplate(source), call, { maxSteps: 20_000, maxOutput: 50_000 });
    if (typeof out !== 'string') return ['output is not a string'];
    if (out.length > 50_000) return [`output of ${out.length} characters beyond the cap`];
    return [];
  } catch (e) {
    return e instanceof EvalError ? [] : [`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`];
  }
}

export const TEMPLATE_PROPERTY = {
  name: 'Go templates: any template and call renders or is refused (EvalError), within its budgets',
  unitRuns: 300,
  check: (n: number, seed?: number) =>
    fc.assert(
      fc.property(declared, fc.array(argument, { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'B', 'tables', 'x'), fc.jsonValue({ maxDepth: 2 })), (t, args, front) => {
        const problems = templateProblems(t, args, front as Record<string, unknown>);
        if (problems.length) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify([t, args, front])}`);
        return true;
      }),
      { numRuns: n, ...(seed === undefined ? {} : { seed }), endOnFailure: false },
    ),
};
