/**
 * Pages GitHub Pages' plugins make of files Jekyll itself would copy as they are (Markdown without
 * front matter): jekyll-optional-front-matter 0.3 makes each one a page (README, LICENSE and a few
 * other names excepted, unless `include` lists them), and jekyll-readme-index 0.3 makes a folder's
 * README its index page when the folder has none. Both keep the original copy unless their
 * `remove_originals` is true. A plugin in state 'maybe' (we cannot tell how the site is built) gives
 * URLs that may exist: links to them are not judged.
 */
import { posix } from '../../posix';
import type { FileLookup, FrontMatterData } from '../../site/generator';
import { extOf, isMarkdown, pagePermalink, pageUrl, str, type JekyllSite } from './context';
import { configPatterns } from './place';
import type { PluginState } from './githubPages';

/** JekyllOptionalFrontMatter::FILENAME_BLACKLIST (compared upper-cased, without the extension). */
const BLACKLIST = new Set(['README', 'LICENSE', 'LICENCE', 'COPYING', 'CODE_OF_CONDUCT', 'CONTRIBUTING', 'ISSUE_TEMPLATE', 'PULL_REQUEST_TEMPLATE']);

/** A page a plugin makes: its URL is certain ('on') or possible ('maybe'). */
export interface PluginPage {
  readonly kind: 'optional-front-matter' | 'readme-index';
  readonly url: string;
  readonly state: Exclude<PluginState, 'off'>;
}

export interface PlainMarkdown {
  readonly pages: readonly PluginPage[];
  /** The original file is still copied as it is ('maybe': only if a plugin in state 'maybe' does not remove it). */
  readonly copied: 'yes' | 'no' | 'maybe';
}

/** Page#basename: the name without its extension and trailing dots. */
function basename(file: string): string {
  const name = posix.basename(file);
  return name.slice(0, name.length - extOf(name).length).replace(/\.+$/, '');
}

/** jekyll-optional-front-matter#blacklisted?: a listed name, unless `include` names the file. */
function blacklisted(j: JekyllSite, file: string): boolean {
  if (!BLACKLIST.has(basename(file).toUpperCase())) return false;
  const include = configPatterns(j.c.include);
  return !(include.matches(file, false) || include.matches(posix.basename(file), false));
}

/** jekyll-readme-index's README: `/readme` and one of the site's Markdown extensions, any case. */
export function isReadme(j: JekyllSite, file: string): boolean {
  return /^readme\.[^.]+$/i.test(posix.basename(file)) && isMarkdown(j, file);
}

/** The URL of a folder (site-relative, '' for the root) on the site. */
function folderUrl(j: JekyllSite, dir: string): string {
  return j.basePath + (dir ? `/${dir}/` : '/');
}

/**
 * jekyll-readme-index#dir_has_index?: whether a page or static file of the folder is published at
 * the folder's URL or as `index.html`/`.htm`/`.xhtml`/`.xml` in it (read from the folder's index
 * files; a page elsewhere whose permalink is the folder is not seen). 'maybe' when it depends on a
 * plugin in state 'maybe'.
 */
export function dirHasIndex(j: JekyllSite, dir: string, files: FileLookup): 'yes' | 'no' | 'maybe' {
  const names = files.indexFilesIn ? files.indexFilesIn(dir) : ['index.html', 'index.htm', 'index.md', 'index.markdown', 'index.xml', 'index.xhtml'].filter((n) => files.has(dir ? `${dir}/${n}` : n));
  const folder = dir ? `/${dir}/` : '/';
  let result: 'yes' | 'no' | 'maybe' = 'no';
  for (const name of names) {
    if (!/^index\./i.test(name)) continue;
    const file = dir ? `${dir}/${name}` : name;
    if (!files.has(file) || j.place(file).kind !== 'page') continue;
    const data = files.data?.(file);
    const markdown = isMarkdown(j, file);
    if (data === undefined || (!markdown && !/\.html$/i.test(name))) {
      // Copied as it is, at its own path: an index only under one of the names the plugin knows.
      if (/^index\.(html?|xhtml|xml)$/i.test(name)) return 'yes';
      if (!markdown) continue;
      // Markdown without front matter: jekyll-optional-front-matter makes it the folder's page.
      const ofm = j.c.pagesPlugins.optionalFrontMatter.state;
      if (ofm === 'on') return 'yes';
      if (ofm === 'maybe') result = 'maybe';
      continue;
    }
    if (data['published'] === false) continue;
    const url = pageUrl(j, { dir, base: name }, pagePermalink(j, file, data)).slice(j.basePath.length);
    const at = url.toLowerCase().startsWith(folder.toLowerCase()) ? url.slice(folder.length) : undefined;
    if (at !== undefined && /^(?:index\.(html?|xhtml|xml))?$/i.test(at)) return 'yes';
  }
  return result;
}

function lower(a: PluginState, b: PluginState): Exclude<PluginState, 'off'> | undefined {
  if (a === 'off' || b === 'off') return undefined;
  return a === 'maybe' || b === 'maybe' ? 'maybe' : 'on';
}

/**
 * What the plugins make of a Markdown file without front matter that Jekyll reads as a page
 * (`pageUrl`: the URL Jekyll would give it as a page, with the defaults' permalink).
 */
export function plainMarkdown(j: JekyllSite, file: string, pageUrl: string, files: FileLookup): PlainMarkdown {
  const { optionalFrontMatter: ofm, readmeIndex: ri } = j.c.pagesPlugins;
  const pages: PluginPage[] = [];
  let copied: PlainMarkdown['copied'] = 'yes';
  const made = ofm.state !== 'off' && !blacklisted(j, file);
  if (made) {
    pages.push({ kind: 'optional-front-matter', url: pageUrl, state: ofm.state === 'on' ? 'on' : 'maybe' });
    if (ofm.removeOriginals) copied = ofm.state === 'on' ? 'no' : 'maybe';
  }
  // readme-index reads the static files left after optional-front-matter removed its originals.
  if (ri.state !== 'off' && copied !== 'no' && isReadme(j, file)) {
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    const has = dirHasIndex(j, dir, files);
    const state = has === 'yes' ? undefined : lower(ri.state, has === 'maybe' ? 'maybe' : 'on');
    const removedBefore: PluginState = copied === 'maybe' ? 'maybe' : 'on';
    const st = state && lower(state, removedBefore);
    if (st) {
      pages.push({ kind: 'readme-index', url: folderUrl(j, dir), state: st });
      if (ri.removeOriginals) copied = st === 'on' ? 'no' : 'maybe';
    }
  }
  return { pages, copied };
}

/**
 * jekyll-readme-index's `with_frontmatter`: a README with front matter also moves to its folder's URL
 * when the folder has no index. Undefined when it does not.
 */
export function readmeWithFrontMatter(j: JekyllSite, file: string, data: FrontMatterData, files: FileLookup): PluginPage | undefined {
  const ri = j.c.pagesPlugins.readmeIndex;
  if (!ri.withFrontMatter || ri.state === 'off' || !isReadme(j, file) || str(data['permalink'])) return undefined;
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const has = dirHasIndex(j, dir, files);
  const state = has === 'yes' ? undefined : lower(ri.state, has === 'maybe' ? 'maybe' : 'on');
  return state && { kind: 'readme-index', url: folderUrl(j, dir), state };
}
