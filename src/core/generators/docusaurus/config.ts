/**
 * `docusaurus.config.{js,ts,mjs,cjs}` read statically: site `url`, `baseUrl`, `trailingSlash`, and the
 * options of the blog and docs plugins (classic preset or standalone plugins). The file is a
 * program and is never executed; a value we cannot read as a literal keeps Docusaurus's default and
 * is reported, so the user knows why a URL may differ.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import type { SiteIssue } from '../../site/model';
import { firstFile, readText } from '../../config/files';
import { normBase } from '../../config/parse';
import { arrayItems, blankComments, bool, enclosingObject, num, objectProps, objectsAfter, str, type JsValue } from '../../config/staticRead';

export const DOCUSAURUS_CONFIGS = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts', 'docusaurus.config.cts'];

export interface DocusaurusBlog {
  /** Plugin instance id ('default' unless set). */
  readonly id: string;
  /** Site-relative folder of the posts (`blog`). */
  readonly path: string;
  /** `blog` → URLs `/blog/…`; '' for a blog at the site root. */
  readonly routeBasePath: string;
  readonly tagsBasePath: string;
  readonly archiveBasePath?: string;
  readonly pageBasePath: string;
  readonly authorsBasePath: string;
  readonly postsPerPage: number | 'ALL';
  /** Site-relative authors file. */
  readonly authorsMapPath: string;
  /** Site-relative predefined tags file, if tags are not disabled. */
  readonly tagsFile?: string;
  readonly feedTypes: readonly string[];
  readonly blogSidebarCount?: number | 'ALL';
  readonly blogSidebarTitle?: string;
}

export interface DocusaurusDocs {
  readonly id: string;
  readonly path: string;
  readonly routeBasePath: string;
  readonly numberPrefixes: boolean;
}

export interface DocusaurusConfig {
  readonly title?: string;
  readonly url?: string;
  /** `/` → '', `/site/` → `/site`. */
  readonly basePath: string;
  readonly trailingSlash?: boolean;
  readonly blogs: readonly DocusaurusBlog[];
  readonly docs: readonly DocusaurusDocs[];
  /** Markdown and React pages (`src/pages`), when the pages plugin is on. */
  readonly pagesPath?: string;
  readonly staticDirs: readonly string[];
  readonly defaultLocale: string;
}

export interface LoadedDocusaurusConfig {
  readonly config: DocusaurusConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
}

function relPath(p: string): string {
  return p.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
}

