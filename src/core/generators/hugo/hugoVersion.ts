/**
 * The Hugo versions a site says it is built with: `module.hugoVersion.min`/`max` (Hugo refuses to
 * build outside them) and Netlify's `HUGO_VERSION` (the release its builds download). Built-in
 * shortcodes differ between versions, so a name only later versions provide is judged by this.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asRecord, asString } from '../../config/parse';
import { readText } from '../../config/files';

export interface HugoVersionRange {
  /** The oldest Hugo the site can be built with, when it says. */
  readonly min?: string;
  /** The newest, when it says. */
  readonly max?: string;
}

/** -1, 0, 1 comparing dotted versions (`0.141` = `0.141.0`); a `v` prefix and a suffix are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/i, '').split(/[.-]/).slice(0, 3).map((x) => parseInt(x, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}

const VERSION = /^v?\d+\.\d+(\.\d+)?/i;

export async function declaredHugoVersion(fs: FileSystemHost, root: string, raw: Readonly<Record<string, unknown>>): Promise<HugoVersionRange> {
  const mins: string[] = [];
  const maxes: string[] = [];
  const range = asRecord(asRecord(raw['module'])['hugoversion']);
  const min = asString(range['min']);
  const max = asString(range['max']);
  if (min && VERSION.test(min)) mins.push(min);
  if (max && VERSION.test(max)) maxes.push(max);
  const netlify = await readText(fs, posix.join(root, 'netlify.toml'));
  for (const m of netlify?.matchAll(/^\s*HUGO_VERSION\s*=\s*["']?(v?\d+\.\d+(?:\.\d+)?)/gm) ?? []) {
    mins.push(m[1]);
    maxes.push(m[1]);
  }
  // Every context's build must have the shortcode: the lowest version decides, and likewise the highest.
  const pick = (list: string[], sign: number) => list.reduce<string | undefined>((best, v) => (best === undefined || compareVersions(v, best) * sign > 0 ? v : best), undefined);
  const lo = mins.length ? pick(mins, -1) : undefined;
  const hi = maxes.length ? pick(maxes, 1) : undefined;
  return { ...(lo ? { min: lo } : {}), ...(hi ? { max: hi } : {}) };
}
