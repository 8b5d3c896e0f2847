/**
 * Hugo's configuration: root config file (hugo.* ≥0.110, legacy config.*), the `config/_default/`
 * and `config/production/` directories (a plain `hugo` build uses the production environment), key
 * case-insensitivity, and the defaults that matter for URLs and links.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import { asBool, asRecord, asString, deepMerge, formatOf, lowerKeys, parseConfigText } from '../../config/parse';
import type { Language, SiteIssue, Taxonomy } from '../../site/model';

export const HUGO_ROOT_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

export type HeadingIdType = 'github' | 'github-ascii' | 'blackfriday';

export interface HugoConfig {
  readonly title?: string;
  readonly baseURL: string;
  /** `/blog` for a sub-path baseURL, '' otherwise. */
  readonly basePath: string;
  readonly contentDir: string;
  readonly staticDirs: readonly string[];
  readonly dataDir: string;
  readonly archetypeDir: string;
  readonly layoutDir: string;
  readonly themesDir: string;
  readonly themes: readonly string[];
  readonly disablePathToLower: boolean;
  /** `canonifyURLs` or `relativeURLs`: root-relative links in content are rewritten below the baseURL. */
  readonly rootLinksAtBase: boolean;
  readonly removePathAccents: boolean;
  readonly uglyURLs: boolean | Readonly<Record<string, boolean>>;
  readonly permalinks: Readonly<Record<string, string>>;
  /** `[outputs]`: output format names (lower-case) per page kind, where the site sets them. */
  readonly outputs: Readonly<Record<string, readonly string[]>>;
  readonly taxonomies: readonly Taxonomy[];
  readonly defaultContentLanguage: string;
  readonly defaultContentLanguageInSubdir: boolean;
  readonly languages: readonly Language[];
  readonly buildDrafts: boolean;
  readonly buildFuture: boolean;
  readonly buildExpired: boolean;
  readonly refLinksErrorLevel: 'ERROR' | 'WARNING';
  readonly headingIdType: HeadingIdType;
  readonly autoHeadingID: boolean;
  readonly headingAttributes: boolean;
  readonly unsafeHtml: boolean;
  readonly typographer: boolean;
  /** markup.goldmark.renderHooks.link.useEmbedded (Hugo ≥0.123) */
  readonly embeddedLinkHook: 'auto' | 'never' | 'always' | 'fallback' | undefined;
  readonly disableKinds: readonly string[];
  readonly timeZone?: string;
  readonly enableRobotsTXT: boolean;
  /** `disableAliases = true`: no alias (redirect) page is written. */
  readonly disableAliases: boolean;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface LoadedHugoConfig {
  readonly config: HugoConfig;
  readonly configFile?: string;
  readonly configFiles: readonly string[];
  readonly issues: readonly SiteIssue[];
}

async function readText(fs: FileSystemHost, path: string): Promise<string | undefined> {
  try {
    return decodeText(await fs.readFile(path)).text;
  } catch {
    return undefined;
  }
}

