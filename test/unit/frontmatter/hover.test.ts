import * as assert from 'node:assert/strict';
import { fileUri, hoverFrontMatter } from '../../../src/core/frontmatter/hover';
import { at, kitchenSite } from './helpers';

describe('hoverFrontMatter', () => {
  it('a tag: the count and the posts as links to their files', async () => {
    const { site } = await kitchenSite();
    const { text, offset } = at('---\ntags: ["sourdough", "bak|ing"]\n---\n');
    const h = hoverFrontMatter(site, 'content/posts/new.md', text, offset);
    assert.ok(h);
    assert.equal(h.count, 4);
    assert.equal(text.slice(h.range.start, h.range.end), '"baking"');
    assert.match(h.markdown, /Tag `baking` is used in \*\*4\*\* posts:/);
    assert.match(h.markdown, /- \[Reading the Crumb\]\(file:\/\/\/site\/content\/posts\/crumb\.md\) — `content\/posts\/crumb\.md`/);
    assert.equal((h.markdown.match(/^- \[/gm) ?? []).length, 4);
  });

  it('an author: the record from the data file, then the posts', async () => {
    const { site } = await kitchenSite();
    const { text, offset } = at('+++\nauthors = ["b|o"]\n+++\n');
    const h = hoverFrontMatter(site, 'content/posts/new.md', text, offset);
    assert.ok(h);
    assert.equal(h.count, 3);
    assert.match(h.markdown, /\*\*Bo Okafor\*\* — author `bo` \(\[data\/authors\/bo\.yaml\]\(file:\/\/\/site\/data\/authors\/bo\.yaml\)\)/);
    assert.match(h.markdown, /- bio: Knife collector\./);
  });

  it('an unused value says 0 posts; a non-taxonomy key and the body give nothing', async () => {
    const { site } = await kitchenSite();
    let p = at('---\ntags: [brand-ne|w]\n---\n');
    assert.equal(hoverFrontMatter(site, 'x.md', p.text, p.offset)?.count, 0);
    p = at('---\ntitle: "Rye Br|ead"\n---\n');
    assert.equal(hoverFrontMatter(site, 'x.md', p.text, p.offset), undefined);
    p = at('---\ntitle: x\n---\ntags: [bak|ing]\n');
    assert.equal(hoverFrontMatter(site, 'x.md', p.text, p.offset), undefined);
  });

  it('file URIs escape characters that would end a Markdown link', () => {
    assert.equal(fileUri('/a b/(c)#d.md'), 'file:///a%20b/%28c%29%23d.md');
  });
});
