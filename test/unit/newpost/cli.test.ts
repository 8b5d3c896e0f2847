import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { writePlanExclusive } from '../../../src/cli/commands/new';
import { splitFrontMatter } from '../../../src/core/frontmatter/parse';

/** A throw-away Hugo blog on disk: the CLI writes with Node's fs. */
function tempBlog(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-new-'));
  fs.writeFileSync(path.join(dir, 'hugo.toml'), 'title = "T"\n');
  fs.mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'content', 'posts', 'leading_vs_managing.md'), '---\ntitle: "Leading vs Managing"\ndate: 2019-04-11T14:39:51-07:00\nauthors: ["rich"]\ntags: ["leadership"]\n---\n\nOriginal text.\n');
  fs.writeFileSync(path.join(dir, 'content', 'posts', 'bumper_cars.md'), '---\ntitle: "Bumper Cars"\ndate: 2019-03-02T09:15:00-08:00\nauthors: ["rich"]\ntags: ["teams"]\n---\n');
  return dir;
}

async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(['new', ...args], { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd });
  return { code, out, err };
}

describe('New Post: postcraft new', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempBlog();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the post where the site expects it and prints its path', async () => {
    const r = await run(['Remote Teams', '--site', dir, '--tags', 'teams,remote', '--author', 'maya'], os.tmpdir());
    assert.equal(r.code, 0, r.err);
    const file = path.join(dir, 'content', 'posts', 'remote_teams.md');
    assert.equal(r.out.trim(), file.split(path.sep).join('/'));
    const data = splitFrontMatter(fs.readFileSync(file, 'utf8')).frontMatter!.data;
    assert.equal(data.title, 'Remote Teams');
    assert.deepEqual(data.tags, ['teams', 'remote']);
    assert.deepEqual(data.authors, ['maya']);
    assert.match(String(data.date), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });

  it('never overwrites: prints the existing post and exits 1; --numbered takes the next free name', async () => {
    const existing = path.join(dir, 'content', 'posts', 'leading_vs_managing.md');
    const before = fs.readFileSync(existing, 'utf8');
    const r = await run(['Leading vs Managing'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.out.trim(), existing.split(path.sep).join('/'));
    assert.match(r.err, /already exists.*--numbered.*leading_vs_managing_2\.md/);
    assert.equal(fs.readFileSync(existing, 'utf8'), before);
    const n = await run(['Leading vs Managing', '--numbered'], dir);
    assert.equal(n.code, 0, n.err);
    assert.ok(n.out.trim().endsWith('content/posts/leading_vs_managing_2.md'));
    assert.equal(fs.readFileSync(existing, 'utf8'), before);
  });

  it('refuses bad titles and sections with exit 1, bad usage with exit 2', async () => {
    assert.equal((await run(['!!!'], dir)).code, 1);
    const t = await run(['../../outside'], dir);
    assert.equal(t.code, 1);
    assert.match(t.err, /looks like a file path/);
    const s = await run(['Fine', '--section', '../../x'], dir);
    assert.equal(s.code, 1);
    assert.match(s.err, /cannot leave the content folder/);
    assert.equal(fs.existsSync(path.join(dir, '..', 'x', 'fine.md')), false);
    assert.equal((await run([], dir)).code, 2);
    assert.equal((await run(['A', '--separator', '+'], dir)).code, 2);
  });

  it('the exclusive write refuses a file that appeared after planning', () => {
    const target = path.join(dir, 'content', 'posts', 'raced.md');
    fs.writeFileSync(target, 'someone else\n');
    const r = writePlanExclusive({ siteRoot: dir, generator: 'hugo', path: target, files: [{ path: target, content: 'mine\n' }], cursor: { line: 0, character: 0 }, slug: 'raced', folder: 'content/posts', bundle: false, warnings: [] });
    assert.deepEqual(r, { ok: false, existing: target });
    assert.equal(fs.readFileSync(target, 'utf8'), 'someone else\n');
  });
});
