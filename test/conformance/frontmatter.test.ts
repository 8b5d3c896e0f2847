/**
 * Front-matter findings against the real generators (test/fixtures/frontmatter/). For every fixture
 * page the generator builds, the values we read must be the values it read (printed by the fixture's
 * layout), and we may say error or warning only where it refused them: the build failed, the page
 * lost its front matter, a date was dropped, a value was thrown away. Every broken case is built on
 * its own and must fail (or lose its data) where we report an error.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseWrittenDate } from '../../src/core/generators/hugo/dates';
import type { PostcraftDiagnostic } from '../../src/core/diagnostics';
import { requireHugo } from './helpers/hugo';
import { requireJekyll } from './helpers/jekyll';
import { caseFiles, checkFrontMatter, hugoOutcome, isLoud, jekyllOutcome, siteWithOnly, type Checked, type Outcome } from './helpers/frontmatter';

const ROOT = path.resolve(__dirname, '../fixtures/frontmatter');
const HUGO_DATE_KEYS = new Set(['date', 'lastmod', 'publishdate', 'expirydate']);

const codes = (ds: readonly PostcraftDiagnostic[] | undefined, loud = true) => (ds ?? []).filter((d) => !loud || isLoud(d)).map((d) => `${d.code}/${d.severity}`);
const dataOf = (c: Checked, file: string) => c.site.index.document(file)?.frontMatter?.data ?? {};
const keyOf = (d: PostcraftDiagnostic) => /^'([^']+)'/.exec(d.message)?.[1] ?? '';
/** Equal as the generator's template prints them (`weight: "12"` is 12 to Hugo). */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));

describe('front matter agrees with hugo (test/fixtures/frontmatter/hugo-*)', function () {
  this.timeout(180_000);
  let built: Outcome;
  let ours: Checked;
  before(async function () {
    requireHugo(this);
    built = hugoOutcome(path.join(ROOT, 'hugo-accepted'));
    ours = await checkFrontMatter(path.join(ROOT, 'hugo-accepted'));
  });
  const page = (file: string) => built.pages.find((p) => `content/${String(p['file'])}` === file);

  it('builds every accepted case', () => {
    assert.equal(built.status, 0, built.log);
    assert.equal(built.pages.length, caseFiles(path.join(ROOT, 'hugo-accepted'), 'content/posts').length);
  });

  it('reads every value as hugo read it: flush-left quoted lines, tabs, CRLF, duplicate keys', () => {
    const compared: string[] = [];
    for (const p of built.pages) {
      const file = `content/${String(p['file'])}`;
      const fm = ours.site.index.document(file)?.frontMatter;
      assert.deepEqual(fm?.errors.filter((e) => e.code !== 'frontmatter.duplicate-key'), [], file);
      const thrownAway = new Set((ours.findings.get(file) ?? []).filter((d) => d.code === 'frontmatter.wrong-type' && isLoud(d)).map(keyOf));
      const params = p['params'] as Record<string, unknown>;
      for (const [key, value] of Object.entries(fm?.data ?? {})) {
        if (HUGO_DATE_KEYS.has(key.toLowerCase()) || thrownAway.has(key)) continue;
        assert.ok(sameValue(params[key.toLowerCase()], value), `${file}: ${key} is ${JSON.stringify(value)} to us, ${JSON.stringify(params[key.toLowerCase()])} to hugo`);
        compared.push(`${file}:${key}`);
      }
    }
    for (const must of ['flush-left-title.md:title', 'flush-left-title.md:description', 'flush-left-list.md:tags', 'tab-flow.md:palette', 'crlf-quoted.md:description', 'duplicate-keys.md:series']) {
      assert.ok(compared.includes(`content/posts/${must}`), `${must} was compared`);
    }
  });

  it('flags a date exactly where hugo dropped it, and reads the others to the same second', () => {
    let dropped = 0;
    for (const p of built.pages) {
      const file = `content/${String(p['file'])}`;
      const flagged = (ours.findings.get(file) ?? []).filter((d) => d.code === 'frontmatter.invalid-date');
      if (p['dateZero'] === true) {
        dropped++;
        assert.deepEqual(codes(flagged), ['frontmatter.invalid-date/error'], `${file}: hugo dropped its date`);
      } else {
        assert.deepEqual(flagged, [], `${file}: hugo read its date`);
        const d = parseWrittenDate(dataOf(ours, file)['date']);
        assert.equal(d && Math.floor(d.epoch / 1000), p['date'], `${file}: the same instant`);
      }
    }
    assert.ok(dropped >= 6, `the fixture has dropped dates (${dropped})`);
  });

  it('says warning only where hugo threw the value away; the rest is info', () => {
    for (const p of built.pages) {
      const file = `content/${String(p['file'])}`;
      const params = p['params'] as Record<string, unknown>;
      for (const d of ours.findings.get(file) ?? []) {
        if (d.code === 'frontmatter.invalid-date') continue;
        if (d.code !== 'frontmatter.wrong-type') {
          assert.equal(d.severity, 'info', `${file}: ${d.code} ${d.message}`);
          continue;
        }
        const key = keyOf(d);
        const lost = !sameValue(params[key.toLowerCase()], dataOf(ours, file)[key]);
        assert.equal(d.severity, lost ? 'warning' : 'info', `${file}: ${key} is ${JSON.stringify(params[key.toLowerCase()])} to hugo: ${d.message}`);
      }
    }
    const info = (file: string) => codes(ours.findings.get(`content/posts/${file}`), false);
    assert.deepEqual(info('unknown-author.md'), ['frontmatter.unknown-author/info']);
    assert.deepEqual(info('boards-3.md'), ['frontmatter.near-duplicate/info']);
    assert.deepEqual(info('duplicate-keys.md'), ['frontmatter.duplicate-key/info', 'frontmatter.duplicate-key/info']);
    assert.deepEqual(info('single-category.md'), ['frontmatter.wrong-type/info']);
    assert.deepEqual(info('title-list.md'), ['frontmatter.wrong-type/warning']);
    assert.equal(page('content/posts/title-list.md')?.['title'], '');
  });

  it('reports an error in every case hugo refuses to build, each built on its own', async () => {
    const site = path.join(ROOT, 'hugo-broken');
    const checked = await checkFrontMatter(site);
    const files = caseFiles(site, 'content/posts');
    assert.ok(files.length >= 8);
    for (const file of files) {
      const one = siteWithOnly(site, ['content/posts'], file);
      try {
        const r = hugoOutcome(one.dir);
        assert.notEqual(r.status, 0, `${file}: hugo built it`);
      } finally {
        one.cleanup();
      }
      const errors = (checked.findings.get(file) ?? []).filter((d) => d.severity === 'error').map((d) => d.code);
      assert.ok(errors.includes('frontmatter.syntax') || errors.includes('frontmatter.unclosed'), `${file}: ${JSON.stringify(checked.findings.get(file))}`);
    }
  });
});

