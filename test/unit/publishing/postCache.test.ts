/**
 * The post list kept between calls gives what a fresh listing gives, every time: after an edit to a
 * post, to a section (a draft cascade), after a reload, and when the clock passes a post's date.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import { listPosts } from '../../../src/core/publishing/posts';

describe('Publishing: the post list kept between calls', () => {
  it('reuses what holds, and equals a fresh listing after edits and as time passes', async () => {
    let now = new Date('2027-03-09T08:00:00Z');
    const files: Record<string, string> = {
      'hugo.toml': 'baseURL = "https://x.org/"\n',
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/a.md': '---\ntitle: A\ndate: 2027-03-09T09:00:00Z\n---\n',
      'content/posts/b.md': '---\ntitle: B\ndate: 2027-01-01\nexpiryDate: 2027-03-10\n---\n',
      'content/notes/n.md': '---\ntitle: N\ndate: 2026-01-01\n---\n',
    };
    const engine = await createPostcraft({ fs: new MemoryFs('/site', files), roots: ['/site'], clock: { now: () => now } });
    const site = () => engine.sites[0];
    const same = () => assert.deepEqual(engine.publishing.posts(site()), listPosts(site(), now));
    const status = (f: string) => engine.publishing.posts(site()).find((p) => p.file === f)?.status;

    same();
    const first = engine.publishing.posts(site());
    const again = engine.publishing.posts(site());
    first.forEach((p, i) => assert.equal(again[i], p, `${p.file} reused`));
    assert.equal(status('content/posts/a.md'), 'future');

    // A post edited: only its entry is worked out again.
    engine.documentChanged('/site/content/posts/b.md', '---\ntitle: B2\ndraft: true\n---\nText\n');
    same();
    const afterEdit = engine.publishing.posts(site());
    assert.equal(afterEdit.find((p) => p.file === 'content/notes/n.md'), first.find((p) => p.file === 'content/notes/n.md'));
    assert.equal(status('content/posts/b.md'), 'draft');

    // A section made a draft by a cascade: its posts change though their own pages did not.
    engine.documentChanged('/site/content/notes/_index.md', '---\ntitle: Notes\ncascade:\n  draft: true\n---\n');
    same();
    assert.equal(status('content/notes/n.md'), 'draft');

    // The clock passes a's date: scheduled, then published.
    now = new Date('2027-03-09T09:00:01Z');
    same();
    assert.equal(status('content/posts/a.md'), 'published');
    // And back (a --clock in the past): worked out again, not reused.
    now = new Date('2027-03-01T00:00:00Z');
    same();
    assert.equal(status('content/posts/a.md'), 'future');
  });
});
