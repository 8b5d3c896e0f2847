import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { generateSite, type GeneratedSite } from '../../../bench/site/generate';
import { goldmarkId, goldmarkIds } from '../../../bench/site/goldmarkIds';

function digest(site: GeneratedSite): string {
  const h = createHash('sha256');
  for (const [path, content] of [...site.files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) h.update(path).update('\0').update(content).update('\0');
  h.update(JSON.stringify(site.manifest));
  return h.digest('hex');
}

const text = (site: GeneratedSite, file: string) => String(site.files.get(file));

/** Heading texts of a post as written, skipping fenced code. */
function headingLines(md: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    else if (!fence && /^#{1,6} /.test(line)) out.push(line.replace(/^#+ /, ''));
  }
  return out;
}

describe('bench site generator', () => {
  const site = generateSite({ posts: 300, seed: 8 });

  it('is deterministic: the same seed gives the same bytes and manifest', () => {
    assert.equal(digest(generateSite({ posts: 300, seed: 8 })), digest(site));
  });

  it('gives a different site for a different seed', () => {
    assert.notEqual(digest(generateSite({ posts: 300, seed: 9 })), digest(site));
  });

  it('writes a buildable Hugo site: config with the three taxonomies, layouts, author data', () => {
    const config = text(site, 'hugo.toml');
    for (const t of ['tag = "tags"', 'category = "categories"', 'author = "authors"']) assert.ok(config.includes(t), t);
    for (const f of ['layouts/_default/single.html', 'layouts/_default/list.html', 'layouts/index.html', 'data/authors/rich.toml']) assert.ok(site.files.has(f), f);
  });

  it('mixes plain posts and bundles, YAML and TOML front matter, and drafts', () => {
    const bodies = site.posts.map((p) => text(site, p.file));
    assert.ok(site.posts.some((p) => p.bundle) && site.posts.some((p) => !p.bundle));
    assert.ok(bodies.some((b) => b.startsWith('---\n')) && bodies.some((b) => b.startsWith('+++\n')));
    assert.ok(site.posts.some((p) => p.draft));
    for (const p of site.posts.filter((x) => x.bundle)) assert.ok(site.files.has(p.file.replace(/index\.md$/, 'cover.png')), p.file);
  });

  it('uses the link styles Hugo writers use', () => {
    const all = site.posts.map((p) => text(site, p.file)).join('\n');
    for (const re of [/\]\(\.\.\/[a-z_-]+\)/, /\]\(\.\.\/[a-z_-]+\/\)/, /\]\(\/posts\/[a-z_-]+\/\)/, /\{\{< relref "[^"]+" >\}\}/, /\]\(\.\.\/[a-z_-]+\/#[a-z0-9_-]+\)/, /!\[[^\]]*\]\(\/images\/[a-z-]+\.png\)/, /!\[[^\]]*\]\(cover\.png\)/]) {
      assert.match(all, re);
    }
  });

  it('writes every heading it promised, so anchors to them are real', () => {
    for (const p of site.posts) assert.deepEqual(goldmarkIds(headingLines(text(site, p.file))), p.ids, p.file);
  });

  it('points every unplanted anchor link at an existing heading of a published post', () => {
    const bySlug = new Map(site.posts.map((p) => [p.slug, p]));
    const planted = new Set(site.manifest.map((m) => `${m.file}\0${m.target}`));
    let anchors = 0;
    for (const p of site.posts) {
      for (const m of text(site, p.file).matchAll(/\]\(\.\.\/([a-z_-]+)\/#([^)]+)\)/g)) {
        if (planted.has(`${p.file}\0../${m[1]}/#${m[2]}`)) continue;
        const target = bySlug.get(m[1]);
        assert.ok(target && !target.draft, m[0]);
        assert.ok(target.ids.includes(m[2]), `${p.file}: ${m[0]}`);
        anchors++;
      }
    }
    assert.ok(anchors > 50);
  });

  it('plants about 3% broken links of every kind, each where the manifest says', () => {
    const rate = site.manifest.length / site.linkCount;
    assert.ok(rate > 0.015 && rate < 0.05, `rate ${rate}`);
    assert.deepEqual([...new Set(site.manifest.map((m) => m.code))].sort(), ['link.fragment-not-found', 'link.md-path', 'link.not-found', 'link.unpublished-target']);
    const bySlug = new Map(site.posts.map((p) => [p.slug, p]));
    for (const m of site.manifest) {
      const line = text(site, m.file).split('\n')[m.line];
      assert.ok(line.includes(`](${m.target})`), `${m.file}:${m.line} ${m.target}`);
      const slug = /([a-z_-]+?)(?:\.md|\/|\/#.*)?$/.exec(m.target.replace(/^(\.\.\/|\/posts\/)/, ''))![1];
      if (m.code === 'link.not-found') assert.equal(bySlug.get(slug), undefined, m.target);
      if (m.code === 'link.unpublished-target') assert.equal(bySlug.get(slug)?.draft, true, m.target);
      if (m.code === 'link.md-path') assert.ok(site.files.has(`content/posts/${slug}.md`), m.target);
      if (m.code === 'link.fragment-not-found') assert.ok(!bySlug.get(slug)!.ids.includes(m.target.split('#')[1]), m.target);
    }
  });

  it('plants nothing in drafts (a draft is not checked as published)', () => {
    const drafts = new Set(site.posts.filter((p) => p.draft).map((p) => p.file));
    assert.ok(site.manifest.every((m) => !drafts.has(m.file)));
  });

  it('sizes posts like blog posts, with one 3,000- and one 5,000-word post', () => {
    const wordsOf = (file: string) => text(site, file).split(/\s+/).length;
    const ordinary = site.posts.filter((p) => p.file !== site.longPost && p.file !== site.renderPost).map((p) => wordsOf(p.file));
    assert.ok(Math.min(...ordinary) >= 800 && Math.max(...ordinary) <= 1900, `${Math.min(...ordinary)}–${Math.max(...ordinary)}`);
    assert.ok(Math.abs(wordsOf(site.longPost) - 3000) < 600);
    assert.ok(Math.abs(wordsOf(site.renderPost) - 5000) < 900);
    const perPost = site.markdownBytes / site.posts.length;
    assert.ok(perPost > 4500 && perPost < 9000, `${perPost} bytes per post`);
  });
});

describe('bench Goldmark ids', () => {
  it('follows Goldmark: keep letters, digits and _, spaces and - become -', () => {
    assert.equal(goldmarkId('What needs alignment?'), 'what-needs-alignment');
    assert.equal(goldmarkId("A Note about 1:1's"), 'a-note-about-11s');
    assert.equal(goldmarkId('Q&A'), 'qa');
    assert.equal(goldmarkId('Results (so far)'), 'results-so-far');
    assert.equal(goldmarkId('Trade-offs'), 'trade-offs');
  });

  it('numbers repeats -1, -2', () => {
    assert.deepEqual(goldmarkIds(['Summary', 'Summary', 'Summary']), ['summary', 'summary-1', 'summary-2']);
  });
});
