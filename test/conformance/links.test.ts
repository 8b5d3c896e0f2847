/**
 * Link verdicts against the real Hugo: each fixture site (test/fixtures/links-common plus one
 * variant: plain, uglyURLs, baseURL sub-path, a link render hook) is copied to a temp folder and
 * built by `hugo`; a crawler of the built HTML then decides, for every marked link, whether it works.
 * - every link we accept must resolve in the build (and its fragment exist, on regular pages);
 * - every link we report as not found / .md path / unpublished must not resolve;
 * - every fragment we report must be missing on a page that exists;
 * - our `ref.not-found` lines must be exactly Hugo's REF_NOT_FOUND warnings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostcraft } from '../../src/core/service';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { LineIndex } from '../../src/core/text';
import type { PostcraftDiagnostic } from '../../src/core/diagnostics';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const HUGO = process.env.HUGO_BIN || 'hugo';
const VARIANTS = ['links-plain', 'links-ugly', 'links-subpath', 'links-canonify', 'links-relative', 'links-hook'];
const OWN_HOST = 'blog.example.com';

function hugoVersion(): string | undefined {
  const r = spawnSync(HUGO, ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

interface Built {
  readonly site: string;
  readonly out: string;
  readonly log: string;
  readonly status: number | null;
}

function build(variant: string, tmp: string): Built {
  const site = path.join(tmp, variant, 'site');
  const out = path.join(tmp, variant, 'public');
  fs.mkdirSync(site, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'links-common'), site, { recursive: true });
  fs.cpSync(path.join(FIXTURES, variant), site, { recursive: true });
  const r = spawnSync(HUGO, ['--source', site, '--destination', out, '--cacheDir', path.join(tmp, 'cache')], { encoding: 'utf8' });
  return { site, out, log: `${r.stdout}\n${r.stderr}`, status: r.status };
}

/** Whether a URL path (decoded, with the sub-path) is served by the built site, and its HTML. */
function serve(out: string, basePath: string, urlPath: string): { exists: boolean; html?: string } {
  if (basePath && urlPath !== basePath && !urlPath.startsWith(basePath + '/')) return { exists: false };
  const rel = urlPath.slice(basePath.length) || '/';
  const p = path.join(out, rel);
  const candidates = rel.endsWith('/') ? [path.join(p, 'index.html')] : [p, path.join(p, 'index.html')];
  for (const c of candidates) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return { exists: true, html: c.endsWith('.html') ? fs.readFileSync(c, 'utf8') : undefined };
  }
  return { exists: false };
}

interface Marker {
  readonly name: string;
  readonly file: string;
  /** Offset of the destination in the source. */
  readonly offset: number;
  readonly written: string;
}

function markersIn(site: string, file: string): Marker[] {
  const text = fs.readFileSync(path.join(site, file), 'utf8');
  const out: Marker[] = [];
  for (const m of text.matchAll(/!?\[([LIB]\d+)\]\(([^)\s]*)\)/g)) out.push({ name: m[1], file, offset: m.index + m[0].indexOf('(') + 1, written: m[2] });
  return out;
}

/** href/src of each marked element in a built page. */
function hrefsIn(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#43;/g, '+');
  for (const m of html.matchAll(/<a href="([^"]*)"[^>]*>([LB]\d+)<\/a>/g)) out.set(m[2], unescape(m[1]));
  for (const m of html.matchAll(/<img src="([^"]*)" alt="([IB]\d+)"/g)) out.set(m[2], unescape(m[1]));
  return out;
}

describe('links conformance with the real Hugo', function () {
  this.timeout(120_000);
  const version = hugoVersion();
  let tmp: string;

  before(function () {
    if (!version) {
      if (process.env.CI === 'true') throw new Error(`hugo not found (${HUGO}): the conformance suite must run in CI`);
      console.warn(`\n  !!! SKIPPING links conformance: hugo not found (${HUGO}). Install hugo 0.111 to run it.\n`);
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-links-'));
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const variant of VARIANTS) {
    it(`${variant}: every verdict agrees with the built site`, async () => {
      const b = build(variant, tmp);
      assert.equal(b.status, 0, `hugo failed:\n${b.log}`);
      const engine = await createPostcraft({ fs: nodeFileSystem, roots: [b.site] });
      const site = engine.sites[0];
      assert.equal(site.model.summary.generator, 'hugo');
      if (variant === 'links-hook') assert.equal(site.model.summary.linkSemantics, 'content-path');
      const basePath = site.model.summary.basePath;
      const diags = await engine.checkSite(site);
      const byOffset = new Map<string, PostcraftDiagnostic>();
      const checked: string[] = [];
      for (const file of ['content/posts/links.md', 'content/posts/bundle/index.md']) {
        const text = fs.readFileSync(path.join(b.site, file), 'utf8');
        const li = new LineIndex(text);
        for (const d of diags) if (d.file === file) byOffset.set(`${file}@${li.offsetAt(d.start)}`, d);
        const page = site.index.pagesOfFile(file)[0];
        const built = serve(b.out, basePath, page.url);
        assert.ok(built.html, `${page.url} is built`);
        const hrefs = hrefsIn(built.html!);
        for (const m of markersIn(b.site, file)) {
          const href = hrefs.get(m.name);
          assert.ok(href !== undefined, `${variant}: ${m.name} is in the built ${page.url}`);
          const url = new URL(href!, `https://${OWN_HOST}${page.url}`);
          const d = byOffset.get(`${file}@${m.offset}`);
          const label = `${variant} ${file} ${m.name} [${m.written}] → ${href} : ${d ? d.code : 'accepted'}`;
          checked.push(label);
          if (url.host !== OWN_HOST) {
            assert.equal(d, undefined, `${label}: external links are never reported`);
            continue;
          }
          const target = serve(b.out, basePath, decodeURIComponent(url.pathname));
          const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
          const hasFragment = !fragment || (target.html !== undefined && new RegExp(`id="${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(target.html));
          if (!d) {
            assert.ok(target.exists, `${label}: we accept it, so it must be served`);
            // We only check fragments on regular pages; a list page's ids come from templates.
            const targetIsListPage = /<ul>/.test(target.html ?? '');
            if (!targetIsListPage) assert.ok(hasFragment, `${label}: we accept it, so #${fragment} must exist`);
          } else if (d.code === 'link.not-found' || d.code === 'link.md-path' || d.code === 'link.unpublished-target') {
            assert.ok(!target.exists, `${label}: we report it, so it must 404`);
          } else if (d.code === 'link.fragment-not-found') {
            assert.ok(target.exists && !hasFragment, `${label}: the page exists without #${fragment}`);
          } else assert.fail(`${label}: unexpected code`);
        }
      }
      if (process.env.POSTCRAFT_CONFORMANCE_VERBOSE) console.log(checked.join('\n'));
      assert.ok(checked.length >= 40, `checked ${checked.length} links`);
      // ref/relref: exactly the lines Hugo reports.
      const hugoRefs = [...b.log.matchAll(/REF_NOT_FOUND: Ref "[^"]*": "([^"]+):(\d+):\d+"/g)].map((m) => `${path.relative(b.site, m[1]).split(path.sep).join('/')}:${m[2]}`).sort();
      const ours = diags.filter((d) => d.code === 'ref.not-found').map((d) => `${d.file}:${d.start.line + 1}`).sort();
      assert.ok(hugoRefs.length >= 5, `Hugo reported REF_NOT_FOUND:\n${b.log}`);
      assert.deepEqual(ours, hugoRefs);
    });
  }
});
