/**
 * Builds fixture sites with the real Docusaurus, Eleventy, Hexo and Astro, installed from npm into
 * test/generators/ (its own package.json and lock; `node scripts/provision.mjs
 * npmGenerators` runs `npm ci` there). Each build works on a copy of the fixture in a temp folder
 * whose `node_modules` is a symlink to that install: nothing is written inside the repository, and
 * nothing is fetched at build time (telemetry and update checks are off).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const TOOLS_DIR = path.resolve(__dirname, '../../generators');
const MODULES = path.join(TOOLS_DIR, 'node_modules');

export type NpmGenerator = 'docusaurus' | 'eleventy' | 'hexo' | 'astro';

const PACKAGE: Record<NpmGenerator, string> = { docusaurus: '@docusaurus/core', eleventy: '@11ty/eleventy', hexo: 'hexo', astro: 'astro' };

/** The command line (after `node`) that builds a site in the current folder into `out`. */
const COMMAND: Record<NpmGenerator, (out: string) => string[]> = {
  docusaurus: (out) => [path.join(MODULES, '@docusaurus/core/bin/docusaurus.mjs'), 'build', '--out-dir', out, '--no-minify'],
  eleventy: (out) => [path.join(MODULES, '@11ty/eleventy/cmd.cjs'), `--output=${out}`, '--quiet'],
  hexo: () => [path.join(MODULES, 'hexo/bin/hexo'), 'generate'],
  astro: () => [path.join(MODULES, 'astro/astro.js'), 'build', '--silent'],
};

/** What a build leaves in the site folder (output, caches): not copied from a fixture. */
const BUILD_LEFTOVERS: Record<NpmGenerator, RegExp> = {
  docusaurus: /^(build|\.docusaurus)$/,
  eleventy: /^_site$/,
  hexo: /^(public|db\.json)$/,
  astro: /^(dist|\.astro)$/,
};

/** Where the generator writes when told nothing else (Hexo's `public_dir`, Astro's `outDir`). */
const DEFAULT_OUT: Partial<Record<NpmGenerator, string>> = { hexo: 'public', astro: 'dist' };

/** `name version` of the installed generator, or undefined when it is not installed. */
export function npmGeneratorVersion(g: NpmGenerator): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(MODULES, PACKAGE[g], 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ? `${PACKAGE[g]} ${pkg.version}` : undefined;
  } catch {
    return undefined;
  }
}

/** In CI a missing generator fails the suite (it would pass by proving nothing); locally it is a loud skip. */
export function requireNpmGenerator(ctx: Mocha.Context, g: NpmGenerator): void {
  if (npmGeneratorVersion(g)) return;
  const how = 'node scripts/provision.mjs npmGenerators';
  if (process.env.CI === 'true') throw new Error(`${PACKAGE[g]} is not installed in test/generators, and CI=true: the ${g} conformance suite cannot run (${how}).`);
  console.warn(`\n  !!! ${PACKAGE[g]} not installed in test/generators: SKIPPING the ${g} conformance suite (run ${how}) !!!\n`);
  ctx.skip();
}

export interface NpmBuild {
  readonly generator: NpmGenerator;
  /** The copy of the fixture that was built. */
  readonly siteDir: string;
  /** The folder the generator wrote. */
  readonly outDir: string;
  readonly status: number | null;
  readonly log: string;
  readonly seconds: number;
  cleanup(): void;
}

/**
 * The site's own `node_modules`: a real folder whose entries link to the installed packages. Not one
 * link to the whole folder: generators keep caches in `node_modules/.cache` (webpack), `.vite` and
 * `.astro`, and a cache shared between builds of different sites makes wrong builds.
 */
function linkModules(dir: string): void {
  fs.mkdirSync(dir);
  for (const e of fs.readdirSync(MODULES)) {
    if (/^\.(cache|vite|astro)$/.test(e) || e === '.package-lock.json') continue;
    fs.symlinkSync(path.join(MODULES, e), path.join(dir, e), 'dir');
  }
}

/** Copies the fixture to a temp folder, links the installed generators in, and builds it. */
export function buildWithNpmGenerator(g: NpmGenerator, fixtureDir: string, env: Record<string, string> = {}): NpmBuild {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `postcraft-${g}-`));
  const siteDir = path.join(tmp, 'site');
  fs.cpSync(fixtureDir, siteDir, { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' && !(path.dirname(src) === fixtureDir && BUILD_LEFTOVERS[g].test(path.basename(src))) });
  linkModules(path.join(siteDir, 'node_modules'));
  const outDir = DEFAULT_OUT[g] ? path.join(siteDir, DEFAULT_OUT[g]) : path.join(tmp, 'out');
  const started = Date.now();
  const r = spawnSync(process.execPath, COMMAND[g](outDir), {
    cwd: siteDir,
    encoding: 'utf8',
    timeout: 600_000,
    env: {
      ...process.env,
      HOME: tmp,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
      NPM_CONFIG_UPDATE_NOTIFIER: 'false',
      BROWSERSLIST_IGNORE_OLD_DATA: '1',
      ...env,
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const log = `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  return { generator: g, siteDir, outDir, status: r.status, log, seconds, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Every HTML file the build wrote, as the URL path it is served at (`x/index.html` → `/x/`), under `basePath`. */
export function builtPages(outDir: string, basePath = ''): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (/\.html$/.test(e.name)) out.add(basePath + (e.name === 'index.html' ? r.slice(0, -'index.html'.length) : r));
    }
  };
  if (fs.existsSync(outDir)) walk(outDir, '');
  return out;
}
