/** Finds and loads a Jekyll site: `_config.yml` (not Hexo's, which is detected first). */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import type { Generator } from '../generator';
import type { GeneratorModel } from '../../site/generator';
import { isFile } from '../../config/files';
import { JEKYLL_CONFIGS, loadJekyllConfig } from './config';
import { createJekyllModel } from './model';
import { jekyllDialect, jekyllLiquidSite } from './dialect';
import { missingThemeIssue } from './includes';
import { readText } from '../../config/files';
import { readBuildFacts } from './githubPages';

export async function loadJekyll(fs: FileSystemHost, root: string): Promise<GeneratorModel> {
  const loaded = await loadJekyllConfig(fs, root, await readBuildFacts(fs, root));
  let authorsFile: string | undefined;
  for (const ext of ['yml', 'yaml', 'json', 'toml']) {
    const rel = `${loaded.config.dataDir}/authors.${ext}`;
    if (await isFile(fs, posix.join(root, rel))) {
      authorsFile = rel;
      break;
    }
  }
  const liquid = await jekyllLiquidSite(fs, root, loaded.raw, loaded.config);
  const themeIssues = loaded.config.theme && loaded.configFile ? missingThemeIssue(loaded.configFile, await readText(fs, loaded.configFile), loaded.config) : [];
  return createJekyllModel({ root, config: loaded.config, configFile: loaded.configFile, issues: [...loaded.issues, ...themeIssues], authorsFile, dialect: jekyllDialect(loaded.raw, loaded.config.pagesPlugins), liquid });
}

/**
 * Any `_config.yml` is taken as Jekyll (GitHub Pages builds every such repository with Jekyll, posts
 * or not), except a Jupyter Book's, which pairs it with `_toc.yml`. Hexo is tested before this.
 */
export const jekyllGenerator: Generator = {
  id: 'jekyll',
  displayName: 'Jekyll',
  detect: async (_fs, _dir, names) => JEKYLL_CONFIGS.some((n) => names.has(n)) && !names.has('_toc.yml'),
  load: (fs, dir) => loadJekyll(fs, dir),
};
