/**
 * Template calls against the real generators: every error we report on a shortcode or an include is a
 * build the generator refuses, at the same place, and a site the generator builds gets none.
 *
 * - test/fixtures/shortcodes/hugo-site: site, theme, theme-component and built-in shortcodes used
 *   every valid way (nested names, `.md` and output-format variants, `{{% %}}`, self-closing, escaped
 *   `{{</* *\/>}}`), plus a draft and a future page with broken calls Hugo does not read. Hugo builds it;
 *   we report nothing.
 * - test/fixtures/shortcodes/hugo-cases/*.md: one broken page each, added to that site. Hugo refuses
 *   each at a file and line; we report exactly one error there, with the code the case expects.
 * - Hugo 0.111's built-in shortcodes: each of ours builds, and whether it takes a closing tag is what
 *   Hugo says; names of later versions are not found.
 * - test/fixtures/shortcodes/hugo-mounts: layouts mounted from another folder (`[[module.mounts]]`).
 * - A theme that is not on disk: Hugo cannot build at all; we report no error, only that it is missing.
 * - Jekyll: test/fixtures/shortcodes/jekyll-site builds; each jekyll-cases/*.md fails it in that file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostcraft } from '../../src/core/service';
import type { PostcraftDiagnostic } from '../../src/core/diagnostics';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { HUGO_BUILTIN_SHORTCODES, HUGO_LATER_SHORTCODES } from '../../src/core/generators/hugo/builtinShortcodes';
import { requireHugo, runHugo } from './helpers/hugo';
import { buildWithJekyll, requireJekyll } from './helpers/jekyll';

const ROOT = path.resolve(__dirname, '../fixtures/shortcodes');
const TEMPLATE_CODES = /^(shortcode|include)\./;

async function check(siteDir: string): Promise<PostcraftDiagnostic[]> {
  const root = siteDir.split(path.sep).join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root] });
  const site = engine.sites.find((s) => s.root === root);
  assert.ok(site, `no site at ${root}`);
  return engine.checkSite(site);
}

const serious = (d: PostcraftDiagnostic) => d.severity === 'error' || d.severity === 'warning';
const where = (d: PostcraftDiagnostic) => `${d.file}:${d.start.line + 1} ${d.code}`;

/** `"…/content/posts/x.md:12:3": <message>` in hugo's log → site-relative file, line and message. */
function hugoError(log: string, siteDir: string): { file: string; line: number; message: string } | undefined {
  const m = /Error building site: "([^"]+):(\d+):\d+": ([^\n]+)/.exec(log);
  return m ? { file: path.relative(siteDir, m[1]).split(path.sep).join('/'), line: Number(m[2]), message: m[3] } : undefined;
}

interface HugoCase {
  readonly code: string;
  /** What hugo says. */
  readonly says: RegExp;
  /** Hugo's lexer reports some errors at 1:1: then only the file is compared. */
  readonly fileOnly?: boolean;
  /**
   * Information, not an error: a name later Hugo versions build in (0.111 refuses it, a newer Hugo
   * builds it, and the site does not say which it is built with). A known difference.
   */
  readonly info?: boolean;
}

const HUGO_CASES: Record<string, HugoCase> = {
  'unknown.md': { code: 'shortcode.unknown', says: /template for shortcode "notee" not found/ },
  'unknown-in-code.md': { code: 'shortcode.unknown', says: /template for shortcode "youtub" not found/ },
  'unknown-in-html.html': { code: 'shortcode.unknown', says: /template for shortcode "badgee" not found/ },
  'unknown-newer-hugo.md': { code: 'shortcode.unknown', says: /template for shortcode "x" not found/, info: true },
  'unclosed.md': { code: 'shortcode.unclosed', says: /shortcode "note" must be closed or self-closed/ },
  'unclosed-theme.md': { code: 'shortcode.unclosed', says: /shortcode "quote" must be closed or self-closed/ },
  'unclosed-builtin.md': { code: 'shortcode.unclosed', says: /shortcode "highlight" must be closed or self-closed/ },
  'close-without-inner.md': { code: 'shortcode.unexpected-close', says: /shortcode "badge" does not evaluate \.Inner or \.InnerDeindent, yet a closing tag was provided/ },
  'self-close-without-inner.md': { code: 'shortcode.unexpected-close', says: /does not evaluate \.Inner or \.InnerDeindent, yet a closing tag was provided/ },
  'stray-close.md': { code: 'shortcode.unexpected-close', says: /got closing shortcode, but none is open/, fileOnly: true },
};

