import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';

const REPO = path.resolve(__dirname, '../../..');

function io(): CliIO & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', errIsTTY: false, cwd: REPO, out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

describe('postcraft render', () => {
  it('writes a standalone page: card, embedded images, marked links, no script', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pc-render-')), 'nested', 'post.html');
    const o = io();
    const code = await runCli(['render', 'examples/blog/content/posts/code_review_etiquette.md', '--out', out], o);
    assert.equal(code, 0, o.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;/);
    assert.match(html, /<h1 class="pc-title">Code Review Etiquette<\/h1>/);
    assert.match(html, />Maya Okonkwo</);
    assert.match(html, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Review checklist card"/);
    assert.match(html, /class="pc-link-broken" title="Broken link: [^"]*&quot;agenda&quot;[^"]*"/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(o.stderr, /wrote .*post\.html \(Code Review Etiquette; \d+ link\(s\), 1 broken\)/);
  });

  it('prints to stdout without --out, and reports usage errors with exit 2', async () => {
    const o = io();
    assert.equal(await runCli(['render', 'examples/blog/content/posts/incident-reviews/index.md'], o), 0);
    assert.match(o.stdout, /How We Run Incident Reviews/);
    assert.match(o.stdout, /<img src="data:image\/png;base64,/);
    const none = io();
    assert.equal(await runCli(['render'], none), 2);
    assert.match(none.stderr, /needs a FILE/);
    const missing = io();
    assert.equal(await runCli(['render', 'no/such/file.md'], missing), 2);
    assert.match(missing.stderr, /cannot read/);
    const unknown = io();
    assert.equal(await runCli(['render', 'x.md', '--bogus'], unknown), 2);
  });
});
