/**
 * Eleventy: every template in the input folder is a page. Default URLs are "cool URIs":
 * `x.md` → `/x/`, `dir/index.md` → `/dir/`, `dir/dir.md` → `/dir/`; front-matter (or directory data)
 * `permalink` overrides, `permalink: false` writes no file. Permalinks are templates themselves;
 * the few variables blogs use (`page.fileSlug`, `page.filePathStem`, `title | slugify`) are filled
 * in, anything else falls back to the default URL.
 */
import { BASIC_FRONT_MATTER } from '../../site/generator';
import { COMMONMARK_GFM } from '../../markdown/dialect';
import { posix } from 'node:path';
import type { FileRole, FrontMatterData, GeneratorModel, StaticDir } from '../../site/generator';
import type { SiteIssue } from '../../site/model';
import { fmGet, fmList } from '../../frontmatter/parse';

const MARKDOWN = /\.(md|markdown)$/i;
/** Eleventy's default template formats (besides Markdown): rendered to pages, not copied. */
const TEMPLATE = /\.(html|njk|liquid|11ty\.js|11ty\.cjs|11ty\.mjs|hbs|mustache|ejs|haml|pug|webc)$/i;

export interface EleventyConfig {
  /** Site-relative input folder, '' for the project root. */
  readonly input: string;
  readonly output: string;
  readonly includes: string;
  readonly layouts?: string;
  readonly data: string;
  /** `pathPrefix: '/blog/'` → `/blog`. */
  readonly basePath: string;
  /** Passthrough copies: source (site-relative) → output path (relative to the output folder). */
  readonly passthrough: readonly { readonly from: string; readonly to: string }[];
  /** Whether the config drops `draft: true` templates (the documented preprocessor recipe). */
  readonly dropsDrafts: boolean;
  /** HtmlBasePlugin: root-relative links in the output get pathPrefix in front. */
  readonly rootLinksAtBase: boolean;
  /** Heading ids: none by default, or given by a plugin we do not model. */
  readonly headingIds: 'none' | 'unknown';
  /** `.eleventyignore` entries, site-relative. */
  readonly ignores: readonly string[];
  /** Directory data files' `permalink`, by site-relative folder (or template path for template data). */
  readonly dataPermalinks: ReadonlyMap<string, string | false>;
}

export interface EleventyModelInit {
  readonly root: string;
  readonly config: EleventyConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
}

