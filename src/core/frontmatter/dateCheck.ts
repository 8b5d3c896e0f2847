/**
 * Is a front-matter date one the generator reads? Each generator answers differently, and only its
 * answer matters [verified: test/conformance/frontmatter.test.ts]:
 * - Hugo reads `date`, `lastmod`, `publishDate`, `expiryDate` (and aliases) with Go's layouts; a
 *   value it cannot read is dropped (the page gets no date), the build goes on: error. Other keys are
 *   plain parameters to Hugo: no finding.
 * - Jekyll reads `date` of posts, drafts and collection documents with Ruby's Time.parse; when Ruby
 *   raises, the build fails: error. A day Ruby rolls over (`2020-11-31` → 2020-12-01) builds: info.
 *   A page's `date` is never read: no finding.
 * - The others keep the generic reading of dates.ts.
 */
import type { Severity } from '../diagnostics';
import type { GeneratorId } from '../site/model';
import { HUGO_DATE_KEYS, hugoDateProblem } from '../generators/hugo/dates';
import { jekyllDateVerdict } from '../generators/jekyll/dates';
import { dateProblem } from './dates';
import { isDateKey } from './keys';

export interface DateFinding {
  readonly severity: Severity;
  readonly message: string;
}

export interface DateContext {
  readonly generator: GeneratorId;
  /** Jekyll: whether the file is a document whose `date` Jekyll reads (not a page). */
  readonly readsDate: boolean;
}

/**
 * The finding for `key`'s value, or undefined. `value` is what the parser read (undefined when the
 * front matter has syntax errors), `written` the value's text.
 */
export function dateFinding(ctx: DateContext, key: string, value: unknown, written: string): DateFinding | undefined {
  const v = value === undefined ? written : value;
  if (ctx.generator === 'hugo') {
    if (!HUGO_DATE_KEYS.has(key.toLowerCase())) return undefined;
    const problem = hugoDateProblem(v);
    if (!problem) return undefined;
    const why = typeof v === 'string' ? dateProblem(v) : undefined;
    const reason = why && !why.startsWith('it is not in a date format') ? why : problem;
    return { severity: 'error', message: `'${key}' is not a date Hugo reads: ${reason}. Hugo drops it, and the page gets no date.` };
  }
  if (ctx.generator === 'jekyll') {
    if (key !== 'date' || !ctx.readsDate) return undefined;
    const verdict = jekyllDateVerdict(typeof v === 'number' ? String(v) : v);
    if (verdict.kind === 'fails') return { severity: 'error', message: `'${key}' is not a date Jekyll reads: ${verdict.reason}. The build fails ("does not have a valid date").` };
    if (verdict.kind === 'rolls') return { severity: 'info', message: `'${key}' does not exist as written: Jekyll reads it as ${verdict.as}.` };
    return undefined;
  }
  if (!isDateKey(ctx.generator, key) || typeof v !== 'string') return undefined;
  const problem = dateProblem(v);
  return problem ? { severity: 'error', message: `'${key}' is not a valid date: ${problem}.` } : undefined;
}
