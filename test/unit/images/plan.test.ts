import * as assert from 'node:assert/strict';
import { PNG, assertLinkWorks, siteWith } from './helpers';
import { cleanImageName } from '../../../src/core/images/plan';
import type { ImagePlan, ImagePlanResult } from '../../../src/core/images/plan';

const HUGO = 'baseURL = "https://example.org/"\ntitle = "T"\n';
const post = (fm: string, body = 'Text.\n') => `---\n${fm}\n---\n\n${body}`;

function planned(r: ImagePlanResult): ImagePlan {
  assert.equal(r.kind, 'planned', r.kind === 'refused' ? r.message : '');
  return (r as { plan: ImagePlan }).plan;
}

describe('images: the planner', () => {
  it('Hugo leaf bundle: beside index.md, bundle-relative', async () => {
    const { fs, engine } = await siteWith({ 'hugo.toml': HUGO, 'content/posts/trip/index.md': post('title: Trip') });
    const p = planned(await engine.images.plan({ post: '/site/content/posts/trip/index.md', name: 'Beach Day.png', bytes: PNG, alt: 'The beach' }));
    assert.equal(p.file, 'content/posts/trip/Beach-Day.png');
    assert.equal(p.markdown, '![The beach](Beach-Day.png)');
    assert.equal(p.url, '/posts/trip/Beach-Day.png');
    assert.equal(p.markdown.slice(p.alt.start, p.alt.end), 'The beach');
    await assertLinkWorks(fs, engine, 'content/posts/trip/index.md', p);
  });

  it('Hugo multilingual bundle: beside index.fr.md too', async () => {
    const cfg = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n';
    const { fs, engine } = await siteWith({ 'hugo.toml': cfg, 'content/posts/trip/index.md': post('title: Trip'), 'content/posts/trip/index.fr.md': post('title: Voyage') });
    const p = planned(await engine.images.plan({ post: '/site/content/posts/trip/index.fr.md', name: 'plage.png', bytes: PNG }));
    assert.equal(p.file, 'content/posts/trip/plage.png');
    assert.equal(p.markdown, '![](plage.png)');
    await assertLinkWorks(fs, engine, 'content/posts/trip/index.fr.md', p);
  });

  it('Hugo single-file post: the folder the site\u2019s posts use, root-relative; numbered, never overwriting', async () => {
    const { fs, engine } = await siteWith({
      'hugo.toml': HUGO,
      'content/posts/a.md': post('title: A', '![x](/img/posts/a.png)\n'),
      'content/posts/b.md': post('title: B', '![y](/img/posts/b.png)\n'),
      'static/img/posts/a.png': PNG,
      'static/img/posts/b.png': PNG,
      'static/img/posts/new.png': PNG,
      'content/posts/c.md': post('title: C'),
    });
    const p = planned(await engine.images.plan({ post: '/site/content/posts/c.md', name: 'new.png', bytes: PNG }));
    assert.equal(p.file, 'static/img/posts/new-2.png');
    assert.equal(p.markdown, '![](/img/posts/new-2.png)');
    assert.match(p.reason, /folder the site/);
    await assertLinkWorks(fs, engine, 'content/posts/c.md', p);
  });

  it('Hugo without evidence: static/images; a sub-path baseURL is in the link', async () => {
    const { fs, engine } = await siteWith({ 'hugo.toml': 'baseURL = "https://example.org/blog/"\n', 'content/posts/c.md': post('title: C') });
    const p = planned(await engine.images.plan({ post: '/site/content/posts/c.md', name: 'chart.png', bytes: PNG, alt: 'Chart' }));
    assert.equal(p.file, 'static/images/chart.png');
    assert.equal(p.markdown, '![Chart](/blog/images/chart.png)');
    await assertLinkWorks(fs, engine, 'content/posts/c.md', p);
  });

  it('Hugo with canonifyURLs: the root-relative link without the sub-path (Hugo adds it)', async () => {
    const { fs, engine } = await siteWith({ 'hugo.toml': 'baseURL = "https://example.org/blog/"\ncanonifyURLs = true\n', 'content/posts/c.md': post('title: C') });
    const p = planned(await engine.images.plan({ post: '/site/content/posts/c.md', name: 'chart.png', bytes: PNG }));
    assert.equal(p.markdown, '![](/images/chart.png)');
    await assertLinkWorks(fs, engine, 'content/posts/c.md', p);
  });

  it('a setting forces the folder', async () => {
    const { fs, engine } = await siteWith({ 'hugo.toml': HUGO, 'content/posts/trip/index.md': post('title: Trip') });
    const p = planned(await engine.images.plan({ post: '/site/content/posts/trip/index.md', name: 'x.png', bytes: PNG, folder: 'static/uploads' }));
    assert.equal(p.file, 'static/uploads/x.png');
    assert.equal(p.markdown, '![](/uploads/x.png)');
    await assertLinkWorks(fs, engine, 'content/posts/trip/index.md', p);
    assert.equal((await engine.images.plan({ post: '/site/content/posts/trip/index.md', name: 'x.png', folder: '../out' })).kind, 'refused');
  });

  it('Jekyll with a baseurl: assets/images and relative_url', async () => {
    const { fs, engine } = await siteWith({ '_config.yml': 'title: T\nbaseurl: /blog\n', '_posts/2021-04-08-pairing.md': post('title: Pairing') });
    const p = planned(await engine.images.plan({ post: '/site/_posts/2021-04-08-pairing.md', name: 'tz.png', bytes: PNG, alt: 'Zones' }));
    assert.equal(p.file, 'assets/images/tz.png');
    assert.equal(p.markdown, "![Zones]({{ '/assets/images/tz.png' | relative_url }})");
    await assertLinkWorks(fs, engine, '_posts/2021-04-08-pairing.md', p);
  });

  it('Jekyll: a year folder and the link form learned from the posts', async () => {
    const { fs, engine } = await siteWith({
      '_config.yml': 'title: T\n',
      '_posts/2020-03-14-a.md': post('title: A', '![a]({{ site.baseurl }}/assets/img/2020/a.png)\n'),
      '_posts/2021-01-19-b.md': post('title: B', '![b]({{ site.baseurl }}/assets/img/2021/b.png)\n'),
      'assets/img/2020/a.png': PNG,
      'assets/img/2021/b.png': PNG,
      '_posts/2022-05-01-c.md': post('title: C\ndate: 2022-05-01 10:00:00 +0000'),
    });
    const p = planned(await engine.images.plan({ post: '/site/_posts/2022-05-01-c.md', name: 'c.png', bytes: PNG }));
    assert.equal(p.file, 'assets/img/2022/c.png');
    assert.equal(p.markdown, '![]({{ site.baseurl }}/assets/img/2022/c.png)');
    await assertLinkWorks(fs, engine, '_posts/2022-05-01-c.md', p);
  });

  it('Docusaurus: a folder post keeps it beside index.md (./), a single-file post in static/img', async () => {
    const { fs, engine } = await siteWith({
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/", presets: [["classic", { docs: false, blog: { path: "blog" } }]] };\n',
      'blog/2021-06-12-second/index.md': post('title: Second'),
      'blog/2021-05-30-first.md': post('title: First'),
    });
    const a = planned(await engine.images.plan({ post: '/site/blog/2021-06-12-second/index.md', name: 'hits.png', bytes: PNG }));
    assert.equal(a.file, 'blog/2021-06-12-second/hits.png');
    assert.equal(a.markdown, '![](./hits.png)');
    await assertLinkWorks(fs, engine, 'blog/2021-06-12-second/index.md', a);
    const b = planned(await engine.images.plan({ post: '/site/blog/2021-05-30-first.md', name: 'logo.png', bytes: PNG }));
    assert.equal(b.file, 'static/img/logo.png');
    assert.equal(b.markdown, '![](/img/logo.png)');
    await assertLinkWorks(fs, engine, 'blog/2021-05-30-first.md', b);
  });

  it('refuses what is not an image, and a post outside any site', async () => {
    const { engine } = await siteWith({ 'hugo.toml': HUGO, 'content/posts/c.md': post('title: C') });
    const text = new TextEncoder().encode('hello');
    assert.match((await engine.images.plan({ post: '/site/content/posts/c.md', name: 'notes.txt', bytes: text })).kind, /refused/);
    const fake = await engine.images.plan({ post: '/site/content/posts/c.md', name: 'fake.png', bytes: text });
    assert.equal(fake.kind, 'refused');
    assert.match((fake as { message: string }).message, /does not hold an image/);
    assert.equal((await engine.images.plan({ post: '/elsewhere/x.md', name: 'a.png', bytes: PNG })).kind, 'refused');
  });

  it('an image already published in the site (dropped from the explorer) is linked where it is', async () => {
    const { engine } = await siteWith({ 'hugo.toml': 'baseURL = "https://example.org/blog/"\n', 'static/img/a.png': PNG, 'content/posts/c.md': post('title: C'), 'content/posts/b/index.md': post('title: B'), 'content/posts/b/d.png': PNG, 'notes/raw.png': PNG });
    assert.equal(engine.images.linkExisting('/site/content/posts/c.md', '/site/static/img/a.png')?.markdown, '![](/blog/img/a.png)');
    assert.equal(engine.images.linkExisting('/site/content/posts/b/index.md', '/site/content/posts/b/d.png', 'D')?.markdown, '![D](d.png)');
    assert.equal(engine.images.linkExisting('/site/content/posts/c.md', '/site/notes/raw.png'), undefined, 'not published: copied instead');
  });

  it('names: safe for URLs and Markdown, a pasted image without a name gets one', () => {
    assert.equal(cleanImageName('My Photo (1).JPG'), 'My-Photo-1.JPG');
    assert.equal(cleanImageName('../../etc/passwd.png'), 'passwd.png');
    assert.equal(cleanImageName('clipboard', 'jpeg'), 'clipboard.jpg');
  });
});
