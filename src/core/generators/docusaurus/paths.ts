/**
 * Docusaurus's path rules, re-stated: blog file names (blogUtils parseBlogFileName), docs number
 * prefixes and slugs (docs/slug.ts, numberPrefix.ts), tag permalinks (lodash kebabCase) and
 * normalizeUrl/applyTrailingSlash.
 */

/**
 * lodash `kebabCase`: words split at non-alphanumerics, lower→upper case changes, acronym ends
 * (`XMLHttp` → xml, http) and letter/digit boundaries; lower-cased, joined with `-`.
 */
export function kebabCase(s: string): string {
  const words = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '')
    .match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{Lo}+|\d+/gu);
  return (words ?? []).map((w) => w.toLowerCase()).join('-');
}

/** `2019-05-30-welcome.md`, `2019-05-30-welcome/index.md`, `2019/05/30/welcome.md` → date + slug. */
export function parseBlogFileName(relative: string): { date?: string; slug: string } {
  const m = /^(?<folder>.*?)(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?<text>.*?)(?:\/index)?\.mdx?$/.exec(relative);
  if (m?.groups) {
    const { folder, date, text } = m.groups;
    return { date: date.replace(/\//g, '-'), slug: `/${date.replace(/-/g, '/')}/${folder}${text}` };
  }
  return { slug: '/' + relative.replace(/(?:\/index)?\.mdx?$/, '') };
}

/** DefaultNumberPrefixParser: `01-intro` → `intro`; dates and versions (`2021-01`, `1.2`) are kept. */
export function stripNumberPrefix(name: string): string {
  if (/^\d+[-_.]\d+/.test(name)) return name;
  const m = /^\d+\s*[-_.]+\s*([^-_.\s].*)$/.exec(name);
  return m ? m[1] : name;
}

/** normalizeUrl for path parts: one slash between parts, none doubled; an empty result is `/`. */
export function joinRoute(...parts: string[]): string {
  const j = parts
    .filter((p) => p !== '')
    .join('/')
    .replace(/\/{2,}/g, '/');
  const abs = j.startsWith('/') ? j : '/' + j;
  return abs;
}

/** applyTrailingSlash: `undefined` leaves paths as they are; the site root always keeps its `/`. */
export function trailing(path: string, trailingSlash: boolean | undefined, basePath: string): string {
  if (trailingSlash === undefined || path === basePath + '/' || path === '/') return path;
  if (trailingSlash) return path.endsWith('/') ? path : path + '/';
  return path.replace(/\/+$/, '') || '/';
}

/** `./x`, `../x` against a folder, like resolvePathname. */
export function resolveRelative(slug: string, dir: string): string {
  const base = dir === '.' || dir === '' ? [] : dir.split('/').filter(Boolean);
  for (const s of slug.split('/')) {
    if (s === '..') base.pop();
    else if (s !== '.' && s !== '') base.push(s);
  }
  return '/' + base.join('/') + (slug.endsWith('/') ? '/' : '');
}
