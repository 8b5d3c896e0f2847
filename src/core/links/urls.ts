/** URL path arithmetic as a browser does it, on decoded path strings (no URL objects per link). */

/** Splits `a/b?q#f` into its path, query and fragment (fragment without `#`). */
export function splitDestination(dest: string): { path: string; query: string; fragment: string | undefined } {
  const hash = dest.indexOf('#');
  const fragment = hash >= 0 ? dest.slice(hash + 1) : undefined;
  const beforeHash = hash >= 0 ? dest.slice(0, hash) : dest;
  const q = beforeHash.indexOf('?');
  return { path: q >= 0 ? beforeHash.slice(0, q) : beforeHash, query: q >= 0 ? beforeHash.slice(q) : '', fragment };
}

/** The folder a relative link is resolved in: `/posts/a/` → `/posts/a/`, `/posts/a.html` → `/posts/`. */
export function baseDir(pageUrl: string): string {
  return pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1) || '/';
}

/**
 * Resolves `dest` (a path, no query or fragment) against a page URL and removes dot segments, as a
 * browser does; then merges repeated slashes, as static hosts do when they look the path up
 * (`/posts//x/` is served as `/posts/x/`).
 */
export function resolvePath(pageUrl: string, dest: string): string {
  const joined = dest.startsWith('/') ? dest : baseDir(pageUrl) + dest;
  if (!joined.includes('.') && !joined.includes('//')) return joined;
  return removeDotSegments(joined).replace(/\/{2,}/g, '/');
}

/** RFC 3986 dot-segment removal on an absolute path (empty segments kept, as a browser keeps them). */
function removeDotSegments(joined: string): string {
  const segs = joined.split('/');
  const out: string[] = [];
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i];
    const last = i === segs.length - 1;
    if (s === '.' || s === '%2e' || s === '%2E') {
      if (last) out.push('');
    } else if (s === '..' || s.toLowerCase() === '%2e%2e') {
      out.pop();
      if (last) out.push('');
    } else out.push(s);
  }
  return '/' + out.join('/');
}

/** Percent-decodes a path; malformed escapes are kept as written (a browser sends them as they are). */
export function decodePath(p: string): string {
  if (!p.includes('%')) return p;
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** A relative URL from a page to a target path, the way a writer would type it. */
export function relativeUrl(fromPageUrl: string, to: string): string {
  const from = baseDir(fromPageUrl).split('/').slice(1, -1);
  const toSegs = to.split('/').slice(1);
  let i = 0;
  while (i < from.length && i < toSegs.length - 1 && from[i] === toSegs[i]) i++;
  const up = from.length - i;
  const rest = toSegs.slice(i).join('/');
  const rel = (up ? '../'.repeat(up) : '') + rest;
  return rel === '' ? './' : rel;
}

/**
 * Host without `www.` (and a trailing dot), lower-cased; undefined for a baseURL without a host. A
 * protocol-relative `//host/x` has one too: the page's own scheme reaches the same site.
 */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/^www\./, '').replace(/\.$/, '') : undefined;
}

/** Compiles simple globs (`*`, `**`, `?`) into one matcher. */
export function globMatcher(globs: readonly string[]): (s: string) => boolean {
  if (globs.length === 0) return () => false;
  const res = globs.map((g) => {
    let r = '';
    for (let i = 0; i < g.length; i++) {
      const c = g[i];
      if (c === '*') {
        if (g[i + 1] === '*') {
          r += '.*';
          i++;
          if (g[i + 1] === '/') i++;
        } else r += '[^/]*';
      } else if (c === '?') r += '[^/]';
      else r += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${r}$`);
  });
  return (s) => res.some((r) => r.test(s));
}

/** What decides how a site serves a root-relative link (the SiteSummary fields). */
export interface RootLinks {
  readonly basePath: string;
  readonly rootLinksAtBase?: boolean;
}

/**
 * A link's path as the built site serves it: on a site that rewrites root-relative links below its
 * baseURL (Hugo's canonifyURLs/relativeURLs), `/x/` reaches `<basePath>/x/`.
 */
export function servedPath(site: RootLinks, path: string, origin?: string): string {
  return site.rootLinksAtBase && site.basePath && !origin && path.startsWith('/') ? site.basePath + path : path;
}

/** A published URL (sub-path included) written as a root-relative destination that reaches it. */
export function rootDestination(site: RootLinks, url: string): string {
  return site.rootLinksAtBase && site.basePath && url.startsWith(site.basePath + '/') ? url.slice(site.basePath.length) : url;
}

/** How the site's host answers paths (the SiteSummary field). */
export interface Serving {
  readonly htmlExtensionOptional?: boolean;
}

export interface ServedCandidate {
  readonly url: string;
  /** Only a page or redirect page (written as `x.html`) answers here, not a file at that URL. */
  readonly pageOnly?: boolean;
}

/**
 * The URL-table keys a static host answers a decoded path with, in the order it tries them: the
 * path; `/x` → the folder `/x/` (a redirect) or its static `/x/index.html`, `/x/` → `/x/index.html`,
 * `/x/index.html` → `/x/`. Where
 * the host serves HTML without its extension (GitHub Pages, `jekyll serve`), also `/x` → `/x.html`,
 * and `/x.html` → a page whose URL is `/x` (Jekyll writes it as x.html).
 */
export function servedCandidates(site: Serving, path: string): ServedCandidate[] {
  const out: ServedCandidate[] = [{ url: path }];
  // `/dir` is redirected to `/dir/`, which a folder's page or its static index.html answers.
  if (!path.endsWith('/')) out.push({ url: path + '/' }, { url: path + '/index.html' });
  else out.push({ url: path + 'index.html' });
  if (path.endsWith('/index.html')) out.push({ url: path.slice(0, -'index.html'.length) });
  if (site.htmlExtensionOptional && path.length > 1 && !path.endsWith('/')) {
    if (/\.html$/i.test(path)) out.push({ url: path.slice(0, -'.html'.length), pageOnly: true });
    else out.push({ url: path + '.html' });
  }
  return out;
}

/** The first served candidate of `path` that `get` (the URL table) has something at. */
export function lookupServed<T extends { readonly type: string }>(site: Serving, path: string, get: (url: string) => readonly T[]): readonly T[] {
  for (const c of servedCandidates(site, path)) {
    let t = get(c.url);
    if (c.pageOnly) t = t.filter((x) => x.type === 'page' || x.type === 'alias');
    if (t.length) return t;
  }
  return [];
}
