/** The taxonomy index: values, counts and the pages using them, term folders, and author records. */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

const tree = {
  'hugo.toml': '[taxonomies]\ntag = "tags"\nauthor = "authors"\nseries = "series"\n',
  'content/posts/a.md': '---\ntags: [Go, writing]\nauthors: [rich]\nseries: Site building\n---\n',
  'content/posts/b.md': '+++\ntags = ["Go"]\nauthors = ["maya", "rich"]\ndraft = true\n+++\n',
  'content/posts/c.md': '---\ntitle: No terms\ncategories: [not-a-taxonomy-here]\n---\n',
  'content/authors/tomas/_index.md': '---\ntitle: Tomas\n---\n',
  'content/tags/hugo/_index.md': '---\ntitle: Hugo\n---\n',
  'data/authors/rich.toml': 'name = "Rich Example"\nbio = "Writes."\n',
  'data/authors/maya.yaml': 'display_name: Maya Sample\n',
  'data/authors/broken.json': '{ "name": ',
  'data/authors/notes.txt': 'not a record',
};

describe('Taxonomy index', () => {
  it('counts every value over all pages (drafts too) and lists the pages using it', async () => {
    const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const terms = engine.sites[0].index.termCounts();
    assert.deepEqual([...terms.keys()].sort(), ['authors', 'series', 'tags']);
    assert.deepEqual(terms.get('tags')!.get('Go'), { count: 2, files: ['content/posts/a.md', 'content/posts/b.md'] });
    assert.deepEqual(terms.get('tags')!.get('writing'), { count: 1, files: ['content/posts/a.md'] });
    assert.deepEqual(terms.get('authors')!.get('rich')?.count, 2);
    assert.deepEqual(terms.get('series')!.get('Site building')?.count, 1);
    assert.equal(terms.get('categories'), undefined, '[taxonomies] replaced the defaults');
  });

  it('term folders contribute their term with no uses', async () => {
    const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const terms = engine.sites[0].index.termCounts();
    assert.deepEqual(terms.get('authors')!.get('tomas'), { count: 0, files: [] });
    assert.deepEqual(terms.get('tags')!.get('hugo'), { count: 0, files: [] });
  });

  it('reads author records from data/authors with ids and display names; a broken record is an issue', async () => {
    const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const index = engine.sites[0].index;
    assert.deepEqual(index.authors().map((a) => [a.id, a.name, a.file]), [
      ['broken', undefined, 'data/authors/broken.json'],
      ['maya', 'Maya Sample', 'data/authors/maya.yaml'],
      ['rich', 'Rich Example', 'data/authors/rich.toml'],
    ]);
    assert.deepEqual(index.issues.map((i) => [i.code, i.path]), [['data.syntax', '/site/data/authors/broken.json']]);
  });

  it('updates counts when one post changes', async () => {
    const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const index = engine.sites[0].index;
    index.updateDocument('content/posts/c.md', '---\ntags: [Go, fresh]\n---\n');
    assert.equal(index.termCounts().get('tags')!.get('Go')?.count, 3);
    assert.equal(index.termCounts().get('tags')!.get('fresh')?.count, 1);
    assert.equal(index.lookupUrl('/tags/fresh/')[0]?.type, 'page');
  });
});