/** @sindresorhus/slugify, as the `slugify` filter uses it: accents dropped, lower-cased, `-` joined. */
export function slugify11ty(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function createEleventyModel(init: EleventyModelInit): GeneratorModel {
  const c = init.config;
  const input = c.input;
  const basePath = c.basePath;
  const skipDirs = [c.output, c.includes, c.layouts, c.data].filter((d): d is string => !!d);

  function inner(file: string): string | undefined {
    if (input && !file.startsWith(input + '/')) return undefined;
    const rel = input ? file.slice(input.length + 1) : file;
    if (skipDirs.some((d) => file === d || file.startsWith(d + '/'))) return undefined;
    if (c.ignores.some((p) => file === p || file.startsWith(p.replace(/\/+$/, '') + '/') || globMatch(p, file))) return undefined;
    return rel;
  }

  function stemOf(rel: string): string {
    return rel.replace(/\.11ty\.[cm]?js$/i, '').replace(/\.[^./]+$/, '');
  }

  function defaultUrl(rel: string): string {
    const stem = stemOf(rel);
    const dir = posix.dirname(stem) === '.' ? '' : posix.dirname(stem);
    const base = posix.basename(stem);
    const path = base === 'index' || (dir && base === posix.basename(dir)) ? dir : stem;
    return (basePath + '/' + path + '/').replace(/\/{2,}/g, '/');
  }

  function fileSlug(rel: string): string {
    const stem = stemOf(rel);
    const base = posix.basename(stem);
    if (base === 'index') return posix.dirname(stem) === '.' ? '' : posix.basename(posix.dirname(stem));
    return base.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  }

  /** The `permalink` that applies: front matter, else template or directory data files. */
  function permalinkOf(file: string, data: FrontMatterData): unknown {
    const own = fmGet(data, 'permalink');
    if (own !== undefined) return own;
    const tpl = c.dataPermalinks.get(file.replace(/\.[^./]+$/, ''));
    if (tpl !== undefined) return tpl;
    let dir = posix.dirname(file);
    while (dir !== '.' && dir !== '' && (!input || dir === input || dir.startsWith(input + '/'))) {
      const v = c.dataPermalinks.get(dir);
      if (v !== undefined) return v;
      dir = posix.dirname(dir);
    }
    return undefined;
  }

  /** Fills the permalink template's common variables; undefined when something else is in it. */
  function render(permalink: string, rel: string, data: FrontMatterData): string | undefined {
    const stem = '/' + stemOf(rel);
    const out = permalink.replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (m, expr: string) => {
      const [head, ...filters] = expr.split('|').map((s) => s.trim());
      let v: string | undefined;
      if (head === 'page.fileSlug') v = fileSlug(rel);
      else if (head === 'page.filePathStem') v = stem;
      else if (/^[A-Za-z_][\w]*$/.test(head) && (typeof data[head] === 'string' || typeof data[head] === 'number')) v = String(data[head]);
      else if (/^(['"]).*\1$/.test(head)) v = head.slice(1, -1);
      if (v === undefined) return m;
      for (const f of filters) {
        if (f === 'slugify' || f === 'slug') v = slugify11ty(v);
        else return m;
      }
      return v;
    });
    return /\{\{|\{%/.test(out) ? undefined : out;
  }

  function urlOf(file: string, rel: string, data: FrontMatterData): { url?: string; written: boolean } {
    let p = permalinkOf(file, data);
    if (p && typeof p === 'object' && !Array.isArray(p)) p = (p as Record<string, unknown>)['build'];
    if (p === false || p === 'false') return { written: false };
    if (typeof p === 'string' && p.trim()) {
      const r = render(p.trim(), rel, data);
      if (r !== undefined) {
        let u = r.replace(/(^|\/)index\.html$/, '$1');
        if (!u.startsWith('/')) u = '/' + u;
        return { url: (basePath + u).replace(/\/{2,}/g, '/'), written: true };
      }
    }
    return { url: defaultUrl(rel), written: true };
  }

  function passthroughUrl(file: string): string | undefined {
    for (const p of c.passthrough) {
      if (file === p.from || file.startsWith(p.from + '/')) return (basePath + '/' + p.to + file.slice(p.from.length)).replace(/\/{2,}/g, '/');
      if (/[*?]/.test(p.from) && globMatch(p.from, file)) return (basePath + '/' + (input && file.startsWith(input + '/') ? file.slice(input.length + 1) : file)).replace(/\/{2,}/g, '/');
    }
    return undefined;
  }

  // Passthrough folders outside the input folder are crawled as static folders.
  const staticDirs: StaticDir[] = c.passthrough
    .filter((p) => !/[*?]/.test(p.from) && !(input === '' || p.from.startsWith(input + '/')))
    .map((p) => ({ dir: p.from, urlPrefix: (basePath + '/' + p.to).replace(/\/{2,}/g, '/').replace(/\/$/, '') }));

  const model: GeneratorModel = {
    summary: { root: init.root, generator: 'eleventy', configFile: init.configFile, basePath, rootLinksAtBase: c.rootLinksAtBase, linkSemantics: 'url', contentDirs: [input] },
    // Eleventy's markdown-it has no heading attributes and, without an id plugin, gives headings no id.
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      // Eleventy builds collections from tags: a tag every post of a folder carries is its collection.
      newPost: { sectionBase: input, sections: true, firstLevelSections: input === 'content', defaultFolder: input, datedNames: false, bundles: true, folderTags: true, defaults: BASIC_FRONT_MATTER },
    },
    dialect: c.headingIds === 'none' ? { ...COMMONMARK_GFM, noAutoIds: true, headingAttributes: false } : { ...COMMONMARK_GFM, headingAttributes: false },
    unknownHeadingIds: c.headingIds === 'unknown',
    taxonomies: [{ singular: 'tag', plural: 'tags' }],
    issues: init.issues,
    contentDirs: [input],
    staticDirs,
    ignoreDirs: ['node_modules', '.git', posix.basename(c.output) || '_site', '.cache'],
    watchFiles: [...(init.configFile ? [posix.relative(init.root, init.configFile)] : []), '.eleventyignore'],

    isContentDocument(file) {
      return MARKDOWN.test(file) && inner(file) !== undefined;
    },

    roleOf(file): FileRole {
      const rel = inner(file);
      if (rel === undefined) return { role: 'none' };
      if (MARKDOWN.test(file)) return { role: 'page' };
      return TEMPLATE.test(file) || passthroughUrl(file) ? { role: 'resource' } : { role: 'none' };
    },

    pagesFor(file, data) {
      const rel = inner(file);
      if (rel === undefined || !MARKDOWN.test(file)) return [];
      const { url, written } = urlOf(file, rel, data);
      const draft = data['draft'] === true;
      const title = typeof data['title'] === 'string' ? data['title'] : undefined;
      const dateRaw = fmGet(data, 'date');
      const date = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : undefined;
      return [
        {
          file,
          // `permalink: false`: no file is written; the page still exists for collections.
          url: url ?? defaultUrl(rel),
          kind: url === basePath + '/' ? 'home' : 'page',
          status: draft ? 'draft' : 'published',
          willPublish: written && !(draft && c.dropsDrafts),
          lang: 'en',
          aliases: [],
          title,
          date,
          section: rel.includes('/') ? rel.split('/')[0] : '',
        },
      ];
    },

    resourceUrl(file) {
      const rel = inner(file);
      const pass = passthroughUrl(file);
      if (pass) return pass;
      // Non-Markdown templates are pages too; we give them their default URL (front matter unread).
      if (rel !== undefined && TEMPLATE.test(file)) return defaultUrl(rel);
      return undefined;
    },

    derivedPages() {
      // Tag pages exist only when a template paginates over collections; nothing is implicit.
      return { pages: [], extraUrls: [] };
    },

    termsOf(data) {
      const m = new Map<string, string[]>();
      const tags = fmList(data, 'tags');
      if (tags.length) m.set('tags', [...new Set(tags)]);
      return m;
    },

    termKey: (_t, term) => slugify11ty(term),
  };
  return model;
}

export function globMatch(pattern: string, file: string): boolean {
  const p = pattern.replace(/^\.\/+/, '');
  const re = new RegExp('^' + p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '(?:.*/)?') + '$');
  return re.test(file);
}
