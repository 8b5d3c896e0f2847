/**
 * Jekyll's `_config.yml`: the settings that decide URLs and what is published, with Jekyll 4's
 * defaults. A syntax error becomes a positioned issue; whatever could not be read keeps its default.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asBool, asRecord, asString, formatOf, parseConfigText } from '../../config/parse';
import type { SiteIssue } from '../../site/model';
import { readText, isFile } from '../../config/files';
import { GITHUB_PAGES_PLUGINS, pagesPlugins, UNKNOWN_BUILD, type BuildFacts, type PagesPlugins } from './githubPages';

/** Jekyll reads the first of these (`--config` aside). */
export const JEKYLL_CONFIGS = ['_config.yml', '_config.yaml', '_config.toml'];

export interface JekyllCollection {
  readonly label: string;
  /** Site-relative folder, e.g. `_recipes` or `my_collections/_recipes`. */
  readonly dir: string;
  readonly output: boolean;
  readonly permalink?: string;
}

export interface FrontMatterDefault {
  readonly path: string;
  readonly type?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface JekyllConfig {
  readonly title?: string;
  readonly url?: string;
  /** `/blog` for `baseurl: /blog`, '' otherwise. */
  readonly basePath: string;
  /** The permalink setting as written (`date`, `pretty`, or a pattern). */
  readonly permalink: string;
  /** `collections: posts: permalink:` when set: it wins over the site's style for posts. */
  readonly postsPermalink?: string;
  /** File extensions (with the dot, lower case) the Markdown converter takes (`markdown_ext`). */
  readonly markdownExts: readonly string[];
  readonly future: boolean;
  readonly showDrafts: boolean;
  readonly unpublished: boolean;
  readonly collectionsDir: string;
  readonly collections: readonly JekyllCollection[];
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly defaults: readonly FrontMatterDefault[];
  readonly timezone?: string;
  readonly plugins: readonly string[];
  /** jekyll-redirect-from writes `/redirects.json` unless `redirect_from: {json: false}`. */
  readonly redirectsJson: boolean;
  readonly paginate?: number;
  readonly paginatePath: string;
  readonly archives?: { readonly enabled: readonly string[]; readonly permalinks: Readonly<Record<string, string>> };
  readonly dataDir: string;
  /** Where `{% include %}` finds its files (`includes_dir`). */
  readonly includesDir: string;
  /** `theme` or `remote_theme`: a gem (or repository) whose includes are not in the site. */
  readonly theme?: string;
  /** Who builds the site (the Gemfile, the GitHub workflows), and so which GitHub Pages plugins are on. */
  readonly build: BuildFacts;
  readonly pagesPlugins: PagesPlugins;
}

export interface LoadedJekyllConfig {
  readonly config: JekyllConfig;
  /** `_config.yml` as written: Liquid's `site` variables. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
}

// Jekyll 4's built-in exclusions (Configuration::DEFAULTS["exclude"]).
const DEFAULT_EXCLUDE = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asString).filter((x): x is string => x !== undefined);
  const s = asString(v);
  return s ? [s] : [];
}

export async function findJekyllConfig(fs: FileSystemHost, root: string): Promise<string | undefined> {
  for (const n of JEKYLL_CONFIGS) if (await isFile(fs, posix.join(root, n))) return posix.join(root, n);
  return undefined;
}

export async function loadJekyllConfig(fs: FileSystemHost, root: string, build: BuildFacts = UNKNOWN_BUILD): Promise<LoadedJekyllConfig> {
  const issues: SiteIssue[] = [];
  const path = await findJekyllConfig(fs, root);
  let raw: Record<string, unknown> = {};
  if (path) {
    const text = await readText(fs, path);
    if (text === undefined) {
      issues.push({ path, severity: 'error', code: 'config.unreadable', message: `Cannot read ${posix.basename(path)}; using Jekyll's defaults.` });
    } else {
      const r = parseConfigText(text, formatOf(path) ?? 'yaml');
      // Jekyll itself drops an invalid config whole ("Error reading configuration. Using defaults"),
      // so the partial data the parser recovered is not used either.
      if (r.error) issues.push({ path, range: r.error.range, severity: 'error', code: 'config.syntax', message: `${r.error.message} — Jekyll ignores the whole file and builds with its defaults.` });
      else raw = r.data;
    }
  }
  return { config: interpretJekyllConfig(raw, issues, path ?? posix.join(root, '_config.yml'), build), raw, configFile: path, issues };
}

export function interpretJekyllConfig(raw: Record<string, unknown>, issues: SiteIssue[] = [], path = '_config.yml', build: BuildFacts = UNKNOWN_BUILD): JekyllConfig {
  const collectionsDir = (asString(raw['collections_dir']) ?? '').replace(/^\.?\/+|\/+$/g, '');
  const permalink = asString(raw['permalink']) ?? 'date';
  const collections: JekyllCollection[] = [];
  const rawCollections = raw['collections'];
  let postsPermalink: string | undefined;
  const addCollection = (label: string, meta: Record<string, unknown>) => {
    // Built in: `posts` may set its own permalink (Configuration#add_default_collections keeps it).
    if (label === 'posts') postsPermalink = asString(meta['permalink']);
    if (label === 'posts' || label === 'drafts') return;
    const dir = (collectionsDir ? collectionsDir + '/' : '') + '_' + label;
    collections.push({ label, dir, output: asBool(meta['output']) === true, permalink: asString(meta['permalink']) });
  };
  if (Array.isArray(rawCollections)) for (const l of strings(rawCollections)) addCollection(l, {});
  else for (const [label, meta] of Object.entries(asRecord(rawCollections))) addCollection(label, asRecord(meta));

  const defaults: FrontMatterDefault[] = [];
  if (Array.isArray(raw['defaults'])) {
    for (const d of raw['defaults'] as unknown[]) {
      const scope = asRecord(asRecord(d)['scope']);
      const values = asRecord(asRecord(d)['values']);
      // As written: Jekyll compares scope paths as string prefixes (and their lengths for precedence).
      defaults.push({ path: asString(scope['path']) ?? '', type: asString(scope['type']), values });
    }
  }
  const paginate = Number(raw['paginate']);
  const archivesRaw = asRecord(raw['jekyll-archives']);
  // The github-pages gem's configuration: its default plugins are added to the site's (and cannot be
  // removed), and future-dated posts are published unless the site says `future: false`.
  const githubPages = build.build === 'github-pages';
  const plugins = [...new Set([...strings(raw['plugins']), ...strings(raw['gems']), ...build.gemfilePlugins, ...(githubPages ? GITHUB_PAGES_PLUGINS : [])])];
  const baseurl = asString(raw['baseurl']) ?? '';
  if (baseurl && !baseurl.startsWith('/') && !/^[a-z]+:\/\//i.test(baseurl)) {
    issues.push({ path, severity: 'warning', code: 'config.baseurl', message: `baseurl "${baseurl}" should start with "/" (Jekyll joins it to URLs as written).` });
  }
  const site = siteLocation(asString(raw['url']), baseurl);
  return {
    title: asString(raw['title']),
    url: site.url,
    basePath: site.basePath,
    permalink,
    postsPermalink,
    markdownExts: (asString(raw['markdown_ext']) ?? 'markdown,mkdown,mkdn,mkd,md').split(',').map((e) => '.' + e.trim().toLowerCase()).filter((e) => e.length > 1),
    future: asBool(raw['future']) ?? githubPages,
    showDrafts: asBool(raw['show_drafts']) === true,
    unpublished: asBool(raw['unpublished']) === true,
    collectionsDir,
    collections,
    exclude: [...DEFAULT_EXCLUDE, ...strings(raw['exclude'])],
    // Configuration::DEFAULTS: `.htaccess`, replaced (not extended) by a site's own list.
    include: raw['include'] === undefined ? ['.htaccess'] : strings(raw['include']),
    defaults,
    timezone: asString(raw['timezone']),
    plugins,
    redirectsJson: asRecord(raw['redirect_from'])['json'] !== false,
    paginate: Number.isFinite(paginate) && paginate > 0 ? paginate : undefined,
    paginatePath: asString(raw['paginate_path']) ?? '/page:num/',
    archives:
      plugins.includes('jekyll-archives') || Object.keys(archivesRaw).length
        ? {
            enabled: archivesRaw['enabled'] === 'all' ? ['year', 'month', 'day', 'categories', 'tags'] : strings(archivesRaw['enabled']),
            permalinks: Object.fromEntries(Object.entries(asRecord(archivesRaw['permalinks'])).map(([k, v]) => [k, asString(v) ?? ''])),
          }
        : undefined,
    dataDir: asString(raw['data_dir']) ?? '_data',
    includesDir: (asString(raw['includes_dir']) ?? '_includes').replace(/^\.?\/+|\/+$/g, '') || '_includes',
    theme: asString(raw['theme']) ?? asString(raw['remote_theme']),
    build,
    pagesPlugins: pagesPlugins(raw, plugins, build.build),
  };
}

/**
 * Where the site lives: `url` is its origin and `baseurl` the path below it, which relative_url adds.
 * A site that writes its path in `url` and leaves `baseurl` empty (`url: https://x.github.io/blog`)
 * is built for that path all the same — absolute_url and `{{ site.url }}` print it — so the path is
 * the site's base path then. With both set, `baseurl` is the path (url's own path is a second copy
 * we cannot place).
 */
export function siteLocation(url: string | undefined, baseurl: string): { url: string | undefined; basePath: string } {
  const norm = (p: string) => p.replace(/\/+$/, '').replace(/^(?=[^/])/, '/').replace(/^\/$/, '');
  const m = url === undefined ? null : /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)(\/[^?#]*)?/i.exec(url.trim());
  const urlPath = m?.[2] ? norm(m[2]) : '';
  if (!baseurl && m && urlPath) return { url: m[1], basePath: urlPath };
  return { url, basePath: norm(baseurl) };
}
