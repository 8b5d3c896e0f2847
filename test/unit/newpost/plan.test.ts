import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { posix } from 'node:path';
import { planNewPost, planNewPostIn, type NewPostPlan, type NewPostResult } from '../../../src/core/newpost/plan';
import { splitFrontMatter } from '../../../src/core/frontmatter/parse';
import { newPostChoices } from '../../../src/core/newpost/choices';
import { createPostcraft } from '../../../src/core/service';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { ENV, hugoSite, post, siteOf } from './helpers';

function planned(r: NewPostResult): NewPostPlan {
  assert.equal(r.kind, 'planned', JSON.stringify(r));
  return (r as { plan: NewPostPlan }).plan;
}
const text = (p: NewPostPlan) => String(p.files[0].content);
const fmOf = (p: NewPostPlan) => {
  const fm = splitFrontMatter(text(p)).frontMatter!;
  assert.deepEqual(fm.errors, []);
  return fm;
};

/** A Hugo blog like examples/blog: underscore names, YAML mostly, one TOML post, one bundle. */
const UNDERSCORE_BLOG = {
  'content/posts/_index.md': post('title: "Posts"'),
  'content/posts/leading_vs_managing.md': post('title: "Leading vs Managing"\ndate: 2019-04-11T14:39:51-07:00\ndraft: false\nauthors: ["rich"]\ntags: ["leadership", "alignment"]\ncategories: ["management"]'),
  'content/posts/bumper_cars_or_gokarts.md': post('title: "Bumper Cars or Go-Karts?"\ndate: 2019-03-02T09:15:00-08:00\ndraft: false\nauthors: ["rich"]\ntags: ["leadership", "teams"]\ncategories: ["management"]'),
  'content/posts/code_review_etiquette.md': post('title: "Code Review Etiquette"\ndate: 2021-02-03T15:30:00+00:00\ndraft: false\nauthors: ["maya"]\ntags: ["teams"]\ncategories: ["engineering"]'),
  'content/posts/tech_debt_ledger.md': '+++\ntitle = "Keep a Tech Debt Ledger"\ndate = 2020-03-09T11:20:00-05:00\ndraft = false\nauthors = ["maya"]\ntags = ["tech-debt"]\n+++\n',
  'content/posts/incident-reviews/index.md': post('title: "How We Run Incident Reviews"\ndate: 2021-09-15T12:00:00-07:00\ndraft: false\nauthors: ["rich"]\ntags: ["teams"]\ncategories: ["engineering"]'),
};

