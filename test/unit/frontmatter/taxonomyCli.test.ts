import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { KITCHEN_BLOG } from './helpers';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: process.cwd() });
  return { code, out, err };
}

describe('postcraft taxonomy', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-taxonomy-'));
    for (const [rel, content] of Object.entries(KITCHEN_BLOG)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--format json: every taxonomy, values ranked by use with their pages; authors with names', async () => {
    const r = await run(['taxonomy', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { site: { generator: string; pages: number }; taxonomies: Record<string, { value: string; count: number; pages: string[]; name?: string }[]> };
    assert.equal(j.site.generator, 'hugo');
    assert.equal(j.site.pages, 5);
    assert.deepEqual(Object.keys(j.taxonomies), ['tags', 'categories', 'authors']);
    assert.deepEqual(j.taxonomies['tags'][0], { value: 'baking', count: 4, pages: ['content/posts/crumb.md', 'content/posts/knives.md', 'content/posts/oven.md', 'content/posts/starter.md'] });
    assert.deepEqual(j.taxonomies['categories'].map((c) => [c.value, c.count]), [['kit', 3], ['bread', 2]]);
    const bo = j.taxonomies['authors'].find((a) => a.value === 'bo');
    assert.deepEqual(bo, { value: 'bo', count: 3, pages: ['content/posts/crumb.md', 'content/posts/knives.md', 'content/posts/oven.md'], name: 'Bo Okafor' });
    assert.equal(j.taxonomies['tags'][0].name, undefined, 'only authors carry a name');
  });

  it('text: one block per taxonomy; bad options are usage errors', async () => {
    const r = await run(['taxonomy', dir]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^tags \(7 values\)\n {2}baking +4 {2}content\/posts\/crumb\.md/);
    assert.match(r.out, /\n {2}ada +3 .*\(Ada Brennan\)\n/);
    const bad = await run(['taxonomy', dir, '--format', 'xml']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be one of text, json/);
  });
});
