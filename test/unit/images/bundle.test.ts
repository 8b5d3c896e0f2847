import * as assert from 'node:assert/strict';
import { PNG, siteWith } from './helpers';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import type { BundleConversion, BundleResult } from '../../../src/core/images/bundle';

const HUGO = 'baseURL = "https://example.org/"\ntitle = "T"\n';
const post = (fm: string, body = 'Text.\n') => `---\n${fm}\n---\n\n${body}`;

function planned(r: BundleResult): BundleConversion {
  assert.equal(r.kind, 'planned', r.kind === 'refused' ? r.message : '');
  return (r as { plan: BundleConversion }).plan;
}

function refused(r: BundleResult): string {
  assert.equal(r.kind, 'refused', 'the conversion is not offered');
  return (r as { message: string }).message;
}

/** Applies the plan as the editor does (text edits by the old names, the move, the images) and indexes the result afresh. */
async function apply(fs: MemoryFs, plan: BundleConversion, appended: string) {
  const byFile = new Map<string, string>();
  for (const e of [...plan.edits].sort((a, b) => b.range.start - a.range.start)) {
    const abs = plan.siteRoot.replace(/\/$/, '') + '/' + e.file;
    const text = byFile.get(abs) ?? new TextDecoder().decode(await fs.readFile(abs));
    byFile.set(abs, text.slice(0, e.range.start) + e.newText + text.slice(e.range.end));
  }
  for (const [abs, text] of byFile) fs.write(abs, text);
  const [move] = plan.moves;
  const text = new TextDecoder().decode(await fs.readFile(move.from));
  fs.delete(move.from);
  fs.write(move.to, text + '\n' + appended + '\n');
  for (const i of plan.images) fs.write(i.path, PNG);
  return createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
}