describe('New Post: planning for Hugo', () => {
  it('follows the site: underscore names, YAML, the usual key order, dates with the local offset', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    const p = planned(await planNewPost(engine, { title: 'Café Culture & Remote Work', tags: ['teams', ' new idea ', 'Teams'] }, ENV));
    assert.equal(p.path, '/site/content/posts/cafe_culture_and_remote_work.md');
    assert.equal(p.bundle, false);
    assert.equal(
      text(p),
      '---\ntitle: "Café Culture & Remote Work"\ndate: 2026-01-15T05:00:00-07:00\ndraft: false\nauthors: ["rich"]\ntags: ["teams", "new idea"]\ncategories: []\n---\n\n',
    );
    // The cursor is on the empty line after the front matter, where the body starts.
    assert.deepEqual(p.cursor, { line: 9, character: 0 });
    assert.equal(text(p).split('\n')[p.cursor.line], '');
  });

  it('uses TOML when most posts do, and the setting separator over the detected one', async () => {
    const toml = (t: string) => `+++\ntitle = "${t}"\ndate = 2020-01-01T00:00:00Z\n+++\n`;
    const { engine } = await hugoSite({ 'content/posts/a_b.md': toml('A'), 'content/posts/c_d.md': toml('C'), 'content/posts/e_f.md': post('title: E') });
    const p = planned(await planNewPost(engine, { title: 'Hello World', authors: [] }, { ...ENV, separator: '-' }));
    assert.equal(p.path, '/site/content/posts/hello-world.md');
    assert.equal(fmOf(p).format, 'toml');
    assert.equal(text(p), '+++\ntitle = "Hello World"\ndate = 2026-01-15T05:00:00-07:00\n+++\n\n');
  });

  it('without posts or archetype: Hugo\'s built-in default (TOML title, date, draft) in content/posts', async () => {
    const { engine } = await hugoSite({});
    const p = planned(await planNewPost(engine, { title: 'First!' }, ENV));
    assert.equal(p.path, '/site/content/posts/first.md');
    assert.equal(text(p), '+++\ntitle = "First!"\ndate = 2026-01-15T05:00:00-07:00\ndraft = false\n+++\n\n');
  });

  it('makes a page bundle when asked, or when most posts of the section are bundles', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    assert.equal(planned(await planNewPost(engine, { title: 'X Y', bundle: true }, ENV)).path, '/site/content/posts/x_y/index.md');
    const b = await hugoSite({
      'content/notes/one/index.md': post('title: One'),
      'content/notes/two-words/index.md': post('title: Two'),
      'content/notes/three.md': post('title: Three'),
    });
    const p = planned(await planNewPost(b.engine, { title: 'Four Five' }, ENV));
    assert.equal(p.path, '/site/content/notes/four-five/index.md');
    assert.equal(p.bundle, true);
    assert.equal(planned(await planNewPost(b.engine, { title: 'Four Five', bundle: false }, ENV)).path, '/site/content/notes/four-five.md');
  });

  it('offers the sections in use, most posts first, and puts the post in the chosen one', async () => {
    const { engine, site } = await hugoSite({ ...UNDERSCORE_BLOG, 'content/notes/a.md': post('title: A'), 'content/about.md': post('title: About') });
    const choices = newPostChoices(site);
    assert.deepEqual(choices.folders.map((f) => [f.label, f.posts]), [['posts', 5], ['notes', 1]]);
    assert.equal(choices.askFolder, true);
    assert.deepEqual(choices.tags.slice(0, 2), [{ value: 'teams', count: 3 }, { value: 'leadership', count: 2 }]);
    assert.equal(choices.defaultAuthor, 'rich');
    assert.equal(planned(await planNewPost(engine, { title: 'N', section: 'notes' }, ENV)).path, '/site/content/notes/n.md');
    assert.equal(planned(await planNewPost(engine, { title: 'N', section: 'posts/2026' }, ENV)).path, '/site/content/posts/2026/n.md');
    assert.equal(planned(await planNewPost(engine, { title: 'N', section: 'content/notes' }, ENV)).path, '/site/content/notes/n.md');
    // Explorer: the folder the command was started on.
    assert.equal(planned(await planNewPost(engine, { title: 'N', folder: '/site/content/notes' }, ENV)).path, '/site/content/notes/n.md');
    // Started on a bundle folder: beside the bundle, not inside it (it would be a resource there).
    const inBundle = planned(await planNewPost(engine, { title: 'N', folder: '/site/content/posts/incident-reviews' }, ENV));
    assert.equal(inBundle.path, '/site/content/posts/n.md');
    assert.match(inBundle.warnings[0], /page bundle/);
  });

  it('the default author: the setting, else the most frequent one; an explicit empty list means none', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    assert.deepEqual(fmOf(planned(await planNewPost(engine, { title: 'A' }, ENV))).fields.map((f) => f.key), ['title', 'date', 'draft', 'authors', 'tags', 'categories']);
    const data = (r: NewPostResult) => splitFrontMatter(text(planned(r))).frontMatter!.data;
    assert.deepEqual(data(await planNewPost(engine, { title: 'A' }, ENV)).authors, ['rich']);
    assert.deepEqual(data(await planNewPost(engine, { title: 'A' }, { ...ENV, defaultAuthor: 'tomas' })).authors, ['tomas']);
    assert.deepEqual(data(await planNewPost(engine, { title: 'A', authors: ['maya', 'rich'] }, ENV)).authors, ['maya', 'rich']);
    assert.deepEqual(data(await planNewPost(engine, { title: 'A', authors: [] }, ENV)).authors, []);
  });
});

