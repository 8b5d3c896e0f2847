/**
 * `frontmatter.image-not-found` against the real hugo (test/fixtures/images-hugo): the fixture's
 * layout prints each front-matter image the way themes resolve it (bundle resource, `assets/` through
 * resources.Get, else relURL). An image is broken when the URL printed is not a file hugo published;
 * our findings must name exactly those, and the fixture must hold both kinds in every form.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPostcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { requireHugo, runHugo, type HugoRun } from './helpers/hugo';
import { buildWithJekyll, requireJekyll, type JekyllBuild } from './helpers/jekyll';

const FIXTURE = path.resolve(__dirname, '../fixtures/images-hugo');
const POSTS = ['content/posts/bundle/index.md', 'content/posts/single.md'];

/** `<img data-fm="VALUE" src="URL">` printed by the fixture's layout, per page. */
function printedImages(html: string): { value: string; src: string }[] {
  return [...html.matchAll(/<img data-fm="([^"]*)" src="([^"]*)">/g)].map((m) => ({ value: unescape(m[1]), src: unescape(m[2]) }));
}

const unescape = (s: string) => s.replace(/&#43;/g, '+').replace(/&amp;/g, '&').replace(/&#34;/g, '"').replace(/&#39;/g, "'");

describe('front-matter images agree with hugo (test/fixtures/images-hugo)', function () {
  this.timeout(120_000);
  let run: HugoRun;
  before(function () {
    requireHugo(this);
    run = runHugo(FIXTURE);
  });
  after(() => run?.cleanup());

  it('reports exactly the images whose URL hugo did not publish', async () => {
    assert.equal(run.status, 0, run.log);
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [FIXTURE.split(path.sep).join('/')] });
    const site = engine.sites[0];
    const broken: string[] = [];
    const working: string[] = [];
    const ours: string[] = [];
    for (const post of POSTS) {
      const url = site.index.pagesOfFile(post)[0].url;
      const html = fs.readFileSync(path.join(run.publicDir, url, 'index.html'), 'utf8');
      const printed = printedImages(html);
      assert.ok(printed.length >= 4, `${post}: the layout printed ${printed.length} images`);
      for (const { value, src } of printed) {
        if (/^https?:/.test(src)) continue; // external: not judged, not built
        assert.ok(src.startsWith('/'), `${post}: ${value} printed as ${src}`);
        const published = fs.existsSync(path.join(run.publicDir, decodeURIComponent(src)));
        (published ? working : broken).push(`${post}: ${value}`);
      }
      const text = fs.readFileSync(path.join(FIXTURE, post), 'utf8');
      for (const d of await engine.checkDocument(path.join(FIXTURE, post).split(path.sep).join('/'), text)) {
        if (d.code === 'frontmatter.image-not-found') ours.push(`${post}: ${String(d.data?.['value'])}`);
        else assert.ok(d.severity !== 'error' && d.severity !== 'warning', `${post}: unexpected ${d.code} ${d.message}`);
      }
    }
    // The fixture covers present and missing images in string, list and nested forms, bundle- and root-relative.
    for (const must of ['bundle/index.md: /images/gone.png', 'bundle/index.md: missing-cover.png', 'single.md: /images/nope.png', 'single.md: img/not-there.png']) assert.ok(broken.some((b) => b.endsWith(must)), `${must} is broken on the built site`);
    for (const must of ['bundle/index.md: cover.png', 'bundle/index.md: /images/wide.png', 'bundle/index.md: img/hero.png', 'single.md: images/card.png']) assert.ok(working.some((b) => b.endsWith(must)), `${must} works on the built site`);
    assert.deepEqual(ours.sort(), broken.sort());
  });
});

describe('front-matter images agree with jekyll (test/fixtures/images-jekyll)', function () {
  this.timeout(120_000);
  const fixture = path.resolve(__dirname, '../fixtures/images-jekyll');
  let build: JekyllBuild;
  before(function () {
    requireJekyll(this);
    build = buildWithJekyll(fixture);
  });
  after(() => build?.cleanup());

  it('reports exactly the images whose URL jekyll did not write', async () => {
    assert.equal(build.status, 0, build.log);
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [fixture.split(path.sep).join('/')] });
    const broken: string[] = [];
    const working: string[] = [];
    const ours: string[] = [];
    for (const entry of build.list.filter((e) => e.path.startsWith('_posts/'))) {
      const html = fs.readFileSync(path.join(build.outDir, entry.dest), 'utf8');
      assert.match(html, /<meta property="og:image" content="https:\/\/example\.org\/blog\/assets\//, `${entry.path}: jekyll-seo-tag printed the image`);
      for (const { value, src } of printedImages(html)) {
        assert.ok(src.startsWith('/blog/'), `${entry.path}: ${value} printed as ${src}`);
        (fs.existsSync(path.join(build.outDir, decodeURIComponent(src.slice('/blog/'.length)))) ? working : broken).push(`${entry.path}: ${value}`);
      }
      const abs = path.join(fixture, entry.path);
      for (const d of await engine.checkDocument(abs.split(path.sep).join('/'), fs.readFileSync(abs, 'utf8'))) {
        if (d.code === 'frontmatter.image-not-found') ours.push(`${entry.path}: ${String(d.data?.['value'])}`);
      }
    }
    assert.ok(working.length >= 3 && broken.length >= 3, `present: ${working.join(', ')}; missing: ${broken.join(', ')}`);
    assert.deepEqual(ours.sort(), broken.sort());
  });
});
