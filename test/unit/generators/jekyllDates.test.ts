/**
 * Jekyll's reading of a document's `date` (Ruby's Time.parse): the outcomes here are what jekyll
 * 4.3.1 and Ruby 3.1 did with each text (test/fixtures/frontmatter/jekyll-*, and Time.parse itself).
 */
import { jekyllFrontMatter } from '../../../src/core/generators/jekyll/frontMatterRules';
import * as assert from 'node:assert/strict';
import { jekyllDateVerdict } from '../../../src/core/generators/jekyll/dates';
import { dateFinding } from '../../../src/core/frontmatter/dateCheck';

describe('Jekyll document dates', () => {
  it('fails where Ruby raises, rolls over where Ruby normalises, and leaves alone what it cannot judge', () => {
    const cases: [string, string][] = [
      ['2020-11-31', 'rolls 2020-12-01'],
      ['2020-02-30', 'rolls 2020-03-01'],
      ['2020-11-20 24:00:00', 'rolls 2020-11-21 00:00:00'],
      ['2020-11-20 23:59:60', 'rolls 2020-11-21 00:00:00'],
      ['2020-11-32', 'fails'],
      ['2020-13-01', 'fails'],
      ['2020-00-01', 'fails'],
      ['2020-01-00', 'fails'],
      ['2020-11-20 24:25:00', 'fails'],
      ['2020-11-20 23:60:00', 'fails'],
      ['2020-11-20 23:59:61', 'fails'],
      ['2019-04-09T08:09:26+24:00', 'fails'],
      ['soon', 'fails'],
      ['2019-04-09T8:09:26-07:00', 'ok'],
      ['2019-4-9', 'ok'],
      ['2019-04-09 8:9:26', 'ok'],
      ['2019-04-09 08:09:26 CEST', 'ok'],
      ['2019-04-09T08:09:26+14:60', 'ok'],
      ['April 2019', 'unknown'],
      ['09.04.2019', 'unknown'],
    ];
    for (const [text, want] of cases) {
      const v = jekyllDateVerdict(text);
      assert.equal(v.kind === 'rolls' ? `rolls ${v.as}` : v.kind, want, text);
    }
  });

  it('judges only the date of documents: a page never has its date read', () => {
    const rules = jekyllFrontMatter((file) => file.startsWith('_posts/'));
    const post = { generator: 'jekyll' as const, file: '_posts/2020-11-20-a.md', rules };
    const page = { generator: 'jekyll' as const, file: 'about.md', rules };
    assert.equal(dateFinding(post, 'date', '2020-11-20 24:25:00', '2020-11-20 24:25:00')?.severity, 'error');
    assert.equal(dateFinding(post, 'date', '2020-11-31', '2020-11-31')?.severity, 'info');
    assert.equal(dateFinding(page, 'date', '2020-11-20 24:25:00', '2020-11-20 24:25:00'), undefined);
    assert.equal(dateFinding(post, 'last_modified_at', 'soon', 'soon'), undefined, 'not read by Jekyll itself');
  });
});