describe('New Post: Hugo archetypes', () => {
  it('renders archetypes/<section>.md, keeping the typed title over the one derived from the name', async () => {
    const { engine } = await hugoSite({
      ...UNDERSCORE_BLOG,
      'archetypes/posts.md': '---\ntitle: "{{ replace .Name "_" " " | title }}"\ndate: {{ .Date }}\ndraft: true\nseries: "{{ .Site.Title | upper }}"\ntags: []\n---\n\n## {{ .Title }}\n',
    });
    const p = planned(await planNewPost(engine, { title: 'Leading Remote Teams: A Field Guide', tags: ['teams'] }, ENV));
    assert.equal(p.archetype, 'archetypes/posts.md');
    assert.equal(p.path, '/site/content/posts/leading_remote_teams_a_field_guide.md');
    assert.equal(
      text(p),
      '---\ntitle: "Leading Remote Teams: A Field Guide"\ndate: 2026-01-15T05:00:00-07:00\ndraft: true\nseries: "TEST BLOG"\ntags: ["teams"]\nauthors: ["rich"]\n---\n\n## Leading Remote Teams: A Field Guide\n',
    );
    assert.deepEqual(p.warnings, []);
    // The body the archetype wrote is where the cursor goes.
    assert.equal(text(p).split('\n')[p.cursor.line], '## Leading Remote Teams: A Field Guide');
  });

  it('falls back to archetypes/default.md, and an explicit draft wins over the archetype', async () => {
    const { engine } = await hugoSite({ 'archetypes/default.md': '+++\ntitle = \'{{ replace .File.ContentBaseName "-" " " | title }}\'\ndate = {{ .Date }}\ndraft = true\n+++\n' });
    const p = planned(await planNewPost(engine, { title: 'Ship It', section: 'news', draft: false, authors: [] }, ENV));
    assert.equal(p.archetype, 'archetypes/default.md');
    assert.equal(text(p), '+++\ntitle = "Ship It"\ndate = 2026-01-15T05:00:00-07:00\ndraft = false\n+++\n\n');
  });

  it('evaluates blocks, and leaves an action or block it cannot evaluate visible, with a warning', async () => {
    const { engine } = await hugoSite({
      'archetypes/default.md': '---\ntitle: x\nsummary: "{{ .Summary }}"\n---\n{{ if .Site.Params.toc }}toc: true{{ end }}\n{{ with .Site.Title }}{{ partial "byline" . }}{{ end }}\n',
    });
    const p = planned(await planNewPost(engine, { title: 'T', authors: [] }, ENV));
    assert.match(text(p), /summary: "\{\{ \.Summary \}\}"/);
    // The site has no toc param: the if prints nothing, as hugo new's would.
    assert.doesNotMatch(text(p), /toc/);
    assert.match(text(p), /\{\{ with \.Site\.Title \}\}\{\{ partial "byline" \. \}\}\{\{ end \}\}/);
    assert.equal(p.warnings.length, 2);
    assert.match(p.warnings[0], /^archetypes\/default\.md: Line 3: \{\{ \.Summary \}\}/);
    assert.match(p.warnings[1], /^archetypes\/default\.md: Line 6: \{\{ with \.Site\.Title \}\} … \{\{ end \}\} was left as written \(function "partial" is not supported\)/);
  });

  it('copies a bundle archetype: index.md rendered, resources as they are', async () => {
    const { engine } = await hugoSite({
      'archetypes/gallery/index.md': '---\ntitle: "{{ .Name }}"\nslug: "{{ .File.ContentBaseName }}"\n---\n![]({{ .Name }}.jpg)\n',
      'archetypes/gallery/images/placeholder.txt': 'not a {{ template }}',
    });
    const p = planned(await planNewPost(engine, { title: 'Summer Trip', section: 'gallery', authors: [] }, ENV));
    assert.equal(p.bundle, true);
    assert.equal(p.archetype, 'archetypes/gallery');
    assert.deepEqual(p.files.map((f) => f.path), ['/site/content/gallery/summer-trip/index.md', '/site/content/gallery/summer-trip/images/placeholder.txt']);
    assert.equal(text(p), '---\ntitle: "Summer Trip"\nslug: "summer-trip"\n---\n![](summer-trip.jpg)\n');
    assert.equal(new TextDecoder().decode(p.files[1].content as Uint8Array), 'not a {{ template }}');
  });
});

