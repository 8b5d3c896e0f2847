/** Finds and loads a Hexo site: `_config.yml` beside `source/_posts` (or a `hexo` dependency). */
import { posix } from 'node:path';
import type { FileSystemHost } from '../../host';
import type { GeneratorDetector } from '../../site/detect';
import type { GeneratorModel } from '../../site/generator';
import { isDirectory, isFile, readText } from '../docusaurus/staticRead';
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
  return createHexoModel({ root, config, configFile, issues, authorsFile });
}

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

export const hexoDetector: GeneratorDetector = {
  id: 'hexo',
  detect: isHexoSite,
  load: (fs, dir) => loadHexo(fs, dir),
};
