/**
 * jekyll-relative-links (a GitHub Pages default): in the Markdown pages it processes, a link whose
 * path names a source file — a page, a static file, a post or an output collection's document — is
 * rewritten to that file's URL (`relative_url`, baseurl included), its `#fragment` kept. Anything
 * else stays as written. Which links its regexes see is the analysis' part (relativeLinksPass.ts);
 * this module answers, for one such link, what it becomes.
 *
 * Versions differ: GitHub Pages pins 0.6.1, Debian (and our fixtures) have 0.7.0. 0.7.0 resolves a
 * path starting with `/` from the site root and unescapes it (CGI.unescape: `%20` and `+` are
 * spaces); 0.6.1 resolves `/x.md` from the page's folder and matches the path as written. Where
 * they differ, both readings are given: the link works if either does.
 */
import { posix } from '../../posix';
import type { FileLookup, LinkRewrite, PassReadings } from '../../site/generator';
import { DATE_NAME, isDoc, isMarkdown, relPath, type JekyllSite } from './context';
import { configPatterns } from './place';
import { plainMarkdown } from './pluginPages';

/** Whether the plugin processes links in this file: Markdown pages; posts and documents with `collections: true`. */
function processes(j: JekyllSite, file: string): boolean {
  const rl = j.c.pagesPlugins.relativeLinks;
  if (!isMarkdown(j, file)) return false;
  const p = j.place(file);
  if (p.kind !== 'page' && !(rl.collections && (p.kind === 'post' || p.kind === 'draft' || (p.kind === 'collection' && p.collection.output)))) return false;
  // `relative_links: exclude:` matched as EntryFilter#glob_include? matches against relative_path.
  return !rl.exclude.length || !configPatterns(rl.exclude).matches(p.kind === 'page' ? file : relPath(j, file), false);
}

/** CGI.unescape: `+` is a space, `%XX` a byte (invalid sequences stay as written). */
function cgiUnescape(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9a-f]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}

/** File.expand_path(path, base) relative to the site root; undefined when it leaves the root. */
function expand(path: string, base: string): string | undefined {
  if (path.startsWith('~')) return undefined;
  const joined = posix.normalize(posix.join(base === '.' ? '' : base, path)).replace(/\/+$/, '');
  return joined === '.' || joined === '' || joined.startsWith('../') || joined === '..' ? undefined : joined;
}

/** The source paths the plugin's versions look up for a path written in `from` (0.7.0 first). */
function candidates(j: JekyllSite, from: string, path: string): string[] {
  const p = j.place(from);
  const urlBase = posix.dirname(p.kind === 'page' ? from : relPath(j, from));
  const out: string[] = [];
  const stripped = path.replace(/^\//, '');
  const v07 = expand(stripped, path.startsWith('/') ? '' : urlBase);
  if (v07 !== undefined) out.push(cgiUnescape(v07));
  const v06 = expand(stripped, urlBase);
  if (v06 !== undefined && !out.includes(v06)) out.push(v06);
  return out;
}

/**
 * What the plugin finds at a source path (`site.pages + site.static_files + site.docs_to_write`,
 * compared by relative_path): a page or document (`file`, judged as its page), a file copied as it
 * is (`asset`), or nothing (the link stays as written).
 */
function targetAt(j: JekyllSite, path: string, files: FileLookup): LinkRewrite | undefined {
  const paths = j.c.collectionsDir ? [path, `${j.c.collectionsDir}/${path}`] : [path];
  for (const file of paths) {
    if (!files.has(file)) continue;
    const p = j.place(file);
    if (p.kind === 'hidden' || p.kind === 'static') continue;
    // Documents are compared by their path inside collections_dir, pages and static files by theirs.
    if ((p.kind === 'page' ? file : relPath(j, file)) !== path) continue;
    if (p.kind === 'page') {
      if (!isDoc(j, file)) return { asset: file };
      const data = files.data?.(file);
      if (data !== undefined) return { file };
      // Without front matter: a page when a plugin makes one of it, else the copy.
      const plain = isMarkdown(j, file) ? plainMarkdown(j, file, '', files) : undefined;
      return plain?.pages.some((x) => x.state === 'on') ? { file } : { asset: file };
    }
    if (!isDoc(j, file)) continue;
    if (p.kind === 'post' && !DATE_NAME.test(posix.basename(p.inner))) continue;
    if (p.kind === 'collection' && (!p.collection.output || files.data?.(file) === undefined)) continue;
    return { file };
  }
  return undefined;
}

/** What jekyll-relative-links makes of a path (destination before `#`, as written) in `from`. */
export function relativeLink(j: JekyllSite, from: string, path: string, files: FileLookup): PassReadings | undefined {
  const state = j.c.pagesPlugins.relativeLinks.state;
  // `replaceable_link?`: not a fragment, not an absolute URL (a scheme).
  if (state === 'off' || !path || path.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return undefined;
  if (!processes(j, from)) return undefined;
  const paths = candidates(j, from, path);
  const rewrites: LinkRewrite[] = [];
  let unchanged = paths.length === 0;
  for (const c of paths) {
    const t = targetAt(j, c, files);
    if (t) rewrites.push(t);
    else unchanged = true;
  }
  return { rewrites, asWritten: unchanged || state === 'maybe', files: paths, file: paths[0] };
}
