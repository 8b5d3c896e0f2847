/**
 * An interpreter of Go's text/template language as hugo 0.111 executes shortcode templates
 * (through html/template), to render a shortcode call and read the ids and links it prints, and
 * archetypes (as text templates, no escaping), to write a new post as `hugo new` would.
 * Whatever it cannot evaluate exactly throws an EvalError: wrong output is worse than none.
 *
 * lex.ts/parse.ts build the tree, exec.ts runs it, htmlContext.ts/escape.ts escape what it prints,
 * textWriter.ts prints without escaping, functionsCore.ts/functionsText.ts/time.ts are Hugo's
 * functions, shortcode.ts and archetype.ts the context objects.
 */
import { Executor } from './exec';
import { FUNCTIONS, isFunction } from './functions';
import { parseTemplate, type Node } from './parse';
import { ShortcodeObject, type ShortcodeCallInput } from './shortcode';
import { EvalError } from './values';

export { EvalError } from './values';
export type { ShortcodeArg, ShortcodeCallInput } from './shortcode';
export { renderArchetypeTemplate, type ArchetypeTemplateInput, type ArchetypeRenderResult } from './archetype';

export interface GoTemplate {
  readonly nodes: readonly Node[];
}

/** Parses a template; a syntax error (or an unsupported construct) throws an EvalError naming the line. */
export function parseGoTemplate(source: string): GoTemplate {
  return { nodes: parseTemplate(source, isFunction) };
}

export interface RenderOptions {
  /** Evaluation steps before giving up (default 100,000). */
  readonly maxSteps?: number;
  /** Characters of output before giving up (default 1,000,000). */
  readonly maxOutput?: number;
}

/** The HTML the template prints for one call. Throws EvalError for anything not evaluated exactly. */
export function renderShortcode(t: GoTemplate, call: ShortcodeCallInput, options: RenderOptions = {}): string {
  try {
    const root = new ShortcodeObject(call);
    const ex = new Executor({
      functions: FUNCTIONS,
      env: { site: root.siteObject, baseURL: call.site.baseURL, renderMarkdown: call.renderMarkdown, ...(call.resolveRef ? { resolveRef: call.resolveRef } : {}), ...(call.site.titleCaseStyle ? { titleCaseStyle: call.site.titleCaseStyle } : {}) },
      maxSteps: options.maxSteps ?? 100_000,
      maxOutput: options.maxOutput ?? 1_000_000,
      escape: 'html',
    });
    return ex.run(t.nodes, root);
  } catch (e) {
    if (e instanceof EvalError) throw e;
    // A JS failure (a stack overflow on pathological input) is still "cannot evaluate".
    throw new EvalError(`template evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
