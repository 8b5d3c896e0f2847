/**
 * `postcraft taxonomy rename` on test/fixtures/hugo-taxonomy-rename (YAML flow and block lists, a
 * YAML string, TOML, one-line and multi-line JSON, posts that already have the new value, the same
 * value in another taxonomy, a term folder): the files are diffed line by line against what only the
 * taxonomy values changing gives, a second run changes nothing, and the real `hugo` builds the
 * renamed site with the term page moved (old URL gone, new one listing the same posts, its content
 * folder's title kept).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildWithHugo, requireHugo } from './helpers/hugo';
import { runCli } from '../../src/cli/main';

const repo = path.resolve(__dirname, '../..');
const FIXTURE = path.join(repo, 'test/fixtures/hugo-taxonomy-rename');

/** Per changed file: line (1-based, before) → its text after, or null when the line goes. */
const EXPECTED: Record<string, Record<number, string | null>> = {
  'content/posts/yaml-flow.md': { 3: 'tags: [javascript, css]  # the usual two' },
  'content/posts/yaml-flow-quoted.md': { 3: 'tags: ["javascript", "html"]' },
  'content/posts/yaml-block.md': { 5: "  - 'javascript'   # single-quoted" },
  'content/posts/yaml-merge.md': { 3: 'tags: [javascript, node]' },
  'content/posts/yaml-merge-block.md': { 4: null },
  'content/posts/yaml-scalar.md': { 3: 'tags: javascript' },
  'content/posts/toml.md': { 3: `tags = ['javascript', "web"]` },
  'content/posts/json.md': { 5: '    "javascript"' },
  'content/posts/json-merge.md': { 1: '{"title": "JSON, both spellings", "tags": ["javascript"]}' },
};

function files(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...files(dir, r));
    else out.push(r);
  }
  return out.sort();
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: repo });
  return { code, out, err };
}

describe('Taxonomy rename and merge: only the values change, hugo builds the renamed term', function () {
  this.timeout(120_000);
  let site: string;
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-rename-'));
    site = path.join(tmp, 'site');
    fs.cpSync(FIXTURE, site, { recursive: true });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--dry-run lists the changes and writes nothing', async () => {
    const r = await cli('taxonomy', 'rename', 'tags', 'js', 'javascript', site, '--dry-run', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const plan = JSON.parse(r.out) as { files: { file: string; lines: { line: number; after: string | null }[] }[]; folders: { from: string; to: string }[]; dryRun: boolean };
    assert.equal(plan.dryRun, true);
    assert.deepEqual(Object.fromEntries(plan.files.map((f) => [f.file, Object.fromEntries(f.lines.map((l) => [l.line, l.after]))])), EXPECTED);
    assert.deepEqual(plan.folders, [{ from: 'content/tags/js', to: 'content/tags/javascript' }]);
    for (const f of files(FIXTURE)) assert.equal(fs.readFileSync(path.join(site, f), 'utf8'), fs.readFileSync(path.join(FIXTURE, f), 'utf8'), f);
  });

  it('rename and merge change exactly the taxonomy values (YAML flow and block, TOML, JSON), and move the term folder', async () => {
    const r = await cli('taxonomy', 'rename', 'tags', 'js', 'javascript', site);
    assert.equal(r.code, 0, r.err);
    for (const f of files(FIXTURE)) {
      const moved = f.replace(/^content\/tags\/js\//, 'content/tags/javascript/');
      const before = fs.readFileSync(path.join(FIXTURE, f), 'utf8').split('\n');
      const after = fs.readFileSync(path.join(site, moved), 'utf8').split('\n');
      const want: string[] = [];
      before.forEach((line, i) => {
        const change = EXPECTED[f]?.[i + 1];
        if (change === undefined) want.push(line);
        else if (change !== null) want.push(change);
      });
      assert.deepEqual(after, want, f);
    }
    assert.ok(!fs.existsSync(path.join(site, 'content/tags/js')), 'the old term folder is gone');
  });

  it('a second run is a no-op: exit 1, nothing written', async () => {
    const snapshot = new Map(files(site).map((f) => [f, fs.readFileSync(path.join(site, f), 'utf8')]));
    const r = await cli('taxonomy', 'rename', 'tags', 'js', 'javascript', site);
    assert.equal(r.code, 1);
    assert.match(r.err, /no post uses 'js' in tags/);
    assert.deepEqual(new Map(files(site).map((f) => [f, fs.readFileSync(path.join(site, f), 'utf8')])), snapshot);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await cli('taxonomy', 'rename', 'tags', 'js')).code, 2);
    assert.equal((await cli('taxonomy', 'rename', 'colours', 'js', 'javascript', site)).code, 2);
    assert.equal((await cli('taxonomy', 'rename', 'tags', 'js', ' ', site)).code, 2);
  });

  it('hugo builds the renamed site: /tags/js/ is gone, /tags/javascript/ lists the same posts with the moved folder\'s title', function () {
    requireHugo(this);
    const before = buildWithHugo(FIXTURE);
    const after = buildWithHugo(site);
    try {
      const page = (dir: string, url: string) => {
        const f = path.join(dir, url, 'index.html');
        return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
      };
      const links = (html: string | undefined) => [...(html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]).sort();
      const oldTerm = page(before.publicDir, 'tags/js');
      assert.ok(oldTerm?.includes('<title>JavaScript</title>'), 'before: the js term page has its folder title');
      assert.equal(page(after.publicDir, 'tags/js'), undefined, 'after: no /tags/js/');
      const newTerm = page(after.publicDir, 'tags/javascript');
      assert.ok(newTerm?.includes('<title>JavaScript</title>'), 'after: /tags/javascript/ has the moved folder title');
      const union = [...new Set([...links(oldTerm), ...links(page(before.publicDir, 'tags/javascript'))])].sort();
      assert.ok(union.length >= 8, `the term pages list ${union.length} posts`);
      assert.deepEqual(links(newTerm), union);
      // The same value in another taxonomy is left alone.
      assert.deepEqual(links(page(after.publicDir, 'categories/js')), links(page(before.publicDir, 'categories/js')));
    } finally {
      before.cleanup();
      after.cleanup();
    }
  });
});
