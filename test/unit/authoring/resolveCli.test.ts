/** `postcraft resolve FILE LINK`: where a link goes and the checker's verdict, on the example blog. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';

const repo = path.resolve(__dirname, '../../..');
const POST = 'examples/blog/content/posts/leading_vs_managing.md';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd: repo };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('postcraft resolve', () => {
  it('a relative link to a heading: ok, with url, file, fragment and status', async () => {
    const r = await run(['resolve', POST, '../one_on_ones/#agenda-template', '--format', 'json']);
    assert.equal(r.code, 0, r.err + r.out);
    assert.deepEqual(JSON.parse(r.out), { link: '../one_on_ones/#agenda-template', kind: 'inline', url: '/posts/one_on_ones/', file: 'content/posts/one_on_ones.md', fragment: 'agenda-template', status: 'published', verdict: 'ok' });
  });

  it('a broken link: exit 1 with the diagnostic code and the address it resolves to', async () => {
    const r = await run(['resolve', POST, '../bumper_cars_or_gocarts', '--format', 'json']);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    assert.equal(j['verdict'], 'link.not-found');
    assert.equal(j['url'], '/posts/bumper_cars_or_gocarts');
    assert.equal(j['file'], null);
  });

  it('shortcodes and .md paths', async () => {
    const ref = await run(['resolve', POST, '{{< relref "hiring_loops.md" >}}', '--format', 'json']);
    assert.equal(ref.code, 0, ref.out);
    assert.equal((JSON.parse(ref.out) as Record<string, unknown>)['file'], 'content/posts/hiring_loops.md');
    const md = await run(['resolve', POST, 'tech_debt_ledger.md']);
    assert.equal(md.code, 1);
    assert.match(md.out, /verdict {2}link\.md-path/);
  });

  it('a draft target is flagged, and ok with --drafts', async () => {
    const a = await run(['resolve', POST, '/posts/quarterly_planning/', '--format', 'json']);
    assert.equal(a.code, 1);
    const j = JSON.parse(a.out) as Record<string, unknown>;
    assert.equal(j['verdict'], 'link.unpublished-target');
    assert.equal(j['status'], 'draft');
    assert.equal((await run(['resolve', POST, '/posts/quarterly_planning/', '--drafts'])).code, 0);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await run(['resolve', POST])).code, 2);
    assert.equal((await run(['resolve', 'no/such/file.md', 'x'])).code, 2);
    assert.equal((await run(['resolve', POST, 'x', '--format', 'xml'])).code, 2);
  });
});