describe('New Post: never overwrite', () => {
  it('reports the existing post and a numbered alternative', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    const r = await planNewPost(engine, { title: 'Leading vs Managing' }, ENV);
    assert.equal(r.kind, 'exists');
    if (r.kind !== 'exists') return;
    assert.equal(r.existing, '/site/content/posts/leading_vs_managing.md');
    assert.equal(r.alternative?.path, '/site/content/posts/leading_vs_managing_2.md');
    // With `numbered`, the alternative is the plan.
    assert.equal(planned(await planNewPost(engine, { title: 'Leading vs Managing' }, { ...ENV, numbered: true })).path, '/site/content/posts/leading_vs_managing_2.md');
  });

  it('sees a name taken in another letter case or in the other form (file vs bundle)', async () => {
    const { engine } = await hugoSite({ ...UNDERSCORE_BLOG, 'content/posts/Mixed_Case.md': post('title: M') });
    const r1 = await planNewPost(engine, { title: 'mixed case' }, ENV);
    assert.deepEqual([r1.kind, r1.kind === 'exists' && r1.existing], ['exists', '/site/content/posts/Mixed_Case.md']);
    // incident-reviews/ is a bundle: a plain incident-reviews.md would publish at the same URL.
    const r2 = await planNewPost(engine, { title: 'Incident Reviews' }, { ...ENV, separator: '-' });
    assert.deepEqual([r2.kind, r2.kind === 'exists' && r2.existing], ['exists', '/site/content/posts/incident-reviews/index.md']);
    const r3 = await planNewPost(engine, { title: 'Code Review Etiquette', bundle: true }, ENV);
    assert.deepEqual([r3.kind, r3.kind === 'exists' && r3.existing], ['exists', '/site/content/posts/code_review_etiquette.md']);
  });

  it('skips numbered names that are taken too', async () => {
    const { engine } = await hugoSite({ ...UNDERSCORE_BLOG, 'content/posts/leading_vs_managing_2.md': post('title: x'), 'content/posts/leading_vs_managing_3/index.md': post('title: y') });
    const r = await planNewPost(engine, { title: 'Leading vs Managing' }, ENV);
    assert.equal(r.kind === 'exists' && r.alternative?.path, '/site/content/posts/leading_vs_managing_4.md');
  });
});