async function listDir(fs: FileSystemHost, path: string): Promise<string[]> {
  try {
    return (await fs.readDirectory(path)).filter((e) => e.type === 'file' || e.type === 'symlink').map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/** True when `root` looks like a Hugo site (a config file or config/_default). */
export async function findHugoConfig(fs: FileSystemHost, root: string): Promise<string | undefined> {
  for (const name of HUGO_ROOT_CONFIGS) {
    const st = await fs.stat(posix.join(root, name));
    if (st && st.type !== 'directory') return posix.join(root, name);
  }
  const def = posix.join(root, 'config', '_default');
  const st = await fs.stat(def);
  if (st && st.type === 'directory') {
    const names = await listDir(fs, def);
    if (names.some((n) => formatOf(n))) return def;
  }
  return undefined;
}

/** Reads a config directory: `hugo.toml`/`config.toml` give root keys, `params.toml` gives `params`, … */
/**
 * Where a file of the config directory goes in the configuration [verified: `hugo config`, 0.111]:
 * `hugo.toml`/`config.toml` at the root, `params.toml` under `params`; a language code before the
 * extension puts it under that language: `languages.fr.toml` is `languages.fr`, `params.fr.toml`
 * `languages.fr.params`, `menus.fr.toml` (or `menu.fr`) `languages.fr.menus`, and any other
 * `x.fr.toml` is merged into `languages.fr` itself.
 */
export function configDirKeys(fileName: string): string[] {
  const stem = fileName.replace(/\.[^.]+$/, '').toLowerCase();
  if (stem === 'hugo' || stem === 'config') return [];
  const dot = stem.lastIndexOf('.');
  if (dot <= 0) return [stem];
  const name = stem.slice(0, dot);
  const lang = stem.slice(dot + 1);
  return ['languages', lang, ...(name === 'menu' || name === 'menus' ? ['menus'] : name === 'params' ? ['params'] : [])];
}

function nest(keys: readonly string[], data: Record<string, unknown>): Record<string, unknown> {
  return keys.reduceRight<Record<string, unknown>>((inner, k) => ({ [k]: inner }), data);
}

async function readConfigDir(fs: FileSystemHost, dir: string, issues: SiteIssue[], files: string[]): Promise<Record<string, unknown>> {
  let merged: Record<string, unknown> = {};
  for (const name of await listDir(fs, dir)) {
    const format = formatOf(name);
    if (!format) continue;
    const path = posix.join(dir, name);
    const text = await readText(fs, path);
    if (text === undefined) continue;
    files.push(path);
    const r = parseConfigText(text, format);
    if (r.error) issues.push({ path, range: r.error.range, severity: 'error', code: 'config.syntax', message: r.error.message });
    const data = lowerKeys(r.data) as Record<string, unknown>;
    merged = deepMerge(merged, nest(configDirKeys(name), data));
  }
  return merged;
}

export async function loadHugoConfig(fs: FileSystemHost, root: string): Promise<LoadedHugoConfig> {
  const issues: SiteIssue[] = [];
  const files: string[] = [];
  let raw: Record<string, unknown> = {};
  let configFile: string | undefined;
  for (const name of HUGO_ROOT_CONFIGS) {
    const path = posix.join(root, name);
    const st = await fs.stat(path);
    if (!st || st.type === 'directory') continue;
    const text = await readText(fs, path);
    configFile = path;
    files.push(path);
    if (text === undefined) {
      issues.push({ path, severity: 'error', code: 'config.unreadable', message: `Cannot read ${name}; using Hugo's defaults.` });
      break;
    }
    const r = parseConfigText(text, formatOf(name) ?? 'toml');
    if (r.error) issues.push({ path, range: r.error.range, severity: 'error', code: 'config.syntax', message: `${r.error.message} — using defaults for what could not be read.` });
    raw = lowerKeys(r.data) as Record<string, unknown>;
    break; // Hugo reads the first it finds, in this order
  }
  const configDir = asString(raw['configdir']) ?? 'config';
  const def = await readConfigDir(fs, posix.join(root, configDir, '_default'), issues, files);
  const prod = await readConfigDir(fs, posix.join(root, configDir, 'production'), issues, files);
  raw = deepMerge(deepMerge(def, raw), prod);
  if (!configFile && files.length) configFile = files[0];
  return { config: interpretHugoConfig(raw), configFile, configFiles: files, issues };
}

function stringList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => asString(x)).filter((x): x is string => !!x);
  const s = asString(v);
  return s ? [s] : [];
}

export function basePathOf(baseURL: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(baseURL.trim());
  let path = m ? m[1] ?? '' : baseURL.trim().startsWith('/') ? baseURL.trim() : '';
  path = path.replace(/\/+$/, '');
  return path;
}

