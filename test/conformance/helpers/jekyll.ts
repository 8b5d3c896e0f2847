/**
 * Builds a fixture site with the real `jekyll` (Debian's 4.3) in a temp folder. Nothing is written
 * inside the repository: the fixture is copied first, and the build goes to the temp folder.
 *
 * A small plugin of ours (written into the temp copy only) lists what Jekyll made of every source
 * file after the build: each page, collection document (posts too) and static file with its URL and
 * the file it was written to — the Jekyll counterpart of `hugo list all`.
 *
 * A fixture that GitHub Pages builds (a workflow using actions/jekyll-build-pages, or the
 * `github-pages` gem in its Gemfile) is built the way GitHub's configuration sets Jekyll up
 * (pages-gem, lib/github-pages/configuration.rb): the default plugins added to the site's own, and
 * `future: true` unless the site says otherwise. Of those defaults, the ones Debian packages are
 * used (relative-links, optional-front-matter, readme-index, titles-from-headings, paginate); the
 * others write no link (gist, coffeescript, default-layout, github-metadata, commonmark-ghpages).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Site } from '../../../src/core/service';

export function jekyllVersion(): string | undefined {
  const r = spawnSync('jekyll', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** In CI a missing `jekyll` fails the suite (it would pass by proving nothing); locally it is a loud skip. */
export function requireJekyll(ctx: Mocha.Context): void {
  if (jekyllVersion()) return;
  if (process.env.CI === 'true') throw new Error('jekyll is not installed, and CI=true: the Jekyll conformance suite cannot run.');
  console.warn('\n  !!! jekyll not found on PATH: SKIPPING the Jekyll conformance suite (apt-get install jekyll) !!!\n');
  ctx.skip();
}

/** One source file as Jekyll saw it (paths and URLs as Jekyll reports them: URLs percent-encoded). */
export interface JekyllEntry {
  /** Site-relative source path. */
  readonly path: string;
  readonly kind: 'page' | 'document' | 'static';
  readonly collection?: string;
  readonly url: string;
  /** Whether Jekyll wrote it (a collection with `output: false`, `published: false` do not). */
  readonly write: boolean;
  /** The output file, relative to the destination folder, with a leading `/`. */
  readonly dest: string;
}

export interface JekyllBuild {
  readonly siteDir: string;
  readonly outDir: string;
  readonly status: number | null;
  readonly log: string;
  /** What the build made of each source file (empty when the build failed). */
  readonly list: readonly JekyllEntry[];
  cleanup(): void;
}

/** A layout that marks the rendered content, so the oracle reads links of the post body only. */
const LAYOUT = '<!doctype html><title>{{ page.title }}</title><main>{{ content }}</main>\n';

const LIST_PLUGIN = `# Written by the Postcraft conformance suite into a temp copy of a fixture.
require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  dest = site.dest
  rel = ->(p) { p.delete_prefix(dest) }
  # Documents' relative_path is taken inside collections_dir: report paths from the site's source.
  src = ->(p) { p.delete_prefix(site.source + "/") }
  out = []
  site.pages.each { |p| out << { "path" => p.relative_path, "kind" => "page", "url" => p.url, "write" => true, "dest" => rel.(p.destination(dest)) } }
  site.collections.each_value do |c|
    c.docs.each { |d| out << { "path" => src.(d.path), "kind" => "document", "collection" => c.label, "url" => d.url, "write" => d.write?, "dest" => rel.(d.destination(dest)) } }
  end
  site.static_files.each { |f| out << { "path" => src.(f.path), "kind" => "static", "url" => f.url, "write" => f.write?, "dest" => rel.(f.destination(dest)) } }
  File.write(ENV.fetch("POSTCRAFT_JEKYLL_LIST"), JSON.generate(out))
end
`;

/** GitHub Pages' default plugins that Debian packages (ruby-jekyll-*). */
export const GITHUB_PAGES_DEBIAN_PLUGINS = ['jekyll-paginate', 'jekyll-relative-links', 'jekyll-optional-front-matter', 'jekyll-readme-index', 'jekyll-titles-from-headings'];

