/**
 * Docusaurus: blog posts (plugin-content-blog), docs (plugin-content-docs, basic rules) and Markdown
 * pages (`src/pages`). Link semantics are 'file': rewriteLink says what Docusaurus makes of a link —
 * a `.md` path becomes its page's URL when the file is in the same plugin, a relative path to a file
 * becomes a bundled asset, and anything else is a URL (baseUrl added by the Link component).
 */
import { COMMONMARK_GFM } from '../../markdown/dialect';
import { posix } from 'node:path';
import type { FileRole, FrontMatterData, GeneratorModel, StaticDir } from '../../site/generator';
import type { Page, SiteIssue } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import type { DocusaurusBlog, DocusaurusConfig, DocusaurusDocs } from './config';
import { joinRoute, kebabCase, parseBlogFileName, resolveRelative, stripNumberPrefix, trailing } from './paths';

const MD = /\.mdx?$/i;
const PAGE_EXT = /\.(mdx?|jsx?|tsx?)$/i;

/** A tag predefined in `tags.yml`. */
export interface PredefinedTag {
  readonly label: string;
  /** Without the tags route: `/release`. */
  readonly permalink: string;
}

/** An author from `authors.yml` that has a page of their own (Docusaurus ≥3.5 `page:`). */
export interface AuthorPage {
  readonly key: string;
  readonly permalink: string;
}

export interface DocusaurusModelInit {
  readonly root: string;
  readonly config: DocusaurusConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
  /** Per blog id: predefined tags by key. */
  readonly tags: ReadonlyMap<string, ReadonlyMap<string, PredefinedTag>>;
  /** Per blog id with a non-empty authors map: the authors that have pages. */
  readonly authorPages: ReadonlyMap<string, readonly AuthorPage[]>;
  /** Author files that exist (site-relative). */
  readonly authorFiles: readonly string[];
}

type Placement =
  | { readonly kind: 'blog'; readonly blog: DocusaurusBlog; readonly inner: string }
  | { readonly kind: 'docs'; readonly docs: DocusaurusDocs; readonly inner: string }
  | { readonly kind: 'pages'; readonly inner: string }
  | { readonly kind: 'none' };

/** The plugins' default `exclude`: `_` files and folders, tests. */
function excludedName(inner: string): boolean {
  return inner.split('/').some((s) => s.startsWith('_') || s === '__tests__') || /\.test\.[jt]sx?$/.test(inner);
}

