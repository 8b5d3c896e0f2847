import * as assert from 'node:assert/strict';
import { BASE_SITE, FM, checkPost } from './helpers';
import { writeLink } from '../../../src/core/authoring/linkStyle';

describe('link verdicts (Hugo, URL semantics)', () => {
  it('accepts every working link form (no false positives)', async () => {
    const working = [
      '[a](../alpha)',
      '[a](../alpha/)',
      '[a](/posts/alpha/)',
      '[a](/posts/alpha)',
      '[a](./../alpha/)',
      '[a](/posts/alpha/index.html)',
      '[b](../bundle/pic.png)',
      '![b](../bundle/pic.png)',
      '![s](/images/x.png)',
      '[al](/old/alpha/)',
      '[al](../alpha-legacy/)',
      '[tag](/tags/go/)',
      '[tag](/tags/team-work/)',
      '[tags](/tags/)',
      '[feed](/index.xml)',
      '[feed](/posts/index.xml)',
      '[sitemap](/sitemap.xml)',
      '[own](https://blog.example.com/posts/alpha/)',
      '[own](http://www.blog.example.com/posts/alpha/#intro)',
      '[pdf](/files/my%20doc.pdf)',
      '[pdf](</files/my doc.pdf>)',
      '[q](../alpha/?utm=1)',
      '[hash](#)',
      '[self](#intro-here)',
      '[frag](../alpha/#intro)',
      '[frag](../alpha/#intro-1)',
      '[frag](../alpha/#custom-id)',
      '[list frag](/posts/#anything)',
      '[home frag](/#anything)',
      '[term frag](/tags/go/#x)',
      '[home](/)',
      '[section](/posts/)',
      '[section](..)',
      '[about](/about/)',
      '[ext](https://example.org/missing/)',
      '[mail](mailto:me@example.org)',
      '[tel](tel:+123)',
      '[cdn](//cdn.example.org/x.js)',
      '[data](data:text/plain,hi)',
      '[x] is text, and so is [y].',
      '`[code](../nope/)` and <!-- [c](../nope/) -->',
      '{{< relref "alpha.md" >}} {{< ref "alpha" >}} {{< relref "/posts/alpha.md#intro" >}} {{< ref "bundle" >}} {{< relref "bundle/index.md" >}}',
      '{{< ref "ALPHA" >}} {{< ref "posts/alpha" >}} {{< ref "/posts" >}} {{< ref "/posts/" >}} {{< ref "about" >}} {{< ref path="beta.md" >}} {{< ref "#intro-here" >}}',
      '<a href="../nope/">raw html is omitted by Hugo by default</a>',
      '{{< figure src="/images/x.png" >}}',
      '[defined][d]',
    ];
    const body = `${FM}\n## Intro here\n\n${working.join('\n\n')}\n\n\`\`\`markdown\n[fenced](../nope/)\n\`\`\`\n\n[d]: ../beta/\n[unused]: ../nope/\n`;
    const r = await checkPost(body);
    assert.deepEqual(r.diagnostics.map((d) => `${d.start.line + 1} ${d.code} ${d.target}`), []);
  });

  it('flags a missing page with the resolved URL and a did-you-mean in the writer\'s form', async () => {
    const r = await checkPost(`${FM}\nSee [a](../alpah) and [b](/posts/bета/).\n`);
    assert.deepEqual(r.codes, ['5:link.not-found', '5:link.not-found']);
    const [d] = r.diagnostics;
    assert.equal(d.message, 'No page is published at /posts/alpah (resolved from ../alpah on /posts/test/). Did you mean ../alpha?');
    assert.deepEqual(d.data?.['suggestions'], ['../alpha']);
    assert.deepEqual([d.start, d.end], [{ line: 4, character: 8 }, { line: 4, character: 16 }]);
    assert.equal(d.target, '../alpah');
  });

  it('treats own-host absolute URLs as internal', async () => {
    const r = await checkPost(`${FM}\n[x](https://blog.example.com/posts/nope/) [y](https://www.blog.example.com/posts/alpha/#nope)\n`);
    assert.deepEqual(r.codes, ['5:link.not-found', '5:link.fragment-not-found']);
  });

  it('reads raw HTML anchors only where the site keeps raw HTML (Goldmark omits it without unsafe)', async () => {
    // Pinned by the conformance fixtures verdicts/hugo-markdown and verdicts/hugo-unsafe-html (real hugo).
    const body = `${FM}\n[a](../alpha/#raw-anchor) <a href="../nope/">raw</a>\n`;
    assert.deepEqual((await checkPost(body)).codes, ['5:link.fragment-not-found']);
    const site = { ...BASE_SITE, 'hugo.toml': BASE_SITE['hugo.toml'] + '[markup.goldmark.renderer]\nunsafe = true\n' };
    assert.deepEqual((await checkPost(body, { site })).codes, ['5:link.not-found']);
  });

  it('flags a fragment through an alias: the redirect page drops it (checked in Chromium and against hugo)', async () => {
    const r = await checkPost(`${FM}\n[a](/old/alpha/#intro) [b](/old/alpha/)\n`);
    assert.deepEqual(r.codes, ['5:link.fragment-not-found']);
    assert.match(r.diagnostics[0].message, /redirect/);
    assert.deepEqual(r.diagnostics[0].data?.['suggestions'], ['/posts/alpha/#intro']);
  });

  it('checks fragments behind a heading hook only when the hook keeps Hugo\'s ids ({{ .Anchor }})', async () => {
    const hook = (t: string) => ({ ...BASE_SITE, 'layouts/_default/_markup/render-heading.html': t });
    const body = `${FM}\n[a](../alpha/#nope)\n`;
    assert.deepEqual((await checkPost(body, { site: hook('<h{{ .Level }} id="{{ .Anchor | safeURL }}">{{ .Text }}</h{{ .Level }}>') })).codes, ['5:link.fragment-not-found']);
    assert.deepEqual((await checkPost(body, { site: hook('<h{{ .Level }} id="h-{{ .Anchor }}">{{ .Text }}</h{{ .Level }}>') })).codes, []);
  });

  it('flags a missing fragment with the nearest heading', async () => {
    const r = await checkPost(`${FM}\n[a](../alpha/#intr) [b](#nowhere)\n\n## Somewhere\n`);
    assert.deepEqual(r.codes, ['5:link.fragment-not-found', '5:link.fragment-not-found']);
    assert.match(r.diagnostics[0].message, /Did you mean #intro\?/);
    assert.deepEqual(r.diagnostics[0].data?.['suggestions'], ['../alpha/#intro', '../alpha/#intro-1']);
    assert.equal(r.diagnostics[0].severity, 'warning');
  });

  it('does not judge fragments into a page whose shortcodes may print their own anchors', async () => {
    const site = { ...BASE_SITE, 'content/posts/beta.md': '---\ntitle: Beta\n---\n\n{{< anchor "made-by-a-shortcode" >}}\n\n## Real\n' };
    assert.deepEqual((await checkPost(`${FM}\n[a](../beta/#made-by-a-shortcode) [b](../alpha/#nope)\n`, { site })).codes, ['5:link.fragment-not-found']);
  });

  it("reads the site's shortcode templates: none prints an id, one prints its argument, one computes it (rendered call by call)", async () => {
    const site = {
      ...BASE_SITE,
      'layouts/shortcodes/note.html': '<aside class="note">{{ .Inner | markdownify }}</aside>\n',
      'layouts/shortcodes/anchor.html': '<span id="{{ .Get 0 }}"></span>\n',
      'layouts/shortcodes/step.html': '<section id="{{ .Get "id" }}">{{ .Inner }}</section>\n',
      'layouts/shortcodes/box.html': '<div id="{{ .Get 0 | urlize }}">{{ .Inner }}</div>\n',
      'content/posts/beta.md': '---\ntitle: Beta\n---\n\n{{< note >}}x{{< /note >}}\n{{< anchor "made-here" >}}\n{{< step id="install" >}}y{{< /step >}}\n\n## Real\n',
      'content/posts/gamma.md': '---\ntitle: Gamma\n---\n\n{{< box "Hello" >}}z{{< /box >}}\n',
    };
    const text = `${FM}\n[a](../beta/#made-here) [b](../beta/#install) [c](../beta/#real) [d](../beta/#nope) [e](../gamma/#anything) [f](../gamma/#hello)\n`;
    const r = await checkPost(text, { site });
    assert.deepEqual(r.codes, ['5:link.fragment-not-found', '5:link.fragment-not-found']);
    assert.match(r.diagnostics[0].message, /id "nope"/);
    assert.match(r.diagnostics[1].message, /id "anything"/);
  });

  it('a shortcode with no template on disk (a theme we cannot read) may print any id', async () => {
    const site = { ...BASE_SITE, 'layouts/shortcodes/note.html': '<aside>{{ .Inner }}</aside>\n', 'content/posts/beta.md': '---\ntitle: Beta\n---\n\n{{< note >}}x{{< /note >}}\n{{< themed >}}\n' };
    assert.deepEqual((await checkPost(`${FM}\n[a](../beta/#nope)\n`, { site })).codes, []);
  });

  it("flags a draft bundle's files as unpublished, not a headless bundle's (hugo publishes those)", async () => {
    const site = {
      ...BASE_SITE,
      'content/posts/wip/index.md': '---\ntitle: WIP\ndraft: true\n---\n',
      'content/posts/wip/chart.png': 'png',
      'content/posts/parts/index.md': '---\ntitle: Parts\nheadless: true\n---\n',
      'content/posts/parts/logo.png': 'png',
    };
    const body = `${FM}\n![a](../wip/chart.png) ![b](/posts/parts/logo.png) ![c](../bundle/pic.png)\n`;
    const r = await checkPost(body, { site });
    assert.deepEqual(r.codes, ['5:link.unpublished-target']);
    assert.match(r.diagnostics[0].message, /draft/);
    assert.deepEqual((await checkPost(body, { site, options: { includeDrafts: true } })).codes, []);
    // The draft itself links its own files: they are published whenever it is.
    const own = await checkPost('---\ntitle: WIP\ndraft: true\n---\n\n![a](chart.png) ![b](/posts/wip/chart.png)\n', { site, file: 'content/posts/wip/index.md' });
    assert.deepEqual(own.codes, []);
  });

  it('flags drafts and future posts as unpublished, unless includeDrafts', async () => {
    const body = `${FM}\n[d](../draft/) [f](/posts/future/)\n`;
    const r = await checkPost(body);
    assert.deepEqual(r.codes, ['5:link.unpublished-target', '5:link.unpublished-target']);
    assert.match(r.diagnostics[0].message, /draft/);
    assert.match(r.diagnostics[1].message, /future/);
    assert.deepEqual((await checkPost(body, { options: { includeDrafts: true } })).codes, []);
  });

  it('flags a .md path with the working forms', async () => {
    const r = await checkPost(`${FM}\n[a](alpha.md#intro) [n](nothing.md)\n`);
    assert.deepEqual(r.codes, ['5:link.md-path', '5:link.not-found']);
    const d = r.diagnostics[0];
    assert.deepEqual(d.data?.['suggestions'], ['../alpha/#intro', '/posts/alpha/#intro', '{{< relref "/posts/alpha.md#intro" >}}']);
    assert.match(d.message, /\/posts\/test\/alpha\.md/);
  });

  it('flags missing refs the way Hugo does (not found, ambiguous, draft)', async () => {
    const site = { ...BASE_SITE, 'content/other/beta.md': '---\ntitle: Other beta\n---\n' };
    const r = await checkPost(`${FM}\n{{< ref "nope" >}} {{< relref "draft.md" >}} {{< ref "/other/beta2" >}}\n\n{{< ref "/posts/alpha/" >}}\n\n\`\`\`\n{{< ref "in-fence" >}}\n\`\`\`\n`, { site });
    assert.deepEqual(r.codes, ['5:ref.not-found', '5:ref.not-found', '5:ref.not-found', '7:ref.not-found', '10:ref.not-found']);
    assert.match(r.diagnostics[1].message, /draft/);
    // A single segment is looked up by base name site-wide; a path with folders is not.
    assert.deepEqual((await checkPost(`${FM}\n{{< ref "/about" >}} {{< ref "about" >}} {{< ref "/posts/about" >}}\n`)).codes, ['5:ref.not-found']);
    // From posts/, "beta" is found beside the page before the site-wide name lookup.
    assert.deepEqual((await checkPost(`${FM}\n{{< ref "beta" >}}\n`, { site })).codes, []);
    // From the root, "beta" is two pages: ambiguous.
    const amb = await checkPost(`${FM}\n{{< ref "beta" >}}\n`, { site, file: 'content/test.md' });
    assert.deepEqual(amb.codes, ['5:ref.not-found']);
    assert.match(amb.diagnostics[0].message, /ambiguous/);
  });

  it('resolves relative refs from a leaf bundle against the folder above it', async () => {
    // "alpha" is ambiguous site-wide, so only the relative lookup can find posts/alpha.md.
    const site = { ...BASE_SITE, 'content/other/alpha.md': '---\ntitle: Other alpha\n---\n' };
    const body = `${FM}\n{{< relref "alpha.md" >}} {{< relref "../alpha.md" >}} {{< relref "../../alpha.md" >}} [a](../alpha)\n`;
    const r = await checkPost(body, { site, file: 'content/posts/newbundle/index.md' });
    assert.deepEqual(r.codes, ['5:ref.not-found']);
    assert.equal(r.diagnostics[0].target, '../../alpha.md');
  });

  it('flags template code typed into content', async () => {
    const r = await checkPost(`${FM}\nSee [post]({{ relref . "alpha.md" }}).\n`);
    assert.deepEqual(r.codes, ['5:template.unrendered']);
    assert.deepEqual(r.diagnostics[0].data?.['suggestions'], ['{{< relref "alpha.md" >}}']);
    assert.deepEqual(r.diagnostics[0].start, { line: 4, character: 11 });
  });

  it('flags a reference to an undefined label only, in a post that writes reference links', async () => {
    const r = await checkPost(`${FM}\n[text][nolabel] and [solo] and tags: [a, b] and [ok][d]\n\n[d]: ../alpha/\n`);
    assert.deepEqual(r.codes, ['5:link.reference-undefined']);
    // Without any definition, `[FLINK-1][docs]` reads as a tag list; a numbered label still counts.
    assert.deepEqual((await checkPost(`${FM}\n* [FLINK-1][docs] Fix the docs\n`)).codes, []);
    assert.deepEqual((await checkPost(`${FM}\nSee [the guide][1].\n`)).codes, ['5:link.reference-undefined']);
  });

  it('honours ignore globs and ignored files', async () => {
    const body = `${FM}\n[a](/api/v1/) [b](../nope/)\n`;
    assert.deepEqual((await checkPost(body, { options: { ignore: ['/api/**'] } })).codes, ['5:link.not-found']);
    assert.deepEqual((await checkPost(body, { options: { ignoreFiles: ['content/posts/*.md'] } })).codes, []);
  });

  it('does not read Markdown syntax in HTML content files or highlight shortcodes as links', async () => {
    assert.deepEqual((await checkPost('---\ntitle: H\n---\n<p>[x](../nope/)</p>\n\n[y](../nope/)\n', { file: 'content/posts/page.html' })).codes, []);
    // A Markdown file inside a leaf bundle is a resource, not a page: nothing of it is published.
    assert.deepEqual((await checkPost('[x](/nope/) [y](#nope) {{< ref "nope" >}}\n', { file: 'content/posts/bundle/notes.md' })).codes, []);
    assert.deepEqual((await checkPost(`${FM}\n{{< highlight md >}}\n[x](../nope/)\n{{< /highlight >}}\n\n[y](../nope/)\n`)).codes, ['9:link.not-found']);
  });

  it('checks raw HTML links when the site publishes raw HTML', async () => {
    const site = { ...BASE_SITE, 'hugo.toml': BASE_SITE['hugo.toml'] + '[markup.goldmark.renderer]\nunsafe = true\n' };
    const r = await checkPost(`${FM}\n<a href="../nope/">x</a> <img src="/images/x.png">\n`, { site });
    assert.deepEqual(r.codes, ['5:link.not-found']);
  });
});

describe('link verdicts (other URL models)', () => {
  it('uglyURLs: ../slug leaves the section, slug.html works', async () => {
    const site = { ...BASE_SITE, 'hugo.toml': 'baseURL = "https://blog.example.com/"\nuglyURLs = true\n' };
    const r = await checkPost(`${FM}\n[a](../alpha) [b](alpha.html) [c](/posts/alpha.html) [d](/posts/alpha/)\n`, { site });
    assert.deepEqual(r.codes, ['5:link.not-found', '5:link.not-found']);
    assert.deepEqual(r.diagnostics.map((d) => d.target), ['../alpha', '/posts/alpha/']);
  });

  it('baseURL sub-path: a root link leaves the site', async () => {
    const site = { ...BASE_SITE, 'hugo.toml': 'baseURL = "https://example.org/blog/"\n' };
    const r = await checkPost(`${FM}\n[a](/posts/alpha/) [b](../alpha/) [c](/blog/posts/alpha/) [d](https://example.org/blog/posts/alpha/)\n`, { site });
    assert.deepEqual(r.codes, ['5:link.not-found']);
    assert.match(r.diagnostics[0].message, /outside the site's sub-path \/blog\//);
    assert.deepEqual(r.diagnostics[0].data?.['suggestions'], ['/blog/posts/alpha/']);
  });

  it('content-path semantics (a link render hook): .md paths work, missing pages do not', async () => {
    const site = { ...BASE_SITE, 'layouts/_default/_markup/render-link.html': '<a href="{{ .Destination }}">{{ .Text }}</a>' };
    const r = await checkPost(`${FM}\n[a](alpha.md) [b](/posts/beta) [c](nope.md) [d](../alpha/)\n`, { site });
    assert.deepEqual(r.codes, ['5:link.not-found']);
    assert.equal(r.diagnostics[0].target, 'nope.md');
  });

  it('plain folders: relative file paths and GitHub heading ids', async () => {
    const site = { 'docs/a.md': '# Title\n\n## Getting Started\n', 'docs/img/x.png': 'png', 'README.md': '# R\n' };
    const r = await checkPost('[a](a.md#getting-started) [x](img/x.png) [r](../README.md) [n](b.md) [f](a.md#nope) [dir](img/)\n', { site, file: 'docs/t.md' });
    assert.deepEqual(r.codes, ['1:link.not-found', '1:link.fragment-not-found']);
  });
});

describe('root-relative links on a site that rewrites them below its baseURL', () => {
  for (const option of ['canonifyURLs', 'relativeURLs']) {
    it(`${option}: /posts/x/ reaches the sub-path; a link already holding it does not`, async () => {
      const site = { ...BASE_SITE, 'hugo.toml': `baseURL = "https://blog.example.com/sub/"\ntitle = "T"\n${option} = true\n` };
      const r = await checkPost(`${FM}\n[a](/posts/alpha/) [b](/sub/posts/alpha/) [c](../beta/)\n`, { site });
      assert.deepEqual(r.codes, ['5:link.not-found']);
      assert.match(r.diagnostics[0].message, /\/sub\/sub\/posts\/alpha\//);
      // Links we write (completion, quick fixes) take the same form.
      const s = r.engine.sites[0];
      assert.equal(writeLink(s, 'content/posts/test.md', s.index.pagesOfFile('content/posts/beta.md')[0], 'root').destination, '/posts/beta/');
      const plain = await checkPost(`${FM}\n[a](/posts/alpha/) [b](/sub/posts/alpha/)\n`, { site: { ...site, 'hugo.toml': 'baseURL = "https://blog.example.com/sub/"\ntitle = "T"\n' } });
      assert.deepEqual(plain.codes, ['5:link.not-found'], 'without the option the first one leaves the site');
      assert.match(plain.diagnostics[0].message, /outside the site's sub-path/);
    });
  }
});