export function interpretHugoConfig(raw: Record<string, unknown>): HugoConfig {
  const baseURL = asString(raw['baseurl']) ?? '/';
  const taxonomiesRaw = raw['taxonomies'];
  let taxonomies: Taxonomy[];
  if (taxonomiesRaw && typeof taxonomiesRaw === 'object' && !Array.isArray(taxonomiesRaw)) {
    // Defining [taxonomies] replaces the defaults.
    taxonomies = Object.entries(taxonomiesRaw as Record<string, unknown>)
      .map(([singular, plural]) => ({ singular, plural: asString(plural) ?? '' }))
      .filter((t) => t.plural);
  } else {
    taxonomies = [
      { singular: 'category', plural: 'categories' },
      { singular: 'tag', plural: 'tags' },
    ];
  }
  // Disabling the `taxonomy` kind keeps the taxonomies: only their list pages go; term pages stay
  // [verified 0.111: test/fixtures/hugo-disable-kinds-lists].

  const defaultContentLanguage = (asString(raw['defaultcontentlanguage']) ?? 'en').toLowerCase();
  const contentDir = (asString(raw['contentdir']) ?? 'content').replace(/^\.\/|\/+$/g, '');
  const langsRaw = asRecord(raw['languages']);
  const disabledLangs = stringList(raw['disablelanguages']).map((l) => l.toLowerCase());
  const languages: Language[] = Object.entries(langsRaw)
    .filter(([code, v]) => !disabledLangs.includes(code) && asBool(asRecord(v)['disabled']) !== true)
    .map(([code, v]) => {
      const r = asRecord(v);
      const cd = asString(r['contentdir']);
      return { code, weight: Number(r['weight'] ?? 0) || 0, contentDir: cd ? cd.replace(/^\.\/|\/+$/g, '') : undefined };
    })
    .sort((a, b) => (a.weight || 1e9) - (b.weight || 1e9) || a.code.localeCompare(b.code));
  if (!languages.some((l) => l.code === defaultContentLanguage)) languages.unshift({ code: defaultContentLanguage, weight: 0 });

  const ugly = raw['uglyurls'];
  let uglyURLs: boolean | Record<string, boolean> = false;
  if (typeof ugly === 'boolean') uglyURLs = ugly;
  else if (ugly && typeof ugly === 'object') {
    uglyURLs = Object.fromEntries(Object.entries(ugly as Record<string, unknown>).map(([k, v]) => [k, asBool(v) === true]));
  }

  const permalinks: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(raw['permalinks']))) {
    const s = asString(v);
    if (s) permalinks[k] = s;
    else if (v && typeof v === 'object') {
      // ≥0.119 form: [permalinks.page] posts = "…"
      if (k === 'page') for (const [sk, sv] of Object.entries(asRecord(v))) if (asString(sv)) permalinks[sk] = asString(sv)!;
    }
  }

  const outputs: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(asRecord(raw['outputs']))) outputs[k.toLowerCase()] = stringList(v).map((f) => f.toLowerCase());

  const markup = asRecord(raw['markup']);
  const goldmark = asRecord(markup['goldmark']);
  const parser = asRecord(goldmark['parser']);
  const attribute = asRecord(parser['attribute']);
  const renderer = asRecord(goldmark['renderer']);
  const extensions = asRecord(goldmark['extensions']);
  const hooks = asRecord(asRecord(goldmark['renderhooks'])['link']);
  const idType = (asString(parser['autoheadingidtype']) ?? 'github').toLowerCase();
  const useEmbedded = asString(hooks['useembedded'])?.toLowerCase();

  const staticDirs = stringList(raw['staticdir']);
  return {
    title: asString(raw['title']),
    baseURL,
    basePath: basePathOf(baseURL),
    outputs,
    contentDir,
    staticDirs: staticDirs.length ? staticDirs : ['static'],
    dataDir: asString(raw['datadir']) ?? 'data',
    archetypeDir: asString(raw['archetypedir']) ?? 'archetypes',
    layoutDir: asString(raw['layoutdir']) ?? 'layouts',
    themesDir: asString(raw['themesdir']) ?? 'themes',
    themes: stringList(raw['theme']),
    disablePathToLower: asBool(raw['disablepathtolower']) === true,
    rootLinksAtBase: asBool(raw['canonifyurls']) === true || asBool(raw['relativeurls']) === true,
    removePathAccents: asBool(raw['removepathaccents']) === true,
    uglyURLs,
    permalinks,
    taxonomies,
    defaultContentLanguage,
    defaultContentLanguageInSubdir: asBool(raw['defaultcontentlanguageinsubdir']) === true,
    languages: languages.map((l) => (l.code === defaultContentLanguage && !l.contentDir ? { ...l, contentDir: undefined } : l)),
    buildDrafts: asBool(raw['builddrafts']) === true,
    buildFuture: asBool(raw['buildfuture']) === true,
    buildExpired: asBool(raw['buildexpired']) === true,
    refLinksErrorLevel: (asString(raw['reflinkserrorlevel']) ?? 'ERROR').toUpperCase() === 'WARNING' ? 'WARNING' : 'ERROR',
    headingIdType: idType === 'github-ascii' ? 'github-ascii' : idType === 'blackfriday' ? 'blackfriday' : 'github',
    autoHeadingID: asBool(parser['autoheadingid']) !== false,
    headingAttributes: asBool(attribute['title']) !== false,
    unsafeHtml: asBool(renderer['unsafe']) === true,
    typographer: asBool(asRecord(extensions)['typographer']) !== false,
    embeddedLinkHook: useEmbedded === 'auto' || useEmbedded === 'never' || useEmbedded === 'always' || useEmbedded === 'fallback' ? useEmbedded : undefined,
    disableKinds: stringList(raw['disablekinds']).map((k) => k.toLowerCase()),
    timeZone: asString(raw['timezone']),
    enableRobotsTXT: asBool(raw['enablerobotstxt']) === true,
    disableAliases: asBool(raw['disablealiases']) === true,
    raw,
  };
}

/** Whether `uglyURLs` applies to a section. */
export function isUgly(config: HugoConfig, section: string): boolean {
  if (typeof config.uglyURLs === 'boolean') return config.uglyURLs;
  return config.uglyURLs[section.toLowerCase()] === true;
}
