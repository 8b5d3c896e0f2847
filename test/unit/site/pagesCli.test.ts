/** `postcraft pages`: the site model as the CLI prints it. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';

const repo = path.resolve(__dirname, '../../..');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd: repo };
  const code = await runCli(argv, io);
  return { code, out, err };
}

interface PagesJson {
  site: { root: string; generator: string; pages: number };
  pages: { file: string | null; url: string; kind: string; status: string; lang: string; aliases: string[] }[];
}

describe('postcraft pages', () => {
  it('--format json lists every page with file, url, kind, status, lang and aliases', async () => {
    const r = await run(['pages', 'examples/blog', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as PagesJson;
    assert.equal(j.site.generator, 'hugo');
    const byFile = (f: string) => j.pages.find((p) => p.file === f);
    assert.deepEqual(byFile('content/posts/hiring_loops.md'), { file: 'content/posts/hiring_loops.md', url: '/posts/hiring_loops/', kind: 'page', status: 'published', lang: 'en', aliases: ['/old/hiring/', '/posts/interview-loops/'] });
    assert.equal(byFile('content/posts/quarterly_planning.md')?.status, 'draft');
    assert.equal(byFile('content/posts/_index.md')?.kind, 'section');
    assert.equal(byFile('content/_index.md')?.kind, 'home');
    const generated = j.pages.filter((p) => p.file === null);
    assert.ok(generated.some((p) => p.kind === 'taxonomy' && p.url === '/tags/'));
    assert.ok(generated.some((p) => p.kind === 'term' && p.url === '/authors/rich/'));
    for (const p of j.pages) assert.ok(['page', 'section', 'home', 'term', 'taxonomy'].includes(p.kind) && ['published', 'draft', 'future', 'expired'].includes(p.status));
  });

  it('includes the baseURL sub-path in URLs', async () => {
    const r = await run(['pages', 'test/fixtures/hugo-ugly', '--format', 'json']);
    const j = JSON.parse(r.out) as PagesJson;
    assert.equal(j.pages.find((p) => p.file === 'content/posts/plain.md')?.url, '/blog/posts/plain.html');
  });

  it('text format: one row per page; bad options are usage errors', async () => {
    const r = await run(['pages', 'examples/blog']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^content\/posts\/hiring_loops\.md\s+\/posts\/hiring_loops\/\s+page\s+published\s+en\s+\/old\/hiring\/ \/posts\/interview-loops\/$/m);
    assert.match(r.out, /^\(generated\)\s+\/tags\/\s+taxonomy/m);
    assert.equal((await run(['pages', 'examples/blog', '--format', 'xml'])).code, 2);
    assert.equal((await run(['pages', 'no/such/folder'])).code, 2);
  });
});
