import * as assert from 'node:assert/strict';
import { PNG, siteWith } from './helpers';

describe('images: hover targets and front-matter path completion', () => {
  const tree = {
    'hugo.toml': 'baseURL = "https://example.org/blog/"\n',
    'static/images/card.png': PNG,
    'content/posts/b/diagram.png': PNG,
    'content/posts/b/index.md': '+++\ntitle = "B"\nimage = ""\n+++\n\n![d](diagram.png) and ![c](/blog/images/card.png)\n',
  };

  it('completes the bundle\u2019s images as bundle-relative, the static ones from the baseURL (relURL keeps a sub-path only without a leading slash)', async () => {
    const { fs, engine } = await siteWith(tree);
    const text = new TextDecoder().decode(await fs.readFile('/site/content/posts/b/index.md'));
    const at = text.indexOf('image = "') + 'image = "'.length;
    const items = engine.images.completePaths(engine.sites[0], 'content/posts/b/index.md', text, at);
    assert.deepEqual(items.map((i) => [i.label, i.insertText]), [['diagram.png', '"diagram.png"'], ['images/card.png', '"images/card.png"']]);
    assert.deepEqual(engine.images.completePaths(engine.sites[0], 'content/posts/b/index.md', text, text.indexOf('title') + 10), []);
  });

  it('finds the image under the cursor in a body link and in a front-matter value', async () => {
    const { fs, engine } = await siteWith({ ...tree, 'content/posts/b/index.md': '---\ntitle: B\ncover:\n  image: diagram.png\n---\n\n![c](/blog/images/card.png)\n' });
    const site = engine.sites[0];
    const text = new TextDecoder().decode(await fs.readFile('/site/content/posts/b/index.md'));
    assert.equal(engine.images.at(site, 'content/posts/b/index.md', text, text.indexOf('diagram') + 2)?.file, 'content/posts/b/diagram.png');
    assert.equal(engine.images.at(site, 'content/posts/b/index.md', text, text.indexOf('card') + 1)?.file, 'static/images/card.png');
    assert.equal(engine.images.at(site, 'content/posts/b/index.md', text, text.indexOf('title')), undefined);
  });
});
