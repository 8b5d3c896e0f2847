/** Builds Hugo's model for a site folder: config, and whether links go through a render hook. */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import type { GeneratorModel } from '../../site/generator';
import type { LinkSemantics } from '../../site/model';
import type { Generator } from '../generator';
import { findHugoConfig, loadHugoConfig } from './config';
import { createHugoModel } from './model';
import { isFile } from '../../config/files';
import { missingThemeIssues, resolveThemes } from './themes';
import { declaredHugoVersion } from './hugoVersion';

async function hasLinkHook(fs: FileSystemHost, layoutsDir: string, depth = 0): Promise<boolean> {
  if (depth > 6) return false;
  let entries;
  try {
    entries = await fs.readDirectory(layoutsDir);
  } catch {
    return false;
  }
  for (const e of entries) {
    if (e.type === 'directory' || e.type === 'symlink') {
      if (e.name === '_markup') {
        try {
          const inner = await fs.readDirectory(posix.join(layoutsDir, e.name));
          if (inner.some((x) => /^render-link(\.[a-z]+)*\.html$/.test(x.name))) return true;
        } catch {
          /* unreadable: no hook */
        }
      } else if (await hasLinkHook(fs, posix.join(layoutsDir, e.name), depth + 1)) return true;
    }
  }
  return false;
}

export async function detectHugo(fs: FileSystemHost, root: string): Promise<boolean> {
  return (await findHugoConfig(fs, root)) !== undefined;
}

export async function loadHugo(fs: FileSystemHost, root: string, linkSemanticsOverride?: LinkSemantics): Promise<GeneratorModel> {
  const loaded = await loadHugoConfig(fs, root);
  const c = loaded.config;
  let linkHook: 'site' | 'theme' | undefined;
  if (await hasLinkHook(fs, posix.join(root, c.layoutDir))) linkHook = 'site';
  else {
    for (const t of c.themes) {
      if (await hasLinkHook(fs, posix.join(root, c.themesDir, t, 'layouts'))) {
        linkHook = 'theme';
        break;
      }
    }
  }
  // `data/authors.yaml` (one file, ids → records) is read into site.Data.authors like the folder.
  let authorsFile: string | undefined;
  for (const ext of ['toml', 'yaml', 'yml', 'json']) {
    const rel = `${c.dataDir}/authors.${ext}`;
    if (await isFile(fs, posix.join(root, rel))) {
      authorsFile = rel;
      break;
    }
  }
  const themes = await resolveThemes(fs, root, c);
  const issues = [...loaded.issues, ...(await missingThemeIssues(fs, loaded.configFiles, themes))];
  const hugoVersion = await declaredHugoVersion(fs, root, c.raw);
  return createHugoModel({ root, config: c, configFile: loaded.configFile, configFiles: loaded.configFiles, issues, linkHook, linkSemanticsOverride, authorsFile, themes, hugoVersion });
}

/** `config.toml` alone is also used by non-Hugo tools: require a Hugo sign beside it. */
async function detectHugoStrict(fs: FileSystemHost, dir: string, names: ReadonlySet<string>): Promise<boolean> {
  if (['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'].some((n) => names.has(n))) return true;
  if (!(await detectHugo(fs, dir))) return false;
  return ['content', 'archetypes', 'layouts', 'themes', 'static'].some((n) => names.has(n)) || names.has('config');
}

const CONFIG_NAMES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'config'];

export const hugoGenerator: Generator = {
  id: 'hugo',
  displayName: 'Hugo',
  detect: (fs, dir, names) => (CONFIG_NAMES.some((n) => names.has(n)) ? detectHugoStrict(fs, dir, names) : Promise.resolve(false)),
  load: (fs, dir, o) => loadHugo(fs, dir, o.linkSemantics),
};
