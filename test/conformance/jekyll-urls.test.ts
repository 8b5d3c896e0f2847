/**
 * Our Jekyll site model against the real `jekyll` (Debian's 4.3.1): every fixture is built in a temp
 * folder, and the URL of every page, post, collection document and static file (as Jekyll reports
 * them) and every file Jekyll wrote must be exactly what our URL table says is published — both ways.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWithJekyll, compareWithJekyll, destinationOf, requireJekyll } from './helpers/jekyll';
import { indexSite } from './helpers/hugo';

const repo = path.resolve(__dirname, '../..');
const fixtures = fs
  .readdirSync(path.join(repo, 'test/fixtures'))
  .filter((n) => n.startsWith('jekyll-'))
  .sort()
  .map((n) => path.join('test/fixtures', n));
// The GitHub Pages fixtures of the verdict suite: their URL tables too (pages made by plugins).
const pluginSites = ['jekyll-github-pages', 'jekyll-relative-links-options', 'jekyll-vanilla-md-links'].map((n) => path.join('test/fixtures/verdicts', n));
const sites = [...fixtures, ...pluginSites, 'examples/jekyll-blog'];

describe('Jekyll conformance: our URL table equals what jekyll publishes', function () {
  this.timeout(120_000);
  before(function () {
    requireJekyll(this);
  });

  it('has fixtures to compare', () => {
    assert.ok(fixtures.length >= 6, `expected the jekyll-* fixtures, found ${fixtures.length}`);
  });

  for (const rel of sites) {
    it(`${rel}: every page, post, document and static file`, async () => {
      const build = buildWithJekyll(path.join(repo, rel));
      try {
        assert.equal(build.status, 0, `jekyll failed:\n${build.log}`);
        assert.ok(build.list.length > 0, 'the build listed no files');
        const site = await indexSite(build.siteDir);
        assert.deepEqual(compareWithJekyll(site, build), []);
      } finally {
        build.cleanup();
      }
    });
  }

  it('leaves no build output in the repository', () => {
    for (const rel of sites) for (const junk of ['_site', '.jekyll-cache', '_plugins/zz-postcraft-list.rb']) assert.ok(!fs.existsSync(path.join(repo, rel, junk)), `${rel}/${junk} was left behind`);
  });
});

describe('Jekyll output paths (Page#destination)', () => {
  it('index.html below a slash, the output extension appended once', () => {
    assert.equal(destinationOf('/a/'), '/a/index.html');
    assert.equal(destinationOf('/a'), '/a.html');
    assert.equal(destinationOf('/a.html'), '/a.html');
    assert.equal(destinationOf('/a.htm'), '/a.htm.html');
  });
});