describe('images: convert a single-file post to a page bundle', () => {
  it('Hugo: x.md becomes x/index.md at the same URL, the image beside it, links naming the file follow', async () => {
    const { fs, engine } = await siteWith({
      'hugo.toml': HUGO,
      'content/posts/trip.md': post('title: Trip', 'See [the other](../other/) and [by ref]({{< ref "other.md" >}}).\n'),
      'content/posts/other.md': post('title: Other', 'Read [trip](/posts/trip/), [relative](../trip/) and [ref]({{< ref "posts/trip.md" >}}).\n'),
    });
    const before = engine.sites[0].index.pagesOfFile('content/posts/trip.md')[0].url;
    const plan = planned(await engine.images.planBundle({ post: '/site/content/posts/trip.md', images: [{ name: 'Beach Day.png', bytes: PNG }], alt: 'The beach' }));
    assert.deepEqual(plan.moves, [{ from: '/site/content/posts/trip.md', to: '/site/content/posts/trip/index.md' }]);
    assert.equal(plan.folder, '/site/content/posts/trip');
    assert.equal(plan.url, before);
    assert.deepEqual(plan.images.map((i) => [i.file, i.markdown]), [['content/posts/trip/Beach-Day.png', '![The beach](Beach-Day.png)']]);
    const after = await apply(fs, plan, plan.images[0].markdown);
    const site = after.sites[0];
    assert.equal(site.index.pagesOfFile('content/posts/trip/index.md')[0].url, before, 'the URL is unchanged');
    assert.equal(site.index.pagesOfFile('content/posts/trip.md').length, 0);
    for (const f of ['content/posts/trip/index.md', 'content/posts/other.md']) {
      const abs = '/site/' + f;
      const found = await after.checkDocument(abs, new TextDecoder().decode(await fs.readFile(abs)));
      assert.deepEqual(found.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code}: ${d.message}`), [], f);
    }
  });

  it('refs that name the post\u2019s file are rewritten to name the page', async () => {
    const { engine } = await siteWith({
      'hugo.toml': HUGO,
      'content/posts/trip.md': post('title: Trip'),
      'content/posts/other.md': post('title: Other', '[ref]({{< ref "posts/trip.md" >}}) [url](/posts/trip/)\n'),
    });
    const plan = planned(await engine.images.planBundle({ post: '/site/content/posts/trip.md', images: [{ name: 'a.png', bytes: PNG }] }));
    assert.deepEqual(plan.edits.map((e) => [e.file, e.newText]), [['content/posts/other.md', 'trip']]);
  });

  it('several images get distinct names', async () => {
    const { engine } = await siteWith({ 'hugo.toml': HUGO, 'content/posts/trip.md': post('title: Trip') });
    const plan = planned(await engine.images.planBundle({ post: '/site/content/posts/trip.md', images: [{ name: 'a.png', bytes: PNG }, { name: 'a.png', bytes: PNG }] }));
    assert.deepEqual(plan.images.map((i) => i.destination), ['a.png', 'a-2.png']);
  });

  it('never overwrites: an existing x/ folder keeps the post a single file', async () => {
    const { engine } = await siteWith({ 'hugo.toml': HUGO, 'content/posts/trip.md': post('title: Trip'), 'content/posts/trip/notes.txt': 'n' });
    assert.match(refused(await engine.images.planBundle({ post: '/site/content/posts/trip.md', images: [{ name: 'a.png', bytes: PNG }] })), /already exists/);
  });

  it('not offered for a bundle\u2019s page, a non-image, or a generator without such bundles', async () => {
    const hugo = await siteWith({ 'hugo.toml': HUGO, 'content/posts/b/index.md': post('title: B'), 'content/posts/trip.md': post('title: Trip') });
    assert.match(refused(await hugo.engine.images.planBundle({ post: '/site/content/posts/b/index.md', images: [{ name: 'a.png', bytes: PNG }] })), /already a bundle/);
    assert.match(refused(await hugo.engine.images.planBundle({ post: '/site/content/posts/trip.md', images: [{ name: 'notes.txt' }] })), /not an image/);
    const jekyll = await siteWith({ '_config.yml': 'title: T\n', '_posts/2024-01-02-trip.md': post('title: Trip') });
    assert.match(refused(await jekyll.engine.images.planBundle({ post: '/site/_posts/2024-01-02-trip.md', images: [{ name: 'a.png', bytes: PNG }] })), /no page bundles/);
  });
});

describe('images: a file the watcher reports as changed, never as created', () => {
  // Watchers coalesce "deleted, then created again" into one change (an image removed and pasted again).
  for (const [name, tree, postFile, file, link] of [
    ['Jekyll, a new assets/ folder', { '_config.yml': 'title: T\n', '_posts/2024-01-02-trip.md': post('title: Trip') }, '_posts/2024-01-02-trip.md', 'assets/images/a.png', '![a](/assets/images/a.png)'],
    ['Hugo, a static file', { 'hugo.toml': HUGO, 'content/posts/trip.md': post('title: Trip') }, 'content/posts/trip.md', 'static/images/a.png', '![a](/images/a.png)'],
    ['Hugo, a bundle resource', { 'hugo.toml': HUGO, 'content/posts/b/index.md': post('title: B') }, 'content/posts/b/index.md', 'content/posts/b/a.png', '![a](a.png)'],
  ] as const) {
    it(`${name}: the index holds it after the change`, async () => {
      const { fs, engine } = await siteWith(tree as Record<string, string>);
      const abs = '/site/' + postFile;
      const text = new TextDecoder().decode(await fs.readFile(abs)) + '\n' + link + '\n';
      const links = async () => (await engine.checkDocument(abs, text)).filter((d) => d.code.startsWith('link.')).map((d) => d.code);
      assert.ok((await links()).length > 0, 'without the file the link is reported');
      fs.write('/site/' + file, PNG);
      await engine.fileChanged('/site/' + file);
      assert.deepEqual(await links(), []);
    });
  }
});
