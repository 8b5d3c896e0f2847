/**
 * Known differences (knownDifferences.ts): each fixture case is built with the real `hugo` and must
 * still differ exactly as documented; each limitation is listed as a skipped case with its reason;
 * the README's section is the list.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWithHugo, compareWithHugo, indexSite, requireHugo } from './helpers/hugo';
import { KNOWN_DIFFERENCES, knownDifferencesMarkdown } from './knownDifferences';
import { readBlock } from '../../bench/readme';

const repo = path.resolve(__dirname, '../..');

describe('known differences from the generators', function () {
  this.timeout(120_000);

  for (const d of KNOWN_DIFFERENCES) {
    if (!d.fixture) {
      it(`${d.id}: documented limitation, skipped — ${d.limitation}`);
      continue;
    }
    it(`${d.id}: the real ${d.generator.toLowerCase()} still differs from us exactly as documented`, async function () {
      requireHugo(this);
      const build = buildWithHugo(path.join(repo, 'test/fixtures/known-differences', d.fixture!));
      try {
        const site = await indexSite(build.siteDir);
        const found = compareWithHugo(site, build);
        assert.deepEqual(found, d.expected, found.length === 0 ? `${d.id}: we now agree with hugo; remove it from test/conformance/knownDifferences.ts (and so from the README)` : `${d.id}: the difference changed`);
      } finally {
        build.cleanup();
      }
    });
  }

  it('the README lists exactly these', () => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    assert.equal(readBlock(readme, 'known-differences'), knownDifferencesMarkdown());
  });
});
