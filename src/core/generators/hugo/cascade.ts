/**
 * Hugo's `cascade`: front matter that a section index (or the home page) gives to itself and every
 * page below it, unless a page sets the key itself; a nearer index wins over a farther one. A cascade
 * is a map, or a list of maps each limited by `_target` (`path` glob on the content path, `kind`,
 * `lang`, `environment`) [verified 0.111: test/fixtures/hugo-cascade — draft, _build, date and slug
 * cascaded, a nearer cascade and a page's own key winning, targeted entries].
 */
import { fmGet } from '../../frontmatter/parse';
import type { FrontMatterData } from '../../site/generator';
import type { PageKind } from '../../site/model';

export interface CascadeTarget {
  /** Content path as Hugo matches it: `/` + path below the content folder, lower-cased. */
  readonly path: string;
  readonly kind: PageKind;
  readonly lang: string;
}

/** A `hugo` build: the environment a targeted cascade is compared with. */
const ENVIRONMENT = 'production';

/** The cascade entries of one index file's front matter that apply to `target`. */
export function cascadeEntries(data: FrontMatterData | undefined, target: CascadeTarget): FrontMatterData[] {
  const raw = data && fmGet(data, 'cascade');
  if (!raw || typeof raw !== 'object') return [];
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const out: FrontMatterData[] = [];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const e = entry as FrontMatterData;
    const t = fmGet(e, '_target');
    if (t && typeof t === 'object' && !matches(t as FrontMatterData, target)) continue;
    out.push(e);
  }
  return out;
}

function matches(t: FrontMatterData, target: CascadeTarget): boolean {
  const path = fmGet(t, 'path');
  if (typeof path === 'string' && path && !globRegExp(path).test(target.path)) return false;
  const kind = fmGet(t, 'kind');
  if (typeof kind === 'string' && kind && kind.toLowerCase() !== target.kind) return false;
  const lang = fmGet(t, 'lang');
  if (typeof lang === 'string' && lang && !globRegExp(lang).test(target.lang)) return false;
  const env = fmGet(t, 'environment');
  if (typeof env === 'string' && env && !globRegExp(env).test(ENVIRONMENT)) return false;
  return true;
}

/**
 * `own` with the keys the cascades give it (nearest first in `cascades`); own keys win, compared
 * case-insensitively as Hugo compares front-matter keys. `own` itself when nothing is added.
 */
export function withCascades(own: FrontMatterData, cascades: readonly FrontMatterData[]): FrontMatterData {
  if (cascades.length === 0) return own;
  const taken = new Set(Object.keys(own).map((k) => k.toLowerCase()));
  let out: Record<string, unknown> | undefined;
  for (const c of cascades) {
    for (const [k, v] of Object.entries(c)) {
      const lower = k.toLowerCase();
      if (lower === '_target' || taken.has(lower)) continue;
      taken.add(lower);
      (out ??= { ...own })[k] = v;
    }
  }
  return out ?? own;
}

// Module-level on purpose: a pure function of the glob text (no site, page or document in it),
// bounded below (cleared past 500 globs), shared by every site that writes the same cascade.
const globs = new Map<string, RegExp>();

/** A glob as Hugo compiles it (`/` separates, `*` stays within a segment, `**` does not), case-insensitive. */
export function globRegExp(glob: string): RegExp {
  let re = globs.get(glob);
  if (re) return re;
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        src += '.*';
        i++;
      } else src += '[^/]*';
    } else if (ch === '?') src += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) src += '\\{';
      else {
        src += '(?:' + glob.slice(i + 1, end).split(',').map(escape).join('|') + ')';
        i = end;
      }
    } else src += escape(ch);
  }
  re = new RegExp(`^${src}$`, 'i');
  if (globs.size > 500) globs.clear();
  globs.set(glob, re);
  return re;
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\?*]/g, '\\$&');
}
