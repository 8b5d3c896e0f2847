/**
 * Is a front-matter date one the generator reads? Each generator answers differently, and only its
 * answer matters: a generator with its own reading says so in its front-matter rules
 * (src/core/generators/<name>/frontMatterRules.ts); the others keep the generic reading of dates.ts.
 */
import type { Severity } from '../diagnostics';
import type { GeneratorId } from '../site/model';
import type { FrontMatterRules } from '../site/generator';
import { dateProblem } from './dates';
import { isDateKey } from './keys';

export interface DateFinding {
  readonly severity: Severity;
  readonly message: string;
}

export interface DateContext {
  readonly generator: GeneratorId;
  readonly file: string;
  readonly rules?: FrontMatterRules;
}

/**
 * The finding for `key`'s value, or undefined. `value` is what the parser read (undefined when the
 * front matter has syntax errors), `written` the value's text.
 */
export function dateFinding(ctx: DateContext, key: string, value: unknown, written: string): DateFinding | undefined {
  const v = value === undefined ? written : value;
  const own = ctx.rules?.dateFinding?.(ctx.file, key, v);
  if (own !== undefined) return own ?? undefined;
  if (!isDateKey(ctx.generator, key) || typeof v !== 'string') return undefined;
  const problem = dateProblem(v);
  return problem ? { severity: 'error', message: `'${key}' is not a valid date: ${problem}.` } : undefined;
}
