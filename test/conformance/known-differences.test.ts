/**
 * Known differences (knownDifferences.ts): each fixture case is built with the real `hugo` and must
 * still differ exactly as documented; for each limitation no build can show, the engine must do what
 * the README says it does (no finding: never a guess); the README's section is the list.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWithHugo, compareWithHugo, indexSite, requireHugo } from './helpers/hugo';
import { KNOWN_DIFFERENCES, knownDifferencesMarkdown } from './knownDifferences';
import { readBlock } from '../../bench/readme';
import * as os from 'node:os';
import { createPostcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';
import type { PostcraftDiagnostic } from '../../src/core/diagnostics';

const repo = path.resolve(__dirname, '../..');

/** A site written into a temp folder, checked whole: its error and warning findings. */
async function findingsOf(files: Record<string, string>): Promise<PostcraftDiagnostic[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-known-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const root = dir.split(path.sep).join('/');
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root] });
    const site = engine.sites.find((x) => x.root === root);
    assert.ok(site, 'the site is detected');
    return (await engine.checkSite(site)).filter((d) => d.severity === 'error' || d.severity === 'warning');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the engine does where no build here can show the generator's answer: nothing. */
const ENGINE_CHECKS: Readonly<Record<string, () => Promise<void>>> = {
  'hugo-missing-theme': async () => {
    const found = await findingsOf({
      'hugo.toml': 'baseURL = "https://blog.example.com/"\ntheme = "not-checked-out"\n',
      'content/posts/a.md': '---\ntitle: A\n---\n{{< callout id="from-the-theme" >}}\nText.\n{{< /callout >}}\n\n## Real heading\n',
      'content/posts/b.md': '---\ntitle: B\n---\n[x](../a/#from-the-theme) [y](../a/#real-heading) [z](../nowhere/) [w](../c/#from-a-layout)\n',
      'content/posts/c.md': '---\ntitle: C\n---\nNo shortcode here.\n',
      'content/posts/d.md': '---\ntitle: D\n---\nA name the theme may have: {{< one-the-theme-may-have >}}.\n',
    });
    // The fragment a theme shortcode may print is not judged; one the theme's layouts alone could
    // write is (the documented difference); a missing page is.
    assert.deepEqual(found.map((d) => `${d.file}:${d.code}:${d.target}`).sort(), ['content/posts/b.md:link.fragment-not-found:../c/#from-a-layout', 'content/posts/b.md:link.not-found:../nowhere/']);
  },
  'hugo-later-shortcodes': async () => {
    const found = await findingsOf({
      'hugo.toml': 'baseURL = "https://blog.example.com/"\n',
      'content/posts/a.md': '---\ntitle: A\n---\n{{< details summary="More" >}}\nHidden.\n{{< /details >}}\n\n{{< x user="someone" id="1" >}}\n\n{{< not-a-shortcode >}}\n',
    });
    // A later Hugo's built-ins are information (no error or warning); a name no Hugo has is an error.
    assert.deepEqual(found.map((d) => `${d.file}:${d.code}:${d.severity}`), ['content/posts/a.md:shortcode.unknown:error']);
  },
  'jekyll-github-pages-versions': async () => {
    const found = await findingsOf({
      '_config.yml': 'title: T\nurl: https://blog.example.com\n',
      'Gemfile': 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n',
      'docs/my notes.md': '---\ntitle: Notes\n---\nText.\n',
      'docs/index.md': '---\ntitle: Docs\n---\n[escaped](my%20notes.md) [missing](gone.md)\n',
    });
    // Only 0.7 unescapes `%20`: accepted, as one of the two versions makes it work; a file neither finds is reported.
    assert.deepEqual(found.map((d) => `${d.file}:${d.code}:${d.target}`), ['docs/index.md:link.not-found:gone.md']);
  },
  'jekyll-liquid-site-pages': async () => {
    const found = await findingsOf({
      '_config.yml': 'title: T\nurl: https://blog.example.com\n',
      '_posts/2024-01-01-one.md': '---\ntitle: One\ntags: [news]\n---\nText.\n',
      'archive.md':
        '---\ntitle: Archive\n---\n{% for p in site.pages %}[{{ p.title }}]({{ p.url }}gone/)\n{% endfor %}\n' +
        '{% for post in site.posts %}[{{ post.title }}]({{ post.url }}{{ post.excerpt | size }}/)\n{% endfor %}\n' +
        '{% for tag in site.tags %}<a href="/tags/{{ tag[0] }}/">t</a>{% endfor %}\n[missing](/nowhere/)\n',
    });
    // site.pages and an excerpt are not evaluated (no finding); site.tags is (the tag has no page).
    assert.deepEqual(found.map((d) => `${d.file}:${d.code}:${d.target}`), ['archive.md:link.not-found:/tags/news/', 'archive.md:link.not-found:/nowhere/']);
  },
};

describe('known differences from the generators', function () {
  this.timeout(120_000);

  for (const d of KNOWN_DIFFERENCES) {
    if (!d.fixture) {
      const check = ENGINE_CHECKS[d.id];
      if (check) it(`${d.id}: no build can show it (${d.limitation}); the engine does what the README says`, check);
      else it(`${d.id}: documented limitation — ${d.limitation}`);
      continue;
    }
    it(`${d.id}: the real ${d.generator.toLowerCase()} still differs from us exactly as documented`, async function () {
      requireHugo(this);
      const build = buildWithHugo(path.join(repo, 'test/fixtures/known-differences', d.fixture!));
      try {
        const site = await indexSite(build.siteDir);
        const found = compareWithHugo(site, build);
        assert.deepEqual(found, d.expected, found.length === 0 ? `${d.id}: we now agree with hugo; remove it from test/conformance/knownDifferences.ts (and so from the README)` : `${d.id}: the difference changed`);
      } finally {
        build.cleanup();
      }
    });
  }

  it('the README lists exactly these', () => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    assert.equal(readBlock(readme, 'known-differences'), knownDifferencesMarkdown());
  });
});
