import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

describe('SiteIndex.pageCount', () => {
  it('matches the page list, and follows creates, edits and deletes', async () => {
    const fs = new MemoryFs('/site', {
      'hugo.toml': '',
      'content/_index.md': '---\ntitle: Home\n---\n',
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/a.md': '---\ntitle: A\n---\n',
      'content/posts/b/index.md': '---\ntitle: B\n---\n',
    });
    const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
    const index = engine.sites[0].index;
    const expect = () => {
      const pages = index.contentPages();
      assert.equal(index.pageCount(), pages.length);
      assert.equal(index.pageCount('page'), pages.filter((p) => p.kind === 'page').length);
      assert.equal(index.pageCount('section'), pages.filter((p) => p.kind === 'section').length);
    };
    expect();
    assert.equal(index.pageCount('page'), 2);
    index.updateDocument('content/posts/c.md', '---\ntitle: C\n---\n');
    expect();
    assert.equal(index.pageCount('page'), 3);
    index.fileDeleted('content/posts/b');
    expect();
    assert.equal(index.pageCount('page'), 2);
  });
});
