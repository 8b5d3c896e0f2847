// New Post planned (never written) against the example sites on disk, through the real generator
// detection: the names each generator expects.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createPostcraft } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import { planNewPost, type NewPostPlan } from '../../../src/core/newpost/plan';
import { splitFrontMatter } from '../../../src/core/frontmatter/parse';
import { ENV } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../../examples').split(path.sep).join('/');

async function plan(site: string, request: { title: string; tags?: string[]; draft?: boolean }): Promise<{ plan: NewPostPlan; generator: string }> {
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [`${EXAMPLES}/${site}`] });
  const r = await planNewPost(engine, request, ENV);
  assert.equal(r.kind, 'planned', JSON.stringify(r));
  const p = (r as { plan: NewPostPlan }).plan;
  assert.deepEqual(splitFrontMatter(String(p.files[0].content)).frontMatter?.errors, []);
  return { plan: p, generator: engine.sites[0].model.summary.generator };
}
const rel = (p: NewPostPlan) => path.posix.relative(p.siteRoot, p.path);
const data = (p: NewPostPlan) => splitFrontMatter(String(p.files[0].content)).frontMatter!.data;

describe('New Post: the example sites', () => {
  it('Hugo (examples/blog): underscore name in content/posts, YAML like its posts', async () => {
    const { plan: p, generator } = await plan('blog', { title: 'Notes on Notes' });
    assert.equal(generator, 'hugo');
    assert.equal(rel(p), 'content/posts/notes_on_notes.md');
    assert.equal(data(p).date, '2026-01-15T05:00:00-07:00');
  });

  it('Jekyll: dated name in _posts, or _drafts without a date', async () => {
    const { plan: p, generator } = await plan('jekyll-blog', { title: 'Notes on Notes' });
    assert.equal(generator, 'jekyll');
    assert.equal(rel(p), '_posts/2026-01-15-notes-on-notes.md');
    assert.equal(data(p).date, '2026-01-15 05:00:00 -0700');
    assert.equal(rel((await plan('jekyll-blog', { title: 'Notes on Notes', draft: true })).plan), '_drafts/notes-on-notes.md');
  });

  it('Docusaurus: dated name in blog/', async () => {
    const { plan: p, generator } = await plan('docusaurus-blog', { title: 'Notes on Notes' });
    assert.equal(generator, 'docusaurus');
    assert.equal(rel(p), 'blog/2026-01-15-notes-on-notes.md');
  });

  it('Hexo: source/_posts; Astro: the blog collection; Eleventy: the posts folder with its collection tag', async () => {
    assert.equal(rel((await plan('hexo-blog', { title: 'Notes on Notes' })).plan), 'source/_posts/notes-on-notes.md');
    assert.equal(rel((await plan('astro-blog', { title: 'Notes on Notes' })).plan), 'src/content/blog/notes-on-notes.md');
    const e = (await plan('eleventy-blog', { title: 'Notes on Notes', tags: ['bread'] })).plan;
    assert.equal(rel(e), 'src/posts/notes-on-notes.md');
    assert.deepEqual(data(e).tags, ['posts', 'bread']);
  });
});
