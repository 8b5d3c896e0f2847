/**
 * What Docusaurus makes of a link (link semantics 'file'): a `.md` path becomes its page's URL when
 * the file is in the same plugin, a relative path to a file becomes a bundled asset, and anything
 * else is a URL (baseUrl added by the Link component).
 */
import { posix } from '../../posix';
import type { FileLookup, LinkRewrite } from '../../site/generator';
import { resolveRelative } from './paths';
import { MD, place, type DocusaurusSite, type Placement } from './context';

function pluginDir(d: DocusaurusSite, p: Placement): string {
  return p.kind === 'blog' ? p.blog.path : p.kind === 'docs' ? p.docs.path : p.kind === 'pages' ? d.c.pagesPath ?? 'src/pages' : '.';
}

/** Same plugin instance, and a Markdown document of it (the only targets sourceToPermalink holds). */
function samePlugin(a: Placement, b: Placement): boolean {
  if (a.kind !== b.kind || a.kind === 'none') return false;
  if (a.kind === 'blog' && b.kind === 'blog') return a.blog === b.blog && MD.test(a.inner);
  if (a.kind === 'docs' && b.kind === 'docs') return a.docs === b.docs && MD.test(a.inner);
  return a.kind === 'pages' && MD.test(a.inner);
}

export function rewriteLink(d: DocusaurusSite, fromFile: string, pageUrl: string | undefined, path: string, files: FileLookup): LinkRewrite | undefined {
  const basePath = d.basePath;
  const from = place(d, fromFile);
  if (from.kind === 'none') return undefined;
  const dir = posix.dirname(fromFile);
  if (MD.test(path)) {
    // mdx-loader resolveMarkdownLinks: a `.md` path is looked up among the Markdown files of the
    // plugin the linking file belongs to (not another plugin's), else left as written [verified 3.10].
    const own = pluginDir(d, from);
    const dirs = path.startsWith('/') ? [own, '.'] : /^\.\.?\//.test(path) ? [dir] : [dir, own, '.'];
    for (const dd of dirs) {
      const f = posix.normalize(posix.join(dd, path)).replace(/^\/+/, '');
      if (files.has(f) && samePlugin(place(d, f), from)) return { file: f };
    }
    return { broken: `Docusaurus resolves a .md link only to a Markdown file of the same plugin (${own === '.' ? 'the site' : own + '/'}); ${path} is none, so the link is published as written and leads nowhere.` };
  }
  // transformLinks: a relative path to an existing file becomes a bundled asset.
  if (!path.startsWith('/') && path !== '' && files.has(posix.normalize(posix.join(dir, path)))) return { asset: posix.normalize(posix.join(dir, path)) };
  // Otherwise a URL. The Link component puts baseUrl in front of a site-absolute path that lacks
  // it, and applies trailingSlash, so the slash does not decide; the browser resolves the rest.
  let url: string;
  if (path.startsWith('/')) url = basePath && path !== basePath && !path.startsWith(basePath + '/') ? basePath + path : path;
  else if (pageUrl !== undefined) url = resolveRelative(path, pageUrl.endsWith('/') ? pageUrl : posix.dirname(pageUrl));
  else return undefined;
  return { url: url.length > 1 ? url.replace(/\/+$/, '') : url };
}
