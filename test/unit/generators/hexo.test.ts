import * as assert from 'node:assert/strict';
import { memorySite, exampleSite } from './helpers';

const md = (fm: string) => `---\n${fm}\n---\nBody.\n`;

describe('Hexo model', () => {
  it('builds post URLs from permalink, new_post_name and the date', async () => {
    const s = await memorySite({
      '_config.yml': 'new_post_name: :year-:month-:day-:title.md\nroot: /blog/\n',
      'source/_posts/2023-05-04-cache-warming.md': md('title: C\ndate: 2023-05-04 09:15:00'),
      'source/_posts/2023-05-05-no-date.md': md('title: N'),
      'source/_posts/free-name.md': md('date: 2024-01-08 08:00:00'),
      'source/_posts/series/part-1.md': md('date: 2024-02-01'),
      'source/_posts/own.md': md('date: 2024-02-01\npermalink: /custom/own/'),
    });
    assert.equal(s.url('source/_posts/2023-05-04-cache-warming.md'), '/blog/2023/05/04/cache-warming/');
    assert.equal(s.url('source/_posts/2023-05-05-no-date.md'), '/blog/2023/05/05/no-date/');
    assert.equal(s.url('source/_posts/free-name.md'), '/blog/2024/01/08/free-name/');
    assert.equal(s.url('source/_posts/series/part-1.md'), '/blog/2024/02/01/series-part-1/');
    assert.equal(s.url('source/_posts/own.md'), '/blog/custom/own/');
  });

  it('supports :category, :post_title and .html permalinks, and pages', async () => {
    const s = await memorySite({
      '_config.yml': 'permalink: :category/:post_title.html\n',
      'source/_posts/a.md': md('title: Hello World\ndate: 2020-01-01\ncategories: [Dev, Tools]'),
      'source/_posts/b.md': md('title: Second\ndate: 2020-01-02'),
      'source/about/index.md': md('title: About'),
      'source/contact.md': md('title: Contact'),
      'source/_hidden.md': md('title: H'),
      'source/images/x.png': 'png',
    });
    assert.equal(s.url('source/_posts/a.md'), '/Dev/Tools/hello-world.html');
    assert.equal(s.url('source/_posts/b.md'), '/uncategorized/second.html');
    assert.equal(s.url('source/about/index.md'), '/about/');
    assert.equal(s.url('source/contact.md'), '/contact.html');
    assert.equal(s.page('source/_hidden.md'), undefined);
    assert.equal(s.site.index.lookupUrl('/images/x.png')[0]?.type, 'file');
  });

  it('uses default_category as written, front-matter tokens, and page permalinks like processor/asset', async () => {
    const s = await memorySite({
      '_config.yml': 'permalink: :lang/:category/:title/\ndefault_category: Misc Notes\npermalink_defaults:\n  lang: en\n',
      'source/_posts/a.md': md('date: 2020-01-01'),
      'source/_posts/b.md': md('date: 2020-01-01\nlang: fr\ncategories: Café Talk'),
      'source/team.md': md('permalink: /people/team'),
      'source/join.md': md('permalink: /jobs/'),
    });
    assert.equal(s.url('source/_posts/a.md'), '/en/Misc Notes/a/');
    assert.equal(s.url('source/_posts/b.md'), '/fr/Cafe-Talk/b/');
    assert.equal(s.url('source/team.md'), '/people/team.html');
    assert.equal(s.url('source/join.md'), '/jobs/');
  });

  it('keeps drafts and unpublished posts out, shows future posts by default', async () => {
    const tree = {
      'source/_drafts/idea.md': md('title: Idea'),
      'source/_posts/off.md': md('date: 2020-01-01\npublished: false'),
      'source/_posts/later.md': md('date: 2099-01-01'),
    };
    const s = await memorySite({ '_config.yml': 'title: T\n', ...tree });
    assert.deepEqual([s.page('source/_drafts/idea.md')?.status, s.page('source/_drafts/idea.md')?.willPublish], ['draft', false]);
    assert.equal(s.page('source/_posts/off.md')?.willPublish, false);
    assert.deepEqual([s.page('source/_posts/later.md')?.status, s.page('source/_posts/later.md')?.willPublish], ['future', true]);
    const strict = await memorySite({ '_config.yml': 'future: false\nrender_drafts: true\n', ...tree });
    assert.equal(strict.page('source/_posts/later.md')?.willPublish, false);
    assert.equal(strict.page('source/_drafts/idea.md')?.willPublish, true);
  });

  it('publishes the lists and feeds of the plugins package.json lists, and pages yearly and monthly archives', async () => {
    const posts = {
      'source/_posts/a.md': md('date: 2024-01-02\ntags: [go]'),
      'source/_posts/b.md': md('date: 2024-01-20\ntags: [go]'),
      'source/_posts/c.md': md('date: 2024-03-04'),
    };
    const pkg = (deps: string[]) => JSON.stringify({ dependencies: Object.fromEntries(['hexo', ...deps].map((d) => [d, '*'])) });
    const none = await memorySite({ '_config.yml': 'per_page: 1\n', 'package.json': pkg(['hexo-renderer-marked']), ...posts });
    assert.deepEqual(none.urls().filter((u) => !/^\/20\d\d\//.test(u)), []);
    const all = await memorySite({
      '_config.yml': 'per_page: 1\nfeed:\n  type: [atom, rss2]\ntag_generator:\n  enable_index_page: true\n',
      'package.json': pkg(['hexo-generator-index', 'hexo-generator-archive', 'hexo-generator-tag', 'hexo-generator-feed', 'hexo-generator-sitemap']),
      ...posts,
    });
    const urls = all.urls();
    for (const u of ['/', '/page/3/', '/archives/page/3/', '/archives/2024/page/3/', '/archives/2024/01/page/2/', '/archives/2024/03/', '/tags/', '/tags/go/page/2/', '/atom.xml', '/rss2.xml', '/sitemap.xml']) {
      assert.ok(urls.includes(u), `${u} in ${urls.join(' ')}`);
    }
    for (const u of ['/page/4/', '/archives/2024/03/page/2/', '/categories/uncategorized/']) assert.ok(!urls.includes(u), `${u} not published`);
    // No package.json: the generators `hexo init` installs (no feed, no sitemap).
    const bare = (await memorySite({ '_config.yml': 'title: T\n', ...posts })).urls();
    assert.ok(bare.includes('/archives/') && bare.includes('/tags/go/') && !bare.includes('/atom.xml'));
  });

  it('turns a malformed _config.yml into a positioned issue and keeps going', async () => {
    const config = 'title: T\npermalink: [oops\n';
    const s = await memorySite({ '_config.yml': config, 'source/_posts/a.md': md('date: 2021-03-04') });
    assert.equal(s.site.model.summary.generator, 'hexo');
    const issue = s.site.index.issues.find((i) => i.code === 'config.syntax');
    assert.ok(issue?.range, 'positioned issue');
    assert.equal(s.url('source/_posts/a.md'), '/2021/03/04/a/');
  });

  it('gives the example site the URLs its README documents', async () => {
    const s = await exampleSite('hexo-blog');
    assert.equal(s.site.model.summary.generator, 'hexo');
    assert.deepEqual(
      s.site.index.contentPages().filter((p) => p.willPublish).map((p) => [p.file, p.url]).sort(),
      [
        ['source/_posts/2023-05-04-cache-warming.md', '/2023/05/04/cache-warming/'],
        ['source/_posts/2023-06-20-retries-with-jitter.md', '/2023/06/20/retries-with-jitter/'],
        ['source/_posts/little-law.md', '/2024/01/08/little-law/'],
        ['source/about/index.md', '/about/'],
      ],
    );
    assert.equal(s.page('source/_drafts/backpressure.md')?.willPublish, false);
    const g = s.generated();
    for (const u of ['/', '/archives/', '/tags/load/', '/categories/Operations/', '/categories/Operations/Clients/']) assert.ok(g.includes(u), u);
    assert.ok(!g.includes('/categories/Clients/'));
    assert.deepEqual(s.site.index.authors().map((a) => a.id), ['ines']);
    assert.deepEqual(s.site.model.refCandidates!('2023-06-20-retries-with-jitter', '').filter((f) => s.site.index.hasFile(f)), ['source/_posts/2023-06-20-retries-with-jitter.md']);
  });
});
