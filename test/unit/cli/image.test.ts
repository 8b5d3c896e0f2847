import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { PNG } from '../images/helpers';

async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(['image', ...args], { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd });
  return { code, out, err };
}

describe('images: postcraft image add', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-image-'));
    fs.writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/blog/"\n');
    fs.mkdirSync(path.join(dir, 'content', 'posts', 'trip'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', 'posts', 'trip', 'index.md'), '---\ntitle: Trip\n---\n\nText.\n');
    fs.writeFileSync(path.join(dir, 'content', 'posts', 'notes.md'), '---\ntitle: Notes\n---\n\nText.\n');
    fs.writeFileSync(path.join(dir, 'shot.png'), PNG);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies beside a bundle\u2019s index.md and prints the file and the Markdown as JSON', async () => {
    const r = await run(['add', 'shot.png', '--post', 'content/posts/trip/index.md', '--alt', 'A shot', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { file: 'content/posts/trip/shot.png', markdown: '![A shot](shot.png)' });
    assert.deepEqual(fs.readFileSync(path.join(dir, 'content/posts/trip/shot.png')), Buffer.from(PNG));
  });

  it('a single-file post: static/images, the sub-path in the URL; a second copy gets a numbered name', async () => {
    const a = await run(['add', path.join(dir, 'shot.png'), '--post', path.join(dir, 'content/posts/notes.md'), '--format', 'json'], os.tmpdir());
    assert.equal(a.code, 0, a.err);
    assert.deepEqual(JSON.parse(a.out), { file: 'static/images/shot.png', markdown: '![](/blog/images/shot.png)' });
    const b = await run(['add', 'shot.png', '--post', 'content/posts/notes.md'], dir);
    assert.equal(b.code, 0, b.err);
    assert.equal(b.out, 'static/images/shot-2.png\n![](/blog/images/shot-2.png)\n');
    assert.ok(fs.existsSync(path.join(dir, 'static/images/shot.png')));
  });

  it('exit 2 with one clear line: a missing file, a non-image, a post outside any site', async () => {
    const missing = await run(['add', 'nope.png', '--post', 'content/posts/notes.md'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'postcraft image: no such file: nope.png\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const text = await run(['add', 'notes.txt', '--post', 'content/posts/notes.md'], dir);
    assert.equal(text.code, 2);
    assert.match(text.err, /^postcraft image: notes\.txt is not an image[^\n]*\n$/);
    fs.writeFileSync(path.join(dir, 'fake.png'), 'hello');
    const fake = await run(['add', 'fake.png', '--post', 'content/posts/notes.md'], dir);
    assert.equal(fake.code, 2);
    assert.match(fake.err, /^postcraft image: fake\.png does not hold an image[^\n]*\n$/);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-nosite-'));
    try {
      fs.writeFileSync(path.join(outside, 'loose.md'), '# Loose\n');
      const o = await run(['add', path.join(dir, 'shot.png'), '--post', path.join(outside, 'loose.md')], dir);
      assert.equal(o.code, 2);
      assert.match(o.err, /^postcraft image: \S+ is not inside any site[^\n]*\n$/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    assert.deepEqual(fs.readdirSync(path.join(dir, 'content/posts')).sort(), ['notes.md', 'trip']);
    assert.equal(fs.existsSync(path.join(dir, 'static')), false);
  });
});
