/**
 * Our Hugo site model against the real `hugo`: every fixture is built in a temp folder, and the URL of
 * every page (`hugo list all`) and every file in public/ (pages, alias pages, resources, static files,
 * feeds) must be exactly what our URL table says is published — in both directions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWithHugo, compareWithHugo, indexSite, parseCsv, requireHugo } from './helpers/hugo';

const repo = path.resolve(__dirname, '../..');
const fixtures = fs
  .readdirSync(path.join(repo, 'test/fixtures'))
  .filter((n) => n.startsWith('hugo-'))
  .map((n) => path.join('test/fixtures', n));
const sites = [...fixtures.sort(), 'examples/blog'];

describe('Hugo conformance: our URL table equals what hugo publishes', function () {
  before(function () {
    requireHugo(this);
  });

  it('has fixtures to compare', () => {
    assert.ok(fixtures.length >= 8, `expected the hugo-* fixtures, found ${fixtures.length}`);
  });

  for (const rel of sites) {
    it(`${rel}: every page, alias, resource and feed`, async () => {
      const build = buildWithHugo(path.join(repo, rel));
      try {
        assert.ok(build.list.length > 0, 'hugo list all returned no pages');
        const site = await indexSite(build.siteDir);
        assert.deepEqual(compareWithHugo(site, build), []);
      } finally {
        build.cleanup();
      }
    });
  }

  it('leaves no build output in the repository', () => {
    for (const rel of sites) {
      for (const junk of ['public', 'resources', '.hugo_build.lock']) assert.ok(!fs.existsSync(path.join(repo, rel, junk)), `${rel}/${junk} was left behind`);
    }
  });
});

describe('hugo list CSV parsing', () => {
  it('keeps commas, quotes and newlines inside quoted fields', () => {
    assert.deepEqual(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n'), [
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });
});
