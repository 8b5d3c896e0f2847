/**
 * The preview renders on a worker thread from tables the host fills. Whatever the post, the result
 * must be exactly what renderInSite produces on the host's thread.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import { newRenderMemory, prepareSite, renderInSite, renderInSiteElsewhere, type SiteRenderOptions } from '../../../src/core/render/site';
import { renderFromTables, type RenderTables } from '../../../src/core/render/tables';
import type { MarkupOptions } from '../../../src/core/render/types';
import { AnalysisWorker } from '../../../src/node/analysisClient';

const OPTS: SiteRenderOptions = { resourceUri: (abs) => `webview:${abs}`, allowHttpsImages: false };

const TEXT = [
  '---',
  'title: Linker',
  'authors: [rich, nobody]',
  'cover: /images/chart.png',
  'tags: [a, b]',
  'ids: [one, two]',
  '---',
  '## Here',
  '',
  '[ok](/posts/a/) [ok-frag](/posts/a/#known-section) [own](#here) [own-bad](#nowhere) [gone](/posts/nope/) [draft](/posts/draft/)',
  '',
  '![chart](/images/chart.png) ![lost](/images/lost.png) ![remote](https://cdn.example/x.png)',
  '',
  '{{< figure src="/images/chart.png" >}} [ref]({{< relref "a.md#known-section" >}}) {{< mystery >}}',
  '',
  '```js',
  'const x = 1;',
  '```',
  '',
  '<a id="raw">raw</a> <script>alert(1)</script>',
  '',
  // Shortcodes the site's templates render: front matter, Markdown content, an image, a script.
  '{{< ids >}}',
  '',
  '{{< box >}}',
  'Boxed **bold** [gone again](/posts/gone/)',
  '{{< /box >}}',
  '',
  'Inline {{< pic "/images/chart.png" >}} and {{< pic "/images/other.png" >}}.',
].join('\n');

async function site() {
  const mem = new MemoryFs('/site', {
    'hugo.toml': 'baseURL = "https://blog.example.com/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n[markup.goldmark.renderer]\nunsafe = true\n',
    'data/authors/rich.toml': 'name = "Rich Alvarez"\n',
    'static/images/chart.png': 'png',
    'content/posts/a.md': '---\ntitle: A\n---\n\n## Known Section\n',
    'content/posts/draft.md': '---\ntitle: Draft\ndraft: true\n---\nx\n',
    'content/posts/linker.md': TEXT,
    'layouts/shortcodes/ids.html': '<table>{{ range .Page.Params.ids }}<tr><td id="{{ . }}">{{ . }}</td></tr>{{ end }}</table><script>alert(2)</script>',
    'layouts/shortcodes/box.html': '<div class="box">{{ .Inner | markdownify }}</div>',
    'layouts/shortcodes/pic.html': '<img src="{{ .Get 0 }}" alt="pic">',
  });
  const engine = await createPostcraft({ fs: mem, roots: ['/site'], clock: fixedClock() });
  return { engine, site: engine.sites[0] };
}

/** The thread boundary: what crosses is a structured clone, both ways. */
const acrossThreads = async (text: string, markup: MarkupOptions, tables: RenderTables) => structuredClone(renderFromTables(text, structuredClone(markup), structuredClone(tables)));

describe('rendering the preview from tables (off the host thread)', () => {
  it('gives exactly what renderInSite gives, and asks only once per new link or image', async () => {
    const { engine, site: s } = await site();
    const prep = await prepareSite(engine, s);
    const here = renderInSite(s, '/site/content/posts/linker.md', TEXT, prep, OPTS);
    const memory = newRenderMemory();
    let rounds = 0;
    const counting = (t: string, m: MarkupOptions, tables: RenderTables) => {
      rounds++;
      return acrossThreads(t, m, tables);
    };
    const there = await renderInSiteElsewhere(s, '/site/content/posts/linker.md', TEXT, prep, OPTS, counting, memory);
    assert.deepEqual(there, here);
    assert.equal(rounds, 2, 'first render: one round to learn the links and images, one to render');
    assert.ok(here.links.some((l) => l.verdict.broken) && /pc-link-broken/.test(there.bodyHtml));
    assert.doesNotMatch(there.bodyHtml, /<script/);
    // The site's shortcodes as their templates print them, on both paths.
    assert.match(there.bodyHtml, /data-shortcode="ids"><table><tr><td id="one">one<\/td><\/tr><tr><td id="two">two<\/td><\/tr><\/table><\/div>/);
    assert.match(there.bodyHtml, /<div class="box">Boxed <strong>bold<\/strong> <a href="\/posts\/gone\/"[^>]*pc-link-broken/);
    assert.match(there.bodyHtml, /data-shortcode="pic"><img [^>]*data-src="\/images\/chart.png" alt="pic" \/>[\s\S]*data-shortcode="pic"><span class="pc-image pc-image-missing" title="image not found: nothing is published at \/images\/other.png"/);
    rounds = 0;
    const edited = TEXT + '\n\nMore text, same links.\n';
    engine.documentChanged('/site/content/posts/linker.md', edited);
    const again = await renderInSiteElsewhere(s, '/site/content/posts/linker.md', edited, prep, OPTS, counting, memory);
    assert.equal(rounds, 1, 'an edit that adds no link renders in one round');
    assert.deepEqual(again, renderInSite(s, '/site/content/posts/linker.md', edited, prep, OPTS));
  });

  it('verdicts follow the site between renders (a target appears)', async () => {
    const { engine, site: s } = await site();
    const prep = await prepareSite(engine, s);
    const memory = newRenderMemory();
    const before = await renderInSiteElsewhere(s, '/site/content/posts/linker.md', TEXT, prep, OPTS, acrossThreads, memory);
    assert.ok(before.links.find((l) => l.target === '/posts/nope/')!.verdict.broken);
    engine.documentChanged('/site/content/posts/nope.md', '---\ntitle: Nope\n---\n');
    const after = await renderInSiteElsewhere(s, '/site/content/posts/linker.md', TEXT, prep, OPTS, acrossThreads, memory);
    assert.equal(after.links.find((l) => l.target === '/posts/nope/')!.verdict.broken, undefined);
  });

  it('on the real worker thread too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-render-worker-'));
    const script = path.join(dir, 'analysisWorker.js');
    buildSync({ entryPoints: [path.join(__dirname, '../../../src/node/analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
    const w = new AnalysisWorker(script);
    try {
      const { engine, site: s } = await site();
      const prep = await prepareSite(engine, s);
      const there = await renderInSiteElsewhere(s, '/site/content/posts/linker.md', TEXT, prep, OPTS, (t, m, tables) => w.render(t, m, tables), newRenderMemory());
      assert.deepEqual(there, renderInSite(s, '/site/content/posts/linker.md', TEXT, prep, OPTS));
    } finally {
      w.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