export function createDocusaurusModel(init: DocusaurusModelInit): GeneratorModel {
  const c = init.config;
  const basePath = c.basePath;
  const lang = c.defaultLocale;
  const roots: { dir: string; place: (inner: string) => Placement }[] = [
    ...c.blogs.map((b) => ({ dir: b.path, place: (inner: string): Placement => ({ kind: 'blog', blog: b, inner }) })),
    ...c.docs.map((d) => ({ dir: d.path, place: (inner: string): Placement => ({ kind: 'docs', docs: d, inner }) })),
    ...(c.pagesPath ? [{ dir: c.pagesPath, place: (inner: string): Placement => ({ kind: 'pages', inner }) }] : []),
  ].sort((a, b) => b.dir.length - a.dir.length);
  /** Inline `{label, permalink}` tags seen in posts, so their term pages get the right URL. */
  const inlineTagPermalinks = new Map<string, string>();

  function place(file: string): Placement {
    for (const r of roots) {
      if (r.dir === '.' || file.startsWith(r.dir + '/')) {
        const inner = r.dir === '.' ? file : file.slice(r.dir.length + 1);
        if (excludedName(inner)) return { kind: 'none' };
        return r.place(inner);
      }
    }
    return { kind: 'none' };
  }

  const fin = (path: string) => trailing(path, c.trailingSlash, basePath);

  function str(v: unknown): string | undefined {
    return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  }

  function flag(data: FrontMatterData, key: string): boolean {
    const v = fmGet(data, key);
    return v === true || v === 'true';
  }

  function tagPermalink(blogId: string, term: string): string {
    const pre = init.tags.get(blogId)?.get(term);
    if (pre) return pre.permalink;
    return inlineTagPermalinks.get(term) ?? '/' + kebabCase(term);
  }

  function docsSlug(p: { docs: DocusaurusDocs; inner: string }, data: FrontMatterData): string {
    const strip = (s: string) => (p.docs.numberPrefixes ? stripNumberPrefix(s) : s);
    const dirRaw = posix.dirname(p.inner);
    const dir = dirRaw === '.' ? '' : dirRaw.split('/').map(strip).join('/');
    const fileName = strip(posix.basename(p.inner).replace(/\.[^.]+$/, ''));
    const fmSlug = str(fmGet(data, 'slug'));
    if (fmSlug?.startsWith('/')) return fmSlug;
    // isCategoryIndex: `index`, `README`, or the folder's own name.
    const parentName = dirRaw === '.' ? undefined : posix.basename(dirRaw);
    const lower = posix.basename(p.inner).replace(/\.[^.]+$/, '').toLowerCase();
    if (!fmSlug && (lower === 'index' || lower === 'readme' || (parentName !== undefined && lower === parentName.toLowerCase()))) return '/' + dir + (dir ? '/' : '');
    const baseId = fmSlug ?? str(fmGet(data, 'id')) ?? fileName;
    return resolveRelative(baseId, dir);
  }

  function pluginDir(p: Placement): string {
    return p.kind === 'blog' ? p.blog.path : p.kind === 'docs' ? p.docs.path : p.kind === 'pages' ? c.pagesPath ?? 'src/pages' : '.';
  }

  /** Same plugin instance, and a Markdown document of it (the only targets sourceToPermalink holds). */
  function samePlugin(a: Placement, b: Placement): boolean {
    if (a.kind !== b.kind || a.kind === 'none') return false;
    if (a.kind === 'blog' && b.kind === 'blog') return a.blog === b.blog && MD.test(a.inner);
    if (a.kind === 'docs' && b.kind === 'docs') return a.docs === b.docs && MD.test(a.inner);
    return a.kind === 'pages' && MD.test(a.inner);
  }

  const staticDirs: StaticDir[] = c.staticDirs.map((dir) => ({ dir, urlPrefix: basePath }));
  const contentDirs = [...new Set(roots.map((r) => r.dir))];

  const model: GeneratorModel = {
    summary: {
      root: init.root,
      generator: 'docusaurus',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url ? c.url.replace(/\/+$/, '') + basePath + '/' : undefined,
      basePath,
      linkSemantics: 'file',
      contentDirs,
    },
    dialect: COMMONMARK_GFM,
    // "Blog author with key … not found in the authors map file" (plugin-content-blog) stops the build.
    frontMatterRules: { unknownAuthorFails: true },
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      // The date comes from the file name; the front matter does not repeat it.
      newPost: { sectionBase: '', sections: false, firstLevelSections: false, defaultFolder: contentDirs.find((d) => /(^|\/)blog$/.test(d)) ?? contentDirs.find((d) => d.includes('blog')) ?? 'blog', datedNames: true, bundles: true, defaults: { format: 'yaml', keyOrder: ['title', 'authors', 'tags'], dateStyle: 'rfc3339', authorKey: 'authors' } },
    },
    // The theme renders h1 without an id (it is the title, not in the table of contents) [verified 3.10].
    headingIdsFromLevel: 2,
    taxonomies: [{ singular: 'tag', plural: 'tags' }],
    issues: init.issues,
    contentDirs,
    staticDirs,
    // Only the plugin folders are crawled, so the build output needs no entry here.
    ignoreDirs: ['node_modules', '.git', '__tests__'],
    watchFiles: [...(init.configFile ? [posix.relative(init.root, init.configFile)] : []), ...init.authorFiles, ...c.blogs.flatMap((b) => (b.tagsFile ? [b.tagsFile] : []))],
    authorSources: init.authorFiles.map((path) => ({ path, shape: 'map' as const })),

    isContentDocument(file) {
      return MD.test(file) && place(file).kind !== 'none';
    },

    roleOf(file): FileRole {
      const p = place(file);
      if (p.kind === 'none') return { role: 'none' };
      return MD.test(file) ? { role: 'page' } : { role: 'resource' };
    },

    pagesFor(file, data, _files, _now) {
      const p = place(file);
      if (!MD.test(file) || p.kind === 'none') return [];
      const title = str(fmGet(data, 'title'));
      const draft = flag(data, 'draft');
      const st = { status: draft ? ('draft' as const) : ('published' as const), willPublish: !draft };
      if (p.kind === 'blog') {
        const parsed = parseBlogFileName(p.inner);
        const slug = str(fmGet(data, 'slug')) ?? parsed.slug;
        const url = fin(joinRoute(basePath, p.blog.routeBasePath, slug));
        const dateRaw = fmGet(data, 'date');
        const date = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : parsed.date;
        return [{ file, url, kind: 'page', ...st, lang, aliases: [], title, date, section: p.blog.routeBasePath || p.blog.path }];
      }
      if (p.kind === 'docs') {
        const url = fin(joinRoute(basePath, p.docs.routeBasePath, docsSlug(p, data)));
        return [{ file, url, kind: url === basePath + '/' ? 'home' : 'page', ...st, lang, aliases: [], title, section: p.docs.routeBasePath || p.docs.path }];
      }
      const route = '/' + p.inner.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, '$1');
      const url = fin(joinRoute(basePath, route));
      return [{ file, url, kind: url === basePath + '/' ? 'home' : 'page', ...st, lang, aliases: [], title, section: '' }];
    },

    rewriteLink(fromFile, pageUrl, path, files) {
      const from = place(fromFile);
      if (from.kind === 'none') return undefined;
      const dir = posix.dirname(fromFile);
      if (MD.test(path)) {
        // mdx-loader resolveMarkdownLinks: a `.md` path is looked up among the Markdown files of the
        // plugin the linking file belongs to (not another plugin's), else left as written [verified 3.10].
        const own = pluginDir(from);
        const dirs = path.startsWith('/') ? [own, '.'] : /^\.\.?\//.test(path) ? [dir] : [dir, own, '.'];
        for (const d of dirs) {
          const f = posix.normalize(posix.join(d, path)).replace(/^\/+/, '');
          if (files.has(f) && samePlugin(place(f), from)) return { file: f };
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
    },

    resourceUrl(file) {
      const p = place(file);
      // React pages are routes too; blog and docs assets are bundled under hashed names instead.
      if (p.kind === 'pages' && PAGE_EXT.test(file)) {
        const route = '/' + p.inner.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, '$1');
        return fin(joinRoute(basePath, route));
      }
      return undefined;
    },

    derivedPages(pages, terms) {
      const out: Page[] = [];
      const extra: string[] = [];
      const have = new Set(pages.map((p) => p.url));
      const add = (url: string, kind: Page['kind'], section: string, more: Partial<Page> = {}) => {
        if (have.has(url)) return;
        have.add(url);
        out.push({ url, kind, status: 'published', willPublish: true, lang, aliases: [], section, ...more });
      };
      for (const b of c.blogs) {
        // A blog at the site root (`routeBasePath: '/'`) lists its posts on the home page.
        const base = b.routeBasePath ? joinRoute(basePath, b.routeBasePath) : basePath + '/';
        const section = b.routeBasePath || b.path;
        const posts = pages.filter((p) => p.file?.startsWith(b.path === '.' ? '' : b.path + '/') && p.willPublish);
        add(fin(base), base === basePath + '/' ? 'home' : 'section', section);
        const perPage = b.postsPerPage === 'ALL' ? Infinity : Math.max(1, b.postsPerPage);
        for (let i = 2; i <= Math.ceil(posts.length / perPage); i++) extra.push(fin(joinRoute(base, b.pageBasePath, String(i))));
        if (b.archiveBasePath !== undefined) add(fin(joinRoute(base, b.archiveBasePath)), 'section', section);
        const blogTerms = terms.get(`${lang}\u0000tags`);
        if (blogTerms && blogTerms.size) {
          add(fin(joinRoute(base, b.tagsBasePath)), 'taxonomy', section, { taxonomy: 'tags' });
          for (const [term, count] of blogTerms) {
            const u = fin(joinRoute(base, b.tagsBasePath, tagPermalink(b.id, term)));
            add(u, 'term', section, { taxonomy: 'tags', term });
            for (let i = 2; i <= Math.ceil(count / perPage); i++) extra.push(fin(joinRoute(base, b.tagsBasePath, tagPermalink(b.id, term), b.pageBasePath, String(i))));
          }
        }
        const authors = init.authorPages.get(b.id);
        if (authors) {
          add(fin(joinRoute(base, b.authorsBasePath)), 'taxonomy', section, { taxonomy: 'authors' });
          for (const a of authors) add(fin(joinRoute(base, b.authorsBasePath, a.permalink)), 'term', section, { taxonomy: 'authors', term: a.key });
        }
        for (const t of b.feedTypes) extra.push(joinRoute(base, t === 'rss' ? 'rss.xml' : t === 'atom' ? 'atom.xml' : 'feed.json'));
      }
      extra.push(joinRoute(basePath, 'sitemap.xml'), joinRoute(basePath, '404.html'));
      return { pages: out, extraUrls: extra };
    },

    termsOf(data) {
      const m = new Map<string, string[]>();
      const v = fmGet(data, 'tags');
      const list: string[] = [];
      for (const t of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
        if (typeof t === 'string' || typeof t === 'number') list.push(String(t));
        else if (t && typeof t === 'object') {
          const label = str((t as Record<string, unknown>)['label']);
          const permalink = str((t as Record<string, unknown>)['permalink']);
          if (label) {
            list.push(label);
            if (permalink) inlineTagPermalinks.set(label, permalink.startsWith('/') ? permalink : '/' + permalink);
          }
        }
      }
      if (list.length) m.set('tags', [...new Set(list)]);
      return m;
    },

    termKey(_taxonomy, term) {
      return tagPermalink(c.blogs[0]?.id ?? 'default', term).replace(/^\/+/, '');
    },
  };
  return model;
}
