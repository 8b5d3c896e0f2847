/**
 * How a Jekyll site's posts are read: kramdown as configured (`kramdown.input`, `auto_ids`), Liquid
 * first, with `site` holding `_config.yml`'s keys and `site.data` the data folder's files — the
 * variables posts use in links (`{{ site.baseurl }}`, `{{ site.data.links.docs }}`).
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { parse as parseYaml } from 'yaml';
import { asBool, asRecord, asString } from '../../config/parse';
import { KRAMDOWN_GFM, type MarkdownDialect } from '../../markdown/dialect';
import type { LiquidSite } from '../../markdown/liquid';
import { readText } from '../../config/files';
import type { PagesPlugins } from './githubPages';
import type { JekyllConfig } from './config';
import { jekyllContentKeys } from './liquidContent';

export function jekyllDialect(raw: Readonly<Record<string, unknown>>, plugins?: PagesPlugins): MarkdownDialect {
  const kramdown = asRecord(raw['kramdown']);
  const input = (asString(kramdown['input']) ?? 'GFM').toLowerCase();
  return {
    ...KRAMDOWN_GFM,
    // jekyll-relative-links rewrites links with its regexes before Markdown: the analysis marks the ones they match.
    ...(plugins && plugins.relativeLinks.state !== 'off' ? { relativeLinksPass: true } : {}),
    headingIds: input === 'gfm' ? 'kramdown-gfm' : 'kramdown',
    noAutoIds: asBool(kramdown['auto_ids']) === false,
    // Only kramdown's GFM parser and kramdown itself are built in; another input needs a plugin.
    ...(input !== 'gfm' && input !== 'kramdown' ? { headingIds: 'kramdown-gfm' as const } : {}),
  };
}

/** Data files are read up to this depth and size: a site's data folder is small, but need not be. */
const MAX_DEPTH = 4;
const MAX_BYTES = 2_000_000;

async function readData(fs: FileSystemHost, dir: string, depth: number, budget: { bytes: number }): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let entries;
  try {
    entries = await fs.readDirectory(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = posix.join(dir, e.name);
    if (e.type === 'directory') {
      if (depth < MAX_DEPTH) out[e.name] = await readData(fs, path, depth + 1, budget);
      continue;
    }
    const format = /\.(ya?ml|json)$/i.exec(e.name)?.[1].toLowerCase();
    if (!format || budget.bytes <= 0) continue;
    const text = await readText(fs, path);
    if (text === undefined) continue;
    budget.bytes -= text.length;
    try {
      // Lists are data too (a list of links): read the file whole, whatever its top level is.
      out[e.name.replace(/\.[^.]+$/, '')] = format === 'json' ? JSON.parse(text) : parseYaml(text, { strict: false, uniqueKeys: false, maxAliasCount: 100 });
    } catch {
      // A broken data file breaks Jekyll's build; reporting it is the data checks' job, not this one's.
    }
  }
  return out;
}

/** `site` for Liquid: the configuration as written, its URL keys as Jekyll sets them, and `data`. */
export async function jekyllLiquidSite(fs: FileSystemHost, root: string, raw: Readonly<Record<string, unknown>>, c: JekyllConfig): Promise<LiquidSite> {
  const data = await readData(fs, posix.join(root, c.dataDir), 0, { bytes: MAX_BYTES });
  const site: Record<string, unknown> = { ...raw, baseurl: asString(raw['baseurl']) ?? '', data };
  const contentKeys = jekyllContentKeys(c);
  // Jekyll's payload puts the documents over configuration keys of the same name.
  for (const k of contentKeys) delete site[k];
  return { site, contentKeys, zone: c.timezone ?? 'UTC' };
}
