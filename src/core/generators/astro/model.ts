/**
 * Astro: content collections (`src/content/<collection>/` or a content-layer `glob()` base) and
 * Markdown pages (`src/pages`). A collection entry has no URL of its own: a dynamic route such as
 * `src/pages/blog/[...slug].astro` gives it one, so the URL is `/<route folder>/<slug>/` when such a
 * route was found (or configured), and the file path otherwise, with an issue saying so.
 */
import { COMMONMARK_GFM } from '../../markdown/dialect';
import { posix } from '../../posix';
import { slug as githubSlug } from 'github-slugger';
import type { FileRole, GeneratorModel } from '../../site/generator';
import type { Page, SiteIssue } from '../../site/model';
import { fmGet, fmList } from '../../frontmatter/parse';

const MD = /\.(md|mdx|markdown|mdoc)$/i;

export interface AstroCollection {
  readonly name: string;
  /** Site-relative folder of its entries. */
  readonly dir: string;
  /** Route folder its entries are published under (`blog`), '' for the root; undefined if unknown. */
  readonly route?: string;
}

export interface AstroConfig {
  readonly site?: string;
  /** `base: '/docs'` → `/docs`. */
  readonly basePath: string;
  readonly trailingSlash: 'always' | 'never' | 'ignore';
  readonly format: 'directory' | 'file' | 'preserve';
  readonly collections: readonly AstroCollection[];
  readonly pagesDir: string;
  readonly publicDir: string;
  /** Route folders that list entries by tag (`src/pages/tags/[tag].astro` → `tags`). */
  readonly tagRoutes: readonly string[];
}

export interface AstroModelInit {
  readonly root: string;
  readonly config: AstroConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
}

/** An entry's id/slug: each path segment slugged as GitHub does, `/index` dropped (Astro's generateId). */
export function entrySlug(inner: string): string {
  return inner
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map((s) => githubSlug(s))
    .join('/')
    .replace(/\/?index$/, '');
}

export function createAstroModel(init: AstroModelInit): GeneratorModel {
  const c = init.config;
  const basePath = c.basePath;
  const collections = [...c.collections].sort((a, b) => b.dir.length - a.dir.length);

  function finish(path: string): string {
    let p = (basePath + '/' + path).replace(/\/{2,}/g, '/');
    if (p === basePath + '/' || p === '/') return p;
    p = p.replace(/\/+$/, '');
    if (c.format === 'file') return p + '.html';
    return c.trailingSlash === 'never' ? p : p + '/';
  }

  function locate(file: string): { kind: 'entry'; col: AstroCollection; inner: string } | { kind: 'page'; inner: string } | undefined {
    for (const col of collections) if (file.startsWith(col.dir + '/')) return { kind: 'entry', col, inner: file.slice(col.dir.length + 1) };
    if (file.startsWith(c.pagesDir + '/')) {
      const inner = file.slice(c.pagesDir.length + 1);
      if (inner.split('/').some((s) => s.startsWith('_'))) return undefined;
      return { kind: 'page', inner };
    }
    return undefined;
  }

  const contentDirs = [...new Set([...collections.map((x) => x.dir), c.pagesDir])];

  const model: GeneratorModel = {
    summary: {
      root: init.root,
      generator: 'astro',
      configFile: init.configFile,
      baseURL: c.site ? c.site.replace(/\/+$/, '') + basePath + '/' : undefined,
      basePath,
      linkSemantics: 'url',
      contentDirs,
    },
    // Astro's Markdown has no heading attributes: `{#x}` stays in the text and in the slug [verified 5.18].
    dialect: { ...COMMONMARK_GFM, headingAttributes: false },
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      images: { defaultFolder: posix.join(c.publicDir, 'images'), beside: 'any' },
      newPost: { sectionBase: 'src/content', sections: true, firstLevelSections: true, defaultFolder: 'src/content/blog', datedNames: false, bundles: true, defaults: { format: 'yaml', keyOrder: ['title', 'description', 'pubDate', 'tags'], dateKey: 'pubDate', dateStyle: 'date', authorKey: 'author' } },
    },
    taxonomies: [{ singular: 'tag', plural: 'tags' }],
    issues: init.issues,
    contentDirs,
    staticDirs: [{ dir: c.publicDir, urlPrefix: basePath }],
    ignoreDirs: ['node_modules', '.git'],
    watchFiles: init.configFile ? [posix.relative(init.root, init.configFile)] : [],

    isContentDocument(file) {
      return MD.test(file) && locate(file) !== undefined;
    },

    roleOf(file): FileRole {
      const l = locate(file);
      if (!l) return { role: 'none' };
      return MD.test(file) ? { role: 'page' } : { role: 'resource' };
    },

    pagesFor(file, data) {
      const l = locate(file);
      if (!l || !MD.test(file)) return [];
      const draft = fmGet(data, 'draft') === true;
      const title = typeof fmGet(data, 'title') === 'string' ? (fmGet(data, 'title') as string) : undefined;
      const dateRaw = fmGet(data, 'pubDate') ?? fmGet(data, 'date') ?? fmGet(data, 'publishDate');
      const date = typeof dateRaw === 'string' ? dateRaw : undefined;
      const common = { file, status: draft ? ('draft' as const) : ('published' as const), willPublish: !draft, lang: 'en', aliases: [], title, date };
      if (l.kind === 'page') {
        const route = l.inner.replace(/\.[^./]+$/, '').replace(/(^|\/)index$/, '');
        const url = finish(route);
        return [{ ...common, url, kind: url === finish('') ? 'home' : 'page', section: route.includes('/') ? route.split('/')[0] : '' }];
      }
      const fmSlug = fmGet(data, 'slug');
      const slug = typeof fmSlug === 'string' && fmSlug.trim() ? fmSlug.trim().replace(/^\/+|\/+$/g, '') : entrySlug(l.inner);
      // No route reads the collection: Astro publishes nothing for its entries [verified 5.18]. Listed
      // at the file path (with the astro.route-unknown note), not published.
      if (l.col.route === undefined) return [{ ...common, willPublish: false, url: '/' + file, kind: 'page', section: l.col.name }];
      return [{ ...common, url: finish(l.col.route + '/' + slug), kind: 'page', section: l.col.name }];
    },

    resourceUrl(file) {
      const l = locate(file);
      // Endpoints and .astro/.html pages are routes too (dynamic `[x]` routes excepted).
      if (l?.kind === 'page' && /\.(astro|html|js|ts)$/i.test(file) && !/\[/.test(l.inner)) {
        const route = l.inner.replace(/\.(astro|html)$/i, '').replace(/(^|\/)index$/, '');
        return /\.(js|ts)$/i.test(file) ? (basePath + '/' + l.inner.replace(/\.(js|ts)$/i, '')).replace(/\/{2,}/g, '/') : finish(route);
      }
      return undefined;
    },

    derivedPages(_pages, terms) {
      const out: Page[] = [];
      for (const dir of c.tagRoutes) {
        for (const term of terms.get('en\u0000tags')?.keys() ?? []) {
          out.push({ url: finish(dir + '/' + term), kind: 'term', status: 'published', willPublish: true, lang: 'en', aliases: [], section: dir, taxonomy: 'tags', term });
        }
      }
      return { pages: out, extraUrls: [] };
    },

    termsOf(data) {
      const m = new Map<string, string[]>();
      const tags = fmList(data, 'tags');
      if (tags.length) m.set('tags', [...new Set(tags)]);
      return m;
    },

    // Tag routes usually pass the tag through as written; there is no generator rule to follow.
    termKey: (_t, term) => term,
  };
  return model;
}
