import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';

const BLOG = path.resolve(__dirname, '../../../examples/blog');
const LINK_CODES = /^(link|ref|template)\./;

/** The "Intentional problems" table of examples/blog/README.md: `file:line code`. */
function expectedFromReadme(): string[] {
  const readme = fs.readFileSync(path.join(BLOG, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Intentional problems'));
  const out: string[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !cells[1].startsWith('`')) continue;
    const file = cells[1].replace(/`/g, '');
    const lineNo = /^(\d+):/.exec(cells[2])?.[1];
    const code = cells[cells.length - 2].replace(/`/g, '');
    if (lineNo && LINK_CODES.test(code)) out.push(`content/posts/${file}:${lineNo} ${code}`);
  }
  return out.sort();
}

describe('examples/blog', () => {
  it('postcraft check reports exactly the intentional broken links of the README', async () => {
    const expected = expectedFromReadme();
    assert.equal(expected.length, 6, 'the README table was read');
    let stdout = '';
    const code = await runCli(['check', BLOG, '--format', 'json'], { out: (t) => (stdout += t), err: () => {}, errIsTTY: false, cwd: process.cwd() });
    const report = JSON.parse(stdout) as { diagnostics: { file: string; line: number; code: string }[] };
    const actual = report.diagnostics.filter((d) => LINK_CODES.test(d.code)).map((d) => `${d.file}:${d.line} ${d.code}`).sort();
    assert.deepEqual(actual, expected);
    assert.equal(code, 1, 'errors make the exit code 1');
  });
});
