/**
 * Finds and loads an Eleventy site. The config (`eleventy.config.*`, `.eleventy.js`) is read
 * statically: `dir: { input, output, includes, layouts, data }`, `setInputDirectory()`,
 * `pathPrefix`, `addPassthroughCopy()`. Directory data files in JSON give `permalink`s.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asRecord, parseConfigText, normBase } from '../../config/parse';
import type { Generator } from '../generator';
import type { GeneratorModel } from '../../site/generator';
import type { SiteIssue } from '../../site/model';
import { firstFile, listFiles, readText } from '../../config/files';
import { blankComments, objectProps, objectsAfter, str } from '../../config/staticRead';
import { createEleventyModel } from './model';
import type { EleventyConfig } from './context';

export const ELEVENTY_CONFIGS = ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js'];

function clean(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  const t = p.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  return t === '.' ? '' : t;
}

/** Reads the settings that decide URLs from the config's text; never runs it. */
export function scanEleventyConfig(source: string): Omit<EleventyConfig, 'ignores' | 'dataPermalinks'> {
  const src = blankComments(source);
  const dirs = objectsAfter(src, /\bdir\s*:/).map((o) => objectProps(src, o));
  const dir = (k: string) => dirs.map((d) => str(d.get(k))).find((x) => x !== undefined);
  const call = (fn: string) => new RegExp(`\\b${fn}\\(\\s*(['"\`])([^'"\`]*)\\1`).exec(src)?.[2];
  const input = clean(call('setInputDirectory') ?? dir('input')) ?? '';
  const rel = (p: string | undefined, d: string) => {
    const v = clean(p) ?? d;
    return input ? `${input}/${v}` : v;
  };
  const passthrough: { from: string; to: string }[] = [];
  for (const m of src.matchAll(/\baddPassthroughCopy\(\s*(['"`])([^'"`]+)\1/g)) {
    const from = clean(m[2]) ?? '';
    // Eleventy drops the input folder from the output path of a passthrough inside it.
    const to = input && from.startsWith(input + '/') ? from.slice(input.length + 1) : from;
    passthrough.push({ from, to });
  }
  for (const o of objectsAfter(src, /\baddPassthroughCopy\(\s*/)) {
    for (const [from, v] of objectProps(src, o)) {
      const to = str(v);
      if (to !== undefined) passthrough.push({ from: clean(from) ?? '', to: clean(to) ?? '' });
    }
  }
  const prefix = /\bpathPrefix\s*:\s*(['"`])([^'"`]*)\1/.exec(src)?.[2];
  const layouts = call('setLayoutsDirectory') ?? dir('layouts');
  return {
    input,
    output: clean(call('setOutputDirectory') ?? dir('output')) ?? '_site',
    includes: rel(call('setIncludesDirectory') ?? dir('includes'), '_includes'),
    layouts: layouts !== undefined ? rel(layouts, '_layouts') : undefined,
    data: rel(call('setDataDirectory') ?? dir('data'), '_data'),
    basePath: normBase(prefix),
    passthrough,
    dropsDrafts: /\bdrafts?\b/.test(src),
    // HtmlBasePlugin rewrites every root-relative URL in the output to start with pathPrefix [verified 3.1].
    rootLinksAtBase: /\bHtmlBasePlugin\b/.test(src),
    // Eleventy's markdown-it gives headings no ids [verified 3.1]; IdAttributePlugin, markdown-it-anchor
    // or an own markdown library do, by rules (slugify options) we do not read.
    headingIds: /\bIdAttributePlugin\b|markdown-?it-?anchor|\b(?:amendLibrary|setLibrary)\(/i.test(src) ? 'unknown' : 'none',
  };
}

export async function loadEleventy(fs: FileSystemHost, root: string): Promise<GeneratorModel> {
  const configFile = await firstFile(fs, root, ELEVENTY_CONFIGS);
  const text = configFile ? (await readText(fs, configFile)) ?? '' : '';
  const issues: SiteIssue[] = [];
  const base = scanEleventyConfig(text);
  const ignoreText = await readText(fs, posix.join(root, '.eleventyignore'));
  const ignores = (ignoreText ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'))
    .map((l) => l.replace(/^\.\/+/, ''));
  const dataPermalinks = new Map<string, string | false>();
  for (const f of await listFiles(fs, root, base.input)) {
    // `posts/posts.json` or `posts/posts.11tydata.json` (folder data), `x.11tydata.json` (template data).
    const m = /^(?:(.*)\/)?([^/]+?)(\.11tydata)?\.json$/.exec(f);
    if (!m) continue;
    const folder = m[1] ?? '';
    const isDirData = posix.basename(folder) === m[2];
    const key = isDirData ? folder : m[3] ? (folder ? folder + '/' : '') + m[2] : undefined;
    if (key === undefined || f.startsWith(base.data + '/')) continue;
    const json = await readText(fs, posix.join(root, f));
    if (json === undefined) continue;
    const r = parseConfigText(json, 'json');
    if (r.error) {
      issues.push({ path: posix.join(root, f), range: r.error.range, severity: 'warning', code: 'data.syntax', message: r.error.message });
      continue;
    }
    const p = asRecord(r.data)['permalink'];
    if (typeof p === 'string' || p === false) dataPermalinks.set(key, p);
  }
  return createEleventyModel({ root, config: { ...base, ignores, dataPermalinks }, configFile, issues });
}

export const eleventyGenerator: Generator = {
  id: 'eleventy',
  displayName: 'Eleventy',
  detect: async (_fs, _dir, names) => ELEVENTY_CONFIGS.some((n) => names.has(n)),
  load: (fs, dir) => loadEleventy(fs, dir),
};
