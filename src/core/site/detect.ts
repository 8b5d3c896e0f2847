/**
 * Finds the sites in a workspace from their configuration files, and the site a file belongs to.
 * Each generator registers a detector; the first that recognises a folder wins, in the order below
 * (Hexo before Jekyll: both use `_config.yml`).
 */
import { posix } from 'node:path';
import type { FileSystemHost } from '../host';
import type { GeneratorModel } from './generator';
import type { GeneratorId, LinkSemantics } from './model';
import { detectHugo, loadHugo } from '../generators/hugo/load';
import { createFolderModel } from '../generators/folder';
import { astroDetector } from '../generators/astro/load';
import { docusaurusDetector } from '../generators/docusaurus/load';
import { eleventyDetector } from '../generators/eleventy/load';
import { hexoDetector } from '../generators/hexo/load';
import { jekyllDetector } from '../generators/jekyll/load';

export interface DetectOptions {
  readonly linkSemantics?: LinkSemantics;
  /** Astro: collection name → the URL folder its pages are published under, when routes cannot be read. */
  readonly astroRoutes?: Readonly<Record<string, string>>;
}

export interface GeneratorDetector {
  readonly id: GeneratorId;
  /** Cheap check on a folder: does it hold this generator's site? */
  detect(fs: FileSystemHost, dir: string, names: ReadonlySet<string>): Promise<boolean>;
  load(fs: FileSystemHost, dir: string, options: DetectOptions): Promise<GeneratorModel>;
}

const detectors: GeneratorDetector[] = [
  {
    id: 'hugo',
    detect: (fs, dir, names) =>
      ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'config'].some((n) => names.has(n))
        ? detectHugoStrict(fs, dir, names)
        : Promise.resolve(false),
    load: (fs, dir, o) => loadHugo(fs, dir, o.linkSemantics),
  },
  docusaurusDetector,
  astroDetector,
  eleventyDetector,
  hexoDetector,
  jekyllDetector,
];

/** `config.toml` alone is also used by non-Hugo tools: require a Hugo sign beside it. */
async function detectHugoStrict(fs: FileSystemHost, dir: string, names: ReadonlySet<string>): Promise<boolean> {
  if (['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'].some((n) => names.has(n))) return true;
  if (!(await detectHugo(fs, dir))) return false;
  return ['content', 'archetypes', 'layouts', 'themes', 'static'].some((n) => names.has(n)) || names.has('config');
}

/** Lets other generators plug in (src/core/generators/*). */
export function registerDetector(d: GeneratorDetector, before?: GeneratorId): void {
  if (detectors.some((x) => x.id === d.id)) return;
  const i = before ? detectors.findIndex((x) => x.id === before) : -1;
  if (i >= 0) detectors.splice(i, 0, d);
  else detectors.push(d);
}

export function registeredGenerators(): GeneratorId[] {
  return detectors.map((d) => d.id);
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
  for (const d of detectors) {
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
    for (const d of detectors) {
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
    if (found.length === before) found.push(createFolderModel(r));
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