describe('New Post: refusals', () => {
  it('refuses empty, punctuation-only and path-like titles with a message', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    const messages: string[] = [];
    for (const title of ['', '   ', '!!!', '🎉🎉', '../secret', '/etc/passwd', 'C:\\x', 'a\nb']) {
      const r = await planNewPost(engine, { title }, ENV);
      assert.equal(r.kind, 'refused', title);
      if (r.kind === 'refused') messages.push(r.message);
    }
    assert.match(messages[0], /Enter a title/);
    assert.match(messages[2], /letter or digit/);
    assert.match(messages[4], /looks like a file path/);
    assert.match(messages[7], /single line/);
    // A slash inside a real title is fine.
    assert.equal(planned(await planNewPost(engine, { title: 'A/B Testing' }, ENV)).path, '/site/content/posts/a_b_testing.md');
  });

  it('refuses sections that leave the content folder', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    for (const section of ['..', '../x', 'posts/../../x', '/abs', 'a\\b', '.hidden', 'C:/x']) {
      const r = await planNewPost(engine, { title: 'T', section }, ENV);
      assert.equal(r.kind, 'refused', section);
    }
  });

  it('a folder outside the content folder falls back to the default, with a warning', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    const p = planned(await planNewPost(engine, { title: 'T', folder: '/site/layouts' }, ENV));
    assert.equal(p.path, '/site/content/posts/t.md');
    assert.match(p.warnings[0], /not a folder posts go in/);
  });

  it('no site, several sites, an unknown site: a message, not an exception', async () => {
    const none = await createPostcraft({ fs: new MemoryFs('/x', {}), roots: [], clock: fixedClock() });
    const r0 = await planNewPost(none, { title: 'T' }, ENV);
    assert.match(r0.kind === 'refused' ? r0.message : '', /No site is open/);
    const fs = new MemoryFs('/w', { 'a/hugo.toml': '', 'b/hugo.toml': '' });
    const two = await createPostcraft({ fs, roots: ['/w'], clock: fixedClock() });
    const r2 = await planNewPost(two, { title: 'T' }, ENV);
    assert.match(r2.kind === 'refused' ? r2.message : '', /2 sites/);
    assert.equal(planned(await planNewPost(two, { title: 'T', site: '/w/b' }, ENV)).path, '/w/b/content/posts/t.md');
    const r3 = await planNewPost(two, { title: 'T', site: '/elsewhere' }, ENV);
    assert.match(r3.kind === 'refused' ? r3.message : '', /No site found at \/elsewhere/);
  });

  it('property: a planned post always stays inside the site\'s content folder', async () => {
    const { engine } = await hugoSite(UNDERSCORE_BLOG);
    const segment = fc.oneof(fc.constantFrom('..', '.', '', 'posts', 'a b', '/', '\\', 'C:', '~', '%2e%2e'), fc.string({ maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.option(fc.array(segment, { maxLength: 3 }).map((s) => s.join('/'))), fc.boolean(), async (title, section, bundle) => {
        const r = await planNewPost(engine, { title, section: section ?? undefined, bundle }, ENV);
        const plans = r.kind === 'planned' ? [r.plan] : r.kind === 'exists' && r.alternative ? [r.alternative] : [];
        for (const p of plans) {
          for (const f of p.files) {
            const rel = posix.relative('/site/content', f.path);
            assert.ok(!rel.startsWith('..') && !posix.isAbsolute(rel) && posix.normalize(f.path) === f.path, `${JSON.stringify({ title, section })} → ${f.path}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('New Post: other generators', () => {
  it('Jekyll: _posts/YYYY-MM-DD-slug.md in the local day, drafts in _drafts/slug.md, Jekyll dates', async () => {
    const { fs, site } = await siteOf('jekyll', {
      '_config.yml': 'title: x\n',
      '_posts/2020-03-14-writing-weekly-updates.md': post('layout: post\ntitle: "Writing Weekly Updates"\ndate: 2020-03-14 10:00:00 -0700\ntags: [writing]\nauthor: priya'),
      '_posts/2021-01-19-saying-no.md': post('layout: post\ntitle: "Saying No"\ndate: 2021-01-19 14:15:00 -0800\ntags: [leadership]\nauthor: priya'),
      'about.md': post('title: About'),
    });
    const late = { ...ENV, now: new Date('2026-01-15T23:30:00Z'), offsetMinutes: 120 };
    const p = planned(await planNewPostIn(fs, site, { title: 'On-Call Without Burnout', tags: ['ops'] }, late));
    assert.equal(p.path, '/site/_posts/2026-01-16-on-call-without-burnout.md');
    assert.equal(text(p), '---\nlayout: post\ntitle: "On-Call Without Burnout"\ndate: 2026-01-16 01:30:00 +0200\ntags: [ops]\nauthor: priya\n---\n\n');
    const d = planned(await planNewPostIn(fs, site, { title: 'Half Baked', draft: true }, ENV));
    assert.equal(d.path, '/site/_drafts/half-baked.md');
    assert.doesNotMatch(text(d), /draft:/, 'Jekyll drafts are drafts by folder');
  });

  it('Docusaurus: blog/YYYY-MM-DD-slug.md, or the folder form when the blog uses it', async () => {
    const files = {
      'blog/2021-05-30-first-post.md': post('title: Why We Started\nauthors: [lena]\ntags: [tooling]'),
      'blog/2021-07-20-release-checklist.md': post('title: Our Checklist\nauthors: sam\ntags: [release]'),
    };
    const a = await siteOf('docusaurus', files, ['blog']);
    const p = planned(await planNewPostIn(a.fs, a.site, { title: 'Cache Hits', tags: ['ci'] }, ENV));
    assert.equal(p.path, '/site/blog/2026-01-15-cache-hits.md');
    assert.equal(text(p), '---\ntitle: Cache Hits\nauthors: [lena]\ntags: [ci]\n---\n\n');
    const b = await siteOf('docusaurus', { ...files, 'blog/2021-06-12-second-post/index.md': post('title: S'), 'blog/2021-06-13-third/index.md': post('title: T'), 'blog/2021-06-14-fourth/index.md': post('title: F') }, ['blog']);
    assert.equal(planned(await planNewPostIn(b.fs, b.site, { title: 'Cache Hits' }, ENV)).path, '/site/blog/2026-01-15-cache-hits/index.md');
  });

  it('Hexo and Astro: their content folders; Astro collections are sections', async () => {
    const hexo = await siteOf('hexo', { '_config.yml': 'title: x\n' });
    const h = planned(await planNewPostIn(hexo.fs, hexo.site, { title: 'Hello Hexo', authors: [] }, ENV));
    assert.equal(h.path, '/site/source/_posts/hello-hexo.md');
    assert.equal(text(h), '---\ntitle: Hello Hexo\ndate: 2026-01-15 05:00:00\ntags: []\n---\n\n');
    assert.equal(planned(await planNewPostIn(hexo.fs, hexo.site, { title: 'Hello Hexo', draft: true }, ENV)).path, '/site/source/_drafts/hello-hexo.md');
    const astro = await siteOf('astro', { 'src/content/notes/a.md': post('title: A\npubDate: 2024-01-01') }, ['src/content']);
    assert.equal(planned(await planNewPostIn(astro.fs, astro.site, { title: 'Hello Astro' }, ENV)).path, '/site/src/content/notes/hello-astro.md');
    assert.equal(planned(await planNewPostIn(astro.fs, astro.site, { title: 'Hello Astro', section: 'blog' }, ENV)).path, '/site/src/content/blog/hello-astro.md');
    const empty = await siteOf('astro', {}, ['src/content']);
    const e = planned(await planNewPostIn(empty.fs, empty.site, { title: 'First' }, ENV));
    assert.equal(e.path, '/site/src/content/blog/first.md');
    assert.equal(text(e), '---\ntitle: First\ndescription: ""\npubDate: 2026-01-15\ntags: []\n---\n\n');
  });

  it('a plain folder: the folder the posts are in (or the one clicked)', async () => {
    const f = await siteOf('folder', { 'notes/one_two.md': post('title: One'), 'notes/three_four.md': post('title: Three'), 'README.md': '# readme\n' });
    assert.equal(planned(await planNewPostIn(f.fs, f.site, { title: 'Five Six' }, ENV)).path, '/site/notes/five_six.md');
    assert.equal(planned(await planNewPostIn(f.fs, f.site, { title: 'Five Six', folder: '/site/drafts' }, ENV)).path, '/site/drafts/five_six.md');
  });
});
