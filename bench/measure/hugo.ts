/** Hugo building the same site, for the "how does a real generator compare" row. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, now } from '../stats';

export type HugoResult = { readonly ok: true; readonly ms: number; readonly runs: number; readonly version: string } | { readonly ok: false; readonly reason: string };

export function findHugo(): string | undefined {
  if (fs.existsSync('/usr/bin/hugo')) return '/usr/bin/hugo';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'hugo');
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

export function hugoBuild(root: string, reps: number): HugoResult {
  const hugo = findHugo();
  if (!hugo) return { ok: false, reason: 'hugo not installed (apt-get install -y hugo)' };
  const version = spawnSync(hugo, ['version'], { encoding: 'utf8' }).stdout.trim().split(' ')[1] ?? '?';
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-bench-hugo-'));
    try {
      const t0 = now();
      // Its own cache folder: a warm cache from an earlier run would make Hugo look faster.
      const r = spawnSync(hugo, ['--quiet', '-s', root, '-d', path.join(out, 'public'), '--cacheDir', path.join(out, 'cache')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = now() - t0;
      if (r.status !== 0) return { ok: false, reason: `hugo exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' | ')}` };
      times.push(ms);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  return { ok: true, ms: median(times), runs: reps, version };
}
