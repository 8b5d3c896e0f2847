import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import { markupOptionsFor, prepareSite, renderInSite, resolveSiteImage, type SiteRenderOptions } from '../../../src/core/render/site';
import { headingIdsIn } from './helpers';

const OPTS: SiteRenderOptions = { resourceUri: (abs) => `webview:${abs}`, allowHttpsImages: false };

async function blog(extra: Record<string, string> = {}, config = 'baseURL = "https://blog.example.com/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n') {
  const fs = new MemoryFs('/site', {
    'hugo.toml': config,
    'data/authors/rich.toml': 'name = "Rich Alvarez"\n',
    'static/images/chart.png': 'png',
    'content/posts/a.md': '---\ntitle: A\ndate: 2020-01-01T10:00:00-05:00\nauthors: [rich]\n---\n\n## Known Section\n\nText.\n',
    'content/posts/draft.md': '---\ntitle: Draft\ndraft: true\n---\nx\n',
    'content/posts/future.md': '---\ntitle: Later\ndate: 2099-01-01\n---\nx\n',
    'content/posts/bundle/index.md': '---\ntitle: Bundle\n---\n![pic](pic.png)\n',
    'content/posts/bundle/pic.png': 'png',
    ...extra,
  });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  return { engine, site: engine.sites[0] };
}

