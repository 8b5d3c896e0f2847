/**
 * Builds a fixture site with the real `jekyll` (Debian's 4.3) in a temp folder. Nothing is written
 * inside the repository: the fixture is copied first, and the build goes to the temp folder.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function jekyllVersion(): string | undefined {
  const r = spawnSync('jekyll', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** In CI a missing `jekyll` fails the suite (it would pass by proving nothing); locally it is a loud skip. */
export function requireJekyll(ctx: Mocha.Context): void {
  if (jekyllVersion()) return;
  if (process.env.CI === 'true') throw new Error('jekyll is not installed, and CI=true: the Jekyll conformance suite cannot run.');
  console.warn('\n  !!! jekyll not found on PATH: SKIPPING the Jekyll conformance suite (apt-get install jekyll) !!!\n');
  ctx.skip();
}

export interface JekyllBuild {
  readonly siteDir: string;
  readonly outDir: string;
  readonly status: number | null;
  readonly log: string;
  cleanup(): void;
}

/** A layout that marks the rendered content, so the oracle reads links of the post body only. */
const LAYOUT = '<!doctype html><title>{{ page.title }}</title><main>{{ content }}</main>\n';

/** Copies the fixture to a temp folder (adding a default layout it lacks) and runs `jekyll build`. */
export function buildWithJekyll(fixtureDir: string, extraArgs: readonly string[] = []): JekyllBuild {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-jekyll-'));
  const siteDir = path.join(tmp, 'site');
  const outDir = path.join(tmp, 'out');
  fs.cpSync(fixtureDir, siteDir, { recursive: true, filter: (src) => !/[\\/](_site|\.jekyll-cache)$/.test(src) });
  for (const name of ['default', 'post', 'page']) {
    const p = path.join(siteDir, '_layouts', `${name}.html`);
    if (!fs.existsSync(p)) {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, LAYOUT);
    }
  }
  const env = { ...process.env, JEKYLL_ENV: 'production', HOME: tmp };
  const r = spawnSync('jekyll', ['build', '--disable-disk-cache', '-s', siteDir, '-d', outDir, ...extraArgs], { encoding: 'utf8', env });
  return { siteDir, outDir, status: r.status, log: `${r.stdout}\n${r.stderr}`, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}
