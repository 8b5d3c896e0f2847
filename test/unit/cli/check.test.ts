/**
 * `postcraft check` as CI uses it: exit codes 0 (no error), 1 (errors found) and 2 (usage or setup
 * problem, one line on stderr); SARIF output valid against the SARIF 2.1.0 JSON schema (as
 * published with @microsoft/jest-sarif, validated with the ajv that package uses); and Jekyll's
 * `config.baseurl` warning.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function cli(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: os.tmpdir() });
  return { code, out, err };
}

function site(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-cli-check-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const post = (title: string, body: string) => `---\ntitle: "${title}"\ndate: 2024-01-02\n---\n\n${body}\n`;
const HUGO = 'baseURL = "https://example.org/"\ntitle = "t"\n';

/** The SARIF 2.1.0 schema as the npm package ships it, and a validator for it. */
function sarifValidator(): (log: unknown) => string[] {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $schema: string; title: string };
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  // The ajv (6) the package itself validates with: its schema is draft-04, which ajv 6 reads natively.
  const fromPackage = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
  type AjvLike = { addMetaSchema(s: unknown): void; compile(s: unknown): ((d: unknown) => boolean) & { errors?: { dataPath?: string; instancePath?: string; message?: string }[] | null } };
  const Ajv = fromPackage('ajv') as new (o: object) => AjvLike;
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, format: 'full' });
  ajv.addMetaSchema(fromPackage('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath ?? e.instancePath} ${e.message}`));
}

describe('postcraft check: exit codes, SARIF, config.baseurl', function () {
  this.timeout(30_000);
  const made: string[] = [];
  const keep = (root: string) => (made.push(root), root);
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('exits 0 on a site without errors', async () => {
    const root = keep(site({ 'hugo.toml': HUGO, 'content/posts/a.md': post('A', 'See [b](/posts/b/).'), 'content/posts/b.md': post('B', 'Hello.') }));
    const r = await cli('check', root);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /0 errors/);
  });

  it('exits 1 when a link is broken, and says where', async () => {
    const root = keep(site({ 'hugo.toml': HUGO, 'content/posts/a.md': post('A', 'See [gone](/posts/gone/).') }));
    const r = await cli('check', root, '--format', 'json');
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as { diagnostics: { file: string; line: number; code: string; severity: string }[] };
    assert.deepEqual(json.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`), ['content/posts/a.md:6 error link.not-found']);
  });

  for (const [what, args] of [
    ['a folder that does not exist', ['check', '/nonexistent/postcraft-site']],
    ['a file instead of a folder', ['check', __filename]],
    ['an unknown --format', ['check', '.', '--format', 'xml']],
    ['an unknown command', ['chekc']],
  ] as const) {
    it(`exits 2 with one line on stderr for ${what}`, async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2, r.out);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.equal(r.out, '');
    });
  }

  it('writes SARIF 2.1.0 that the schema accepts, one result per finding', async () => {
    const root = keep(
      site({
        'hugo.toml': HUGO,
        // A space and a non-ASCII letter in the path: SARIF wants URI references.
        'content/posts/with space é#1.md': post('Spaced', 'See [gone](/posts/gone/), [b](/posts/b/#nope) and [c](c.md).\n\n## Here'),
        'content/posts/b.md': post('B', 'Hello.'),
        'content/posts/c.md': post('C', 'x'),
      }),
    );
    const json = JSON.parse((await cli('check', root, '--format', 'json')).out) as { diagnostics: unknown[] };
    const r = await cli('check', root, '--format', 'sarif');
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out) as { version: string; runs: { results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    assert.deepEqual(sarifValidator()(log), []);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.ok(json.diagnostics.length >= 3);
    assert.equal(run.results.length, json.diagnostics.length);
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    const uris = new Set(run.results.map((res) => res.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['content/posts/with%20space%20%C3%A9%231.md']);
  });

  it('the SARIF validator rejects what the schema forbids (so the test above can fail)', () => {
    const validate = sarifValidator();
    assert.notDeepEqual(validate({ version: '2.1.0' }), [], 'runs is required');
    assert.notDeepEqual(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), [], 'level is an enum');
  });

  it('config.baseurl: a Jekyll baseurl without a leading slash is a warning (exit 0); with it, nothing', async () => {
    const jekyll = (baseurl: string) =>
      keep(site({ '_config.yml': `title: t\nbaseurl: ${baseurl}\n`, '_posts/2024-01-02-a.md': post('A', 'Hello.'), 'index.md': '---\ntitle: Home\n---\nHi\n' }));
    const bad = await cli('check', jekyll('blog'), '--format', 'json');
    const d = (JSON.parse(bad.out) as { diagnostics: { file: string; code: string; severity: string; message: string }[] }).diagnostics.filter((x) => x.code === 'config.baseurl');
    assert.equal(d.length, 1, bad.out);
    assert.equal(d[0].severity, 'warning');
    assert.equal(d[0].file, '_config.yml');
    assert.match(d[0].message, /should start with "\/"/);
    assert.equal(bad.code, 0, 'a warning alone does not fail the check');
    const good = await cli('check', jekyll('/blog'), '--format', 'json');
    assert.ok(!good.out.includes('config.baseurl'), good.out);
  });
});
