/**
 * The template catalogue: what each shortcode's template says (parameters, positional, `.Inner`,
 * documentation, ids, wrappers), Hugo's precedence (site, themes and their components, built-ins),
 * themes not on disk, and Jekyll's includes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostcraft } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import { readShortcodeTemplate, leadingComment } from '../../../src/core/generators/hugo/shortcodeTemplate';
import { includeDoc, includeParams } from '../../../src/core/generators/jekyll/includes';
import { compareVersions, declaredHugoVersion } from '../../../src/core/generators/hugo/hugoVersion';
import { MemoryFs } from '../helpers/memoryFs';
import { fixtureSite, memorySite, HUGO_SITE, JEKYLL_SITE } from './helpers';

describe('shortcode templates', () => {
  it('named parameters in every form, first use first; positional ones; .Inner', () => {
    const f = readShortcodeTemplate('{{ with .Get "title" }}{{ . }}{{ end }}{{ $.Get `level` }}{{ .Params.width }}{{ index .Params "height" }}{{ .Get 0 }}{{ .Inner }}');
    assert.deepEqual(f.params, ['title', 'level', 'width', 'height']);
    assert.equal(f.positional, true);
    assert.equal(f.inner, true);
  });

  it("the page's and the site's params are not the shortcode's", () => {
    const f = readShortcodeTemplate('{{ .Page.Params.author }}{{ site.Params.motto }}{{ .Site.Params.x }}{{ $.Page.Get "y" }}');
    assert.deepEqual(f.params, []);
    assert.equal(f.positional, false);
  });

  it('.Inner in a comment does not count (as hugo reads it); .InnerDeindent and $.Inner do', () => {
    assert.equal(readShortcodeTemplate('{{/* uses .Inner later */}}<p>hi</p>').inner, false);
    assert.equal(readShortcodeTemplate('{{- /* .Inner */ -}}{{ .Get 0 }}').inner, false);
    assert.equal(readShortcodeTemplate('{{ .InnerDeindent }}').inner, true);
    assert.equal(readShortcodeTemplate('{{ with $.Inner }}{{ . }}{{ end }}').inner, true);
    assert.equal(readShortcodeTemplate('.Inner outside an action').inner, false);
  });

  it('the comment at the top is the documentation: Go template or HTML comment, cleaned up', () => {
    assert.equal(leadingComment('{{/*\n  A note.\n  Usage: {{< note >}}\n*/}}\n<div/>'), 'A note.\nUsage: {{< note >}}');
    assert.equal(leadingComment('{{- /* One line */ -}}x'), 'One line');
    assert.equal(leadingComment('  <!-- An HTML comment -->\n<p/>'), 'An HTML comment');
    assert.equal(leadingComment('/**\n * Star-prefixed\n * lines\n */'), undefined);
    assert.equal(leadingComment('{{/*\n * Star-prefixed\n * lines\n */}}'), 'Star-prefixed\nlines');
    assert.equal(leadingComment('<p>{{/* not at the top */}}</p>'), undefined);
  });

  it('a wrapper the preview may render: HTML around one .Inner action, nothing else that runs', () => {
    assert.deepEqual(readShortcodeTemplate('<div class="box">{{ .Inner }}</div>\n').wrapper, { before: '<div class="box">', after: '</div>', markdown: false });
    assert.deepEqual(readShortcodeTemplate('<aside>\n  {{- .Inner | markdownify -}}\n</aside>').wrapper, { before: '<aside>', after: '</aside>', markdown: true });
    assert.equal(readShortcodeTemplate('<div class="{{ .Get 0 }}">{{ .Inner }}</div>').wrapper, undefined);
    assert.equal(readShortcodeTemplate('{{ partial "x" . }}{{ .Inner }}').wrapper, undefined);
    assert.equal(readShortcodeTemplate('<b>{{ .Get 0 }}</b>').wrapper, undefined);
  });
});

