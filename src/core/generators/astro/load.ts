/**
 * Finds and loads an Astro site. `astro.config.*` is read statically (`site`, `base`,
 * `trailingSlash`, `build.format`); collections come from `src/content/<name>/` folders and from
 * `glob({ base })` loaders in `src/content.config.*`; each collection's URL folder from the dynamic
 * route that calls `getCollection('<name>')`, or a route folder named like the collection.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import type { Generator } from '../generator';
import type { GeneratorModel } from '../../site/generator';
import type { SiteIssue } from '../../site/model';
import { firstFile, listFiles, readText } from '../../config/files';
import { normBase } from '../../config/parse';
import { blankComments, enclosingObject, objectProps, objectsAfter, str } from '../../config/staticRead';
import { createAstroModel, type AstroCollection } from './model';

export const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];
const CONTENT_CONFIGS = ['src/content.config.ts', 'src/content.config.mjs', 'src/content.config.js', 'src/content/config.ts', 'src/content/config.mjs', 'src/content/config.js'];

/** Collection name → entries folder, from `glob({ base: '…' })` loaders in the content config. */
export function scanContentConfig(source: string): Map<string, string> {
  const src = blankComments(source);
  const byVar = new Map<string, string>();
  for (const m of src.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*defineCollection\s*\(/g)) {
    const open = src.indexOf('{', m.index! + m[0].length);
    if (open < 0) continue;
    const base = /\bbase\s*:\s*(['"`])([^'"`]+)\1/.exec(src.slice(open, open + 2000));
    if (base) byVar.set(m[1], base[2].replace(/^\.\/+/, '').replace(/\/+$/, ''));
  }
  const out = new Map<string, string>();
  const exp = /\bcollections\s*=\s*\{/.exec(src);
  if (exp) {
    for (const [name, v] of objectProps(src, exp.index + exp[0].length - 1)) {
      const ref = v.type === 'expr' ? v.text.trim() : undefined;
      const dir = ref ? byVar.get(ref) : undefined;
      if (dir) out.set(name, dir);
    }
  }
  return out;
}

export interface AstroLoadOptions {
  /** Collection name → route folder, from a user setting, when routes cannot be read. */
  readonly routes?: Readonly<Record<string, string>>;
}

export async function loadAstro(fs: FileSystemHost, root: string, options: AstroLoadOptions = {}): Promise<GeneratorModel> {
  const issues: SiteIssue[] = [];
  const configFile = await firstFile(fs, root, ASTRO_CONFIGS);
  const src = blankComments(configFile ? (await readText(fs, configFile)) ?? '' : '');
  const anchor = /\b(site|base|trailingSlash|build)\s*:/.exec(src);
  const top = anchor ? objectProps(src, enclosingObject(src, anchor.index) ?? -1) : new Map();
  const build = objectsAfter(src, /\bbuild\s*:/).map((o) => objectProps(src, o))[0];
  const ts = str(top.get('trailingSlash'));
  const fmt = str(build?.get('format'));
  const srcDir = (str(top.get('srcDir')) ?? 'src').replace(/^\.\/+|\/+$/g, '');
  const pagesDir = `${srcDir}/pages`;

  // Collections: folders of src/content, then content-layer glob bases (which win for their name).
  const dirs = new Map<string, string>();
  try {
    for (const e of await fs.readDirectory(posix.join(root, srcDir, 'content'))) {
      if (e.type === 'directory' && !e.name.startsWith('_') && !e.name.startsWith('.')) dirs.set(e.name, `${srcDir}/content/${e.name}`);
    }
  } catch {
    /* no src/content: collections, if any, come from the content config */
  }
  const cc = await firstFile(fs, root, CONTENT_CONFIGS);
  if (cc) for (const [name, dir] of scanContentConfig((await readText(fs, cc)) ?? '')) dirs.set(name, dir);

  // Routes: dynamic pages and the collection they read.
  const routes = new Map<string, string>();
  const tagRoutes: string[] = [];
  const pageFiles = await listFiles(fs, root, pagesDir);
  for (const f of pageFiles) {
    const rel = f.slice(pagesDir.length + 1);
    const m = /^(.*?)\/?\[(\.\.\.)?(\w+)\]\.astro$/.exec(rel);
    // `[...page].astro` paginates a list; it gives entries no URL.
    if (!m || m[1].includes('[') || m[3] === 'page') continue;
    const folder = m[1];
    if (/^tags?$/.test(posix.basename(folder)) && /tag/i.test(m[3])) {
      tagRoutes.push(folder);
      continue;
    }
    const text = blankComments((await readText(fs, posix.join(root, f))) ?? '');
    const named = [...text.matchAll(/\bgetCollection\(\s*(['"`])(\w+)\1/g)].map((x) => x[2]);
    for (const n of named.length ? named : [posix.basename(folder)]) if (!routes.has(n)) routes.set(n, folder);
  }
  for (const [n, r] of Object.entries(options.routes ?? {})) routes.set(n, r.replace(/^\/+|\/+$/g, ''));

  const collections: AstroCollection[] = [...dirs].map(([name, dir]) => ({ name, dir, route: routes.get(name) }));
  for (const col of collections) {
    if (col.route === undefined) {
      issues.push({
        path: posix.join(root, col.dir),
        severity: 'info',
        code: 'astro.route-unknown',
        message: `No route found for the "${col.name}" collection (such as ${pagesDir}/${col.name}/[...slug].astro); its entries are listed at their file paths.`,
      });
    }
  }
  return createAstroModel({
    root,
    config: {
      site: str(top.get('site')),
      basePath: normBase(str(top.get('base'))),
      trailingSlash: ts === 'always' || ts === 'never' ? ts : 'ignore',
      format: fmt === 'file' || fmt === 'preserve' ? fmt : 'directory',
      collections,
      pagesDir,
      publicDir: (str(top.get('publicDir')) ?? 'public').replace(/^\.\/+|\/+$/g, ''),
      tagRoutes,
    },
    configFile,
    issues,
  });
}

export const astroGenerator: Generator = {
  id: 'astro',
  displayName: 'Astro',
  detect: async (_fs, _dir, names) => ASTRO_CONFIGS.some((n) => names.has(n)),
  load: (fs, dir, o) => loadAstro(fs, dir, { routes: o.astroRoutes }),
};
