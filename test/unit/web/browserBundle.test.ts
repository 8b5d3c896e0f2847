// The browser bundle's build (scripts/browser-bundle.mjs) fails when anything would need Node: a
// built-in module imported by our code or by a dependency, or a Node global used by our code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const OUT = path.join(REPO, 'out', 'unit-browser-bundle');

async function bundler(): Promise<typeof import('../../../scripts/browser-bundle.mjs')> {
  return (await import(path.join(REPO, 'scripts', 'browser-bundle.mjs'))) as typeof import('../../../scripts/browser-bundle.mjs');
}

/** A throwaway entry inside src/ (where the Node-global check looks), removed afterwards. */
async function build(name: string, source: string): Promise<string> {
  const dir = path.join(REPO, 'src', '.unit-browser-bundle');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  const entry = path.join(dir, `${name}.ts`);
  fs.writeFileSync(entry, source);
  try {
    const out = path.join(OUT, `${name}.js`);
    await (await bundler()).buildBrowserBundle(path.relative(REPO, entry), out);
    return fs.readFileSync(out, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('browser bundle: no Node module', function () {
  this.timeout(60_000);
  const cwd = process.cwd();
  before(() => process.chdir(REPO));
  after(() => {
    process.chdir(cwd);
    fs.rmSync(OUT, { recursive: true, force: true });
  });

  it('fails on a Node module, naming it and its importer', async () => {
    await assert.rejects(build('usesFs', "import * as fs from 'node:fs';\nexport const x = fs.existsSync('/');\n"), /src\/\.unit-browser-bundle\/usesFs\.ts imports the Node module 'node:fs'/);
    await assert.rejects(build('usesThreads', "import { Worker } from 'worker_threads';\nexport const w = Worker;\n"), /imports the Node module 'worker_threads'/);
  });

  it('fails on a Node global our code uses', async () => {
    await assert.rejects(build('usesDirname', 'export const here = __dirname;\n'), /uses the Node global '__dirname'/);
    await assert.rejects(build('usesBuffer', "export const b = Buffer.from('x');\n"), /uses the Node global 'Buffer'/);
  });

  it('node:path is our posix helpers; a guarded global passes', async () => {
    const out = await build('usesPath', "import * as path from 'node:path';\nexport const j = path.posix.join('/a', '../b');\nexport const p = typeof process !== 'undefined' ? 1 : 0;\n");
    assert.doesNotMatch(out, /require\(["'](node:)?path["']\)/);
    assert.match(out, /src\/core\/posix\.ts/);
  });

  it('the extension\'s browser entry builds clean', async () => {
    const { buildBrowserBundle } = await bundler();
    const out = path.join(OUT, 'extension.js');
    await buildBrowserBundle('src/vscode/web/extension.ts', out);
    assert.doesNotMatch(fs.readFileSync(out, 'utf8'), /\brequire\(["'](node:)?(fs|worker_threads|child_process|crypto|os)["']\)/);
  });
});