describe('the Hugo catalogue', () => {
  it('site, theme, theme component and built-in shortcodes, with where each comes from (fixture hugo-site)', async () => {
    const { site } = await fixtureSite('hugo-site');
    const c = await site.templates.catalogue();
    assert.ok(c);
    assert.equal(c.kind, 'shortcode');
    assert.deepEqual(c.missing, []);
    const got = (n: string) => {
      const e = c.entries.get(n);
      assert.ok(e, n);
      return e;
    };
    assert.deepEqual([got('note').source, got('quote').source, got('kbd').source, got('figure').source], ['site', 'paper', 'bits', 'built-in']);
    // The site's note.html replaces the theme's: its parameters and documentation, its file.
    assert.deepEqual(got('note').params, ['title']);
    assert.equal(got('note').file, 'layouts/shortcodes/note.html');
    assert.match(got('note').doc ?? '', /^A highlighted note\. The title is optional/);
    assert.equal(got('note').inner, true);
    assert.equal(got('badge').positional, true);
    assert.equal(got('badge').inner, false);
    // A nested folder names it a/b; a .md template counts; output-format variants are one shortcode.
    assert.deepEqual(got('media/clip').params, ['src', 'width']);
    assert.equal(got('aside').file, 'layouts/shortcodes/aside.md');
    assert.deepEqual(got('card').files, ['layouts/shortcodes/card.amp.html', 'layouts/shortcodes/card.html']);
    assert.equal(got('card').file, 'layouts/shortcodes/card.html');
    assert.equal(got('card').innerUncertain, undefined);
    assert.equal(got('highlight').inner, true);
    for (const internal of ['__h_simple_assets', 'x', 'qr']) assert.equal(c.entries.has(internal), false, internal);
  });

  it('variants that disagree on .Inner make it uncertain', async () => {
    const { site } = await memorySite({ ...HUGO_SITE, 'layouts/shortcodes/v.html': '<p>{{ .Get 0 }}</p>', 'layouts/shortcodes/v.amp.html': '{{ .Inner }}' });
    const v = (await site.templates.catalogue())!.entries.get('v')!;
    assert.equal(v.inner, true);
    assert.equal(v.innerUncertain, true);
  });

  it('a theme or module that is not on disk is missing; a module found under themes/ or _vendor/ is not', async () => {
    const { site } = await memorySite({
      'hugo.toml': 'baseURL = "/"\ntheme = ["gone", "empty"]\n[[module.imports]]\npath = "github.com/a/comp"\n[[module.imports]]\npath = "github.com/b/vendored"\n[[module.imports]]\npath = "github.com/c/remote"\n',
      'themes/github.com/a/comp/layouts/shortcodes/comp.html': 'c',
      '_vendor/github.com/b/vendored/layouts/shortcodes/vend.html': 'v',
      'content/_index.md': '---\ntitle: H\n---\n',
    });
    const c = (await site.templates.catalogue())!;
    assert.deepEqual(c.missing, ['gone', 'empty', 'github.com/c/remote']);
    assert.equal(c.entries.get('comp')?.source, 'github.com/a/comp');
    assert.equal(c.entries.get('vend')?.source, 'github.com/b/vendored');
    const infos = site.index.issues.filter((i) => i.code === 'theme.missing');
    assert.deepEqual(infos.map((i) => [i.severity, i.message.match(/"([^"]+)"/)![1]]), [['info', 'gone'], ['info', 'empty'], ['info', 'github.com/c/remote']]);
  });

  it('module mounts of layouts are followed; one we cannot follow makes the catalogue incomplete', async () => {
    const mounted = (await (await memorySite({ ...HUGO_SITE, 'hugo.toml': 'baseURL = "/"\n[[module.mounts]]\nsource = "src/layouts"\ntarget = "layouts"\n[[module.mounts]]\nsource = "more"\ntarget = "layouts/shortcodes"\n', 'src/layouts/shortcodes/a.html': 'a', 'more/b.html': 'b' })).site.templates.catalogue())!;
    assert.deepEqual([mounted.entries.get('a')?.file, mounted.entries.get('b')?.file, mounted.entries.has('note')], ['src/layouts/shortcodes/a.html', 'more/b.html', false]);
    assert.deepEqual(mounted.missing, []);
    const outside = (await (await memorySite({ ...HUGO_SITE, 'hugo.toml': 'baseURL = "/"\n[[module.mounts]]\nsource = "../shared/layouts"\ntarget = "layouts"\n' })).site.templates.catalogue())!;
    assert.deepEqual(outside.missing, ["the site's layouts mount"]);
    const themeMount = (await (await memorySite({ ...HUGO_SITE, 'themes/paper/hugo.toml': '[[module.mounts]]\nsource = "tpl"\ntarget = "layouts"\n', 'themes/paper/tpl/shortcodes/t.html': 't' })).site.templates.catalogue())!;
    assert.equal(themeMount.entries.get('t')?.file, 'themes/paper/tpl/shortcodes/t.html');
    assert.equal(themeMount.entries.has('quote'), false);
  });

  it('an empty theme folder (a git submodule never checked out) is missing too', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-empty-theme-'));
    try {
      fs.mkdirSync(path.join(root, 'themes/empty'), { recursive: true });
      fs.mkdirSync(path.join(root, 'content'));
      fs.writeFileSync(path.join(root, 'hugo.toml'), 'baseURL = "/"\ntheme = "empty"\n');
      const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root.split(path.sep).join('/')] });
      assert.deepEqual((await engine.sites[0].templates.catalogue())!.missing, ['empty']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a shortcode template created, changed or deleted is read again (no reload of the site)', async () => {
    const { engine, site, fs } = await memorySite(HUGO_SITE);
    assert.equal((await site.templates.catalogue())!.entries.has('fresh'), false);
    fs.write('/site/layouts/shortcodes/fresh.html', '{{ .Inner }}');
    await engine.fileCreated('/site/layouts/shortcodes/fresh.html');
    assert.equal((await engine.sites[0].templates.catalogue())!.entries.get('fresh')?.inner, true);
    fs.write('/site/layouts/shortcodes/fresh.html', '<b>{{ .Get "x" }}</b>');
    await engine.fileChanged('/site/layouts/shortcodes/fresh.html');
    assert.deepEqual((await engine.sites[0].templates.catalogue())!.entries.get('fresh')?.params, ['x']);
    fs.delete('/site/layouts/shortcodes/fresh.html');
    engine.fileDeleted('/site/layouts/shortcodes/fresh.html');
    assert.equal((await engine.sites[0].templates.catalogue())!.entries.has('fresh'), false);
  });
});

