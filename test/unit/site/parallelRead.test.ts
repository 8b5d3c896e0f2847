/**
 * The Node host reads big sites on a worker thread while the crawler parses. It must hand back
 * every file, in order, with failed reads as results, and the index must equal the one-by-one crawl.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFilesOnWorker } from '../../../src/node/parallelRead';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import { createPostcraft } from '../../../src/core/service';
import type { FileSystemHost } from '../../../src/core/host';
import { fixedClock } from '../helpers/memoryFs';

function within(p: Promise<void>, ms: number): Promise<'ended' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([p.then(() => 'ended' as const), timeout]).finally(() => clearTimeout(timer));
}

describe('reading files on a worker thread', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-parallel-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('returns every path once, in order, with contents, and failed reads as errors', async () => {
    const paths: string[] = [];
    const expected = new Map<string, string>();
    for (let i = 0; i < 700; i++) {
      const p = path.join(dir, `f${i}.txt`);
      // Some files big enough to close a batch early, one empty, some non-ASCII.
      const text = i === 5 ? '' : `file ${i} ü ${'x'.repeat(i % 97 === 0 ? 300_000 : i)}`;
      fs.writeFileSync(p, text);
      paths.push(p);
      expected.set(p, text);
    }
    fs.mkdirSync(path.join(dir, 'a-folder'));
    paths.splice(10, 0, path.join(dir, 'missing.txt'));
    paths.splice(400, 0, path.join(dir, 'a-folder'));
    const seen: string[] = [];
    const errors = new Map<string, string | undefined>();
    let batches = 0;
    for await (const batch of readFilesOnWorker(paths)) {
      batches++;
      for (const r of batch) {
        seen.push(r.path);
        if (r.error) errors.set(r.path, r.error.code);
        else assert.equal(Buffer.from(r.bytes!).toString('utf8'), expected.get(r.path), r.path);
      }
    }
    assert.deepEqual(seen, paths);
    assert.ok(batches > 2, `${batches} batches`);
    assert.deepEqual([...errors], [
      [path.join(dir, 'missing.txt'), 'ENOENT'],
      [path.join(dir, 'a-folder'), 'EISDIR'],
    ]);
  });

  it('with headOnly, sends a file only through its front matter, and says how big it is', async () => {
    const cases: [string, string, string][] = [
      ['yaml.md', '---\ntitle: A\ndescription: |\n  ---\n  not the end\n---\nbody\n', '---\ntitle: A\ndescription: |\n  ---\n  not the end\n---\n'],
      ['crlf.md', '---\r\ntitle: B\r\n---  \r\nbody\r\n', '---\r\ntitle: B\r\n---  \r\n'],
      ['dots.md', '---\ntitle: C\n...\nbody\n', '---\ntitle: C\n...\n'],
      ['toml.md', '\ufeff+++\ntitle = "D"\n+++\nbody\n', '\ufeff+++\ntitle = "D"\n+++\n'],
      // Whole files: no front matter, unclosed, JSON, and a `...` that does not close TOML.
      ['none.md', '# Title\n---\nbody\n', '# Title\n---\nbody\n'],
      ['unclosed.md', '---\ntitle: E\nbody\n', '---\ntitle: E\nbody\n'],
      ['json.md', '{"title": "F"}\nbody\n', '{"title": "F"}\nbody\n'],
      ['toml-dots.md', '+++\ntitle = "G"\n...\nbody\n', '+++\ntitle = "G"\n...\nbody\n'],
    ];
    const paths = cases.map(([name, text]) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    const got: string[] = [];
    for await (const batch of readFilesOnWorker(paths, true)) {
      for (const r of batch) {
        const full = Buffer.byteLength(cases[got.length][1]);
        assert.equal(r.size, full, r.path);
        got.push(Buffer.from(r.bytes!).toString('utf8'));
      }
    }
    assert.deepEqual(got, cases.map((c) => c[2]));
  });

  it('stops its thread when the reader is abandoned midway', async () => {
    const paths = Array.from({ length: 3000 }, (_, i) => path.join(dir, `f${i % 700}.txt`));
    let got = 0;
    const reads = readFilesOnWorker(paths);
    for await (const batch of reads) {
      got += batch.length;
      break;
    }
    assert.ok(got > 0 && got < paths.length);
    assert.equal(await within(reads.exited, 5000), 'ended', 'the thread is still running');
  });

  it('starts before the list is known, and reads the list once it comes', async () => {
    const paths = Array.from({ length: 300 }, (_, i) => path.join(dir, `f${i}.txt`));
    const later = new Promise<readonly string[]>((resolve) => setTimeout(() => resolve(paths), 50));
    const seen: string[] = [];
    for await (const batch of readFilesOnWorker(later)) for (const r of batch) seen.push(r.path);
    assert.deepEqual(seen, paths);
  });

  it('ends its thread unused when given an empty list, or a list that failed', async () => {
    const empty = readFilesOnWorker(Promise.resolve([]));
    assert.equal(await within(empty.exited, 5000), 'ended');
    const failed = readFilesOnWorker(Promise.reject(new Error('walk failed')));
    assert.equal(await within(failed.exited, 5000), 'ended');
    await assert.rejects(async () => {
      for await (const batch of failed) void batch;
    }, /walk failed/);
  });
});

describe('a cold crawl with parallel reading', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-parallel-site-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('hugo.toml', 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n');
    write('content/posts/_index.md', '---\ntitle: Posts\n---\n');
    write('content/drafts/_index.md', '---\ntitle: Hidden\ndraft: true\n---\n');
    for (let i = 0; i < 400; i++) {
      const fm = i % 2 ? `+++\ntitle = "Post ${i}"\ntags = ["t${i % 7}"]\ndate = 2024-01-${String((i % 28) + 1).padStart(2, '0')}\n+++\n` : `---\ntitle: Post ${i}\ntags: [t${i % 5}]\nslug: s-${i}\n---\n`;
      const body = `# Post ${i}\n\n[next](../s-${i + 1}/) [home](/)\n`;
      if (i % 3 === 0) {
        write(`content/posts/b${i}/index.md`, fm + body);
        write(`content/posts/b${i}/pic.png`, 'png');
      } else write(`content/${i % 10 === 1 ? 'drafts' : 'posts'}/p${i}.md`, fm + body);
    }
    write('content/posts/bad.md', '---\ntitle: [unclosed\n---\nbody\n');
    // Heads: the reading thread sends only the front matter of each file; these must cut right.
    write('content/posts/tricky-block.md', '---\ntitle: Tricky\ndescription: |\n  ---\n  not the end\n---\nbody [x](/posts/p2/)\n');
    write('content/posts/crlf.md', '---\r\ntitle: CRLF\r\ntags: [crlf]\r\n---\r\nbody [y](/nope/)\r\n');
    write('content/posts/bom.md', '\ufeff---\ntitle: BOM\n---\nbody\n');
    write('content/posts/unclosed.md', '---\ntitle: Unclosed\nbody without an end [z](/gone/)\n');
    write('content/posts/dots.md', '---\ntitle: Dots\n...\nbody [w](/posts/missing/)\n');
    write('content/posts/toml-spaces.md', '+++ \ntitle = "T"\n+++  \nbody [v](/posts/none/)\n');
    write('content/posts/big-body.md', '---\ntitle: Big\n---\n' + '## Head\n\ntext [u](/posts/absent/)\n\n'.repeat(20_000));
    fs.writeFileSync(path.join(root, 'content/posts/latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    // Not valid UTF-8 in the body only: found when the body is first read, not at the crawl.
    fs.writeFileSync(path.join(root, 'content/posts/latin1-body.md'), Buffer.concat([Buffer.from('---\ntitle: L\n---\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds the same index and the same findings as reading one file at a time', async () => {
    const { readFilesInOrder, ...oneByOne } = nodeFileSystem;
    assert.ok(readFilesInOrder, 'the Node host reads in parallel');
    const parallel = await createPostcraft({ fs: nodeFileSystem, roots: [root], clock: fixedClock() });
    const serial = await createPostcraft({ fs: oneByOne as FileSystemHost, roots: [root], clock: fixedClock() });
    const a = parallel.sites[0].index;
    const b = serial.sites[0].index;
    assert.ok(a.contentPages().length > 300);
    assert.deepEqual(a.snapshot(), b.snapshot());
    assert.deepEqual(await parallel.checkSite(parallel.sites[0]), await serial.checkSite(serial.sites[0]));
    assert.deepEqual(a.issues.map((i) => i.code).sort(), ['site.encoding', 'site.encoding']);
    assert.deepEqual(a.issues, b.issues);
  });

  it('starts the reading thread only for a site big enough to use it', async () => {
    let started = 0;
    const counting: FileSystemHost = {
      ...nodeFileSystem,
      readFilesInOrder: (paths, options) => {
        started++;
        return nodeFileSystem.readFilesInOrder!(paths, options);
      },
    };
    await createPostcraft({ fs: counting, roots: [root], clock: fixedClock() });
    assert.equal(started, 1, 'the 400-post site');
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-small-site-'));
    try {
      fs.mkdirSync(path.join(small, 'content/posts'), { recursive: true });
      fs.writeFileSync(path.join(small, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
      for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(small, `content/posts/p${i}.md`), `---\ntitle: P${i}\n---\n`);
      const e = await createPostcraft({ fs: counting, roots: [small], clock: fixedClock() });
      assert.equal(e.sites[0].index.contentPages().length, 20);
      assert.equal(started, 1, 'no thread for 20 posts');
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  });
});
