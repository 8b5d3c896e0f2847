/**
 * The themes and modules whose templates a Hugo site uses, in Hugo's order (the first wins), and
 * whether each is on disk. `theme = ["a", "b"]` names folders under `themesDir`; `[[module.imports]]`
 * paths are found there too, or vendored under `_vendor/` (`hugo mod vendor`); anything else lives in
 * Hugo's module cache, outside the repository. A theme may configure themes of its own (components):
 * they follow it. A configured theme whose folder is missing or empty (a git submodule not checked
 * out) is reported once, as information: its templates are unknown to us, so nothing that depends on
 * them is judged.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asBool, asRecord, asString } from '../../config/parse';
import { readText } from '../../config/files';
import type { SiteIssue } from '../../site/model';
import { loadHugoConfig, type HugoConfig } from './config';

export interface HugoTheme {
  /** As configured: a theme name or a module path. */
  readonly name: string;
  /** Site-relative folder (where it is, or where a theme would be). */
  readonly dir: string;
  readonly onDisk: boolean;
  /**
   * Site-relative folders its shortcodes are in, as its module mounts say (`layouts/shortcodes` by
   * default); undefined when it mounts its layouts from where we cannot follow.
   */
  readonly shortcodeDirs?: readonly string[];
}

/**
 * Where a component's (the site's or a theme's) shortcodes are: `<layoutDir>/shortcodes`, unless its
 * `[[module.mounts]]` mount `layouts` (Hugo then drops the default mount for it): a mount of a folder
 * on `layouts` or on `layouts/shortcodes`. Undefined for a mount we cannot follow (below
 * `layouts/shortcodes/`, from outside the site): then any name may be defined there.
 */
export function shortcodeDirsOf(raw: Readonly<Record<string, unknown>>, componentDir: string, layoutDir = 'layouts'): string[] | undefined {
  const mounts = asRecord(raw['module'])['mounts'];
  const list = (Array.isArray(mounts) ? mounts : mounts ? [mounts] : []).map((m) => asRecord(m));
  const layouts = list.filter((m) => /^layouts(\/|$)/.test(asString(m['target'])?.replace(/^\/+|\/+$/g, '') ?? ''));
  if (!layouts.length) return [posix.normalize(posix.join(componentDir, layoutDir, 'shortcodes'))];
  const out: string[] = [];
  for (const m of layouts) {
    const target = asString(m['target'])!.replace(/^\/+|\/+$/g, '');
    const source = asString(m['source']);
    if (!source || posix.isAbsolute(source)) return undefined;
    const dir = posix.normalize(posix.join(componentDir, source));
    if (dir.startsWith('..')) return undefined;
    if (target === 'layouts') out.push(posix.join(dir, 'shortcodes'));
    else if (target === 'layouts/shortcodes') out.push(dir);
    else if (target.startsWith('layouts/shortcodes/')) return undefined;
  }
  return out;
}

/** `[[module.imports]]` paths that are not disabled. */
export function moduleImports(raw: Readonly<Record<string, unknown>>): string[] {
  const imports = asRecord(raw['module'])['imports'];
  const list = Array.isArray(imports) ? imports : imports ? [imports] : [];
  return list.map((i) => (typeof i === 'string' ? { path: i } : asRecord(i))).filter((i) => asBool(i['disable']) !== true).map((i) => asString(i['path'])).filter((p): p is string => !!p);
}

async function nonEmptyDir(fs: FileSystemHost, path: string): Promise<boolean> {
  try {
    return (await fs.readDirectory(path)).length > 0;
  } catch {
    return false;
  }
}

/** Where a theme or module is, when it is on disk (site-relative). */
async function locate(fs: FileSystemHost, root: string, themesDir: string, name: string): Promise<string | undefined> {
  for (const dir of [posix.normalize(`${themesDir}/${name}`), `_vendor/${name}`]) {
    if (!dir.startsWith('..') && (await nonEmptyDir(fs, posix.join(root, dir)))) return dir;
  }
  return undefined;
}

/** The site's themes and modules, depth-first as Hugo collects them, each once. */
export async function resolveThemes(fs: FileSystemHost, root: string, c: HugoConfig): Promise<HugoTheme[]> {
  const out: HugoTheme[] = [];
  const seen = new Set<string>();
  const visit = async (names: readonly string[], depth: number): Promise<void> => {
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      const dir = await locate(fs, root, c.themesDir, name);
      if (!dir) {
        out.push({ name, dir: posix.normalize(`${c.themesDir}/${name}`), onDisk: false });
        continue;
      }
      // A theme's own configuration may mount its layouts elsewhere, and import components (themes of its own).
      const own = await loadHugoConfig(fs, posix.join(root, dir));
      const shortcodeDirs = shortcodeDirsOf(own.config.raw, dir);
      out.push({ name, dir, onDisk: true, ...(shortcodeDirs ? { shortcodeDirs } : {}) });
      if (depth < 4) await visit([...own.config.themes, ...moduleImports(own.config.raw)], depth + 1);
    }
  };
  await visit([...c.themes, ...moduleImports(c.raw)], 0);
  return out;
}

/** One information per configured theme that is not on disk, on its name in the config file that names it. */
export async function missingThemeIssues(fs: FileSystemHost, configFiles: readonly string[], themes: readonly HugoTheme[]): Promise<SiteIssue[]> {
  const missing = themes.filter((t) => !t.onDisk);
  if (!missing.length || !configFiles.length) return [];
  const texts = await Promise.all(configFiles.map(async (path) => ({ path, text: (await readText(fs, path)) ?? '' })));
  return missing.map((t) => {
    const named = texts.find((f) => f.text.includes(t.name)) ?? texts[0];
    const at = named.text.indexOf(t.name);
    return {
      path: named.path,
      ...(at >= 0 ? { range: { start: at, end: at + t.name.length } } : {}),
      severity: 'info' as const,
      code: 'theme.missing',
      message:
        `Theme or module "${t.name}" is not on disk (${t.dir} is missing or empty: a git submodule not checked out, or a Hugo module not downloaded). ` +
        'Its shortcodes and templates cannot be read, so shortcodes are not checked on this site and fragments into pages that use its shortcodes are not judged.',
    };
  });
}