describe('the Hugo version a site is built with', () => {
  it('compares versions as Hugo numbers them', () => {
    assert.equal(compareVersions('0.141.0', '0.141'), 0);
    assert.equal(compareVersions('v0.99.1', '0.111.3'), -1);
    assert.equal(compareVersions('0.145.0-extended', '0.141.0'), 1);
  });

  it('module.hugoVersion and Netlify\'s HUGO_VERSION, every context counted', async () => {
    const fs = new MemoryFs('/site', { 'netlify.toml': '[build.environment]\n  HUGO_VERSION = "0.142.0"\n[context.deploy-preview.environment]\nHUGO_VERSION = "0.139.1"\n' });
    assert.deepEqual(await declaredHugoVersion(fs, '/site', { module: { hugoversion: { min: '0.120.0' } } }), { min: '0.120.0', max: '0.142.0' });
    assert.deepEqual(await declaredHugoVersion(new MemoryFs('/site', {}), '/site', {}), {});
  });

  it("later versions' built-ins: known when the site is built with them, undecided otherwise", async () => {
    const undecided = (await (await memorySite(HUGO_SITE)).site.templates.catalogue())!;
    assert.equal(undecided.entries.has('x'), false);
    assert.equal(undecided.later?.get('x'), '0.141.0');
    const newer = (await (await memorySite({ ...HUGO_SITE, 'hugo.toml': HUGO_SITE['hugo.toml'] + '[module.hugoVersion]\nmin = "0.140.0"\n' })).site.templates.catalogue())!;
    assert.equal(newer.entries.get('details')?.source, 'built-in');
    assert.equal(newer.entries.has('x'), false);
    assert.equal(newer.later?.get('x'), '0.141.0');
  });
});

describe('the Jekyll catalogue', () => {
  it('every file below _includes, named by its path there, with its include.x parameters and its comment', async () => {
    const { site } = await memorySite(JEKYLL_SITE);
    const c = (await site.templates.catalogue())!;
    assert.equal(c.kind, 'include');
    assert.deepEqual([...c.entries.keys()], ['cards/card.md', 'hello.html']);
    assert.deepEqual(c.entries.get('hello.html')!.params, ['who']);
    assert.equal(c.entries.get('hello.html')!.doc, 'Says hello.');
    assert.equal(c.entries.get('cards/card.md')!.file, '_includes/cards/card.md');
  });

  it('includes_dir moves them; a theme gem makes the catalogue incomplete', async () => {
    const { site } = await memorySite({ ...JEKYLL_SITE, '_config.yml': 'title: T\nincludes_dir: _partials\ntheme: minima\n', '_partials/p.html': 'p' });
    const c = (await site.templates.catalogue())!;
    assert.deepEqual([...c.entries.keys()], ['p.html']);
    assert.deepEqual(c.missing, ['minima']);
    assert.deepEqual(site.index.issues.filter((i) => i.code === 'theme.missing').map((i) => i.severity), ['info']);
  });

  it('reads documentation and parameters as written', () => {
    assert.equal(includeDoc('<!-- An HTML comment -->\n<p/>'), 'An HTML comment');
    assert.equal(includeDoc('{%- comment -%}\n  Two\n  lines\n{%- endcomment -%}'), 'Two\nlines');
    assert.deepEqual(includeParams('{{ include.a }}{% if include.b %}{{ include.a | x }}{% endif %}'), ['a', 'b']);
  });
});
