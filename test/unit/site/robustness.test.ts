/** Bad input becomes a diagnostic value, never an exception, a hang, or a lost site. */
import * as assert from 'node:assert/strict';
import { posix } from 'node:path';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { analyzeDocument } from '../../../src/core/markdown/analyze';
import { createPostcraft } from '../../../src/core/service';
import type { FileEntry } from '../../../src/core/host';

async function open(fs: MemoryFs, settings?: { maxBodyBytes?: number; linksOverLimit?: boolean }) {
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock(), settings });
  return { engine, site: engine.sites[0] };
}

const POST = '---\ntitle: Fine\ntags: [ok]\n---\n# Fine\n';

describe('Site index robustness', () => {
  it('a malformed TOML config: site indexed with defaults, one issue at the error position', async () => {
    const config = 'title = "Broken"\nbaseURL = \n';
    const fs = new MemoryFs('/site', { 'hugo.toml': config, 'content/posts/a.md': POST });
    const { site } = await open(fs);
    assert.equal(site.model.summary.generator, 'hugo');
    assert.equal(site.index.pagesOfFile('content/posts/a.md')[0].url, '/posts/a/');
    const issues = site.index.issues.filter((i) => i.path === '/site/hugo.toml');
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'config.syntax');
    // The error is on line 2 (after `baseURL =`), not at the top of the file.
    assert.ok(issues[0].range!.start >= config.indexOf('baseURL'), `issue at ${issues[0].range!.start}`);
  });

  it('a malformed YAML config in config/_default: issue positioned in that file, defaults kept', async () => {
    const yaml = 'title: ok\nbaseURL: [unclosed\n';
    const fs = new MemoryFs('/site', { 'config/_default/hugo.yaml': yaml, 'content/about.md': POST });
    const { site } = await open(fs);
    const issue = site.index.issues.find((i) => i.path === '/site/config/_default/hugo.yaml');
    assert.ok(issue, 'an issue on the YAML file');
    assert.ok(issue.range!.start >= yaml.indexOf('['), `issue at ${issue.range!.start}`);
    assert.equal(site.index.pagesOfFile('content/about.md')[0].url, '/about/');
  });

  it('an unreadable config: one issue, the site still indexed', async () => {
    const fs = new MemoryFs('/site', { 'hugo.toml': 'title = "x"', 'content/posts/a.md': POST });
    fs.failures.set('/site/hugo.toml', 'EACCES');
    const { site } = await open(fs);
    assert.deepEqual(site.index.issues.map((i) => i.code), ['config.unreadable']);
    assert.equal(site.index.pagesOfFile('content/posts/a.md')[0].url, '/posts/a/');
  });

  it('malformed front matter in one post: a positioned diagnostic there, the rest unaffected', async () => {
    const bad = '---\ntitle: Bad\ntags: [unclosed\n---\nbody\n';
    const fs = new MemoryFs('/site', { 'hugo.toml': '', 'content/posts/bad.md': bad, 'content/posts/good.md': POST });
    const { engine, site } = await open(fs);
    assert.equal(site.index.pagesOfFile('content/posts/good.md')[0].url, '/posts/good/');
    assert.ok(site.index.termCounts().get('tags')?.has('ok'));
    assert.equal(site.index.pagesOfFile('content/posts/bad.md')[0].url, '/posts/bad/');
    const diags = await engine.checkDocument('/site/content/posts/bad.md', bad);
    const fm = diags.filter((d) => d.code.startsWith('frontmatter.'));
    assert.ok(fm.length >= 1);
    assert.ok(fm[0].start.line >= 1, 'positioned inside the front matter, not at the top');
    assert.deepEqual(await engine.checkDocument('/site/content/posts/good.md', POST).then((d) => d.filter((x) => x.code.startsWith('frontmatter.'))), []);
  });

  it('non-UTF-8 bytes: reported once, the post still indexed', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, ...new TextEncoder().encode('\n---\nbody\n')]);
    const fs = new MemoryFs('/site', { 'hugo.toml': '', 'content/posts/latin1.md': bytes });
    const { site } = await open(fs);
    assert.deepEqual(site.index.issues.map((i) => [i.code, i.path]), [['site.encoding', '/site/content/posts/latin1.md']]);
    assert.equal(site.index.pagesOfFile('content/posts/latin1.md')[0].url, '/posts/latin1/');
  });

  it('a BOM and CRLF line ends: front matter still read', async () => {
    const fs = new MemoryFs('/site', { 'hugo.toml': '\uFEFFbaseURL = "https://x.org/sub/"\r\n', 'content/posts/win.md': '\uFEFF---\r\ntitle: Windows\r\nslug: crlf-slug\r\ntags: [crlf]\r\n---\r\n# Head\r\n' });
    const { site } = await open(fs);
    const page = site.index.pagesOfFile('content/posts/win.md')[0];
    assert.equal(page.url, '/sub/posts/crlf-slug/');
    assert.equal(page.title, 'Windows');
    assert.deepEqual(site.index.issues, []);
  });

  it('permission errors on a file and on a folder: reported once each, never fatal', async () => {
    const fs = new MemoryFs('/site', { 'hugo.toml': '', 'content/posts/a.md': POST, 'content/posts/locked.md': POST, 'content/private/x.md': POST });
    fs.failures.set('/site/content/posts/locked.md', 'EACCES');
    fs.failures.set('/site/content/private', 'EPERM');
    const { site } = await open(fs);
    assert.deepEqual(site.index.issues.map((i) => [i.code, i.path]).sort(), [
      ['site.unreadable', '/site/content/posts/locked.md'],
      ['site.unreadable', '/site/content/private'],
    ]);
    assert.equal(site.index.pagesOfFile('content/posts/a.md')[0].url, '/posts/a/');
  });

  it('a symlink loop: skipped with one issue, no hang', async () => {
    const fs = new LinkedFs('/site', { 'hugo.toml': '', 'content/posts/a.md': POST }, { '/site/content/posts/loop': '/site/content' });
    const { site } = await open(fs);
    assert.deepEqual(site.index.issues.map((i) => i.code), ['site.symlink-loop']);
    assert.deepEqual([...site.index.documents.keys()], ['content/posts/a.md']);
  });

  it('files above the size limit: front matter only', async () => {
    const big = '---\ntitle: Big\ntags: [huge]\n---\n' + '# Heading\n\nSome text [link](/x/).\n'.repeat(2000);
    const fs = new MemoryFs('/site', { 'hugo.toml': '', 'content/posts/big.md': big });
    const { site } = await open(fs, { maxBodyBytes: 10_000 });
    const doc = site.index.document('content/posts/big.md')!;
    assert.equal(doc.partial, true);
    assert.equal(doc.body().headings.length, 0);
    assert.equal(site.index.pagesOfFile('content/posts/big.md')[0].title, 'Big');
    assert.ok(site.index.termCounts().get('tags')?.has('huge'));
  });

  it('files above the size limit in the editor (linksOverLimit): front matter and links, not headings; the crawl still reads front matter only', async () => {
    const big = '---\ntitle: Big\n---\n[gone](/posts/nope/) [self](#heading-3) [ok](/posts/small/)\n\n' + '# Heading\n\nSome text.\n'.repeat(2000);
    const small = '---\ntitle: S\n---\n[frag](/posts/big/#nowhere)\n';
    const fs = new MemoryFs('/site', { 'hugo.toml': '', 'content/posts/big.md': big, 'content/posts/small.md': small });
    const { engine, site } = await open(fs, { maxBodyBytes: 10_000, linksOverLimit: true });
    assert.equal(site.index.document('content/posts/big.md')!.body().links.length, 0, 'the crawl parsed no body');
    // Opening it in the editor: the worker's analysis (the same function, with these options) goes in.
    engine.documentChanged('/site/content/posts/big.md', big, analyzeDocument(big, engine.analyzeOptions('/site/content/posts/big.md')!));
    const diags = await engine.checkDocument('/site/content/posts/big.md', big);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['document.too-large', 'link.not-found']);
    assert.match(diags.find((d) => d.code === 'document.too-large')!.message, /front matter and links are checked/);
    const doc = site.index.document('content/posts/big.md')!;
    assert.equal(doc.partial, true);
    assert.equal(doc.body().headings.length, 0);
    // Its headings were not read: a link into them is not judged (never a false positive).
    assert.deepEqual(await engine.checkDocument('/site/content/posts/small.md', small), []);
    // Without the setting (the CLI): front matter only, as the message says.
    const cli = await open(new MemoryFs('/site', { 'hugo.toml': '', 'content/posts/big.md': big }), { maxBodyBytes: 10_000 });
    const only = await cli.engine.checkDocument('/site/content/posts/big.md', big);
    assert.deepEqual(only.map((d) => d.code), ['document.too-large']);
    assert.match(only[0].message, /only its front matter is checked/);
  });

  it('skips dependencies and follows the site .gitignore; a content folder named public is content (Hugo builds it)', async () => {
    const fs = new MemoryFs('/site', {
      'hugo.toml': '',
      '.gitignore': '# local notes\ncontent/posts/scratch/\n*.tmp.md\n',
      'content/posts/a.md': POST,
      'content/posts/scratch/idea.md': POST,
      'content/posts/b.tmp.md': POST,
      'content/posts/node_modules/pkg/readme.md': POST,
      'content/posts/public/index.md': POST,
    });
    const { site } = await open(fs);
    assert.deepEqual([...site.index.documents.keys()], ['content/posts/a.md', 'content/posts/public/index.md']);
    await site.index.fileCreated('content/posts/scratch/later.md');
    fs.write('/site/content/posts/scratch/later.md', POST);
    await site.index.fileCreated('content/posts/scratch/later.md');
    assert.equal(site.index.document('content/posts/scratch/later.md'), undefined);
  });
});

/** MemoryFs with symbolic links to folders (for loop tests). */
class LinkedFs extends MemoryFs {
  constructor(root: string, tree: Record<string, string>, private readonly links: Record<string, string>) {
    super(root, tree);
  }
  private resolve(path: string): string {
    for (const [link, target] of Object.entries(this.links)) if (path === link || path.startsWith(link + '/')) return this.resolve(target + path.slice(link.length));
    return path;
  }
  override async readDirectory(path: string): Promise<FileEntry[]> {
    const entries = await super.readDirectory(this.resolve(path));
    for (const link of Object.keys(this.links)) if (posix.dirname(link) === this.resolve(path)) entries.push({ name: posix.basename(link), type: 'symlink' });
    return entries;
  }
  override async stat(path: string) {
    return super.stat(this.resolve(path));
  }
  async realpath(path: string): Promise<string> {
    return this.resolve(path);
  }
}
