/**
 * Builds a fixture site with the real `hugo` in a temp folder and compares what it published with
 * our site model. Nothing is ever written inside the repository: the fixture is copied first, and
 * Hugo's cache goes to a temp folder too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostcraft, type Site } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import type { Clock } from '../../../src/core/host';

export function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Call at the top of a conformance suite. In CI a missing `hugo` is a failure (the suite would
 * otherwise pass by proving nothing); locally it is a loud skip.
 */
export function requireHugo(ctx: Mocha.Context): void {
  if (hugoVersion()) return;
  if (process.env.CI === 'true') throw new Error('hugo is not installed, and CI=true: the Hugo conformance suite cannot run.');
  console.warn('\n  !!! hugo not found on PATH: SKIPPING the Hugo conformance suite (install hugo to run it) !!!\n');
  ctx.skip();
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface HugoListRow {
  readonly path: string;
  readonly draft: boolean;
  readonly permalink: string;
  readonly [column: string]: string | boolean;
}

export interface HugoBuild {
  readonly siteDir: string;
  readonly publicDir: string;
  readonly list: readonly HugoListRow[];
  readonly stderr: string;
  /** Everything hugo printed (warnings such as REF_NOT_FOUND go to either stream). */
  readonly log: string;
  cleanup(): void;
}

const LAYOUT = '<!doctype html><title>{{ .Title }}</title><main>{{ .Content }}</main>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n';
const DEFAULT_LAYOUTS: Record<string, string> = {
  'layouts/_default/single.html': LAYOUT,
  'layouts/_default/list.html': LAYOUT,
  'layouts/_default/taxonomy.html': LAYOUT,
  'layouts/_default/term.html': LAYOUT,
  'layouts/index.html': LAYOUT,
};

export interface HugoRun {
  readonly siteDir: string;
  readonly publicDir: string;
  /** hugo's exit status: 0 built, non-zero refused. */
  readonly status: number | null;
  /** Everything hugo printed. */
  readonly log: string;
  readonly stderr: string;
  readonly env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/**
 * Copies a fixture to a temp folder (adding minimal layouts it lacks, and `extraFiles`: site-relative
 * path → text) and runs hugo on it, failing or not.
 */
export function runHugo(fixtureDir: string, extraArgs: readonly string[] = [], extraFiles: Readonly<Record<string, string>> = {}): HugoRun {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-hugo-'));
  const siteDir = path.join(tmp, 'site');
  // Hugo's own output and cache at the site's root only: a content folder may be called `resources`.
  fs.cpSync(fixtureDir, siteDir, { recursive: true, filter: (src) => !/^(public|resources|\.hugo_build\.lock)$/.test(path.relative(fixtureDir, src)) });
  for (const [rel, text] of Object.entries({ ...DEFAULT_LAYOUTS, ...extraFiles })) {
    const p = path.join(siteDir, rel);
    if (!fs.existsSync(p) || rel in extraFiles) {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, text);
    }
  }
  const publicDir = path.join(tmp, 'public');
  const env = { ...process.env, HUGO_CACHEDIR: path.join(tmp, 'cache'), HUGO_ENVIRONMENT: 'production' };
  const r = spawnSync('hugo', ['--source', siteDir, '-d', publicDir, ...extraArgs], { encoding: 'utf8', env });
  return { siteDir, publicDir, status: r.status, log: `${r.stdout}\n${r.stderr}`, stderr: r.stderr, env, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Copies a fixture to a temp folder (adding minimal layouts it lacks) and builds it with hugo. */
export function buildWithHugo(fixtureDir: string, extraArgs: readonly string[] = []): HugoBuild {
  const run = runHugo(fixtureDir, extraArgs);
  const { siteDir, publicDir, env } = run;
  if (run.status !== 0) {
    run.cleanup();
    throw new Error(`hugo failed on ${fixtureDir}:\n${run.log}`);
  }
  const csv = execFileSync('hugo', ['list', 'all', '--source', siteDir, ...extraArgs], { encoding: 'utf8', env });
  const rows = parseCsv(csv);
  const header = rows[0] ?? [];
  const list = rows.slice(1).filter((r) => r.length === header.length).map((r) => {
    const o: Record<string, string | boolean> = Object.fromEntries(header.map((h, i) => [h, r[i]]));
    o.draft = o.draft === 'true';
    return o as HugoListRow;
  });
  return { siteDir, publicDir, list, stderr: run.stderr, log: run.log, cleanup: run.cleanup };
}

export interface PublishedTree {
  /** URL paths (sub-path included) of HTML pages Hugo rendered. */
  readonly pages: Set<string>;
  /** URL paths of alias (redirect) pages. */
  readonly aliases: Set<string>;
  /** URL paths of every other file (resources, static files, feeds, sitemaps). */
  readonly files: Set<string>;
}

/** What `public/` holds, as URL paths under the site's base path. */
export function readPublic(publicDir: string, basePath: string): PublishedTree {
  const out: PublishedTree = { pages: new Set(), aliases: new Set(), files: new Set() };
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (/\.html$/.test(e.name)) {
        const text = fs.readFileSync(path.join(dir, e.name), 'utf8');
        const url = basePath + (e.name === 'index.html' ? r.slice(0, -'index.html'.length) : r);
        if (/http-equiv="?refresh/i.test(text) && /<link rel="?canonical/i.test(text)) out.aliases.add(url);
        else out.pages.add(url);
      } else out.files.add(basePath + r);
    }
  };
  if (fs.existsSync(publicDir)) walk(publicDir, '');
  return out;
}

export async function indexSite(siteDir: string, clock?: Clock): Promise<Site> {
  const root = siteDir.split(path.sep).join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root], clock });
  const site = engine.sites.find((s) => s.root === root);
  if (!site) throw new Error(`no site at ${root}`);
  return site;
}