describe('preview rendering through the site model', () => {
  it('reads the Goldmark settings from the site configuration', async () => {
    const plain = await blog();
    const p = await markupOptionsFor(plain.engine, plain.site);
    assert.deepEqual([p.dialect.templates, p.dialect.headingIds, p.dialect.headingAttributes, p.dialect.rawHtml, p.dialect.footnotes, p.dialect.typographer], ['shortcodes', 'goldmark', true, false, true, true]);
    const unsafe = await blog({}, 'baseURL = "/"\n[markup.goldmark.renderer]\nunsafe = true\n[markup.goldmark.extensions]\ntypographer = false\n[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n');
    const u = await markupOptionsFor(unsafe.engine, unsafe.site);
    assert.deepEqual([u.dialect.templates, u.dialect.headingIds, u.dialect.headingAttributes, u.dialect.rawHtml, u.dialect.footnotes, u.dialect.typographer], ['shortcodes', 'blackfriday', true, true, true, false]);
    // The preview reads the checker's dialect: the same object the site model holds.
    assert.equal(u.dialect, unsafe.site.model.dialect);
  });

  it('marks links to missing pages, unpublished pages and missing headings; passes good ones', async () => {
    const lines = [
      '---', 'title: Linker', 'authors: [rich, nobody]', '---',
      '## Here',
      '[ok](/posts/a/) [ok-rel](../a/) [ok-frag](/posts/a/#known-section) [own](#here)',
      '[gone](/posts/nope/) [draft](/posts/draft/) [future](../future/) [bad-frag](/posts/a/#nope) [own-bad](#nowhere)',
      '[md](a.md) [abs-own-site](https://blog.example.com/posts/a/) [external](https://other.example/x) [mail](mailto:a@b.c)',
      '[ref]({{< relref "a.md#known-section" >}}) [ref-bad]({{< ref "missing.md" >}})',
    ];
    const text = lines.join('\n');
    // The index knows the post (in the editor: its unsaved text), so relative links have a base URL.
    const { engine, site } = await blog({ 'content/posts/linker.md': text });
    const post = renderInSite(site, '/site/content/posts/linker.md', text, await prepareSite(engine, site), OPTS);
    const broken = Object.fromEntries(post.links.map((l) => [l.target, l.verdict.broken ?? null]));
    for (const ok of ['/posts/a/', '../a/', '/posts/a/#known-section', '#here', 'https://blog.example.com/posts/a/', 'https://other.example/x', 'mailto:a@b.c', 'a.md#known-section']) assert.equal(broken[ok], null, ok);
    for (const bad of ['/posts/nope/', '/posts/draft/', '../future/', '/posts/a/#nope', '#nowhere', 'a.md', 'missing.md']) assert.ok(broken[bad], `${bad} is marked broken`);
    // The same verdicts, in the same words, as the link diagnostics for this text.
    const diagnostics = (await engine.checkDocument('/site/content/posts/linker.md', text)).filter((d) => d.code.startsWith('link.') || d.code.startsWith('ref.'));
    const fromDiagnostics = diagnostics.map((d) => `${d.target} → ${d.message}`).sort();
    const fromPreview = post.links.filter((l) => l.verdict.broken).map((l) => `${l.target} → ${l.verdict.broken}`).sort();
    assert.deepEqual(fromPreview, fromDiagnostics);
    // What a click opens.
    const toA = post.links.find((l) => l.target === '/posts/a/#known-section')!.verdict;
    assert.equal(toA.file, '/site/content/posts/a.md');
    assert.equal(toA.fragment, 'known-section');
    assert.equal(post.links.find((l) => l.target === 'https://other.example/x')!.verdict.kind, 'external');
    assert.equal((post.bodyHtml.match(/pc-link-broken/g) ?? []).length, 7);
    assert.match(post.headerHtml, />Rich Alvarez<\/span>, <span class="pc-author" data-author="nobody">nobody</);
  });

  it('takes the status badge from the site model', async () => {
    const { engine, site } = await blog();
    const markup = await prepareSite(engine, site);
    const text = (await engine.readText('/site/content/posts/future.md'))!;
    assert.match(renderInSite(site, '/site/content/posts/future.md', text, markup, OPTS).headerHtml, /pc-badge-future/);
    assert.doesNotMatch(renderInSite(site, '/site/content/posts/a.md', (await engine.readText('/site/content/posts/a.md'))!, markup, OPTS).headerHtml, /pc-badge/);
  });

  it('resolves images from static/, page bundles and relative paths, and marks missing ones', async () => {
    const { site } = await blog();
    assert.deepEqual(resolveSiteImage(site, 'content/posts/a.md', '/images/chart.png', OPTS), { uri: 'webview:/site/static/images/chart.png' });
    assert.deepEqual(resolveSiteImage(site, 'content/posts/bundle/index.md', 'pic.png', OPTS), { uri: 'webview:/site/content/posts/bundle/pic.png' });
    assert.deepEqual(resolveSiteImage(site, 'content/posts/a.md', 'bundle/pic.png', OPTS), { uri: 'webview:/site/content/posts/bundle/pic.png' });
    assert.deepEqual(resolveSiteImage(site, 'content/posts/a.md', 'https://blog.example.com/images/chart.png', OPTS), { uri: 'webview:/site/static/images/chart.png' });
    assert.ok('missing' in resolveSiteImage(site, 'content/posts/a.md', '/images/none.png', OPTS));
    assert.ok('blocked' in resolveSiteImage(site, 'content/posts/a.md', 'https://cdn.example/x.png', OPTS));
    assert.deepEqual(resolveSiteImage(site, 'content/posts/a.md', 'https://cdn.example/x.png', { ...OPTS, allowHttpsImages: true }), { uri: 'https://cdn.example/x.png' });
    assert.ok('blocked' in resolveSiteImage(site, 'content/posts/a.md', 'http://cdn.example/x.png', { ...OPTS, allowHttpsImages: true }));
    assert.ok('blocked' in resolveSiteImage(site, 'content/posts/a.md', 'file:///etc/passwd', OPTS));
    // The host may refuse a file (outside localResourceRoots): marked, not loaded.
    assert.ok('blocked' in resolveSiteImage(site, 'content/posts/a.md', '/images/chart.png', { ...OPTS, resourceUri: () => undefined }));
  });

  it('gives headings the ids the site index stores for the same document', async () => {
    const { engine, site } = await blog();
    const text = (await engine.readText('/site/content/posts/a.md'))!;
    const post = renderInSite(site, '/site/content/posts/a.md', text, await prepareSite(engine, site), OPTS);
    assert.deepEqual(headingIdsIn(post.bodyHtml), site.index.document('content/posts/a.md')!.body().headings.map((h) => h.id));
  });
});