function route(p: string | undefined, d: string): string {
  return normBase(p ?? d).replace(/^\//, '');
}

export async function loadDocusaurusConfig(fs: FileSystemHost, root: string): Promise<LoadedDocusaurusConfig> {
  const configFile = await firstFile(fs, root, DOCUSAURUS_CONFIGS);
  const text = configFile ? await readText(fs, configFile) : undefined;
  const issues: SiteIssue[] = [];
  if (configFile && text === undefined) issues.push({ path: configFile, severity: 'error', code: 'config.unreadable', message: `Cannot read ${posix.basename(configFile)}; using Docusaurus's defaults.` });
  return { config: scanDocusaurusConfig(text ?? '', configFile ?? posix.join(root, 'docusaurus.config.js'), issues), configFile, issues };
}

/** Reads the config text; `issues` receives what could not be read statically. */
/** `blog: blogOptions` with `const blogOptions = { … }` elsewhere in the file: that object's offset. */
function namedObjects(src: string, key: string): number[] {
  const out: number[] = [];
  for (const m of src.matchAll(new RegExp(`\\b${key}\\s*:\\s*([A-Za-z_$][\\w$]*)\\s*[,}\\n]`, 'g'))) {
    if (m[1] === 'false' || m[1] === 'true' || m[1] === 'undefined') continue;
    out.push(...objectsAfter(src, new RegExp(`(?:const|let|var)\\s+${m[1].replace(/\$/g, '\\$')}(?![\\w$])[^=]*=`)));
  }
  return out;
}

export function scanDocusaurusConfig(source: string, path: string, issues: SiteIssue[] = []): DocusaurusConfig {
  const src = blankComments(source);
  const note = (key: string, v: JsValue | undefined, at: number) => {
    if (v?.type === 'expr') issues.push({ path, range: { start: at, end: at + key.length }, severity: 'info', code: 'config.dynamic', message: `${key} is computed (${v.text.slice(0, 60)}); Postcraft does not run the config and uses Docusaurus's default for it.` });
  };

  // The site config object: the one holding `baseUrl` (or `url`).
  const anchor = /\bbaseUrl\s*:/.exec(src) ?? /\burl\s*:/.exec(src);
  const top = anchor ? objectProps(src, enclosingObject(src, anchor.index) ?? -1) : new Map<string, JsValue>();
  const at = (k: string) => Math.max(0, src.search(new RegExp(`\\b${k}\\s*:`)));
  note('baseUrl', top.get('baseUrl'), at('baseUrl'));
  note('url', top.get('url'), at('url'));
  const ts = top.get('trailingSlash');

  const classic = /['"](classic|@docusaurus\/preset-classic)['"]/.test(src);
  const blogs: DocusaurusBlog[] = [];
  const docs: DocusaurusDocs[] = [];

  const blogFrom = (p: Map<string, JsValue>): DocusaurusBlog => {
    const path = relPath(str(p.get('path')) ?? 'blog');
    note('blog routeBasePath', p.get('routeBasePath'), at('routeBasePath'));
    const tags = p.get('tags');
    const ppp = p.get('postsPerPage');
    const feed = p.get('feedOptions');
    let feedTypes = ['rss', 'atom'];
    if (feed?.type === 'object') {
      const t = objectProps(src, feed.start).get('type');
      if (t?.type === 'string') feedTypes = t.value === 'all' ? ['rss', 'atom', 'json'] : [t.value];
      else if (t?.type === 'null' || (t?.type === 'boolean' && !t.value)) feedTypes = [];
      else if (t?.type === 'array') feedTypes = arrayItems(src, t.start).map(str).filter((x): x is string => !!x);
    }
    const archive = p.get('archiveBasePath');
    const count = p.get('blogSidebarCount');
    return {
      id: str(p.get('id')) ?? 'default',
      path,
      routeBasePath: route(str(p.get('routeBasePath')), 'blog'),
      tagsBasePath: route(str(p.get('tagsBasePath')), 'tags'),
      archiveBasePath: archive?.type === 'null' ? undefined : route(str(archive), 'archive'),
      pageBasePath: route(str(p.get('pageBasePath')), 'page'),
      authorsBasePath: route(str(p.get('authorsBasePath')), 'authors'),
      postsPerPage: ppp?.type === 'string' && ppp.value === 'ALL' ? 'ALL' : num(ppp) ?? 10,
      authorsMapPath: posix.join(path, relPath(str(p.get('authorsMapPath')) ?? 'authors.yml')),
      tagsFile: tags?.type === 'null' || (tags?.type === 'boolean' && !tags.value) ? undefined : posix.join(path, relPath(str(tags) ?? 'tags.yml')),
      feedTypes,
      blogSidebarCount: count?.type === 'string' && count.value === 'ALL' ? 'ALL' : num(count),
      blogSidebarTitle: str(p.get('blogSidebarTitle')),
    };
  };
  const docsFrom = (p: Map<string, JsValue>): DocusaurusDocs => ({
    id: str(p.get('id')) ?? 'default',
    path: relPath(str(p.get('path')) ?? 'docs'),
    routeBasePath: route(str(p.get('routeBasePath')), 'docs'),
    // `numberPrefixParser: false` keeps `01-intro` as written.
    numberPrefixes: bool(p.get('numberPrefixParser')) !== false,
  });

  if (classic) {
    // Preset options `blog: {…}` / `docs: {…}`; `themeConfig.blog` (sidebar settings) is not it.
    const blogObjs = [...objectsAfter(src, /\bblog\s*:/), ...namedObjects(src, 'blog')].map((o) => objectProps(src, o)).filter((p) => !(p.size === 1 && p.has('sidebar')));
    if (!/\bblog\s*:\s*false\b/.test(src)) blogs.push(blogFrom(blogObjs[0] ?? new Map()));
    const docObjs = [...objectsAfter(src, /\bdocs\s*:/), ...namedObjects(src, 'docs')].map((o) => objectProps(src, o)).filter((p) => p.has('path') || p.has('routeBasePath') || p.has('sidebarPath') || p.has('editUrl') || p.size === 0 || p.has('numberPrefixParser'));
    if (!/\bdocs\s*:\s*false\b/.test(src)) docs.push(docsFrom(docObjs[0] ?? new Map()));
  }
  for (const o of objectsAfter(src, /['"]@docusaurus\/plugin-content-blog['"]\s*,/)) blogs.push(blogFrom(objectProps(src, o)));
  for (const o of objectsAfter(src, /['"]@docusaurus\/plugin-content-docs['"]\s*,/)) docs.push(docsFrom(objectProps(src, o)));
  // A plugin named without options: its defaults.
  if (/['"]@docusaurus\/plugin-content-blog['"]\s*[\],]/.test(src.replace(/['"]@docusaurus\/plugin-content-blog['"]\s*,\s*\{/g, '')) && !blogs.length) blogs.push(blogFrom(new Map()));

  const i18n = top.get('i18n');
  const locale = i18n?.type === 'object' ? str(objectProps(src, i18n.start).get('defaultLocale')) : undefined;
  const sd = top.get('staticDirectories');
  const staticDirs = sd?.type === 'array' ? arrayItems(src, sd.start).map(str).filter((x): x is string => !!x).map(relPath) : ['static'];
  const pagesOff = classic && /\bpages\s*:\s*false\b/.test(src);

  return {
    title: str(top.get('title')),
    url: str(top.get('url')),
    basePath: normBase(str(top.get('baseUrl')) ?? '/'),
    trailingSlash: ts?.type === 'boolean' ? ts.value : undefined,
    blogs,
    docs,
    pagesPath: pagesOff ? undefined : 'src/pages',
    staticDirs,
    defaultLocale: locale ?? 'en',
  };
}
