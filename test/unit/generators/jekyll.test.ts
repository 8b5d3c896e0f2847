import * as assert from 'node:assert/strict';
import { memorySite, exampleSite } from './helpers';
import { siteLocation } from '../../../src/core/generators/jekyll/config';

const post = (fm: string) => `---\n${fm}\n---\nBody.\n`;

describe('Jekyll model', () => {
  it('builds post URLs from the default date style: categories, date and the file-name title', async () => {
    const s = await memorySite({
      '_config.yml': 'title: T\n',
      '_posts/2019-03-01-Hello-World.md': post('title: Hello\ncategories: [Tech, news]'),
      '_posts/2019-03-02-solo.md': post('category: Life'),
      '_posts/2019-03-03-split.md': post('categories: one two'),
      'blog/_posts/2019-03-04-nested.md': post('title: N'),
      '_posts/2019/2019-03-05-subfolder.md': post('title: S'),
    });
    assert.equal(s.url('_posts/2019-03-01-Hello-World.md'), '/tech/news/2019/03/01/Hello-World.html');
    assert.equal(s.url('_posts/2019-03-02-solo.md'), '/life/2019/03/02/solo.html');
    assert.equal(s.url('_posts/2019-03-03-split.md'), '/one/two/2019/03/03/split.html');
    // Folders above _posts are categories; folders below it are not.
    assert.equal(s.url('blog/_posts/2019-03-04-nested.md'), '/blog/2019/03/04/nested.html');
    assert.equal(s.url('_posts/2019/2019-03-05-subfolder.md'), '/2019/03/05/subfolder.html');
  });

  it('applies pretty, ordinal, none and custom permalink patterns', async () => {
    const files = { '_posts/2020-02-09-a-b.md': post('title: AB\ncategories: [x]'), 'about.md': post('title: About'), 'docs/index.md': post('title: Docs') };
    const cases: [string, string, string][] = [
      ['pretty', '/x/2020/02/09/a-b/', '/about/'],
      ['ordinal', '/x/2020/040/a-b.html', '/about.html'],
      ['none', '/x/a-b.html', '/about.html'],
      // add_permalink_suffix adds nothing under weekdate: pages are extensionless (written as .html).
      ['weekdate', '/x/2020/W06/Sun/a-b.html', '/about'],
      ['/:year/:i_month/:i_day/:short_year/:slug/', '/2020/2/9/20/a-b/', '/about/'],
      ['/blog/:title:output_ext', '/blog/a-b.html', '/about.html'],
    ];
    for (const [permalink, postUrl, pageUrl] of cases) {
      const s = await memorySite({ '_config.yml': `permalink: ${permalink}\n`, ...files });
      assert.equal(s.url('_posts/2020-02-09-a-b.md'), postUrl, permalink);
      assert.equal(s.url('about.md'), pageUrl, permalink);
      assert.equal(s.url('docs/index.md'), '/docs/', permalink);
    }
  });

  it('lets slug replace :title and front-matter permalink replace everything; baseurl prefixes all', async () => {
    const s = await memorySite({
      '_config.yml': 'baseurl: /blog\npermalink: pretty\n',
      '_posts/2021-01-19-saying-no-to-projects.md': post('slug: saying-no\ncategories: [leadership]'),
      '_posts/2021-01-20-x.md': post('permalink: /custom/:year/:title/'),
      'about.md': post('permalink: /about-us/'),
      'index.md': post('title: Home'),
      'assets/logo.png': 'png',
    });
    assert.equal(s.url('_posts/2021-01-19-saying-no-to-projects.md'), '/blog/leadership/2021/01/19/saying-no/');
    assert.equal(s.url('_posts/2021-01-20-x.md'), '/blog/custom/2021/x/');
    assert.equal(s.url('about.md'), '/blog/about-us/');
    assert.equal(s.url('index.md'), '/blog/');
    assert.equal(s.site.index.lookupUrl('/blog/assets/logo.png')[0]?.type, 'file');
  });

  it('takes the path written in url as the base path when baseurl is empty (absolute_url prints it)', async () => {
    const s = await memorySite({
      '_config.yml': 'url: https://x.github.io/notes/\nbaseurl: ""\npermalink: pretty\n',
      'about.md': post('title: About'),
    });
    assert.equal(s.url('about.md'), '/notes/about/');
    assert.equal(s.site.model.summary.baseURL, 'https://x.github.io/notes/');
    assert.deepEqual(siteLocation('https://x.org', ''), { url: 'https://x.org', basePath: '' });
    assert.deepEqual(siteLocation('https://x.org/a/b/', ''), { url: 'https://x.org', basePath: '/a/b' });
    // Both written: baseurl is the path (a path in url too is a second copy we cannot place).
    assert.deepEqual(siteLocation('https://x.org/a', '/blog/'), { url: 'https://x.org/a', basePath: '/blog' });
    assert.deepEqual(siteLocation(undefined, 'blog'), { url: undefined, basePath: '/blog' });
  });

  it('uses the front-matter date (in the site time zone) over the file-name date', async () => {
    const s = await memorySite({
      '_config.yml': 'timezone: America/Los_Angeles\n',
      '_posts/2020-01-01-moved.md': post('date: 2020-02-03 10:00:00 -0800'),
      '_posts/2020-01-01-late.md': post('date: 2020-01-02 02:00:00 +0000'),
    });
    assert.equal(s.url('_posts/2020-01-01-moved.md'), '/2020/02/03/moved.html');
    // 02:00 UTC on the 2nd is still the 1st in Los Angeles.
    assert.equal(s.url('_posts/2020-01-01-late.md'), '/2020/01/01/late.html');
  });

  it('does not take files without the date pattern in _posts as posts', async () => {
    const s = await memorySite({ '_config.yml': '', '_posts/notes.md': post('title: Notes'), '_posts/2020-01-01-ok.md': post('title: OK') });
    assert.equal(s.page('_posts/notes.md'), undefined);
    assert.equal(s.url('_posts/2020-01-01-ok.md'), '/2020/01/01/ok.html');
  });

  it('marks drafts, unpublished and future posts, honouring show_drafts, unpublished and future', async () => {
    const tree = {
      '_posts/2020-01-01-live.md': post('title: Live'),
      '_posts/2020-01-02-hidden.md': post('published: false'),
      '_posts/2099-01-01-later.md': post('title: Later'),
      '_drafts/idea.md': post('title: Idea\ncategories: [x]'),
    };
    const s = await memorySite({ '_config.yml': 'permalink: pretty\n', ...tree });
    assert.deepEqual([s.page('_posts/2020-01-01-live.md')?.status, s.page('_posts/2020-01-01-live.md')?.willPublish], ['published', true]);
    assert.deepEqual([s.page('_posts/2020-01-02-hidden.md')?.status, s.page('_posts/2020-01-02-hidden.md')?.willPublish], ['draft', false]);
    assert.deepEqual([s.page('_posts/2099-01-01-later.md')?.status, s.page('_posts/2099-01-01-later.md')?.willPublish], ['future', false]);
    const draft = s.page('_drafts/idea.md');
    assert.deepEqual([draft?.status, draft?.willPublish], ['draft', false]);
    assert.match(draft!.url, /^\/x\/2026\/01\/15\/idea\/$/);
    const all = await memorySite({ '_config.yml': 'future: true\nshow_drafts: true\nunpublished: true\n', ...tree });
    assert.equal(all.page('_posts/2099-01-01-later.md')?.willPublish, true);
    assert.equal(all.page('_drafts/idea.md')?.willPublish, true);
    assert.equal(all.page('_posts/2020-01-02-hidden.md')?.willPublish, true);
  });

  it('publishes collections with output: true at their own permalink, and not others', async () => {
    const s = await memorySite({
      '_config.yml': 'permalink: pretty\ncollections:\n  recipes:\n    output: true\n    permalink: /cook/:name/\n  guides:\n    output: true\n  staff:\n    output: false\n',
      '_recipes/Bread Loaf.md': post('title: Bread'),
      '_guides/setup/intro.md': post('title: Intro'),
      '_staff/ann.md': post('name: Ann'),
    });
    assert.equal(s.url('_recipes/Bread Loaf.md'), '/cook/bread-loaf/');
    assert.equal(s.url('_guides/setup/intro.md'), '/guides/setup/intro/');
    assert.equal(s.page('_staff/ann.md'), undefined);
  });

  it('reads posts and collections from collections_dir without making it a category', async () => {
    const s = await memorySite({
      '_config.yml': 'collections_dir: content\ncollections:\n  notes:\n    output: true\n',
      'content/_posts/2020-01-01-a.md': post('title: A'),
      'content/_notes/n.md': post('title: N'),
    });
    assert.equal(s.url('content/_posts/2020-01-01-a.md'), '/2020/01/01/a.html');
    assert.equal(s.url('content/_notes/n.md'), '/notes/n.html');
  });

  it('applies front-matter defaults from _config.yml below the file’s own front matter', async () => {
    const s = await memorySite({
      '_config.yml': 'defaults:\n  - scope: {path: "", type: posts}\n    values: {permalink: "/p/:title/"}\n  - scope: {path: "legal"}\n    values: {published: false}\n  - scope: {path: "", type: pages}\n    values: {permalink: "/pages/:basename/"}\n',
      'contact.md': post('title: Contact'),
      '_posts/2020-05-05-a.md': post('title: A'),
      '_posts/2020-05-06-b.md': post('permalink: /own/'),
      'legal/terms.md': post('title: Terms'),
    });
    assert.equal(s.url('_posts/2020-05-05-a.md'), '/p/a/');
    assert.equal(s.url('_posts/2020-05-06-b.md'), '/own/');
    assert.equal(s.page('_posts/2020-05-05-a.md')?.willPublish, true);
    // Pages read `permalink` through the defaults, but not `published` (Publisher uses Hash#fetch).
    assert.equal(s.page('legal/terms.md')?.willPublish, true);
    assert.equal(s.url('contact.md'), '/pages/contact/');
  });

  it('skips excluded, underscore and dot paths, and build output', async () => {
    const s = await memorySite({
      '_config.yml': 'exclude: [README.md, notes/]\n',
      'README.md': post('title: R'),
      'notes/n.md': post('title: N'),
      '_includes/x.md': 'include',
      '_site/old.md': post('title: old'),
      'ok.md': post('title: OK'),
    });
    assert.equal(s.page('README.md'), undefined);
    assert.equal(s.page('notes/n.md'), undefined);
    assert.equal(s.page('_includes/x.md'), undefined);
    assert.equal(s.page('_site/old.md'), undefined);
    assert.equal(s.url('ok.md'), '/ok.html');
  });

  it('turns a malformed _config.yml into a positioned issue and builds with the defaults', async () => {
    const config = 'title: Broken\npermalink: pretty\ncollections: [a, b\nbaseurl: /x\n';
    const s = await memorySite({ '_config.yml': config, '_posts/2020-01-01-a.md': post('title: A') });
    assert.equal(s.site.model.summary.generator, 'jekyll');
    const issue = s.site.index.issues.find((i) => i.code === 'config.syntax');
    assert.ok(issue, 'an issue is reported');
    assert.equal(issue.path, '/site/_config.yml');
    assert.ok(issue.range && issue.range.start > config.indexOf('collections'), `positioned at the error (${JSON.stringify(issue.range)})`);
    assert.equal(s.url('_posts/2020-01-01-a.md'), '/2020/01/01/a.html');
  });

  it('reads authors from _data/authors.yml', async () => {
    const s = await memorySite({ '_config.yml': '', '_data/authors.yml': 'ann:\n  name: Ann Lee\nbo:\n  name: Bo\n', 'a.md': post('author: ann') });
    assert.deepEqual(s.site.index.authors().map((a) => [a.id, a.name, a.file]), [
      ['ann', 'Ann Lee', '_data/authors.yml'],
      ['bo', 'Bo', '_data/authors.yml'],
    ]);
  });

  it('gives categories (singular or plural) and tags as terms, and jekyll-archives pages for them', async () => {
    const s = await memorySite({
      '_config.yml': 'plugins: [jekyll-archives, jekyll-feed]\njekyll-archives:\n  enabled: [tags, categories]\n',
      '_posts/2020-01-01-a.md': post('category: Dev Ops\ntags: [Rust, web]'),
      '_posts/2020-01-02-b.md': post('tag: solo'),
    });
    const terms = s.site.index.termCounts();
    assert.deepEqual([...(terms.get('categories')?.keys() ?? [])], ['Dev Ops']);
    assert.deepEqual([...(terms.get('tags')?.keys() ?? [])].sort(), ['Rust', 'solo', 'web']);
    assert.deepEqual(s.generated(), ['/category/dev-ops/', '/tag/rust/', '/tag/solo/', '/tag/web/']);
    assert.equal(s.site.index.lookupUrl('/feed.xml')[0]?.type, 'generated');
  });

  it('resolves post_url and link arguments to candidate files', async () => {
    const s = await memorySite({ '_config.yml': '', '_posts/2019/2019-03-01-x.md': post('title: X'), 'about.md': post('title: A') });
    const m = s.site.model;
    const pick = (ref: string) => m.refCandidates!(ref, 'about.md').find((f) => s.site.index.hasFile(f));
    assert.equal(pick('2019-03-01-x'), '_posts/2019/2019-03-01-x.md');
    assert.equal(pick('2019/2019-03-01-x'), '_posts/2019/2019-03-01-x.md');
    assert.equal(pick('2019-03-02-missing'), undefined);
    assert.equal(pick('about.md'), 'about.md');
    assert.equal(pick('_posts/2019/2019-03-01-x.md'), '_posts/2019/2019-03-01-x.md');
    assert.equal(pick('nope.md'), undefined);
  });

  it('gives the example site the URLs its README documents', async () => {
    const s = await exampleSite('jekyll-blog');
    assert.equal(s.site.model.summary.generator, 'jekyll');
    assert.equal(s.site.model.summary.linkSemantics, 'url');
    assert.equal(s.site.model.dialect.headingIds, 'kramdown-gfm');
    assert.deepEqual(
      s.site.index.contentPages().filter((p) => p.willPublish).map((p) => [p.file, p.url]).sort(),
      [
        ['_posts/2020-03-14-writing-weekly-updates.md', '/writing/2020/03/14/writing-weekly-updates/'],
        ['_posts/2020-07-02-on-call-without-burnout.md', '/engineering/operations/2020/07/02/on-call-without-burnout/'],
        ['_posts/2021-01-19-saying-no-to-projects.md', '/leadership/2021/01/19/saying-no/'],
        ['_posts/2021-04-08-pairing-across-time-zones.md', '/engineering/2021/04/08/pairing-across-time-zones/'],
        ['about.md', '/about/'],
        ['index.md', '/'],
      ],
    );
    assert.equal(s.page('_drafts/first-ninety-days.md')?.willPublish, false);
    assert.equal(s.page('README.md'), undefined);
    assert.deepEqual(s.site.index.authors().map((a) => a.id), ['priya', 'dev']);
  });
});
