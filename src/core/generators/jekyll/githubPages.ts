/**
 * GitHub Pages' Jekyll: which of the plugins GitHub enables on every site (the `github-pages` gem's
 * DEFAULT_PLUGINS, added to whatever `_config.yml` lists and not removable) are on for this site.
 * Four of them change what a link reaches: jekyll-relative-links (`[x](other.md)` becomes that page's
 * URL), jekyll-optional-front-matter (Markdown without front matter becomes a page),
 * jekyll-readme-index (a folder's README becomes its index) and jekyll-titles-from-headings (titles
 * only). Each can still be turned off by its own `enabled: false`.
 *
 * How the site is built decides whether GitHub's defaults apply: the `github-pages` gem in the
 * Gemfile, or GitHub's `actions/jekyll-build-pages` workflow, means they do; a Gemfile without it (or
 * a workflow running `jekyll build` itself) means only the plugins the site lists are on. With
 * neither we cannot tell (GitHub Pages builds any repository with a `_config.yml` the same way), and
 * a plugin the site does not list is 'maybe': what works only with it gets no finding.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asRecord } from '../../config/parse';
import { readText } from '../../config/files';

/** How the site is built, as far as its files tell. */
export type JekyllBuild = 'github-pages' | 'own' | 'unknown';

export type PluginState = 'on' | 'off' | 'maybe';

export interface BuildFacts {
  readonly build: JekyllBuild;
  /** Gems of the Gemfile's `:jekyll_plugins` group: Jekyll requires them without a `plugins:` entry. */
  readonly gemfilePlugins: readonly string[];
  /** Site-relative files the facts were read from (watched: a change reloads the model). */
  readonly files: readonly string[];
}

export const UNKNOWN_BUILD: BuildFacts = { build: 'unknown', gemfilePlugins: [], files: [] };

/** The four plugins' settings as the site has them (each plugin's own config key). */
export interface PagesPlugins {
  readonly relativeLinks: { readonly state: PluginState; readonly collections: boolean; readonly exclude: readonly string[] };
  readonly optionalFrontMatter: { readonly state: PluginState; readonly removeOriginals: boolean };
  readonly readmeIndex: { readonly state: PluginState; readonly removeOriginals: boolean; readonly withFrontMatter: boolean };
  readonly titlesFromHeadings: { readonly state: PluginState; readonly stripTitle: boolean; readonly collections: boolean };
}

/** GitHubPages::Plugins::DEFAULT_PLUGINS (pages-gem, lib/github-pages/plugins.rb). */
export const GITHUB_PAGES_PLUGINS: readonly string[] = [
  'jekyll-coffeescript',
  'jekyll-commonmark-ghpages',
  'jekyll-gist',
  'jekyll-github-metadata',
  'jekyll-paginate',
  'jekyll-relative-links',
  'jekyll-optional-front-matter',
  'jekyll-readme-index',
  'jekyll-default-layout',
  'jekyll-titles-from-headings',
];

export const WORKFLOWS_DIR = '.github/workflows';

const GITHUB_PAGES_GEM = /^\s*gem\s*\(?\s*["']github-pages["']/m;
/** `group :jekyll_plugins do … end` (also `group(:jekyll_plugins, …)`). */
const PLUGIN_GROUP = /^\s*group\s*\(?\s*[^\n]*:jekyll_plugins\b[^\n]*\bdo\b([\s\S]*?)^\s*end\b/gm;
const GEM = /^\s*gem\s*\(?\s*["']([^"']+)["']([^\n]*)/gm;

/** Gems Jekyll requires by itself through Bundler (`Bundler.require(:jekyll_plugins)`). */
export function gemfileJekyllPlugins(text: string): string[] {
  const out: string[] = [];
  for (const g of text.matchAll(PLUGIN_GROUP)) for (const m of g[1].matchAll(GEM)) out.push(m[1]);
  for (const m of text.matchAll(GEM)) if (/\bgroups?\s*(?::|=>)\s*\[?[^\n]*:jekyll_plugins\b/.test(m[2])) out.push(m[1]);
  return [...new Set(out)];
}

/** Reads the Gemfile and the GitHub workflows: who builds the site. */
export async function readBuildFacts(fs: FileSystemHost, root: string): Promise<BuildFacts> {
  const files: string[] = [];
  let usesPagesAction = false;
  let runsJekyll = false;
  try {
    for (const e of await fs.readDirectory(posix.join(root, WORKFLOWS_DIR))) {
      if (e.type !== 'file' || !/\.ya?ml$/i.test(e.name)) continue;
      const rel = `${WORKFLOWS_DIR}/${e.name}`;
      const text = (await readText(fs, posix.join(root, rel))) ?? '';
      files.push(rel);
      if (/\bactions\/jekyll-build-pages\b/.test(text)) usesPagesAction = true;
      if (/\bjekyll\s+build\b/.test(text)) runsJekyll = true;
    }
  } catch {
    // No workflows folder.
  }
  let gemfile: string | undefined;
  for (const name of ['Gemfile', 'gems.rb']) {
    gemfile = await readText(fs, posix.join(root, name));
    if (gemfile !== undefined) {
      files.push(name);
      break;
    }
  }
  const gemfilePlugins = gemfile ? gemfileJekyllPlugins(gemfile) : [];
  let build: JekyllBuild = 'unknown';
  if (usesPagesAction || (gemfile !== undefined && GITHUB_PAGES_GEM.test(gemfile))) build = 'github-pages';
  else if (gemfile !== undefined || runsJekyll) build = 'own';
  return { build, gemfilePlugins, files: files.sort() };
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

/**
 * Each plugin's state: off when its own `enabled` is `false` (compared as the plugins do, `== false`:
 * the YAML boolean only); on when the site lists it or GitHub's defaults apply; maybe when we cannot
 * tell how the site is built.
 */
export function pagesPlugins(raw: Readonly<Record<string, unknown>>, listed: readonly string[], build: JekyllBuild): PagesPlugins {
  const state = (gem: string, key: string): PluginState => {
    if (asRecord(raw[key])['enabled'] === false) return 'off';
    if (listed.includes(gem) || build === 'github-pages') return 'on';
    return build === 'own' ? 'off' : 'maybe';
  };
  const rl = asRecord(raw['relative_links']);
  const ofm = asRecord(raw['optional_front_matter']);
  const ri = asRecord(raw['readme_index']);
  const tfh = asRecord(raw['titles_from_headings']);
  // jekyll-optional-front-matter: `require_front_matter: true` turns it off (and would remove originals).
  const requireFrontMatter = raw['require_front_matter'] !== undefined && raw['require_front_matter'] !== null && raw['require_front_matter'] !== false;
  return {
    relativeLinks: { state: state('jekyll-relative-links', 'relative_links'), collections: rl['collections'] === true, exclude: strings(rl['exclude']) },
    optionalFrontMatter: { state: requireFrontMatter ? 'off' : state('jekyll-optional-front-matter', 'optional_front_matter'), removeOriginals: ofm['remove_originals'] === true },
    readmeIndex: { state: state('jekyll-readme-index', 'readme_index'), removeOriginals: ri['remove_originals'] === true, withFrontMatter: ri['with_frontmatter'] === true },
    titlesFromHeadings: { state: state('jekyll-titles-from-headings', 'titles_from_headings'), stripTitle: tfh['strip_title'] === true, collections: tfh['collections'] === true },
  };
}
