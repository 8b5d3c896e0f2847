/**
 * A site's configuration changes (the index is rebuilt) while files keep changing: events that arrive
 * during the new crawl reach the new index, even where the crawl walked past them.
 */
import * as assert from 'node:assert/strict';
import { createPostcraft } from '../../../src/core/service';
import { MemoryFs } from '../helpers/memoryFs';

const POST = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;

/** The in-memory file system, where a read of one file waits until `release()`. */
class HeldFs extends MemoryFs {
  private held: { path: string; gate: Promise<void>; open: () => void; arrived: () => void } | undefined;
  /** Resolves when the held file's read has started (and waits). */
  reached: Promise<void> = Promise.resolve();
  hold(path: string): void {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let arrived!: () => void;
    this.reached = new Promise<void>((r) => (arrived = r));
    this.held = { path, gate, open, arrived };
  }
  release(): void {
    this.held?.open();
    this.held = undefined;
  }
  override async readFile(path: string): Promise<Uint8Array> {
    const h = this.held;
    if (h && path === h.path) {
      h.arrived();
      await h.gate;
    }
    return super.readFile(path);
  }
}

describe('file events during a site reload', () => {
  for (const kind of ['created', 'deleted', 'renamed'] as const) {
    it(`a post ${kind} while the index is rebuilt is in the new index as it is on disk`, async () => {
      const fs = new HeldFs('/site', { 'hugo.toml': 'baseURL = "https://example.com/"\n', 'content/posts/a.md': POST('A'), 'content/posts/b.md': POST('B') });
      const engine = await createPostcraft({ fs, roots: ['/site'] });
      // The reload's crawl waits on a post's read after its walk; the event happens then.
      fs.hold('/site/content/posts/a.md');
      fs.write('/site/hugo.toml', 'baseURL = "https://example.com/"\ntitle = "Changed"\n');
      const reload = engine.fileChanged('/site/hugo.toml');
      await fs.reached;
      if (kind === 'created') {
        fs.write('/site/content/posts/c.md', POST('C'));
        await engine.fileCreated('/site/content/posts/c.md');
      } else if (kind === 'deleted') {
        fs.delete('/site/content/posts/b.md');
        engine.fileDeleted('/site/content/posts/b.md');
      } else {
        fs.rename('/site/content/posts/b.md', '/site/content/posts/d.md');
        await engine.fileRenamed('/site/content/posts/b.md', '/site/content/posts/d.md');
      }
      fs.release();
      await reload;
      const site = engine.sites[0];
      const files = [...site.index.documents.keys()].filter((f) => f.startsWith('content/')).sort();
      const expected = { created: ['content/posts/a.md', 'content/posts/b.md', 'content/posts/c.md'], deleted: ['content/posts/a.md'], renamed: ['content/posts/a.md', 'content/posts/d.md'] }[kind];
      assert.deepEqual(files, expected);
    });
  }
});
