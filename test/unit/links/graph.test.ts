import * as assert from 'node:assert/strict';
import { FM, checkPost } from './helpers';
import { linkGraph } from '../../../src/core/links/diagnostics';
import { keysForFile } from '../../../src/core/links/graph';

describe('link dependencies and index reuse', () => {
  it('records what a document links to, so creating or deleting a target finds its linkers', async () => {
    const { engine } = await checkPost(`${FM}\n[a](../alpha/) [n](../newpost) {{< ref "later" >}}\n`);
    const site = engine.sites[0];
    const g = linkGraph(site);
    assert.deepEqual([...g.dependents(['file:content/posts/alpha.md'])], ['content/posts/test.md']);
    assert.deepEqual([...g.dependents(keysForFile('content/posts/newpost.md', ['/posts/newpost/']))], ['content/posts/test.md']);
    assert.deepEqual([...g.dependents(keysForFile('content/other/later.md', ['/other/later/']))], ['content/posts/test.md']);
    assert.deepEqual([...g.dependents(['file:content/posts/beta.md'])], []);
    // A folder deletion reaches links into it.
    assert.deepEqual([...g.dependents(['file:content/posts'])], ['content/posts/test.md']);
  });

  it('a re-check after the target appears clears the diagnostic', async () => {
    const { engine, codes } = await checkPost(`${FM}\n[n](../newpost)\n`);
    assert.deepEqual(codes, ['5:link.not-found']);
    const site = engine.sites[0];
    site.index.updateDocument('content/posts/newpost.md', '---\ntitle: New\n---\n');
    const again = await engine.checkDocument('/site/content/posts/test.md', `${FM}\n[n](../newpost)\n`);
    assert.deepEqual(again.filter((d) => d.code.startsWith('link.')), []);
  });

  it('reuses the index analysis when the text is unchanged, re-analyses when it changed', async () => {
    const body = `${FM}\n[a](../alpha/)\n`;
    const { engine } = await checkPost(body);
    const site = engine.sites[0];
    const before = site.index.document('content/posts/test.md');
    await engine.checkDocument('/site/content/posts/test.md', body);
    assert.equal(site.index.document('content/posts/test.md'), before, 'same analysis object');
    // Same length, different text: must be re-analysed.
    const edited = body.replace('alpha', 'alphz');
    const r = await engine.checkDocument('/site/content/posts/test.md', edited);
    assert.notEqual(site.index.document('content/posts/test.md'), before);
    assert.deepEqual(r.map((d) => d.code).filter((c) => c.startsWith('link.')), ['link.not-found']);
  });
});