describe('shortcodes and includes agree with the real generators (test/fixtures/shortcodes)', function () {
  this.timeout(120_000);

  it('hugo-site: hugo builds it, and we report nothing', async function () {
    requireHugo(this);
    const run = runHugo(path.join(ROOT, 'hugo-site'));
    try {
      assert.equal(run.status, 0, run.log);
      const diags = await check(run.siteDir);
      assert.deepEqual(diags.filter(serious).map(where), []);
      // The page really called every kind: hugo printed each template's output.
      const html = fs.readFileSync(path.join(run.publicDir, 'posts/uses/index.html'), 'utf8');
      for (const mark of ['class="note"', 'class="badge"', '<video src="/clips/intro.mp4"', 'class="box"', 'class="card"', 'class="pull"', '<kbd>Ctrl</kbd>', '<figure>', 'Write often']) assert.ok(html.includes(mark), mark);
    } finally {
      run.cleanup();
    }
  });

  it('every case in hugo-cases has its expectation', () => {
    assert.deepEqual(fs.readdirSync(path.join(ROOT, 'hugo-cases')).sort(), Object.keys(HUGO_CASES).sort());
  });

  for (const [name, c] of Object.entries(HUGO_CASES)) {
    it(`hugo-cases/${name}: hugo refuses it where we report ${c.code}`, async function () {
      requireHugo(this);
      const file = `content/posts/${name}`;
      const run = runHugo(path.join(ROOT, 'hugo-site'), [], { [file]: fs.readFileSync(path.join(ROOT, 'hugo-cases', name), 'utf8') });
      try {
        assert.notEqual(run.status, 0, `hugo built ${name}:\n${run.log}`);
        const said = hugoError(run.log, run.siteDir);
        assert.ok(said, run.log);
        assert.match(said.message, c.says);
        const all = await check(run.siteDir);
        const ours = c.info ? all.filter((d) => TEMPLATE_CODES.test(d.code)) : all.filter(serious);
        assert.deepEqual(ours.map((d) => `${d.file} ${d.code} ${d.severity}`), [`${file} ${c.code} ${c.info ? 'info' : 'error'}`], ours.map(where).join('\n'));
        if (c.info) assert.deepEqual(all.filter(serious).map(where), []);
        assert.equal(said.file, file);
        if (!c.fileOnly) assert.equal(ours[0].start.line + 1, said.line, `hugo: ${said.line}, ours: ${ours[0].start.line + 1}`);
      } finally {
        run.cleanup();
      }
    });
  }

  it("Hugo 0.111's built-in shortcodes: each exists, takes a closing tag or not as we say; later ones do not exist", async function () {
    requireHugo(this);
    const problems: string[] = [];
    for (const b of HUGO_BUILTIN_SHORTCODES) {
      // Self-closed: Hugo refuses it for a shortcode without .Inner, after finding its template.
      const run = runHugo(path.join(ROOT, 'hugo-site'), [], { 'content/posts/builtin.md': `---\ntitle: b\n---\n\n{{< ${b.name} />}}\n` });
      try {
        if (/template for shortcode "[^"]+" not found/.test(run.log)) problems.push(`${b.name}: not found`);
        const refused = /does not evaluate \.Inner or \.InnerDeindent/.test(run.log);
        if (refused === b.inner) problems.push(`${b.name}: we say inner=${b.inner}, hugo ${refused ? 'refuses' : 'accepts'} />}}`);
      } finally {
        run.cleanup();
      }
    }
    // Later versions' built-ins, and templates Hugo keeps for itself.
    for (const name of [...HUGO_LATER_SHORTCODES.map((l) => l.name), 'youtube_simple', '__h_simple_assets']) {
      const run = runHugo(path.join(ROOT, 'hugo-site'), [], { 'content/posts/later.md': `---\ntitle: l\n---\n\n{{< ${name} >}}\n` });
      try {
        if (!new RegExp(`template for shortcode "${name}" not found`).test(run.log)) problems.push(`${name}: hugo has it`);
        if (HUGO_BUILTIN_SHORTCODES.some((b) => b.name === name)) problems.push(`${name}: in our list`);
      } finally {
        run.cleanup();
      }
    }
    assert.deepEqual(problems, []);
  });

  it('hugo-mounts: shortcodes of a layouts folder mounted from elsewhere are known; hugo builds, we report nothing', async function () {
    requireHugo(this);
    const run = runHugo(path.join(ROOT, 'hugo-mounts'));
    try {
      assert.equal(run.status, 0, run.log);
      assert.match(fs.readFileSync(path.join(run.publicDir, 'posts/mounted/index.html'), 'utf8'), /<div class="example">Framed<\/div>/);
      const diags = await check(run.siteDir);
      assert.deepEqual(diags.filter(serious).map(where), []);
      const engine = await createPostcraft({ fs: nodeFileSystem, roots: [run.siteDir.split(path.sep).join('/')] });
      assert.equal((await engine.sites[0].templates.catalogue())!.entries.get('example')?.file, 'src/layouts/shortcodes/example.html');
    } finally {
      run.cleanup();
    }
  });

  it('hugo-missing-theme: hugo cannot build without the theme; we report no error, only that it is missing', async function () {
    requireHugo(this);
    const run = runHugo(path.join(ROOT, 'hugo-missing-theme'));
    try {
      assert.notEqual(run.status, 0);
      assert.match(run.log, /module "absent" not found/);
      const diags = await check(run.siteDir);
      assert.deepEqual(diags.filter(serious).map(where), []);
      assert.deepEqual(diags.filter((d) => d.code === 'theme.missing').map((d) => `${d.file}:${d.start.line + 1} ${d.severity}`), ['hugo.toml:3 info']);
      assert.deepEqual(diags.filter((d) => TEMPLATE_CODES.test(d.code)), []);
    } finally {
      run.cleanup();
    }
  });

  it('jekyll-site: jekyll builds it, and we report nothing', async function () {
    requireJekyll(this);
    const b = buildWithJekyll(path.join(ROOT, 'jekyll-site'));
    try {
      assert.equal(b.status, 0, b.log);
      const diags = await check(b.siteDir);
      assert.deepEqual(diags.filter(serious).map(where), []);
      const html = fs.readFileSync(path.join(b.outDir, '2020/01/01/uses.html'), 'utf8');
      assert.match(html, /Hello, Ada 👋/);
      assert.match(html, /A card/);
    } finally {
      b.cleanup();
    }
  });

  for (const name of fs.readdirSync(path.join(ROOT, 'jekyll-cases')).map((f) => f.replace(/\.md$/, ''))) {
    it(`jekyll-cases/${name}: jekyll refuses it in the file where we report include.not-found`, async function () {
      requireJekyll(this);
      const tmpFixture = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-jk-case-'));
      fs.cpSync(path.join(ROOT, 'jekyll-site'), tmpFixture, { recursive: true });
      const file = `_posts/2021-01-01-${name}.md`;
      fs.copyFileSync(path.join(ROOT, 'jekyll-cases', `${name}.md`), path.join(tmpFixture, file));
      const b = buildWithJekyll(tmpFixture);
      try {
        assert.notEqual(b.status, 0, b.log);
        const m = /Could not locate the included file '([^']+)'[^\n]* in (\/\S+?\.md)/.exec(b.log);
        assert.ok(m, b.log);
        assert.equal(path.relative(b.siteDir, m[2]).split(path.sep).join('/'), file);
        const ours = (await check(b.siteDir)).filter(serious);
        assert.deepEqual(ours.map((d) => `${d.file} ${d.code}`), [`${file} include.not-found`], ours.map(where).join('\n'));
        assert.equal(ours[0].data?.name, m[1]);
      } finally {
        b.cleanup();
        fs.rmSync(tmpFixture, { recursive: true, force: true });
      }
    });
  }
});
