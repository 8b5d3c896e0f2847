/**
 * `frontmatter.wrong-type`: a value of another kind than the generator documents or the site uses.
 * Both generators build such pages [verified with hugo 0.111 and jekyll 4.3], so the finding is
 * info — except where Hugo throws the value away (it is warning then, and says what Hugo reads
 * instead): a list or mapping for a key Hugo reads as text or a date (`title: [a, b]` gives an empty
 * title), text that is no number for `weight` (0), text that is no boolean for `draft` (false).
 */
import type { Severity } from '../diagnostics';
import type { Site } from '../service';
import type { TextRange } from '../text';
import type { LocatedValue } from './context';
import { knownKey } from './keys';
import type { FrontMatterFormat } from './parse';
import { quoteValue } from './quoting';
import { FRONTMATTER_SEVERITY } from './severity';
import type { frontMatterStats } from './siteStats';
import { taxonomyFieldOf } from './taxonomy';

type Push = (range: TextRange, severity: Severity, code: 'frontmatter.wrong-type', message: string, extra?: Record<string, unknown>) => void;

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value && typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return String(value);
}

export function typeCheck(site: Site, stats: ReturnType<typeof frontMatterStats>, v: LocatedValue, value: unknown, format: FrontMatterFormat, push: Push, range: TextRange): void {
  if (value === null || value === undefined) return;
  const key = v.key.key;
  const generator = site.model.summary.generator;
  const known = knownKey(generator, key);
  const isList = Array.isArray(value);
  const isMap = !isList && typeof value === 'object';
  const field = taxonomyFieldOf(site, key, stats);
  const expected = field && !(known && known.type === 'string') ? 'list' : known?.type;
  const report = (message: string, extra?: Record<string, unknown>) => {
    const lost = known && expected === known.type ? site.model.frontMatterRules?.readsInstead?.(known.type, value) : undefined;
    push(range, lost ? 'warning' : FRONTMATTER_SEVERITY['frontmatter.wrong-type'], 'frontmatter.wrong-type', lost ? `${message.slice(0, -1)}: ${lost}.` : message, extra);
  };
  if (expected === 'bool' && typeof value !== 'boolean') return report(`'${key}' should be true or false, not ${describe(value)}.`);
  if (expected === 'number' && typeof value !== 'number') return report(`'${key}' should be a number, not ${describe(value)}.`);
  if ((expected === 'string' || expected === 'date') && (isList || isMap)) {
    // Where the generator keeps the value and the site writes this shape often (its templates loop
    // over `page.author`, read `page.image.feature`), it is the site's own convention, not a slip.
    const use = stats.key(key);
    const lost = known && expected === known.type ? site.model.frontMatterRules?.readsInstead?.(known.type, value) : undefined;
    const same = use ? (isList ? use.kinds.list : use.kinds.map) : 0;
    if (!lost && use && same >= 3 && same >= 0.2 * (use.kinds.list + use.kinds.map + use.kinds.scalar)) return;
    return report(`'${key}' should be a single value, not ${describe(value)}.`);
  }
  if (expected === 'list' && isMap) return report(`'${key}' should be a list, not ${describe(value)}.`);
  // The site's habit: a key almost every post writes as a list, written here as a single value.
  const use = stats.key(key);
  if (typeof value === 'string' && v.value.kind === 'scalar' && use && (expected === 'list' || expected === undefined)) {
    const lists = use.kinds.list;
    if (lists >= 3 && lists >= 0.8 * (lists + use.kinds.scalar)) {
      const item = v.value.items[0];
      const text = item.quote || format !== 'yaml' ? quoteValue(value, item.quote || '"', format) : item.value;
      report(`'${key}' is a single value here, but ${lists} of the site's posts write it as a list.`, { replacement: `[${text}]`, title: `Make '${key}' a list` });
    }
  }
}
