/**
 * Jekyll: which file becomes which page at which URL (Jekyll 4). Rules and their sources are in
 * shared/docs/site-generator-semantics.md; the [verified] ones were checked against jekyll 4.3.1.
 */
import type { MarkdownDialect } from '../../markdown/dialect';
import type { LiquidSite } from '../../markdown/liquid';
import { posix } from 'node:path';
import type { FileLookup, FileRole, FrontMatterData, GeneratorModel } from '../../site/generator';
import type { PublishStatus, SiteIssue } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import type { JekyllCollection, JekyllConfig } from './config';
import { addPermalinkSuffix, datePlaceholders, fillTemplate, jekyllDate, postTemplate, slugify, type DateParts } from './urls';
import { derivedCollector } from '../../site/derived';

const MARKDOWN = /\.(md|markdown|mkdown|mkdn|mkd|mdown)$/i;
/** Document::DATE_FILENAME_MATCHER on the file name: `2019-03-01-title.md`. */
const DATE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/;

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

type Placement =
  | { readonly kind: 'post' | 'draft'; readonly categories: readonly string[]; readonly inner: string }
  | { readonly kind: 'collection'; readonly collection: JekyllCollection; readonly inner: string }
  | { readonly kind: 'page'; readonly dir: string; readonly base: string }
  | { readonly kind: 'static' }
  | { readonly kind: 'hidden' };

