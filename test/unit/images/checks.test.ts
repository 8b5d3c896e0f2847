import * as assert from 'node:assert/strict';
import { PNG, siteWith } from './helpers';

const post = (fm: string) => `---\n${fm}\n---\n\nText.\n`;

async function findings(tree: Record<string, string | Uint8Array>, file: string) {
  const { fs, engine } = await siteWith(tree);
  const text = new TextDecoder().decode(await fs.readFile('/site/' + file));
  return (await engine.checkDocument('/site/' + file, text)).filter((d) => d.code === 'frontmatter.image-not-found');
}

describe('images: frontmatter.image-not-found', () => {
  const LAYOUT = '{{ with .Params.image }}{{ . }}{{ end }}{{ range .Params.images }}{{ . }}{{ end }}{{ .Params.cover.image }}{{ .Param "featured_image" }}{{ index .Params "thumbnail" }}{{ .Params.banner }}{{ .Params.header }}';
  const HUGO = { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'layouts/_default/single.html': LAYOUT, 'static/images/card.png': PNG, 'content/posts/b/cover.jpg': PNG, 'assets/img/hero.png': PNG };

  it('reports exactly the missing images: string, list and nested forms, bundle- and root-relative', async () => {
    const fm = [
      'title: B',
      'image: /images/card.png',
      'images: ["/images/card.png", "/images/gone.png"]',
      'cover:',
      '  image: cover.jpg',
      'featured_image: missing-cover.jpg',
      'thumbnail: https://cdn.example.org/x.png',
      'banner: img/hero.png',
      'header:',
      '  teaser: "{{ .Site.Params.x }}.png"',
    ].join('\n');
    const d = await findings({ ...HUGO, 'content/posts/b/index.md': post(fm) }, 'content/posts/b/index.md');
    assert.deepEqual(d.map((x) => [x.data?.['key'], x.severity, x.start.line]), [['images[1]', 'warning', 3], ['featured_image', 'warning', 6]]);
    assert.match(d[0].message, /gone\.png/);
  });

  it('a value a theme may put behind a folder of its own gets no finding', async () => {
    const d = await findings({ ...HUGO, 'content/posts/a.md': post('title: A\nimage: card.png\nthumbnail: posts/b/cover.jpg') }, 'content/posts/a.md');
    assert.deepEqual(d, []);
  });

  it('a key no template reads shows nothing, so it breaks nothing; templates reading any key: nothing is judged', async () => {
    const fm = post('title: A\nimage: /images/none.png\nphoto: /images/none.png');
    assert.deepEqual(await findings({ ...HUGO, 'layouts/_default/single.html': '{{ .Params.photo }}', 'content/posts/a.md': fm }, 'content/posts/a.md').then((d) => d.map((x) => x.data?.['key'])), ['photo']);
    assert.deepEqual(await findings({ ...HUGO, 'layouts/_default/single.html': '{{ .Title }}', 'content/posts/a.md': fm }, 'content/posts/a.md'), []);
    assert.deepEqual(await findings({ ...HUGO, 'layouts/_default/single.html': '{{ range $k, $v := .Params }}{{ $v }}{{ end }}', 'content/posts/a.md': fm }, 'content/posts/a.md'), []);
    assert.deepEqual(await findings({ ...HUGO, 'layouts/_default/single.html': '{{ template "_internal/opengraph.html" . }}', 'content/posts/a.md': post('title: A\nimages: [/images/none.png]') }, 'content/posts/a.md').then((d) => d.length), 1);
  });

  it('a theme that is not on disk may ship the image: nothing is judged', async () => {
    const d = await findings({ 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "absent"\n', 'content/posts/a.md': post('title: A\nimage: /images/none.png') }, 'content/posts/a.md');
    assert.deepEqual(d, []);
  });

  it('Jekyll: root-relative and with the baseurl', async () => {
    const tree = { '_config.yml': 'title: T\nbaseurl: /blog\n', '_layouts/post.html': '{% seo %}{{ page.header.overlay_image }}{{ page.header.teaser }}', 'assets/images/ok.png': PNG, '_posts/2020-01-01-a.md': post('title: A\nimage: /assets/images/ok.png\nheader:\n  overlay_image: /blog/assets/images/ok.png\n  teaser: /assets/images/nope.png') };
    const d = await findings(tree, '_posts/2020-01-01-a.md');
    assert.deepEqual(d.map((x) => x.data?.['key']), ['header.teaser']);
    const gem = await findings({ ...tree, '_config.yml': 'title: T\ntheme: minima\n' }, '_posts/2020-01-01-a.md');
    assert.deepEqual(gem, [], 'a theme gem may read any key');
  });
});
