/**
 * How Jekyll reads front matter [verified: test/conformance/frontmatter.test.ts]: `date` of posts,
 * drafts and collection documents with Ruby's Time.parse — when Ruby raises, the build fails; a day
 * Ruby rolls over (`2020-11-31` → 2020-12-01) builds. A page's `date` is never read.
 */
import type { FrontMatterRules } from '../../site/generator';
import { jekyllDateVerdict } from './dates';

export function jekyllFrontMatter(readsDate: (file: string) => boolean): FrontMatterRules {
  return {
    dateFinding(file, key, v) {
      if (key !== 'date' || !readsDate(file)) return null;
      const verdict = jekyllDateVerdict(typeof v === 'number' ? String(v) : v);
      if (verdict.kind === 'fails') return { severity: 'error', message: `'${key}' is not a date Jekyll reads: ${verdict.reason}. The build fails ("does not have a valid date").` };
      if (verdict.kind === 'rolls') return { severity: 'info', message: `'${key}' does not exist as written: Jekyll reads it as ${verdict.as}.` };
      return null;
    },
  };
}
