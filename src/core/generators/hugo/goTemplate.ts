/**
 * The part of Go's text/template that Hugo archetypes use in practice: actions with pipes,
 * `{{- -}}` trimming, comments, dotted fields (`.Name`, `.Site.Title`, `.File.ContentBaseName`),
 * string/number literals, parentheses, and a handful of Hugo functions (`replace`, `title`, `upper`,
 * `lower`, `urlize`, `humanize`, `printf`, `default`, `trim`, `now`, `.Format`, `time.Format`).
 *
 * Anything else (if/range/with, variables, unknown functions or fields) is left in the output
 * exactly as written, with a warning: a visible `{{ … }}` the author can fix beats a value that
 * silently vanished.
 *
 * This file finds the actions and renders the text; goTemplateLex.ts, goTemplateParser.ts,
 * goTemplateValues.ts and goTemplateFunctions.ts evaluate an action.
 */
import { EvalError, str, type TemplateContext } from './goTemplateValues';
import { lex } from './goTemplateLex';
import { Parser } from './goTemplateParser';

export type { TemplateContext, TemplateValue, TimeValue, TitleCaseStyle } from './goTemplateValues';
export { titleCase } from './goTemplateFunctions';

export interface RenderResult {
  readonly text: string;
  readonly warnings: readonly string[];
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
