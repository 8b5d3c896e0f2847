/**
 * Eleventy's URLs: "cool URIs" by default (`x.md` → `/x/`, `dir/index.md` → `/dir/`, `dir/dir.md` →
 * `/dir/`); a `permalink` (front matter, template or directory data) overrides, `false` writes no file.
 * Permalinks are templates themselves: the few variables blogs use are filled in, anything else falls
 * back to the default URL. Passthrough copies keep their paths.
 */
import { posix } from '../../posix';
import type { FrontMatterData } from '../../site/generator';
import { fmGet } from '../../frontmatter/parse';
import { globMatch, slugify11ty, type EleventySite } from './context';

function stemOf(rel: string): string {
  return rel.replace(/\.11ty\.[cm]?js$/i, '').replace(/\.[^./]+$/, '');
}

export function defaultUrl(e: EleventySite, rel: string): string {
  const stem = stemOf(rel);
  const dir = posix.dirname(stem) === '.' ? '' : posix.dirname(stem);
  const base = posix.basename(stem);
  const path = base === 'index' || (dir && base === posix.basename(dir)) ? dir : stem;
  return (e.basePath + '/' + path + '/').replace(/\/{2,}/g, '/');
}

function fileSlug(rel: string): string {
  const stem = stemOf(rel);
  const base = posix.basename(stem);
  if (base === 'index') return posix.dirname(stem) === '.' ? '' : posix.basename(posix.dirname(stem));
  return base.replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

/** The `permalink` that applies: front matter, else template or directory data files. */
function permalinkOf(e: EleventySite, file: string, data: FrontMatterData): unknown {
  const input = e.input;
  const own = fmGet(data, 'permalink');
  if (own !== undefined) return own;
  const tpl = e.c.dataPermalinks.get(file.replace(/\.[^./]+$/, ''));
  if (tpl !== undefined) return tpl;
  let dir = posix.dirname(file);
  while (dir !== '.' && dir !== '' && (!input || dir === input || dir.startsWith(input + '/'))) {
    const v = e.c.dataPermalinks.get(dir);
    if (v !== undefined) return v;
    dir = posix.dirname(dir);
  }
  return undefined;
}

/** Fills the permalink template's common variables; undefined when something else is in it. */
function render(permalink: string, rel: string, data: FrontMatterData): string | undefined {
  const stem = '/' + stemOf(rel);
  const out = permalink.replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (m, expr: string) => {
    const [head, ...filters] = expr.split('|').map((s) => s.trim());
    let v: string | undefined;
    if (head === 'page.fileSlug') v = fileSlug(rel);
    else if (head === 'page.filePathStem') v = stem;
    else if (/^[A-Za-z_][\w]*$/.test(head) && (typeof data[head] === 'string' || typeof data[head] === 'number')) v = String(data[head]);
    else if (/^(['"]).*\1$/.test(head)) v = head.slice(1, -1);
    if (v === undefined) return m;
    for (const f of filters) {
      if (f === 'slugify' || f === 'slug') v = slugify11ty(v);
      else return m;
    }
    return v;
  });
  return /\{\{|\{%/.test(out) ? undefined : out;
}

export function urlOf(e: EleventySite, file: string, rel: string, data: FrontMatterData): { url?: string; written: boolean } {
  let p = permalinkOf(e, file, data);
  if (p && typeof p === 'object' && !Array.isArray(p)) p = (p as Record<string, unknown>)['build'];
  if (p === false || p === 'false') return { written: false };
  if (typeof p === 'string' && p.trim()) {
    const r = render(p.trim(), rel, data);
    if (r !== undefined) {
      let u = r.replace(/(^|\/)index\.html$/, '$1');
      if (!u.startsWith('/')) u = '/' + u;
      return { url: (e.basePath + u).replace(/\/{2,}/g, '/'), written: true };
    }
  }
  return { url: defaultUrl(e, rel), written: true };
}

export function passthroughUrl(e: EleventySite, file: string): string | undefined {
  const { input, basePath } = e;
  for (const p of e.c.passthrough) {
    if (file === p.from || file.startsWith(p.from + '/')) return (basePath + '/' + p.to + file.slice(p.from.length)).replace(/\/{2,}/g, '/');
    if (/[*?]/.test(p.from) && globMatch(p.from, file)) return (basePath + '/' + (input && file.startsWith(input + '/') ? file.slice(input.length + 1) : file)).replace(/\/{2,}/g, '/');
  }
  return undefined;
}