/** A Jekyll `exclude:`/`include:` entry: a path, a folder (prefix) or a glob. */
function matchesEntry(pattern: string, file: string): boolean {
  const p = pattern.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  if (!p) return false;
  if (file === p || file.startsWith(p + '/')) return true;
  if (!/[*?[]/.test(p)) return false;
  const re = new RegExp('^' + p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*') + '(/|$)');
  return re.test(file);
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
  /** Posts seen so far, by file name without extension: `post_url` may omit the subfolder. */
  const knownPosts = new Map<string, Set<string>>();

  function excluded(file: string): boolean {
    if (c.include.some((p) => matchesEntry(p, file))) return false;
    return c.exclude.some((p) => matchesEntry(p, file));
  }

  /** EntryFilter#special? / #backup?: `_x`, `.x`, `#x`, `x~` are not read unless included. */
  function special(seg: string): boolean {
    return /^[_.#]/.test(seg) || seg.endsWith('~');
  }

  function place(file: string): Placement {
    if (excluded(file)) return { kind: 'hidden' };
    for (const col of c.collections) {
      if (file.startsWith(col.dir + '/')) return { kind: 'collection', collection: col, inner: file.slice(col.dir.length + 1) };
    }
    const segs = file.split('/');
    const magic = segs.findIndex((s) => s === '_posts' || s === '_drafts');
    const dirsBefore = magic >= 0 ? segs.slice(0, magic) : segs.slice(0, -1);
    if (dirsBefore.some((s) => special(s) && !c.include.includes(s))) return { kind: 'hidden' };
    if (magic >= 0) {
      // Folders above `_posts` become categories; folders below it do not, nor does `collections_dir`
      // (Document#relative_path is taken from inside it).
      const inCollectionsDir = c.collectionsDir && file.startsWith(c.collectionsDir + '/');
      const categories = inCollectionsDir ? dirsBefore.slice(c.collectionsDir.split('/').length) : dirsBefore;
      return { kind: segs[magic] === '_posts' ? 'post' : 'draft', categories, inner: segs.slice(magic + 1).join('/') };
    }
    const name = segs[segs.length - 1];
    if (special(name) && !c.include.includes(name)) return { kind: 'hidden' };
    if (MARKDOWN.test(name) || /\.html?$/i.test(name)) return { kind: 'page', dir: dirsBefore.join('/'), base: name.replace(/\.[^.]+$/, '') };
    return { kind: 'static' };
  }

  /** Front-matter defaults from `_config.yml` that apply to a file, below its own front matter. */
  function withDefaults(file: string, type: string, data: FrontMatterData): FrontMatterData {
    // FrontmatterDefaults: a more specific scope (deeper path, then a type) wins over list order.
    const depth = (path: string) => (path ? path.split('/').length : 0);
    const applicable = c.defaults
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => (!d.type || d.type === type || (type === 'posts' && d.type === 'drafts')) && (!d.path || matchesEntry(d.path, file)))
      .sort((a, b) => depth(a.d.path) - depth(b.d.path) || Number(!!a.d.type) - Number(!!b.d.type) || a.i - b.i);
    let merged: Record<string, unknown> = {};
    for (const { d } of applicable) merged = { ...merged, ...d.values };
    return { ...merged, ...data };
  }

  function str(v: unknown): string | undefined {
    return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  }

  function pageTemplate(base: string): string {
    return base === 'index' ? '/:path/' : addPermalinkSuffix('/:path/:basename', c.permalink);
  }

  function status(data: FrontMatterData, date: DateParts | undefined, now: Date, isDraft: boolean, dated: boolean): { status: PublishStatus; willPublish: boolean } {
    const unpublished = data['published'] === false || data['published'] === 'false';
    if (isDraft) return { status: 'draft', willPublish: c.showDrafts && (!unpublished || c.unpublished) };
    if (unpublished) return { status: 'draft', willPublish: c.unpublished };
    if (dated && date && date.epoch > now.getTime()) return { status: 'future', willPublish: c.future };
    return { status: 'published', willPublish: true };
  }

  function redirects(data: FrontMatterData): string[] {
    if (!c.plugins.includes('jekyll-redirect-from')) return [];
    return splitList(data['redirect_from']).filter((a) => !/^[a-z]+:\/\//i.test(a)).map((a) => basePath + fillTemplate(a, {}));
  }

  function nowParts(now: Date): DateParts {
    return jekyllDate(now.toISOString(), c.timezone) ?? { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, epoch: 0 };
  }

  const model: GeneratorModel = {
    summary: {
      root: init.root,
      generator: 'jekyll',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url !== undefined ? c.url.replace(/\/+$/, '') + basePath + '/' : undefined,
      basePath,
      linkSemantics: 'url',
      contentDirs: [''],
    },
    dialect: init.dialect,
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
      return MARKDOWN.test(file) && place(file).kind !== 'hidden';
    },

    roleOf(file): FileRole {
      const p = place(file);
      if (p.kind === 'hidden') return { role: 'none' };
      if (!MARKDOWN.test(file)) return p.kind === 'static' || p.kind === 'page' || (p.kind === 'collection' && p.collection.output) ? { role: 'resource' } : { role: 'none' };
      if (p.kind === 'post' && !DATE_NAME.test(posix.basename(p.inner))) return { role: 'none' };
      if (p.kind === 'collection' && !p.collection.output) return { role: 'none' };
      return { role: 'page' };
    },

    readsDate(file) {
      const kind = place(file).kind;
      return kind === 'post' || kind === 'draft' || kind === 'collection';
    },

    pagesFor(file, rawData, _files: FileLookup, now) {
      if (!MARKDOWN.test(file)) return [];
      const p = place(file);
      const title = str(fmGet(rawData, 'title'));
      const lang = 'en';
      if (p.kind === 'post' || p.kind === 'draft') {
        const data = withDefaults(file, 'posts', rawData);
        const name = posix.basename(p.inner);
        const m = DATE_NAME.exec(name);
        if (p.kind === 'post' && !m) return [];
        const nameNoExt = name.replace(/\.[^.]+$/, '');
        if (p.kind === 'post') {
          let set = knownPosts.get(nameNoExt);
          if (!set) knownPosts.set(nameNoExt, (set = new Set()));
          set.add(file);
        }
        const fileSlug = (m ? m[2] : nameNoExt).replace(/\.+$/, '');
        const dateRaw = fmGet(data, 'date') ?? m?.[1];
        const date = jekyllDate(dateRaw, c.timezone) ?? nowParts(now);
        const slug = str(data['slug']) ?? fileSlug;
        const cats = [...new Set([...p.categories, ...categoriesOf(data)].map((x) => x.toLowerCase()))];
        const values = {
          ...datePlaceholders(date),
          title: slugify(slug, 'pretty', true),
          slug: slugify(slug),
          name: slugify(nameNoExt),
          categories: cats.join('/'),
          collection: 'posts',
          path: '/' + p.inner.replace(/\.[^.]+$/, ''),
          output_ext: '.html',
        };
        const template = str(data['permalink']) ?? postTemplate(c.permalink);
        const url = basePath + fillTemplate(template, values);
        const st = status(data, date, now, p.kind === 'draft', true);
        const dateText = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : m?.[1];
        return [{ file, url, kind: 'page', ...st, lang, aliases: redirects(data), title, date: dateText, section: 'posts' }];
      }
      if (p.kind === 'collection') {
        if (!p.collection.output) return [];
        const data = withDefaults(file, p.collection.label, rawData);
        const nameNoExt = posix.basename(p.inner).replace(/\.[^.]+$/, '');
        const dateRaw = fmGet(data, 'date');
        const date = jekyllDate(dateRaw, c.timezone);
        const slug = str(data['slug']) ?? nameNoExt;
        const values = {
          ...datePlaceholders(date ?? nowParts(now)),
          collection: p.collection.label,
          path: '/' + p.inner.replace(/\.[^.]+$/, ''),
          name: slugify(nameNoExt),
          title: slugify(slug, 'pretty', true),
          slug: slugify(slug),
          categories: categoriesOf(data).map((x) => x.toLowerCase()).join('/'),
          output_ext: '.html',
        };
        const template = str(data['permalink']) ?? (p.collection.permalink ? postTemplate(p.collection.permalink) : addPermalinkSuffix('/:collection/:path', c.permalink));
        const url = basePath + fillTemplate(template, values);
        const st = status(data, date, now, false, !!date);
        return [{ file, url, kind: 'page', ...st, lang, aliases: redirects(data), title, date: typeof dateRaw === 'string' ? dateRaw : undefined, section: p.collection.label }];
      }
      if (p.kind === 'page') {
        const data = withDefaults(file, 'pages', rawData);
        // jekyllrb.com/docs/permalinks: a page's permalink comes from its own front matter only;
        // one set through front-matter defaults is ignored.
        const template = str(rawData['permalink']) ?? pageTemplate(p.base);
        const url = basePath + fillTemplate(template, { path: p.dir, basename: p.base, output_ext: '.html' });
        const st = status(data, undefined, now, false, false);
        const kind = url === basePath + '/' ? 'home' : 'page';
        return [{ file, url, kind, ...st, lang, aliases: redirects(data), title, section: p.dir.split('/')[0] ?? '' }];
      }
      return [];
    },

    resourceUrl(file) {
      const p = place(file);
      if (p.kind === 'static') return basePath + '/' + file;
      // An HTML file in the site is almost always a page with front matter (layouts): it gets a page URL.
      if (p.kind === 'page') return basePath + fillTemplate(pageTemplate(p.base), { path: p.dir, basename: p.base, output_ext: '.html' });
      if (p.kind === 'collection' && p.collection.output) return basePath + '/' + p.collection.label + '/' + p.inner;
      return undefined;
    },

    derivedPages(pages, terms) {
      const { out, extra, add } = derivedCollector(pages);
      const posts = pages.filter((p) => p.section === 'posts' && p.willPublish);
      if (c.plugins.includes('jekyll-feed')) extra.push(basePath + '/feed.xml');
      if (c.plugins.includes('jekyll-sitemap')) extra.push(basePath + '/sitemap.xml', basePath + '/robots.txt');
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
      if (post && !MARKDOWN.test(r) && !/\.html?$/i.test(r)) {
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
