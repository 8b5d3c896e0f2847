/**
 * Jekyll: which file becomes which page at which URL (Jekyll 4). Pinned to the real jekyll 4.3.1 by
 * test/conformance/jekyll-urls.test.ts (fixtures test/fixtures/jekyll-*), which compares every
 * source file's URL and every written file with this model.
 */
import { jekyllFrontMatter } from './frontMatterRules';
import { BASIC_FRONT_MATTER } from '../../site/generator';
import type { MarkdownDialect } from '../../markdown/dialect';
import type { LiquidSite } from '../../markdown/liquid';
import { posix } from 'node:path';
import { NO_FRONT_MATTER, type FileLookup, type FileRole, type FrontMatterData, type GeneratorModel } from '../../site/generator';
import type { Page, PublishStatus, SiteIssue } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import type { JekyllCollection, JekyllConfig } from './config';
import { addPermalinkSuffix, datePlaceholders, fillTemplate, frontMatterDate, jekyllDate, postTemplate, slugify, type DateParts } from './urls';
import { createPlacer } from './place';
import { createDefaults } from './defaults';
import { derivedCollector } from '../../site/derived';

/** Document::DATE_FILENAME_MATCHER: `[dir/]2019-03-01-title.md`. */
const DATE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
/** HTML pages and posts (`.htm` keeps its own output extension: not modelled, taken as a static file). */
const HTML = /\.html$/i;

export interface JekyllModelInit {
  readonly root: string;
  readonly config: JekyllConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
  /** Site-relative author data file, when one exists (`_data/authors.yml`). */
  readonly authorsFile?: string;
  readonly dialect: MarkdownDialect;
  readonly liquid?: LiquidSite;
}

/** Front-matter lists Jekyll splits on white space when written as one string. */
function splitList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
  if (typeof v === 'string') return v.split(/\s+/).filter(Boolean);
  if (typeof v === 'number') return [String(v)];
  return [];
}

/** Utils.pluralized_array_from_hash: the singular key if present, else the plural one. */
function pluralized(data: FrontMatterData, singular: string, plural: string): string[] {
  const v = data[singular];
  if (v !== undefined && v !== null) return Array.isArray(v) ? splitList(v) : typeof v === 'object' ? [] : [String(v)];
  return splitList(data[plural]);
}

export function categoriesOf(data: FrontMatterData): string[] {
  return [...new Set([...splitList(data['categories']), ...pluralized(data, 'category', 'categories')])];
}

export function tagsOf(data: FrontMatterData): string[] {
  return [...new Set(pluralized(data, 'tag', 'tags'))];
}

