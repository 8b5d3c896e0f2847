/**
 * Hugo URL rules checked against the real hugo 0.111 (the conformance suite builds the same cases
 * with hugo itself); here they run without hugo, as fast regression tests.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import { configDirKeys } from '../../../src/core/generators/hugo/config';

async function siteOf(tree: Record<string, string>) {
  const fs = new MemoryFs('/site', tree);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  const site = engine.sites[0];
  const url = (f: string) => site.index.pagesOfFile(f)[0]?.url;
  const page = (f: string) => site.index.pagesOfFile(f)[0];
  const types = (u: string) => site.index.lookupUrl(u).map((t) => t.type);
  const published = (u: string) => site.index.lookupUrl(u).some((t) => (t.type === 'page' || t.type === 'alias' ? t.page.willPublish : true));
  return { site, url, page, types, published, fs };
}
const fm = (o: Record<string, unknown>) => `---\n${Object.entries(o).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n`;

describe('Hugo rules verified against hugo 0.111', () => {
  it('url: keeps its case, gets a trailing slash and the sub-path; .html urls stay files', async () => {
    const { url } = await siteOf({
      'hugo.toml': 'baseURL = "https://x.org/sub/"',
      'content/posts/a.md': fm({ url: '/Elsewhere/Entirely' }),
      'content/posts/b.md': fm({ url: '/pages/printable.html' }),
    });
    assert.equal(url('content/posts/a.md'), '/sub/Elsewhere/Entirely/');
    assert.equal(url('content/posts/b.md'), '/sub/pages/printable.html');
  });

  it('aliases: case kept, relative ones beside the page URL, only .html is a file, sub-path added', async () => {
    const { page, types } = await siteOf({
      'hugo.toml': 'baseURL = "https://x.org/sub/"',
      'content/posts/a.md': fm({ aliases: ['/Old/Location/', 'previous', '../up-one', '/feed-old.xml', '/flat.html'] }),
      'content/posts/b.md': fm({ url: '/top/level/page/', aliases: ['sibling'] }),
    });
    assert.deepEqual(page('content/posts/a.md').aliases, ['/sub/Old/Location/', '/sub/posts/previous/', '/sub/up-one/', '/sub/feed-old.xml/', '/sub/flat.html']);
    assert.deepEqual(page('content/posts/b.md').aliases, ['/sub/top/level/sibling/']);
    assert.deepEqual(types('/sub/Old/Location/'), ['alias']);
  });

  it('uglyURLs = true: pages, sections, terms and aliases end in .html; feeds and resources stay in folders', async () => {
    const { url, page, types } = await siteOf({
      'hugo.toml': 'uglyURLs = true',
      'content/posts/_index.md': fm({ title: 'Posts' }),
      'content/posts/plain.md': fm({ tags: ['Ugly Tag'], aliases: ['/old/plain/', 'rel'] }),
      'content/posts/bundle/index.md': fm({ title: 'B' }),
      'content/posts/bundle/figure.txt': 'r',
      'content/posts/with-url.md': fm({ url: '/custom/place/' }),
    });
    assert.equal(url('content/posts/_index.md'), '/posts.html');
    assert.equal(url('content/posts/plain.md'), '/posts/plain.html');
    assert.deepEqual(page('content/posts/plain.md').aliases, ['/old/plain.html', '/posts/rel.html']);
    assert.equal(url('content/posts/with-url.md'), '/custom/place/');
    assert.deepEqual(types('/posts/bundle/figure.txt'), ['file']);
    assert.deepEqual(types('/tags/ugly-tag.html'), ['page']);
    assert.deepEqual(types('/tags.html'), ['page']);
    assert.deepEqual(types('/posts/index.xml'), ['generated']);
    assert.deepEqual(types('/tags/ugly-tag/index.xml'), ['generated']);
  });

  it('a per-section uglyURLs map does not make aliases ugly', async () => {
    const { url, page } = await siteOf({ 'hugo.toml': '[uglyURLs]\nposts = true', 'content/posts/a.md': fm({ aliases: ['older'] }), 'content/notes/c.md': fm({ title: 'C' }) });
    assert.equal(url('content/posts/a.md'), '/posts/a.html');
    assert.deepEqual(page('content/posts/a.md').aliases, ['/posts/older/']);
    assert.equal(url('content/notes/c.md'), '/notes/c/');
  });

  it('resources keep case and spaces; loose files keep their raw path', async () => {
    const { types } = await siteOf({
      'hugo.toml': '',
      'content/posts/_index.md': fm({ title: 'P' }),
      'content/posts/trip/index.md': fm({ title: 'T' }),
      'content/posts/trip/Route_Map.PNG': 'x',
      'content/posts/trip/notes/Day One.txt': 'x',
      'content/posts/Branch/_index.md': fm({ title: 'B' }),
      'content/posts/Branch/Attachment.txt': 'x',
      'content/Guides/Getting Started.md': fm({ title: 'G' }),
      'content/Guides/Cheat_Sheet.TXT': 'x',
    });
    for (const u of ['/posts/trip/Route_Map.PNG', '/posts/trip/notes/Day One.txt', '/posts/branch/Attachment.txt', '/Guides/Cheat_Sheet.TXT']) assert.deepEqual(types(u), ['file'], u);
    assert.deepEqual(types('/guides/getting-started/'), ['page']);
    assert.deepEqual(types('/guides/'), ['page']);
  });

  it('taxonomy list pages exist without terms; term pages need a published user or a term folder', async () => {
    const { types, published } = await siteOf({
      'hugo.toml': '',
      'content/posts/live.md': fm({ tags: ['shared'] }),
      'content/posts/draft.md': fm({ draft: true, tags: ['draft-only', 'shared'] }),
      'content/tags/orphan/_index.md': fm({ title: 'Orphan' }),
    });
    assert.deepEqual(types('/categories/'), ['page']);
    assert.ok(published('/tags/shared/'));
    assert.deepEqual(types('/tags/draft-only/'), []);
    assert.ok(published('/tags/orphan/'));
  });

  it('a draft or future section hides its pages, their terms and its files', async () => {
    const { page, types, site } = await siteOf({
      'hugo.toml': '',
      'content/hidden/_index.md': fm({ draft: true }),
      'content/hidden/child.md': fm({ tags: ['from-hidden'] }),
      'content/hidden/deeper/leaf/index.md': fm({ title: 'L' }),
      'content/hidden/file.txt': 'x',
      'content/later/_index.md': fm({ date: '2099-01-01' }),
      'content/later/now.md': fm({ title: 'Now' }),
    });
    assert.equal(page('content/hidden/child.md').willPublish, false);
    assert.equal(page('content/hidden/child.md').status, 'draft');
    assert.equal(page('content/hidden/deeper/leaf/index.md').willPublish, false);
    assert.equal(page('content/later/now.md').status, 'future');
    assert.deepEqual(types('/tags/from-hidden/'), []);
    const file = site.index.lookupUrl('/hidden/file.txt')[0];
    assert.ok(file.type === 'file' && file.owner?.status === 'draft');
  });

  it('permalinks: tokens, :year of an undated page is 1, local calendar date, sections matched as written', async () => {
    const { url } = await siteOf({
      'hugo.yaml': 'permalinks:\n  posts: /:year/:month/:day/:slug/\n  notes: /:section/:monthname/:yearday/:filename/\n  guides: /:sections/:title/\n  capitals: /caps/:year/:filename/\n',
      'content/posts/late.md': fm({ title: 'Late', date: '2020-12-31T23:30:00-05:00' }),
      'content/posts/undated.md': fm({ title: 'No date at all' }),
      'content/notes/Quick_Note.md': fm({ title: 'Q', date: '2024-02-29' }),
      'content/guides/setup/_index.md': fm({ title: 'Setup' }),
      'content/guides/setup/install.md': fm({ title: 'Install: the Long Way' }),
      'content/guides/setup/Deeper/page.md': fm({ title: 'Deeper page' }),
      'content/Capitals/Cap_Page.md': fm({ title: 'C', date: '2010-10-10' }),
    });
    assert.equal(url('content/posts/late.md'), '/2020/12/31/late/');
    assert.equal(url('content/posts/undated.md'), '/1/01/01/no-date-at-all/');
    assert.equal(url('content/notes/Quick_Note.md'), '/notes/february/60/quick_note/');
    assert.equal(url('content/guides/setup/install.md'), '/guides/setup/install-the-long-way/');
    assert.equal(url('content/guides/setup/Deeper/page.md'), '/guides/setup/deeper-page/');
    assert.equal(url('content/Capitals/Cap_Page.md'), '/capitals/cap_page/');
  });

  it('disablePathToLower: pages and _index sections keep case, sections Hugo makes are lower-cased', async () => {
    const { url, types } = await siteOf({
      'hugo.toml': 'disablePathToLower = true',
      'content/Posts/_index.md': fm({ title: 'P' }),
      'content/Posts/Mixed_Case.md': fm({ tags: ['Capital Tag'] }),
      'content/Dated/Entry.md': fm({ title: 'E' }),
    });
    assert.equal(url('content/Posts/Mixed_Case.md'), '/Posts/Mixed_Case/');
    assert.equal(url('content/Posts/_index.md'), '/Posts/');
    assert.deepEqual(types('/dated/'), ['page']);
    assert.deepEqual(types('/Dated/'), []);
    assert.deepEqual(types('/tags/Capital-Tag/'), ['page']);
  });

  it('multilingual: contentDir per language, filename suffix, redirects and per-language resources', async () => {
    const dirs = await siteOf({
      'hugo.toml': 'defaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n[languages.en]\nweight = 1\ncontentDir = "content/english"\n[languages.fr]\nweight = 2\ncontentDir = "content/french"\n',
      'content/english/posts/hello.md': fm({ title: 'Hello' }),
      'content/french/posts/bonjour.md': fm({ title: 'Bonjour' }),
    });
    assert.equal(dirs.url('content/english/posts/hello.md'), '/en/posts/hello/');
    assert.equal(dirs.url('content/french/posts/bonjour.md'), '/fr/posts/bonjour/');
    assert.deepEqual(dirs.types('/'), ['alias']);
    const suffix = await siteOf({
      'config.yaml': 'baseURL: https://x.org/docs/\nlanguages:\n  en: {weight: 1}\n  de: {weight: 2}\n',
      'content/posts/apple.md': fm({ title: 'Apple' }),
      'content/posts/apple.de.md': fm({ title: 'Apfel', slug: 'apfel' }),
      'content/posts/pear/index.md': fm({ title: 'Pear' }),
      'content/posts/pear/index.de.md': fm({ title: 'Birne' }),
      'content/posts/pear/shared.txt': 'x',
    });
    assert.equal(suffix.url('content/posts/apple.md'), '/docs/posts/apple/');
    assert.equal(suffix.url('content/posts/apple.de.md'), '/docs/de/posts/apfel/');
    assert.equal(suffix.page('content/posts/apple.de.md').lang, 'de');
    assert.deepEqual(suffix.types('/docs/en/'), ['alias']);
    assert.deepEqual(suffix.types('/docs/posts/pear/shared.txt'), ['file']);
    assert.deepEqual(suffix.types('/docs/de/posts/pear/shared.txt'), ['file']);
    assert.deepEqual(suffix.types('/docs/en/sitemap.xml'), ['generated']);
  });

  it('multilingual branch bundles: a file is copied to each language with an _index there, not to the others', async () => {
    const { types } = await siteOf({
      'hugo.toml': 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\n',
      'content/docs/_index.md': fm({ title: 'Docs' }),
      'content/docs/_index.fr.md': fm({ title: 'Docs' }),
      'content/docs/shot.png': 'x',
      'content/docs/map.png': 'x',
      'content/docs/map.fr.png': 'x',
      'content/only-fr/_index.fr.md': fm({ title: 'F' }),
      'content/only-fr/f.png': 'x',
      'content/only-fr/g.fr.png': 'x',
    });
    assert.deepEqual(types('/docs/shot.png'), ['file']);
    assert.deepEqual(types('/fr/docs/shot.png'), ['file']);
    assert.deepEqual(types('/de/docs/shot.png'), []);
    assert.deepEqual(types('/fr/docs/map.png'), []);
    assert.deepEqual(types('/fr/docs/map.fr.png'), ['file']);
    assert.deepEqual(types('/docs/map.fr.png'), []);
    assert.deepEqual(types('/only-fr/f.png'), ['file']);
    assert.deepEqual(types('/fr/only-fr/f.png'), []);
    assert.deepEqual(types('/fr/only-fr/g.fr.png'), ['file']);
    assert.deepEqual(types('/only-fr/g.fr.png'), []);
  });

  it('[taxonomies] replaces the defaults; config/_default files merge by name', async () => {
    const { site, types } = await siteOf({
      'config/_default/hugo.toml': 'title = "T"',
      'config/_default/taxonomies.yaml': 'tag: tags\nauthor: authors\n',
      'content/posts/one.md': fm({ tags: ['Go'], categories: ['ignored'], authors: ['rich'] }),
    });
    assert.deepEqual(site.model.taxonomies.map((t) => t.plural), ['tags', 'authors']);
    assert.equal(site.model.summary.title, 'T');
    assert.deepEqual(types('/categories/'), []);
    assert.deepEqual(types('/authors/rich/'), ['page']);
  });

  it('a language code before the extension puts a config/_default file under that language', async () => {
    assert.deepEqual(configDirKeys('languages.fr.toml'), ['languages', 'fr']);
    assert.deepEqual(configDirKeys('params.fr.yaml'), ['languages', 'fr', 'params']);
    assert.deepEqual(configDirKeys('menu.pt-br.toml'), ['languages', 'pt-br', 'menus']);
    assert.deepEqual(configDirKeys('markup.fr.toml'), ['languages', 'fr']);
    assert.deepEqual(configDirKeys('Params.toml'), ['params']);
    assert.deepEqual(configDirKeys('hugo.toml'), []);
    const { url, types } = await siteOf({
      'config/_default/hugo.toml': 'defaultContentLanguage = "en"',
      'config/_default/languages.en.toml': 'contentDir = "content/en"\nweight = 1',
      'config/_default/languages.fr.toml': 'contentDir = "content/fr"\nweight = 2',
      'content/en/a.md': fm({ title: 'A' }),
      'content/fr/a.md': fm({ title: 'A' }),
      'content/other/b.md': fm({ title: 'B' }),
    });
    assert.equal(url('content/en/a.md'), '/a/');
    assert.equal(url('content/fr/a.md'), '/fr/a/');
    // Every language has its own folder: hugo reads nothing else of content/.
    assert.equal(url('content/other/b.md'), undefined);
    assert.deepEqual(types('/other/b/'), []);
  });
});

describe('Hugo link semantics', () => {
  const sem = async (tree: Record<string, string>, override?: 'url' | 'content-path') => {
    const fs = new MemoryFs('/site', tree);
    const engine = await createPostcraft({ fs, roots: ['/site'], settings: { linkSemantics: override } });
    return engine.sites[0].model.summary.linkSemantics;
  };
  it('URL semantics by default; content paths with a site or theme link hook or the embedded one; a setting overrides', async () => {
    assert.equal(await sem({ 'hugo.toml': '' }), 'url');
    assert.equal(await sem({ 'hugo.toml': '', 'layouts/_default/_markup/render-link.html': 'x' }), 'content-path');
    assert.equal(await sem({ 'hugo.toml': '', 'layouts/_markup/render-link.html': 'x' }), 'content-path');
    assert.equal(await sem({ 'hugo.toml': 'theme = "t"', 'themes/t/layouts/_default/_markup/render-link.html': 'x' }), 'content-path');
    assert.equal(await sem({ 'hugo.toml': '', 'themes/t/layouts/_default/_markup/render-link.html': 'x' }), 'url', 'an unused theme does not count');
    assert.equal(await sem({ 'hugo.toml': '[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"' }), 'content-path');
    assert.equal(await sem({ 'hugo.toml': '', 'layouts/_default/_markup/render-link.html': 'x' }, 'url'), 'url');
  });
});
