/**
 * Link verdicts against the real generators, one fixture site per class of disagreement found on real
 * blogs (test/fixtures/verdicts/<generator>-<topic>/). Each is built by the real generator in a temp
 * folder; the built pages decide which marked links work (helpers/verdicts.ts), and our whole-site check
 * must agree link by link, with no other error or warning in those files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPostcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { buildWithHugo, requireHugo } from './helpers/hugo';
import { buildWithJekyll, requireJekyll } from './helpers/jekyll';
import { compareFile, markerLines, type BuiltOutput } from './helpers/verdicts';

const ROOT = path.resolve(__dirname, '../fixtures/verdicts');
const fixtures = fs.existsSync(ROOT) ? fs.readdirSync(ROOT).sort() : [];

function filesWithMarkers(siteDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(siteDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!/^(_site|public|_layouts|layouts|_includes|node_modules)$/.test(e.name)) walk(r);
      } else if (/\.(md|markdown|html)$/.test(e.name) && markerLines(fs.readFileSync(path.join(siteDir, r), 'utf8')).size) out.push(r);
    }
  };
  walk('');
  return out;
}

async function judge(siteDir: string, out: Omit<BuiltOutput, 'basePath'>, log: string): Promise<{ problems: string[]; checked: string[]; refs: string[] }> {
  const root = siteDir.split(path.sep).join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root] });
  const site = engine.sites.find((s) => s.root === root);
  assert.ok(site, `no site detected at ${root}`);
  const diags = await engine.checkSite(site);
  const built: BuiltOutput = { ...out, basePath: site.model.summary.basePath };
  const problems: string[] = [];
  const checked: string[] = [];
  const files = filesWithMarkers(siteDir).filter((f) => site.index.pagesOfFile(f).some((p) => p.willPublish));
  assert.ok(files.length > 0, 'the fixture has published files with markers');
  for (const f of files) {
    const r = compareFile(site, built, f, diags);
    problems.push(...r.problems);
    checked.push(...r.checked);
  }
  if (process.env.POSTCRAFT_CONFORMANCE_VERBOSE) console.log(checked.join('\n') + '\n' + log);
  const refs = diags.filter((d) => d.code === 'ref.not-found').map((d) => `${d.file}:${d.start.line + 1}`).sort();
  return { problems, checked, refs };
}

describe('link verdicts agree with the real generators (test/fixtures/verdicts)', function () {
  this.timeout(120_000);

  it('has fixtures for Hugo and Jekyll', () => {
    assert.ok(fixtures.some((f) => f.startsWith('hugo-')), 'a Hugo fixture');
    assert.ok(fixtures.some((f) => f.startsWith('jekyll-')), 'a Jekyll fixture');
  });

  for (const name of fixtures) {
    const dir = path.join(ROOT, name);
    if (name.startsWith('hugo-')) {
      it(`${name}: every marked link, as hugo builds it`, async function () {
        requireHugo(this);
        const b = buildWithHugo(dir);
        try {
          const r = await judge(b.siteDir, { outDir: b.publicDir, host: 'blog.example.com' }, b.log);
          assert.ok(r.checked.length >= 3, `judged ${r.checked.length} links`);
          assert.deepEqual(r.problems, []);
          // ref/relref: exactly the places hugo reports (fixtures set refLinksErrorLevel = "WARNING").
          const hugoRefs = [...b.log.matchAll(/REF_NOT_FOUND: Ref "[^"]*"(?: from page "[^"]*")?: "([^"]+):(\d+):\d+"/g)].map((m) => `${path.relative(b.siteDir, m[1]).split(path.sep).join('/')}:${m[2]}`).sort();
          assert.deepEqual(r.refs, hugoRefs, `ref.not-found against hugo's REF_NOT_FOUND:\n${b.log}`);
        } finally {
          b.cleanup();
        }
      });
    } else if (name.startsWith('jekyll-')) {
      it(`${name}: every marked link, as jekyll builds it`, async function () {
        requireJekyll(this);
        const b = buildWithJekyll(dir);
        try {
          assert.equal(b.status, 0, `jekyll failed:\n${b.log}`);
          const r = await judge(b.siteDir, { outDir: b.outDir, host: 'blog.example.com', htmlFallback: true }, b.log);
          assert.ok(r.checked.length >= 3, `judged ${r.checked.length} links`);
          assert.deepEqual(r.problems, []);
        } finally {
          b.cleanup();
        }
      });
    }
  }
});
