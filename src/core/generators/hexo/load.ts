/** Finds and loads a Hexo site: `_config.yml` beside `source/_posts` (or a `hexo` dependency). */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import type { Generator } from '../generator';
import type { GeneratorModel } from '../../site/generator';
import { isDirectory, isFile, readText } from '../../config/files';
import { loadHexoConfig } from './config';
import { createHexoModel } from './model';

export async function loadHexo(fs: FileSystemHost, root: string): Promise<GeneratorModel> {
  const { config, configFile, issues } = await loadHexoConfig(fs, root);
  let authorsFile: string | undefined;
  for (const ext of ['yml', 'yaml', 'json']) {
    const rel = `${config.sourceDir}/_data/authors.${ext}`;
    if (await isFile(fs, posix.join(root, rel))) {
      authorsFile = rel;
      break;
    }
  }
  return createHexoModel({ root, config, configFile, issues, authorsFile, plugins: await hexoPlugins(fs, root) });
}

/**
 * The `hexo-*` packages the site depends on: Hexo loads the plugins its package.json lists. Without
 * a readable package.json, the generators `hexo init` installs.
 */
export async function hexoPlugins(fs: FileSystemHost, root: string): Promise<ReadonlySet<string>> {
  const text = await readText(fs, posix.join(root, 'package.json'));
  let pkg: Record<string, unknown> | undefined;
  try {
    pkg = text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    pkg = undefined;
  }
  if (!pkg || typeof pkg !== 'object') return new Set(HEXO_INIT_PLUGINS);
  const names = ['dependencies', 'devDependencies'].flatMap((k) => Object.keys((pkg?.[k] as Record<string, unknown> | undefined) ?? {}));
  return new Set(names.filter((n) => /^(@[^/]+\/)?hexo-/.test(n)));
}

const HEXO_INIT_PLUGINS = ['hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag', 'hexo-renderer-ejs', 'hexo-renderer-marked', 'hexo-renderer-stylus'];

/** Jekyll also uses `_config.yml`: Hexo needs its own sign beside it. */
export async function isHexoSite(fs: FileSystemHost, dir: string, names: ReadonlySet<string>): Promise<boolean> {
  if (!names.has('_config.yml')) return false;
  if (names.has('source') && (await isDirectory(fs, posix.join(dir, 'source', '_posts')))) return true;
  if (names.has('scaffolds') && names.has('source')) return true;
  if (names.has('package.json')) {
    const pkg = await readText(fs, posix.join(dir, 'package.json'));
    if (pkg && /"hexo"\s*:/.test(pkg)) return true;
  }
  return false;
}

export const hexoGenerator: Generator = {
  id: 'hexo',
  displayName: 'Hexo',
  detect: isHexoSite,
  load: (fs, dir) => loadHexo(fs, dir),
};
