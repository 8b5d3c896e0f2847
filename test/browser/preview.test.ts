// The preview's HTML in a real Chromium: the card and body render as intended, images load, broken
// links are marked, and content planted to run script does not run. Pages come from the CLI
// (`postcraft render`), the same renderer the webview uses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/context';
import { createPostcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';

const REPO = path.resolve(__dirname, '../..');
const BLOG = path.join(REPO, 'examples', 'blog');
const ARTIFACTS = path.join(REPO, 'test-artifacts');

async function render(file: string, out: string): Promise<void> {
  let err = '';
  const io: CliIO = { out: () => {}, err: (t) => void (err += t), errIsTTY: false, cwd: REPO };
  const code = await runCli(['render', file, '--out', out], io);
  assert.equal(code, 0, `postcraft render ${file}: ${err}`);
}

describe('preview page in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-browser-'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the front-matter card, heading ids, a loaded image and a marked broken link', async () => {
    const file = 'examples/blog/content/posts/code_review_etiquette.md';
    const out = path.join(tmp, 'code-review.html');
    await render(file, out);
    await page.goto('file://' + out);
    await page.waitForLoadState('load');

    assert.equal(await page.textContent('.pc-header h1.pc-title'), 'Code Review Etiquette');
    assert.equal(await page.textContent('.pc-header .pc-date'), '3 February 2021, 15:30 (UTC)');
    assert.equal(await page.textContent('.pc-header .pc-author'), 'Maya Okonkwo');
    assert.deepEqual(await page.$$eval('.pc-chip-tag', (els) => els.map((e) => e.textContent)), ['code-review', 'teams', 'feedback']);
    assert.deepEqual(await page.$$eval('.pc-chip-category', (els) => els.map((e) => e.textContent)), ['engineering']);
    // Front matter is not printed as text.
    assert.doesNotMatch((await page.textContent('.pc-body')) ?? '', /authors:|draft: false/);

    // The link checker's ids, from the site index, are the ids in the page.
    const engine = await createPostcraft({ fs: nodeFileSystem, roots: [BLOG] });
    const expected = engine.sites[0].index.document('content/posts/code_review_etiquette.md')!.body().headings.map((h) => h.id);
    assert.ok(expected.length >= 3);
    assert.deepEqual(await page.$$eval('.pc-body :is(h1,h2,h3,h4,h5,h6)', (els) => els.map((e) => e.id)), expected);

    const img = await page.$eval('img[data-src="/images/review-checklist.png"]', (e) => ({ w: (e as HTMLImageElement).naturalWidth, complete: (e as HTMLImageElement).complete }));
    assert.ok(img.complete && img.w > 0, `the static/ image loaded (naturalWidth ${img.w})`);

    const broken = await page.$$eval('a.pc-link-broken', (els) => els.map((e) => ({ text: e.textContent, title: e.getAttribute('title') })));
    assert.deepEqual(broken.map((b) => b.text), ['one-on-one agenda']);
    assert.match(broken[0].title ?? '', /^Broken link: .*"agenda"/);
    // Marked visibly: a wavy underline in the error colour.
    const style = await page.$eval('a.pc-link-broken', (e) => getComputedStyle(e).textDecorationStyle);
    assert.equal(style, 'wavy');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-card.png') });
  });

  it('loads page-bundle images and marks the draft badge', async () => {
    const out = path.join(tmp, 'incident.html');
    await render('examples/blog/content/posts/incident-reviews/index.md', out);
    await page.goto('file://' + out);
    const w = await page.$eval('img[data-src="timeline.png"]', (e) => (e as HTMLImageElement).naturalWidth);
    assert.ok(w > 0, 'the bundle image loaded');
    assert.deepEqual(await page.$$eval('.pc-author', (els) => els.map((e) => e.textContent)), ['Maya Okonkwo', 'Tomás Lindqvist']);
    assert.ok((await page.$$('a.pc-link-broken')).length >= 1, 'the link to /posts/async-standups/ is marked');

    const draft = path.join(tmp, 'draft.html');
    await render('examples/blog/content/posts/quarterly_planning.md', draft);
    await page.goto('file://' + draft);
    assert.equal(await page.textContent('.pc-badge-draft'), 'Draft');
    assert.ok(await page.isVisible('.pc-badge-draft'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-draft.png') });
  });

  it("shows what the site's own shortcode templates print (front matter, Markdown content), sanitised", async () => {
    const site = path.join(tmp, 'shortcode-site');
    fs.mkdirSync(path.join(site, 'content', 'posts'), { recursive: true });
    fs.mkdirSync(path.join(site, 'layouts', 'shortcodes'), { recursive: true });
    fs.writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://x.example/"\n');
    fs.writeFileSync(
      path.join(site, 'layouts', 'shortcodes', 'releases.html'),
      '<table class="releases"><caption>{{ .Get "caption" }}</caption>{{ range .Page.Params.releases }}<tr id="v-{{ . }}"><td>{{ . }}</td></tr>{{ end }}</table><script>window.pwned = "shortcode"</script>',
    );
    fs.writeFileSync(path.join(site, 'layouts', 'shortcodes', 'note.html'), '<aside class="note"><div class="note-body">{{ .Inner | markdownify }}</div></aside>');
    fs.writeFileSync(
      path.join(site, 'content', 'posts', 'releases.md'),
      ['---', 'title: Releases', 'releases: ["1.0", "1.1", "2.0"]', '---', '', '{{< releases caption="Shipped" >}}', '', '{{< note >}}', 'Read the **notes**.', '{{< /note >}}', '', 'After.'].join('\n'),
    );
    const out = path.join(tmp, 'releases.html');
    await render(path.join(site, 'content', 'posts', 'releases.md'), out);
    await page.goto('file://' + out);
    await page.waitForLoadState('load');
    assert.deepEqual(await page.$$eval('.pc-body table.releases tr', (els) => els.map((e) => [e.id, e.textContent])), [['v-1.0', '1.0'], ['v-1.1', '1.1'], ['v-2.0', '2.0']]);
    assert.equal(await page.textContent('.pc-body table.releases caption'), 'Shipped');
    assert.ok(await page.isVisible('table.releases'));
    assert.equal(await page.textContent('.pc-body .note-body strong'), 'notes');
    // Scroll sync: the calls keep their source lines, and what follows them its own.
    assert.deepEqual(await page.$$eval('.pc-body > [data-line]', (els) => els.map((e) => e.getAttribute('data-line'))), ['5', '7', '11']);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned), undefined);
    assert.equal(await page.$$eval('.pc-body script', (els) => els.length), 0);
  });

  it('runs none of the script planted in a post, even without the page CSP', async () => {
    // A site that renders raw HTML (Goldmark unsafe = true): the sanitiser is all that stands
    // between the post and the page once the CSP is taken away below.
    const site = path.join(tmp, 'unsafe-site');
    fs.mkdirSync(path.join(site, 'content', 'posts'), { recursive: true });
    fs.writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://x.example/"\n[markup.goldmark.renderer]\nunsafe = true\n');
    fs.writeFileSync(
      path.join(site, 'content', 'posts', 'planted.md'),
      [
        '---', 'title: "Planted <script>window.pwned = \'title\'</script>"', 'tags: ["<img src=x onerror=\\"window.pwned=\'tag\'\\">"]', '---', '',
        '<script>window.pwned = "script"</script>',
        '',
        'Text <img src=x onerror="window.pwned = \'img\'"> and <a href="javascript:window.pwned=\'href\'" id="jslink">js link</a> and <a href="#" onclick="window.pwned=\'click\'" id="clicky">click</a>.',
        '',
        '<svg onload="window.pwned = \'svg\'"><circle r="3"/></svg>',
        '',
        '<iframe srcdoc="<script>parent.pwned = \'iframe\'</script>"></iframe>',
        '',
        '<details open ontoggle="window.pwned = \'toggle\'"><summary>s</summary>d</details>',
        '',
        '[md js](javascript:window.pwned=\'md\')',
      ].join('\n'),
    );
    const out = path.join(tmp, 'planted.html');
    await render(path.join(site, 'content', 'posts', 'planted.md'), out);
    const withoutCsp = fs.readFileSync(out, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.doesNotMatch(withoutCsp, /Content-Security-Policy/);
    const bare = path.join(tmp, 'planted-no-csp.html');
    fs.writeFileSync(bare, withoutCsp);

    // Control: the same page with one script of ours added does run it, so "nothing ran" below
    // means the content was neutralised, not that scripts cannot run in this set-up.
    const control = path.join(tmp, 'control.html');
    fs.writeFileSync(control, withoutCsp.replace('</body>', '<script>window.controlRan = true</script></body>'));
    await page.goto('file://' + control);
    assert.equal(await page.evaluate(() => (window as unknown as { controlRan?: boolean }).controlRan), true);

    await page.goto('file://' + bare);
    await page.waitForTimeout(300);
    const pwned = () => page.evaluate(() => (window as unknown as { pwned?: string }).pwned);
    assert.equal(await pwned(), undefined, 'nothing ran on load');
    await page.click('#clicky').catch(() => {});
    await page.click('#jslink').catch(() => {});
    await page.waitForTimeout(200);
    // A javascript: URL that ran would have replaced the document with its result.
    assert.ok(await page.isVisible('.pc-body'), 'still our page after clicking the links');
    assert.equal(await pwned(), undefined, 'nothing ran on click');
    assert.equal(await page.$$eval('script, iframe, svg, [onerror], [onload], [onclick], [ontoggle]', (els) => els.length), 0);
    assert.equal(await page.$$eval('a[href^="javascript" i]', (els) => els.length), 0);
    assert.ok(await page.isVisible('.pc-image-missing'), 'the planted <img src=x> shows as a missing image');
  });
});
