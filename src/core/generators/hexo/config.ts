/** Hexo's `_config.yml`: the settings that decide URLs, with Hexo 7's defaults. */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asBool, asRecord, asString, parseConfigText, normBase } from '../../config/parse';
import type { SiteIssue } from '../../site/model';
import { readText } from '../../config/files';

export interface HexoConfig {
  readonly title?: string;
  readonly url?: string;
  /** `root: /blog/` → `/blog`. */
  readonly basePath: string;
  readonly permalink: string;
  readonly newPostName: string;
  readonly sourceDir: string;
  readonly publicDir: string;
  readonly tagDir: string;
  readonly categoryDir: string;
  readonly archiveDir: string;
  readonly paginationDir: string;
  readonly perPage: number;
  readonly renderDrafts: boolean;
  readonly future: boolean;
  readonly defaultCategory: string;
  readonly skipRender: readonly string[];
  readonly postAssetFolder: boolean;
  readonly trailingIndex: boolean;
  readonly trailingHtml: boolean;
  /** 0 keep, 1 lower, 2 upper (`filename_case`). */
  readonly filenameCase: 0 | 1 | 2;
  readonly timezone?: string;
  readonly tagMap: Readonly<Record<string, string>>;
  readonly categoryMap: Readonly<Record<string, string>>;
  readonly permalinkDefaults: Readonly<Record<string, string>>;
  /** What hexo-generator-feed writes (`feed.path`, or one file per `feed.type`), if installed. */
  readonly feedPaths: readonly string[];
  /** What hexo-generator-sitemap writes (`sitemap.path`), if installed. */
  readonly sitemapPaths: readonly string[];
  /** `tag_generator.enable_index_page` / `category_generator.enable_index_page`: `/tags/` and `/categories/` pages. */
  readonly tagIndexPage: boolean;
  readonly categoryIndexPage: boolean;
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asString).filter((x): x is string => x !== undefined);
  const s = asString(v);
  return s ? [s] : [];
}

function stringMap(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asRecord(v)).flatMap(([k, x]) => (asString(x) !== undefined ? [[k, asString(x)!]] : [])));
}

export async function loadHexoConfig(fs: FileSystemHost, root: string): Promise<{ config: HexoConfig; configFile: string; issues: SiteIssue[] }> {
  const path = posix.join(root, '_config.yml');
  const issues: SiteIssue[] = [];
  let raw: Record<string, unknown> = {};
  const text = await readText(fs, path);
  if (text === undefined) issues.push({ path, severity: 'error', code: 'config.unreadable', message: "Cannot read _config.yml; using Hexo's defaults." });
  else {
    const r = parseConfigText(text, 'yaml');
    if (r.error) issues.push({ path, range: r.error.range, severity: 'error', code: 'config.syntax', message: `${r.error.message} — using Hexo's defaults for what could not be read.` });
    raw = r.data;
  }
  return { config: interpretHexoConfig(raw), configFile: path, issues };
}

/** hexo-generator-feed: `path` wins; else one `<type>.xml` per type (`atom`, `rss2`). */
function feedPaths(feed: Record<string, unknown>): string[] {
  const paths = strings(feed['path']);
  if (paths.length) return paths;
  const types = strings(feed['type']);
  return types.length ? types.map((t) => `${t}.xml`) : ['atom.xml'];
}

export function interpretHexoConfig(raw: Record<string, unknown>): HexoConfig {
  const pretty = asRecord(raw['pretty_urls']);
  const perPage = Number(raw['per_page'] ?? 10);
  const fc = Number(raw['filename_case'] ?? 0);
  const dir = (k: string, d: string) => (asString(raw[k]) ?? d).replace(/^\.?\/+|\/+$/g, '');
  return {
    title: asString(raw['title']),
    url: asString(raw['url']),
    basePath: normBase(asString(raw['root']) ?? '/'),
    permalink: asString(raw['permalink']) ?? ':year/:month/:day/:title/',
    newPostName: asString(raw['new_post_name']) ?? ':title.md',
    sourceDir: dir('source_dir', 'source'),
    publicDir: dir('public_dir', 'public'),
    tagDir: dir('tag_dir', 'tags'),
    categoryDir: dir('category_dir', 'categories'),
    archiveDir: dir('archive_dir', 'archives'),
    paginationDir: dir('pagination_dir', 'page'),
    perPage: Number.isFinite(perPage) && perPage >= 0 ? perPage : 10,
    renderDrafts: asBool(raw['render_drafts']) === true,
    future: asBool(raw['future']) !== false,
    defaultCategory: asString(raw['default_category']) ?? 'uncategorized',
    skipRender: strings(raw['skip_render']),
    postAssetFolder: asBool(raw['post_asset_folder']) === true,
    trailingIndex: asBool(pretty['trailing_index']) !== false,
    trailingHtml: asBool(pretty['trailing_html']) !== false,
    filenameCase: fc === 1 || fc === 2 ? fc : 0,
    timezone: asString(raw['timezone']) || undefined,
    tagMap: stringMap(raw['tag_map']),
    categoryMap: stringMap(raw['category_map']),
    permalinkDefaults: stringMap(raw['permalink_defaults']),
    feedPaths: feedPaths(asRecord(raw['feed'])),
    sitemapPaths: strings(asRecord(raw['sitemap'])['path']).length ? strings(asRecord(raw['sitemap'])['path']) : ['sitemap.xml'],
    tagIndexPage: asBool(asRecord(raw['tag_generator'])['enable_index_page']) === true,
    categoryIndexPage: asBool(asRecord(raw['category_generator'])['enable_index_page']) === true,
  };
}
