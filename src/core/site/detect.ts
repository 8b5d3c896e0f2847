/**
 * Finds the sites in a workspace from their configuration files, and the site a file belongs to,
 * asking the generators of the registry in order (generators/registry.ts).
 */
import { posix } from '../posix';
import type { FileSystemHost } from '../host';
import type { GeneratorModel } from './generator';
import type { GeneratorId } from './model';
import type { LoadOptions } from '../generators/generator';
import { GENERATORS, plainFolder } from '../generators/registry';

export type DetectOptions = LoadOptions;

export function registeredGenerators(): GeneratorId[] {
  return GENERATORS.map((d) => d.id);
}

/** What the writer calls a generator ("Hugo"), by its id. */
export function generatorName(id: GeneratorId): string {
  return GENERATORS.find((g) => g.id === id)?.displayName ?? plainFolder.displayName;
}

const SKIP = new Set(['node_modules', '.git', 'public', 'resources', '_site', 'dist', 'build', 'out', '.vscode-test', '.docusaurus', '.cache', 'vendor', 'themes']);

async function namesIn(fs: FileSystemHost, dir: string): Promise<{ names: Set<string>; dirs: string[] }> {
  try {
    const entries = await fs.readDirectory(dir);
    return { names: new Set(entries.map((e) => e.name)), dirs: entries.filter((e) => e.type === 'directory').map((e) => e.name) };
  } catch {
    return { names: new Set(), dirs: [] };
  }
}

export async function detectSiteAt(fs: FileSystemHost, dir: string, options: DetectOptions = {}): Promise<GeneratorModel | undefined> {
  const { names } = await namesIn(fs, dir);
  for (const d of GENERATORS) {
    if (await d.detect(fs, dir, names)) return d.load(fs, dir, options);
  }
  return undefined;
}

/**
 * Every site under the given folders (a repo may hold `blog/` and `docs/`), searched a few levels
 * deep. A folder with no site becomes a plain "folder" site so Markdown there is still served.
 */
export async function findSites(fs: FileSystemHost, roots: readonly string[], options: DetectOptions & { maxDepth?: number } = {}): Promise<GeneratorModel[]> {
  const found: GeneratorModel[] = [];
  const maxDepth = options.maxDepth ?? 3;
  const visit = async (dir: string, depth: number): Promise<void> => {
    const { names, dirs } = await namesIn(fs, dir);
    for (const d of GENERATORS) {
      if (await d.detect(fs, dir, names)) {
        found.push(await d.load(fs, dir, options));
        return; // a site's own folders are not searched for more sites
      }
    }
    if (depth >= maxDepth) return;
    for (const sub of dirs.sort()) {
      if (SKIP.has(sub) || sub.startsWith('.')) continue;
      await visit(posix.join(dir, sub), depth + 1);
    }
  };
  for (const r of roots) {
    const before = found.length;
    await visit(r, 0);
    if (found.length === before) found.push(plainFolder.create(r));
  }
  return found;
}

/** The site (deepest root) that contains an absolute path. */
export function siteFor<T extends { readonly root: string }>(sites: readonly T[], path: string): T | undefined {
  let best: T | undefined;
  for (const s of sites) {
    if ((path === s.root || path.startsWith(s.root.endsWith('/') ? s.root : s.root + '/')) && (!best || s.root.length > best.root.length)) best = s;
  }
  return best;
}
