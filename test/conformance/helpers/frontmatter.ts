/**
 * For the front-matter conformance suite: builds that may fail (the outcome is what we record), one
 * fixture file at a time, and the front matter each built page carries. The fixtures' layouts print
 * it as JSON in `<script type="application/json" id="fm">` (Hugo: `.Params` plus the date it read;
 * Jekyll: `page | jsonify`). Nothing is written inside the repository.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostcraft, type Postcraft, type Site } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import type { PostcraftDiagnostic } from '../../../src/core/diagnostics';
import { buildWithJekyll } from './jekyll';

export interface Outcome {
  readonly status: number | null;
  readonly log: string;
  /** Front matter of every built page that carries the marker script, by JSON. */
  readonly pages: readonly Record<string, unknown>[];
}

/** Every `id="fm"` JSON object in the HTML files under `dir`. */
export function builtFrontMatter(dir: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) {
        const m = /<script type="application\/json" id="fm">([\s\S]*?)<\/script>/.exec(fs.readFileSync(p, 'utf8'));
        if (m) out.push(JSON.parse(m[1]) as Record<string, unknown>);
      }
    }
  };
  walk(dir);
  return out;
}

/** Builds a copy of `siteDir` with the real hugo; a failed build is an outcome, not an exception. */
export function hugoOutcome(siteDir: string): Outcome {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-fm-hugo-'));
  try {
    const site = path.join(tmp, 'site');
    fs.cpSync(siteDir, site, { recursive: true });
    const env = { ...process.env, HUGO_CACHEDIR: path.join(tmp, 'cache'), HUGO_ENVIRONMENT: 'production' };
    const r = spawnSync('hugo', ['--source', site, '-d', path.join(tmp, 'public')], { encoding: 'utf8', env });
    return { status: r.status, log: `${r.stdout}\n${r.stderr}`, pages: builtFrontMatter(path.join(tmp, 'public')) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function jekyllOutcome(siteDir: string): Outcome {
  const b = buildWithJekyll(siteDir);
  try {
    return { status: b.status, log: b.log, pages: builtFrontMatter(b.outDir) };
  } finally {
    b.cleanup();
  }
}

/** A copy of the fixture site with only `keep` among the Markdown files of `caseDirs` (site-relative). */
export function siteWithOnly(siteDir: string, caseDirs: readonly string[], keep: string): { dir: string; cleanup(): void } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-fm-case-'));
  const dir = path.join(tmp, 'site');
  fs.cpSync(siteDir, dir, { recursive: true });
  for (const f of caseDirs.flatMap((d) => caseFiles(siteDir, d))) if (f !== keep) fs.rmSync(path.join(dir, f));
  return { dir, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Markdown files of `caseDir` and, for `''`, of the site's top folder, site-relative. */
export function caseFiles(siteDir: string, caseDir: string): string[] {
  const dir = path.join(siteDir, caseDir);
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => (caseDir ? `${caseDir}/${n}` : n));
}

export interface Checked {
  readonly engine: Postcraft;
  readonly site: Site;
  /** Front-matter findings by site-relative file. */
  readonly findings: Map<string, PostcraftDiagnostic[]>;
}

/** Our whole-site check of a folder, front-matter findings only. */
export async function checkFrontMatter(siteDir: string): Promise<Checked> {
  const root = siteDir.split(path.sep).join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root] });
  const site = engine.sites.find((s) => s.root === root);
  if (!site) throw new Error(`no site at ${root}`);
  const findings = new Map<string, PostcraftDiagnostic[]>();
  for (const d of await engine.checkSite(site)) {
    if (!d.code.startsWith('frontmatter.')) continue;
    const list = findings.get(d.file) ?? [];
    list.push(d);
    findings.set(d.file, list);
  }
  return { engine, site, findings };
}

export const isLoud = (d: PostcraftDiagnostic) => d.severity === 'error' || d.severity === 'warning';
