/**
 * How Hugo reads front matter [verified: test/conformance/frontmatter.test.ts]: `date`, `lastmod`,
 * `publishDate`, `expiryDate` (and their aliases) with Go's layouts, a value it cannot read dropped
 * (the page gets no date, the build goes on); other keys are plain parameters. A known key's value of
 * the wrong type is converted where cast can, thrown away (read as empty, 0, false) where it cannot.
 */
import type { FrontMatterRules } from '../../site/generator';
import { dateProblem } from '../../frontmatter/dates';
import { HUGO_DATE_KEYS, hugoDateProblem } from './dates';

// strconv.ParseBool, which cast uses for text.
const GO_BOOL_TEXT = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

export const HUGO_FRONT_MATTER: FrontMatterRules = {
  dateFinding(_file, key, v) {
    if (!HUGO_DATE_KEYS.has(key.toLowerCase())) return null;
    const problem = hugoDateProblem(v);
    if (!problem) return null;
    const why = typeof v === 'string' ? dateProblem(v) : undefined;
    const reason = why && !why.startsWith('it is not in a date format') ? why : problem;
    return { severity: 'error', message: `'${key}' is not a date Hugo reads: ${reason}. Hugo drops it, and the page gets no date.` };
  },
  readsInstead(type, value) {
    const compound = value !== null && typeof value === 'object';
    if (type === 'string' && compound) return 'Hugo reads it as empty text';
    if (type === 'date' && compound) return 'Hugo drops it, and the page gets no date';
    if (type === 'number' && (compound || (typeof value === 'string' && !/^[-+]?\d+(?:\.0*)?$/.test(value.trim())))) return 'Hugo reads it as 0';
    if (type === 'bool' && (compound || (typeof value === 'string' && !GO_BOOL_TEXT.has(value)))) return 'Hugo reads it as false';
    return undefined;
  },
};