export function createJekyllModel(init: JekyllModelInit): GeneratorModel {
  const c = init.config;
  const basePath = c.basePath;
  const place = createPlacer(c);
  const defaults = createDefaults(c.defaults, c.collectionsDir);
  // Without `timezone:` Jekyll uses the build machine's zone: UTC on GitHub Pages and CI runners.
  const zone = c.timezone ?? 'UTC';
  /** Posts seen so far, by file name without extension: `post_url` may omit the subfolder. */
  const knownPosts = new Map<string, Set<string>>();

  const extOf = (file: string) => /\.[^./]*$/.exec(posix.basename(file).replace(/^\.+/, ''))?.[0] ?? '';
  const isMarkdown = (file: string) => c.markdownExts.includes(extOf(file).toLowerCase());
  /** What Jekyll converts into a page or document when it has front matter (here: Markdown and HTML). */
  const isDoc = (file: string) => isMarkdown(file) || HTML.test(file);
  /** Document#relative_path and FrontmatterDefaults paths are taken inside collections_dir. */
  const relPath = (file: string) => (c.collectionsDir && file.startsWith(c.collectionsDir + '/') ? file.slice(c.collectionsDir.length + 1) : file);
  /** Document#cleaned_relative_path: without extension, collection folder and trailing dots. */
  const cleanedPath = (file: string, collectionDir: string) => {
    const rel = relPath(file);
    return rel.slice(0, rel.length - extOf(rel).length).replace(collectionDir, '').replace(/\.+$/, '');
  };

  /** Front matter over the defaults that apply to the file (Document#merge_defaults). */
  function withDefaults(file: string, type: string, data: FrontMatterData): FrontMatterData {
    return { ...defaults.all(relPath(file), type), ...data };
  }

  function str(v: unknown): string | undefined {
    return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  }

  /** Page#template (Markdown and HTML pages are `html?`). */
  function pageTemplate(base: string): string {
    return base === 'index' ? '/:path/' : addPermalinkSuffix('/:path/:basename', c.permalink);
  }

  function pageUrl(p: { dir: string; base: string }, permalink: string | undefined): string {
    // Page#process: the name without its extension and trailing dots.
    const basename = p.base.slice(0, p.base.length - extOf(p.base).length).replace(/\.+$/, '');
    return basePath + fillTemplate(permalink ?? pageTemplate(basename), { path: p.dir, basename, output_ext: '.html' });
  }

  /**
   * StaticFile#url: a plain file keeps its path (trailing dots of its name dropped); a collection's
   * file follows the collection's permalink with its own extension.
   */
  function staticUrl(file: string, col?: JekyllCollection): string | undefined {
    const ext = extOf(file);
    if (!col) return basePath + '/' + file.slice(0, file.length - ext.length).replace(/\.+$/, '') + ext;
    if (!col.output) return undefined;
    const name = posix.basename(file);
    const values = { collection: col.label, path: cleanedPath(file, '_' + col.label), output_ext: '', name: name.slice(0, name.length - ext.length).replace(/\.+$/, ''), title: '' };
    return basePath + fillTemplate(collectionTemplate(col), values).replace(/\/$/, '') + ext;
  }

  /** Collection#url_template: the collection's permalink as written (a style name is not expanded). */
  function collectionTemplate(col: JekyllCollection): string {
    return col.permalink ?? addPermalinkSuffix('/:collection/:path', c.permalink);
  }

  function status(data: FrontMatterData, date: DateParts | undefined, now: Date, isDraft: boolean, dated: boolean): { status: PublishStatus; willPublish: boolean } {
    const unpublished = data['published'] === false || data['published'] === 'false';
    if (isDraft) return { status: 'draft', willPublish: c.showDrafts && (!unpublished || c.unpublished) };
    if (unpublished) return { status: 'draft', willPublish: c.unpublished };
    if (dated && date && date.epoch > now.getTime()) return { status: 'future', willPublish: c.future };
    return { status: 'published', willPublish: true };
  }

  /** jekyll-redirect-from's `redirect_from` (Redirectable#redirect_from: a string is one path). */
  function redirects(data: FrontMatterData): string[] {
    if (!c.plugins.includes('jekyll-redirect-from')) return [];
    const v = data['redirect_from'];
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
    return list.filter((a) => a && !/^[a-z]+:\/\//i.test(a)).map((a) => basePath + fillTemplate(a, {}));
  }

  function nowParts(now: Date): DateParts {
    return jekyllDate(now.toISOString(), zone) ?? { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, epoch: 0 };
  }

  /**
   * Categories of a post or document: the folders above `_posts` (posts only), then those of the
   * front-matter defaults and the front matter (Document#merge_categories! keeps all of them), then
   * `category` (Document#populate_categories).
   */
  function categoriesFor(pathCategories: readonly string[], file: string, type: string, rawData: FrontMatterData, data: FrontMatterData): string[] {
    const fromDefaults = splitList(defaults.all(relPath(file), type)['categories']);
    return [...new Set([...pathCategories, ...fromDefaults, ...splitList(rawData['categories']), ...pluralized(data, 'category', 'categories')])];
  }

  /** Drops::UrlDrop for a post or collection document. */
  function documentUrl(file: string, type: string, collectionDir: string, pathCategories: readonly string[], rawData: FrontMatterData, now: Date, template: string) {
    const data = withDefaults(file, type, rawData);
    const rel = relPath(file);
    // Document#populate_title: date and slug from a dated file name, else the name itself.
    const m = DATE_NAME.exec(posix.basename(rel));
    const name = posix.basename(rel);
    const nameNoExt = name.slice(0, name.length - extOf(name).length);
    const fileSlug = (m ? m[2] : nameNoExt).replace(/\.+$/, '');
    const fmDate = fmGet(data, 'date');
    const dateRaw = fmDate ?? m?.[1];
    const date = fmDate !== undefined ? frontMatterDate(fmDate, zone) : jekyllDate(m?.[1], zone);
    const slug = str(data['slug']) ?? fileSlug;
    const cats = categoriesFor(pathCategories, file, type, rawData, data);
    const values = {
      ...datePlaceholders(date ?? nowParts(now)),
      collection: type,
      path: cleanedPath(file, collectionDir),
      name: slugify(nameNoExt),
      title: slugify(slug, 'pretty', true),
      slug: slugify(slug),
      categories: [...new Set(cats.map((x) => x.toLowerCase()))].join('/'),
      slugified_categories: [...new Set(cats.map((x) => slugify(x)))].join('/'),
      output_ext: '.html',
    };
    const url = basePath + fillTemplate(str(data['permalink']) ?? template, values);
    const dateText = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : m?.[1];
    return { data, date, url, dateText };
  }

  /** The page a Markdown or HTML file publishes, before jekyll-redirect-from replaces it. */
  function pageOf(file: string, rawData: FrontMatterData, now: Date): Page | undefined {
    if (!isDoc(file)) return undefined;
    const p = place(file);
    const title = str(fmGet(rawData, 'title'));
    const lang = 'en';
    if (p.kind === 'post' || p.kind === 'draft') {
      // Posts need no front matter (PostReader reads every dated file in `_posts`).
      const name = posix.basename(p.inner);
      if (p.kind === 'post' && !DATE_NAME.test(name)) return undefined;
      if (p.kind === 'post') {
        const nameNoExt = name.replace(/\.[^.]+$/, '');
        let set = knownPosts.get(nameNoExt);
        if (!set) knownPosts.set(nameNoExt, (set = new Set()));
        set.add(file);
      }
      const d = documentUrl(file, 'posts', '_posts', p.categories, rawData, now, c.postsPermalink ?? postTemplate(c.permalink));
      const st = status(d.data, d.date ?? nowParts(now), now, p.kind === 'draft', true);
      return { file, url: d.url, kind: 'page', ...st, lang, aliases: redirects(d.data), title, date: d.dateText, section: 'posts' };
    }
    // Without front matter a page or collection file is copied as it is (copiedDocumentUrls).
    if (rawData === NO_FRONT_MATTER) return undefined;
    if (p.kind === 'collection') {
      if (!p.collection.output) return undefined;
      const d = documentUrl(file, p.collection.label, '_' + p.collection.label, [], rawData, now, collectionTemplate(p.collection));
      const st = status(d.data, d.date, now, false, !!d.date);
      return { file, url: d.url, kind: 'page', ...st, lang, aliases: redirects(d.data), title, date: d.dateText, section: p.collection.label };
    }
    if (p.kind === 'page') {
      const data = withDefaults(file, 'pages', rawData);
      // Page#permalink reads data["permalink"], which falls back to the defaults; `published` is
      // read with Hash#fetch (Publisher), which does not: only the page's own front matter counts.
      const url = pageUrl(p, str(rawData['permalink']) ?? str(defaults.find(relPath(file), 'pages', 'permalink')));
      const st = status(rawData, undefined, now, false, false);
      const kind = url === basePath + '/' ? 'home' : 'page';
      return { file, url, kind, ...st, lang, aliases: redirects(data), title, section: p.dir.split('/')[0] ?? '' };
    }
    return undefined;
  }

  /**
   * jekyll-redirect-from: a page or document with `redirect_to` (own front matter or defaults) is
   * written as a redirect page at its URL, its content replaced.
   */
  function redirectTo(page: Page, rawData: FrontMatterData): boolean {
    if (!c.plugins.includes('jekyll-redirect-from') || !page.file) return false;
    const p = place(page.file);
    const type = p.kind === 'collection' ? p.collection.label : p.kind === 'page' ? 'pages' : 'posts';
    const v = withDefaults(page.file, type, rawData)['redirect_to'];
    return Array.isArray(v) ? v.some((x) => x !== null && x !== undefined) : v !== null && v !== undefined && v !== '';
  }

  /** Jekyll reads the `date` of posts, drafts and collection documents, never of a page. */
  const readsDate = (file: string): boolean => {
    const kind = place(file).kind;
    return kind === 'post' || kind === 'draft' || kind === 'collection';
  };

  const model: GeneratorModel = {
    summary: {
      root: init.root,
      generator: 'jekyll',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url !== undefined ? c.url.replace(/\/+$/, '') + basePath + '/' : undefined,
      basePath,
      htmlExtensionOptional: true,
      linkSemantics: 'url',
      contentDirs: [''],
    },
    dialect: init.dialect,
    authoring: {
      linkForms: ['post_url'],
      aliasesOnMove: false,
      newPost: { sectionBase: '', sections: false, firstLevelSections: false, defaultFolder: '_posts', draftsFolder: '_drafts', datedNames: true, bundles: false, defaults: { ...BASIC_FRONT_MATTER, dateStyle: 'space-offset' } },
    },
    liquid: init.liquid,
    watchDirs: [c.dataDir],
    taxonomies: [
      { singular: 'category', plural: 'categories' },
      { singular: 'tag', plural: 'tags' },
    ],
    issues: init.issues,
    contentDirs: [''],
    staticDirs: [],
    ignoreDirs: ['_site', '.jekyll-cache', '.sass-cache', '.jekyll-metadata', 'vendor', 'node_modules', '.git', '.bundle', '_layouts', '_includes', '_sass', c.dataDir],
    watchFiles: [init.configFile ? posix.relative(init.root, init.configFile) : '_config.yml', ...(init.authorsFile ? [init.authorsFile] : [])],
    authorSources: init.authorsFile ? [{ path: init.authorsFile, shape: 'map' }] : [],

    isContentDocument(file) {
      return isDoc(file) && place(file).kind !== 'hidden';
    },

    roleOf(file): FileRole {
      const p = place(file);
      if (p.kind === 'hidden') return { role: 'none' };
      if (p.kind === 'collection' && !p.collection.output) return { role: 'none' };
      if (!isDoc(file)) return p.kind === 'page' || p.kind === 'collection' ? { role: 'resource' } : { role: 'none' };
      if (p.kind === 'post' && !DATE_NAME.test(posix.basename(p.inner))) return { role: 'none' };
      return { role: 'page' };
    },

    readsDate,
    frontMatterRules: jekyllFrontMatter(readsDate),

    pagesFor(file, rawData, _files: FileLookup, now) {
      const page = pageOf(file, rawData, now);
      return page && !redirectTo(page, rawData) ? [page] : [];
    },

    resourceUrl(file) {
      const p = place(file);
      if (p.kind === 'page') return staticUrl(file);
      if (p.kind === 'collection') return staticUrl(file, p.collection);
      return undefined;
    },

    copiedDocumentUrls(file, data, now) {
      if (data === NO_FRONT_MATTER) {
        const p = place(file);
        const url = p.kind === 'page' ? staticUrl(file) : p.kind === 'collection' ? staticUrl(file, p.collection) : undefined;
        return url ? [url] : [];
      }
      const page = pageOf(file, data, now);
      // Its redirect_from pages are written too.
      return page?.willPublish && redirectTo(page, data) ? [page.url, ...page.aliases] : [];
    },

    derivedPages(pages, terms) {
      const { out, extra, add } = derivedCollector(pages);
      const posts = pages.filter((p) => p.section === 'posts' && p.willPublish);
      if (c.plugins.includes('jekyll-feed')) extra.push(basePath + '/feed.xml');
      if (c.plugins.includes('jekyll-sitemap')) extra.push(basePath + '/sitemap.xml', basePath + '/robots.txt');
      if (c.plugins.includes('jekyll-redirect-from') && c.redirectsJson) extra.push(basePath + '/redirects.json');
      if (c.paginate && (c.plugins.includes('jekyll-paginate') || c.plugins.includes('jekyll-paginate-v2'))) {
        const n = Math.ceil(posts.length / c.paginate);
        for (let i = 2; i <= n; i++) extra.push(basePath + fillTemplate(c.paginatePath.replace(':num', String(i)), {}));
      }
      const a = c.archives;
      if (a) {
        // jekyll-archives defaults; term names are slugified (Utils.slugify, default mode).
        const links: Record<string, string> = { year: '/:year/', month: '/:year/:month/', day: '/:year/:month/:day/', tag: '/tag/:name/', category: '/category/:name/', ...a.permalinks };
        for (const [tax, singular] of [['tags', 'tag'], ['categories', 'category']] as const) {
          if (!a.enabled.includes(tax)) continue;
          for (const term of terms.get(`en\u0000${tax}`)?.keys() ?? []) {
            const url = basePath + fillTemplate(links[singular], { name: slugify(term) });
            add({ url, kind: 'term', status: 'published', willPublish: true, lang: 'en', aliases: [], section: tax, taxonomy: tax, term });
          }
        }
        const dates = new Set<string>();
        for (const p of posts) {
          const d = /^(\d{4})\/(\d{2})\/(\d{2})/.exec((p.date ?? '').replace(/-/g, '/'));
          if (!d) continue;
          if (a.enabled.includes('year')) dates.add(fillTemplate(links.year, { year: d[1] }));
          if (a.enabled.includes('month')) dates.add(fillTemplate(links.month, { year: d[1], month: d[2] }));
          if (a.enabled.includes('day')) dates.add(fillTemplate(links.day, { year: d[1], month: d[2], day: d[3] }));
        }
        for (const u of dates) extra.push(basePath + u);
      }
      return { pages: out, extraUrls: extra };
    },

    termsOf(data) {
      const m = new Map<string, string[]>();
      const cats = categoriesOf(data);
      const tags = tagsOf(data);
      if (cats.length) m.set('categories', cats);
      if (tags.length) m.set('tags', tags);
      return m;
    },

    termKey: (_taxonomy, term) => slugify(term),

    refCandidates(ref) {
      const r = ref.trim().split('#')[0].replace(/^\/+/, '');
      if (!r) return [];
      const post = /^((?:[^/]+\/)*)(\d+-\d+-\d+)-([^/]+)$/.exec(r);
      if (post && !isMarkdown(r) && !/\.html?$/i.test(r)) {
        // `{% post_url [dir/]2019-03-01-x %}` (tags/post_url.rb: PostComparer): `_posts/dir/` or `dir/_posts/`;
        // without the folder Jekyll still finds a post by date and name (with a deprecation warning).
        const [, dir, date, slug] = post;
        const out: string[] = [];
        for (const ext of ['md', 'markdown', 'html', 'mkd', 'mkdn', 'mdown', 'mkdown']) {
          out.push(`_posts/${dir}${date}-${slug}.${ext}`);
          if (dir) out.push(`${dir}_posts/${date}-${slug}.${ext}`);
        }
        out.push(...[...(knownPosts.get(`${date}-${slug}`) ?? [])].sort());
        return [...new Set(out)];
      }
      // `{% link path %}`: the exact source path from the site root.
      return [r];
    },
  };
  return model;
}