describe('front matter agrees with jekyll (test/fixtures/frontmatter/jekyll-*)', function () {
  this.timeout(180_000);
  let built: Outcome;
  let ours: Checked;
  before(async function () {
    requireJekyll(this);
    built = jekyllOutcome(path.join(ROOT, 'jekyll-accepted'));
    ours = await checkFrontMatter(path.join(ROOT, 'jekyll-accepted'));
  });
  const fileOf = (p: Record<string, unknown>) => String(p['relative_path'] ?? p['path']);

  it('builds every accepted case, and reads every value as jekyll read it', () => {
    assert.equal(built.status, 0, built.log);
    const site = path.join(ROOT, 'jekyll-accepted');
    assert.equal(built.pages.length, caseFiles(site, '_posts').length + caseFiles(site, '').length);
    for (const p of built.pages) {
      const file = fileOf(p);
      const fm = ours.site.index.document(file)?.frontMatter;
      assert.ok(fm, file);
      assert.deepEqual(fm.errors.filter((e) => e.code !== 'frontmatter.duplicate-key'), [], file);
      for (const [key, value] of Object.entries(fm.data)) {
        if (key === 'date') continue;
        assert.deepEqual(p[key], value, `${file}: ${key}`);
      }
    }
  });

  it('nothing at error or warning on a site jekyll builds; a rolled-over date is info and says the day jekyll used', () => {
    const loud = [...ours.findings.values()].flat().filter(isLoud);
    assert.deepEqual(loud, []);
    for (const p of built.pages) {
      const file = fileOf(p);
      const dates = (ours.findings.get(file) ?? []).filter((d) => d.code === 'frontmatter.invalid-date');
      const jekyllDay = String(p['date']).slice(0, 10);
      const written = String(dataOf(ours, file)['date'] ?? '');
      if (!file.startsWith('_posts/')) assert.deepEqual(dates, [], `${file}: a page's date is never read`);
      else if (written && !written.startsWith(jekyllDay)) {
        assert.equal(dates.length, 1, `${file}: jekyll read ${jekyllDay} from ${written}`);
        assert.match(dates[0].message, new RegExp(`reads it as ${jekyllDay}`));
      } else assert.deepEqual(dates, [], file);
    }
    const info = (file: string) => codes(ours.findings.get(file), false);
    assert.deepEqual(info('_posts/2021-03-10-rolled-day.md'), ['frontmatter.invalid-date/info']);
    assert.deepEqual(info('_posts/2021-03-12-unknown-author.md'), ['frontmatter.unknown-author/info']);
    assert.deepEqual(info('_posts/2021-03-15-boards-3.md'), ['frontmatter.near-duplicate/info']);
    assert.deepEqual(info('_posts/2021-03-09-duplicate-keys.md'), ['frontmatter.duplicate-key/info', 'frontmatter.duplicate-key/info']);
  });

  it('reports an error in every case where jekyll fails the build or drops the front matter, each built on its own', async () => {
    const site = path.join(ROOT, 'jekyll-broken');
    const checked = await checkFrontMatter(site);
    const dirs = ['_posts', '_recipes', ''];
    const files = dirs.flatMap((d) => caseFiles(site, d));
    assert.ok(files.length >= 7);
    let failed = 0;
    for (const file of files) {
      const one = siteWithOnly(site, dirs, file);
      let r: Outcome;
      try {
        r = jekyllOutcome(one.dir);
      } finally {
        one.cleanup();
      }
      const kept = r.pages.find((p) => fileOf(p) === file)?.['marker'] === 'kept';
      if (r.status !== 0) failed++;
      else assert.ok(!kept, `${file}: jekyll built it with its front matter`);
      const errors = (checked.findings.get(file) ?? []).filter((d) => d.severity === 'error').map((d) => d.code);
      const expected = r.status !== 0 ? 'frontmatter.invalid-date' : 'frontmatter.syntax';
      assert.ok(errors.includes(expected), `${file}: expected ${expected}, got ${JSON.stringify(checked.findings.get(file))}`);
    }
    assert.ok(failed >= 4, 'the date cases fail the build');
  });
});
