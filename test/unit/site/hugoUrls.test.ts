import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

async function pagesOf(tree: Record<string, string>) {
  const fs = new MemoryFs('/site', tree);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  const site = engine.sites[0];
  return { site, byFile: (f: string) => site.index.pagesOfFile(f)[0] };
}

describe('Hugo file → URL', () => {
  it('maps plain files, leaf bundles and branch bundles', async () => {
    const { site, byFile } = await pagesOf({
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/_index.md': '---\ntitle: Home\n---\n',
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/Mixed_Case.md': '---\ntitle: A\n---\n',
      'content/posts/bundle/index.md': '---\ntitle: B\n---\n',
      'content/posts/bundle/notes.md': 'a resource, not a page',
      'content/posts/bundle/pic.png': 'png',
    });
    assert.equal(site.model.summary.generator, 'hugo');
    assert.equal(byFile('content/_index.md').url, '/');
    assert.equal(byFile('content/_index.md').kind, 'home');
    assert.equal(byFile('content/posts/_index.md').url, '/posts/');
    assert.equal(byFile('content/posts/Mixed_Case.md').url, '/posts/mixed_case/');
    assert.equal(byFile('content/posts/bundle/index.md').url, '/posts/bundle/');
    assert.equal(byFile('content/posts/bundle/notes.md'), undefined);
    assert.equal(site.index.lookupUrl('/posts/bundle/pic.png')[0]?.type, 'file');
  });

  it('applies slug, url, aliases, permalinks, uglyURLs and a baseURL sub-path', async () => {
    const { byFile, site } = await pagesOf({
      'hugo.toml': 'baseURL = "https://example.org/blog/"\nuglyURLs = false\n[permalinks]\nnews = "/:year/:month/:slug/"\n',
      'content/posts/a.md': '---\ntitle: A\nslug: My Custom Slug\naliases: ["/old/a/", "legacy"]\n---\n',
      'content/posts/b.md': '---\ntitle: B\nurl: /custom/b/\n---\n',
      'content/news/c.md': '---\ntitle: Leading vs Managing?\ndate: 2019-04-11T14:39:51-07:00\n---\n',
    });
    assert.equal(byFile('content/posts/a.md').url, '/blog/posts/my-custom-slug/');
    assert.deepEqual(byFile('content/posts/a.md').aliases, ['/blog/old/a/', '/blog/posts/legacy/']);
    assert.equal(byFile('content/posts/b.md').url, '/blog/custom/b/');
    assert.equal(byFile('content/news/c.md').url, '/blog/2019/04/leading-vs-managing/');
    assert.equal(site.index.lookupUrl('/blog/old/a/')[0]?.type, 'alias');
  });

  it('publishes no alias with disableAliases (hugo 0.111 writes no redirect page)', async () => {
    const { byFile, site } = await pagesOf({
      'hugo.toml': 'baseURL = "https://example.org/"\ndisableAliases = true\n',
      'content/posts/a.md': '---\ntitle: A\naliases: ["/old/a/"]\n---\n',
    });
    assert.deepEqual(byFile('content/posts/a.md').aliases, []);
    assert.equal(site.index.lookupUrl('/old/a/').length, 0);
  });

  it('keeps publish status as a field', async () => {
    const { byFile } = await pagesOf({
      'hugo.toml': '',
      'content/posts/d.md': '---\ndraft: true\n---\n',
      'content/posts/f.md': '---\ndate: 2099-01-01\n---\n',
      'content/posts/e.md': '+++\nexpiryDate = 2020-01-01T00:00:00Z\n+++\n',
      'content/posts/p.md': '{\n "title": "P"\n}\n',
    });
    assert.equal(byFile('content/posts/d.md').status, 'draft');
    assert.equal(byFile('content/posts/d.md').willPublish, false);
    assert.equal(byFile('content/posts/f.md').status, 'future');
    assert.equal(byFile('content/posts/e.md').status, 'expired');
    assert.equal(byFile('content/posts/p.md').status, 'published');
    assert.equal(byFile('content/posts/p.md').title, 'P');
  });
});