/** What our model says is published, in the same three groups. */
export function ourPublished(site: Site): PublishedTree {
  const out: PublishedTree = { pages: new Set(), aliases: new Set(), files: new Set() };
  for (const [url, targets] of site.index.urls()) {
    for (const t of targets) {
      if (t.type === 'page' && t.page.willPublish) out.pages.add(url);
      else if (t.type === 'alias' && t.page.willPublish) out.aliases.add(url);
      else if (t.type === 'file' && (!t.owner || (t.owner.resourcesPublished ?? t.owner.willPublish))) out.files.add(url);
      else if (t.type === 'generated') out.files.add(url);
    }
  }
  // A URL that is both a page and an alias is a page on disk (Hugo never overwrites a page with an alias).
  for (const u of out.pages) out.aliases.delete(u);
  return out;
}

function diff(label: string, ours: Set<string>, hugo: Set<string>): string[] {
  const out: string[] = [];
  for (const u of [...ours].sort()) if (!hugo.has(u)) out.push(`${label}: we publish ${u}, hugo does not`);
  for (const u of [...hugo].sort()) if (!ours.has(u)) out.push(`${label}: hugo publishes ${u}, we do not`);
  return out;
}

/** Every disagreement between our model and a hugo build, as readable lines (empty when they agree). */
export function compareWithHugo(site: Site, build: HugoBuild): string[] {
  const problems: string[] = [];
  const basePath = site.model.summary.basePath;
  for (const row of build.list) {
    const pages = site.index.pagesOfFile(row.path);
    if (!row.permalink) {
      // `_build: {render: never}`: hugo lists the page without a permalink.
      if (pages.some((p) => p.willPublish)) problems.push(`list: ${row.path} has no permalink (not rendered), ours publishes ${pages.map((p) => p.url).join(' ')}`);
      continue;
    }
    const want = decodeURI(new URL(row.permalink).pathname);
    if (!pages.length) problems.push(`list: ${row.path} → ${want} (hugo), no page in our model`);
    else if (!pages.some((p) => p.url === want)) problems.push(`list: ${row.path} → ${want} (hugo), ours ${pages.map((p) => p.url).join(' ')}`);
  }
  const hugo = readPublic(build.publicDir, basePath);
  // A page whose `url:` names a file (`/c/v1.3`) is written under that name, not as `.html`.
  for (const row of build.list) {
    const want = row.permalink ? decodeURI(new URL(row.permalink).pathname) : '';
    if (want && hugo.files.delete(want)) hugo.pages.add(want);
  }
  const ours = ourPublished(site);
  // An HTML file Hugo copies as it is (no page) is a file when its bytes are the source's.
  for (const [url, targets] of site.index.urls()) {
    const t = targets.find((x) => x.type === 'file' && /\.html?$/.test(url));
    if (!t || t.type !== 'file' || !ours.files.has(url)) continue;
    const asPage = url.replace(/\/index\.html$/, '/');
    const out = path.join(build.publicDir, url.slice(basePath.length));
    if (hugo.pages.has(asPage) && fs.existsSync(out) && fs.readFileSync(out).equals(fs.readFileSync(path.join(build.siteDir, t.file)))) {
      hugo.pages.delete(asPage);
      hugo.files.add(url);
    }
  }
  problems.push(...diff('page', ours.pages, hugo.pages), ...diff('alias', ours.aliases, hugo.aliases), ...diff('file', ours.files, hugo.files));
  return problems;
}