/** Whether GitHub Pages builds the site, by its own files (not by our model's detection). */
export function builtByGithubPages(siteDir: string): boolean {
  const gemfile = path.join(siteDir, 'Gemfile');
  if (fs.existsSync(gemfile) && /^\s*gem\s+["']github-pages["']/m.test(fs.readFileSync(gemfile, 'utf8'))) return true;
  const workflows = path.join(siteDir, '.github', 'workflows');
  return fs.existsSync(workflows) && fs.readdirSync(workflows).some((f) => /actions\/jekyll-build-pages@/.test(fs.readFileSync(path.join(workflows, f), 'utf8')));
}

/** `--config` arguments that set Jekyll up as the github-pages gem does (defaults under the site's own config). */
function githubPagesConfig(siteDir: string, tmp: string): string[] {
  const name = ['_config.yml', '_config.yaml'].find((n) => fs.existsSync(path.join(siteDir, n)));
  const own = (name ? parseYaml(fs.readFileSync(path.join(siteDir, name), 'utf8')) : {}) as Record<string, unknown> | null;
  const listed = [own?.['plugins'], own?.['gems']].flatMap((v) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []));
  const overlay: Record<string, unknown> = { plugins: [...new Set([...listed, ...GITHUB_PAGES_DEBIAN_PLUGINS])] };
  if (own?.['future'] === undefined) overlay['future'] = true;
  const file = path.join(tmp, 'github-pages.yml');
  fs.writeFileSync(file, JSON.stringify(overlay) + '\n');
  return ['--config', [...(name ? [path.join(siteDir, name)] : []), file].join(',')];
}

/** Copies the fixture to a temp folder (adding a default layout it lacks) and runs `jekyll build`. */
export function buildWithJekyll(fixtureDir: string, extraArgs: readonly string[] = []): JekyllBuild {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-jekyll-')));
  const siteDir = path.join(tmp, 'site');
  const outDir = path.join(tmp, 'out');
  const listFile = path.join(tmp, 'list.json');
  fs.cpSync(fixtureDir, siteDir, { recursive: true, filter: (src) => !/[\\/](_site|\.jekyll-cache)$/.test(src) });
  for (const name of ['default', 'post', 'page']) {
    const p = path.join(siteDir, '_layouts', `${name}.html`);
    if (!fs.existsSync(p)) {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, LAYOUT);
    }
  }
  fs.mkdirSync(path.join(siteDir, '_plugins'), { recursive: true });
  fs.writeFileSync(path.join(siteDir, '_plugins', 'zz-postcraft-list.rb'), LIST_PLUGIN);
  // TZ fixed: Jekyll reads dates in the build machine's zone unless the site sets `timezone:`.
  // A Gemfile is read as Jekyll reads it (Bundler, resolved from Debian's gems: its :jekyll_plugins
  // group is required), except when GitHub Pages builds the site: GitHub's builder brings its own gems.
  const github = builtByGithubPages(siteDir);
  const env = { ...process.env, JEKYLL_ENV: 'production', HOME: tmp, TZ: 'UTC', POSTCRAFT_JEKYLL_LIST: listFile, ...(github ? { JEKYLL_NO_BUNDLER_REQUIRE: '1' } : {}) };
  const pages = github ? githubPagesConfig(siteDir, tmp) : [];
  // In the site's folder: Jekyll looks for the Gemfile in the current one.
  const r = spawnSync('jekyll', ['build', '--disable-disk-cache', '-s', siteDir, '-d', outDir, ...pages, ...extraArgs], { encoding: 'utf8', env, cwd: siteDir });
  const list: JekyllEntry[] = fs.existsSync(listFile) ? (JSON.parse(fs.readFileSync(listFile, 'utf8')) as JekyllEntry[]) : [];
  return { siteDir, outDir, status: r.status, log: `${r.stdout}\n${r.stderr}`, list, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Addressable::URI.unencode, as Jekyll turns a URL back into an output path. */
function unescapePath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Every file below a folder, as `/rel/path`. */
function filesBelow(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (abs: string, rel: string) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(abs, e.name), `${rel}/${e.name}`);
      else out.add(`${rel}/${e.name}`);
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return out;
}

/**
 * The output file Jekyll writes for a page or document URL (Page#destination, Document#destination):
 * `index.html` below a URL ending in `/`, the output extension appended unless the URL has it.
 */
export function destinationOf(url: string, outputExt = '.html'): string {
  if (url.endsWith('/')) return url + 'index.html';
  return url.endsWith(outputExt) ? url : url + outputExt;
}

/**
 * Every disagreement between our model and a jekyll build, as readable lines (empty when they agree):
 * per source file, the URL Jekyll gave it; then the output folder against the files our URL table
 * says are written, both ways.
 */
export function compareWithJekyll(site: Site, build: JekyllBuild): string[] {
  const problems: string[] = [];
  const base = site.model.summary.basePath;
  const written = new Map<string, JekyllEntry>();
  // Pages a plugin makes without a source file (redirect pages, redirects.json, feeds) are judged by
  // the output comparison below.
  // jekyll-paginate adds copies of the index page (page2/, page3/) under the same path: the first is its own.
  for (const e of build.list) if (e.write && !written.has(e.path) && fs.existsSync(path.join(build.siteDir, e.path))) written.set(e.path, e);
  // Our URL table, per file and as output files.
  const ourFileUrls = new Map<string, Set<string>>();
  const ourDest = new Map<string, string>();
  const strip = (u: string) => (base && (u === base || u.startsWith(base + '/')) ? u.slice(base.length) || '/' : u);
  for (const [url, targets] of site.index.urls()) {
    for (const t of targets) {
      if (t.type === 'page' && t.page.willPublish) {
        // A text document keeps its extension (Document#output_ext of a file no converter renders):
        // a URL that ends with it is the file written.
        const own = t.page.file ? path.extname(t.page.file).toLowerCase() : '';
        const dest = own && own !== '.html' && strip(url).toLowerCase().endsWith(own) ? strip(url) : destinationOf(strip(url));
        ourDest.set(dest, `page ${t.page.file ?? url}`);
        if (t.page.file) ourFileUrls.set(t.page.file, (ourFileUrls.get(t.page.file) ?? new Set()).add(url));
      } else if (t.type === 'alias' && t.page.willPublish) ourDest.set(destinationOf(strip(url)), `redirect to ${t.page.file ?? ''}`);
      else if (t.type === 'file' && (!t.owner || (t.owner.resourcesPublished ?? t.owner.willPublish))) {
        // A document served without a page of its own (a redirect_to page) is written like a page.
        const ext = path.extname(t.file).toLowerCase();
        const asPage = url.endsWith('/') || !url.toLowerCase().endsWith(ext);
        ourDest.set(asPage ? destinationOf(strip(url)) : strip(url), `file ${t.file}`);
        ourFileUrls.set(t.file, (ourFileUrls.get(t.file) ?? new Set()).add(url));
      } else if (t.type === 'generated') ourDest.set(url.endsWith('/') ? destinationOf(strip(url)) : strip(url), 'generated');
    }
  }
  for (const e of written.values()) {
    const want = base + unescapePath(e.url);
    const ours = [...(ourFileUrls.get(e.path) ?? [])];
    if (!ours.length) problems.push(`${e.kind}: ${e.path} → ${want} (jekyll), not published in our model`);
    else if (!ours.includes(want)) problems.push(`${e.kind}: ${e.path} → ${want} (jekyll), ours ${ours.join(' ')}`);
  }
  for (const [file, urls] of [...ourFileUrls].sort()) {
    if (!written.has(file)) problems.push(`we publish ${file} at ${[...urls].join(' ')}, jekyll writes nothing for it`);
  }
  const out = filesBelow(build.outDir);
  for (const d of [...ourDest.keys()].sort()) if (!out.has(d)) problems.push(`output: we expect ${d} (${ourDest.get(d)}), jekyll did not write it`);
  for (const d of [...out].sort()) if (!ourDest.has(d)) problems.push(`output: jekyll wrote ${d}, our model has nothing there`);
  return problems;
}
