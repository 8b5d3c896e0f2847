/**
 * Hexo: posts in `source/_posts`, drafts in `source/_drafts`, every other renderable file in
 * `source/` is a page. URLs follow `permalink` (default `:year/:month/:day/:title/`), where `:title`
 * is the file's path below `_posts` with the `new_post_name` pattern taken off (the front-matter
 * `title` is `:post_title`). Re-stated from hexo/lib/plugins/{processor,filter}/post*.
 */
import { BASIC_FRONT_MATTER } from '../../site/generator';
import { COMMONMARK_GFM } from '../../markdown/dialect';
import { posix } from 'node:path';
import type { FileLookup, FileRole, FrontMatterData, GeneratorModel } from '../../site/generator';
import type { PublishStatus, SiteIssue } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import { jekyllDate, type DateParts } from '../jekyll/urls';
import type { HexoConfig } from './config';
import { derivedCollector } from '../../site/derived';

const MARKDOWN = /\.(md|markdown|mkd|mkdn|mdwn|mdown|mdtxt|mdtext)$/i;
/** What Hexo renders to HTML by default (hexo-renderer-* in a new site); the rest is copied. */
const RENDERABLE = /\.(md|markdown|mkd|mkdn|mdwn|mdown|mdtxt|mdtext|html|htm|ejs|njk|swig|pug|styl)$/i;

export interface HexoModelInit {
  readonly root: string;
  readonly config: HexoConfig;
  readonly configFile: string;
  readonly issues: readonly SiteIssue[];
  readonly authorsFile?: string;
  /** `hexo-*` packages the site's package.json lists (Hexo loads those): who writes which list pages and feeds. */
  readonly plugins: ReadonlySet<string>;
}

/** hexo-util slugize: accents dropped, control characters removed, specials and spaces → `-`. */
export function slugize(s: string, transform: 0 | 1 | 2 = 0): string {
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return transform === 1 ? out.toLowerCase() : transform === 2 ? out.toUpperCase() : out;
}

function globRe(pattern: string): RegExp {
  return new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '(?:.*/)?') + '$');
}

/** Hexo's Permalink.parse for `new_post_name`: `:year-:month-:day-:title.md` → named parts of a name. */
function parseName(pattern: string, name: string): Record<string, string> | undefined {
  const rule = pattern.replace(/\.[^./]+$/, '');
  const keys: string[] = [];
  const seg: Record<string, string> = { year: '(\\d{4})', month: '(\\d{2})', day: '(\\d{2})', i_month: '(\\d{1,2})', i_day: '(\\d{1,2})' };
  const src = rule.replace(/[.+^${}()|[\]\\*?]/g, '\\$&').replace(/:(\w+)/g, (_m, k: string) => {
    keys.push(k);
    return seg[k] ?? '(.+?)';
  });
  const m = new RegExp('^' + src + '$').exec(name);
  if (!m) return undefined;
  return Object.fromEntries(keys.map((k, i) => [k, m[i + 1]]));
}

type Placement = { kind: 'post' | 'draft'; inner: string } | { kind: 'page'; inner: string } | { kind: 'asset'; inner: string } | { kind: 'hidden' };

export function createHexoModel(init: HexoModelInit): GeneratorModel {
  const c = init.config;
  const src = c.sourceDir;
  const basePath = c.basePath;
  const skip = c.skipRender.map(globRe);
  /** Category paths seen in posts (`[a, b]` is b inside a: its page is `/categories/a/b/`). */
  const categoryPaths = new Map<string, Set<string>>();

  function place(file: string): Placement {
    if (!file.startsWith(src + '/')) return { kind: 'hidden' };
    const inner = file.slice(src.length + 1);
    if (inner.startsWith('_posts/')) return { kind: 'post', inner: inner.slice(7) };
    if (inner.startsWith('_drafts/')) return { kind: 'draft', inner: inner.slice(8) };
    // Files and folders starting with `_` or `.` are not published (hexo `isHiddenFile`).
    if (inner.split('/').some((s) => s.startsWith('_') || s.startsWith('.'))) return { kind: 'hidden' };
    if (RENDERABLE.test(inner) && !skip.some((r) => r.test(inner))) return { kind: 'page', inner };
    return { kind: 'asset', inner };
  }

  /** Renderable output path → URL, with `pretty_urls`. */
  function finish(path: string): string {
    let p = path.replace(/^\/+/, '');
    if (p === '' || p.endsWith('/')) p += 'index.html';
    // `x/index.html` is served at `x/` whatever `trailing_index` says; we list the folder form.
    p = p.replace(/(^|\/)index\.html$/, '$1');
    if (!c.trailingHtml) p = p.replace(/\.html$/, '');
    return (basePath + '/' + p).replace(/\/{2,}/g, '/');
  }

  function dateOf(data: FrontMatterData, info: Record<string, string> | undefined, now: Date): { parts: DateParts; text?: string } {
    const raw = fmGet(data, 'date');
    const text = typeof raw === 'string' ? raw : raw instanceof Date ? raw.toISOString() : undefined;
    let parts = jekyllDate(raw, c.timezone);
    if (!parts && info && info['year'] && (info['month'] ?? info['i_month']) && (info['day'] ?? info['i_day'])) {
      parts = jekyllDate(`${info['year']}-${info['month'] ?? info['i_month']}-${info['day'] ?? info['i_day']}`, c.timezone);
    }
    // No date anywhere: Hexo takes the file's creation time, which we do not have; "now" stands in.
    return { parts: parts ?? jekyllDate(now.toISOString(), c.timezone)!, text };
  }

  function categoryPath(data: FrontMatterData): string {
    const v = data['categories'] ?? data['category'];
    let chain: string[] = [];
    if (typeof v === 'string' || typeof v === 'number') chain = [String(v)];
    else if (Array.isArray(v)) {
      // `[a, b]` is one hierarchy a › b; `[[a, b], [c]]` lists several; the last one counts.
      const lists = v.some(Array.isArray) ? v.map((x) => (Array.isArray(x) ? x.map(String) : [String(x)])) : [v.map(String)];
      chain = lists[lists.length - 1] ?? [];
    }
    // post_permalink.ts uses `default_category` as written, not slugized.
    if (!chain.length) return c.defaultCategory;
    return chain.map((x) => slugize(c.categoryMap[x] ?? x, c.filenameCase)).join('/');
  }

  function status(data: FrontMatterData, draft: boolean, date: DateParts, now: Date): { status: PublishStatus; willPublish: boolean } {
    const unpublished = data['published'] === false || data['published'] === 'false';
    if (draft || unpublished) return { status: 'draft', willPublish: c.renderDrafts };
    if (date.epoch > now.getTime()) return { status: 'future', willPublish: c.future };
    return { status: 'published', willPublish: true };
  }

  function str(v: unknown): string | undefined {
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  }

  function postUrl(p: { inner: string }, data: FrontMatterData, now: Date): { url: string; date: DateParts; dateText?: string } {
    const noExt = p.inner.replace(/\.[^./]+$/, '');
    const info = parseName(c.newPostName, noExt);
    const slug = info?.['title'] ?? slugize(noExt);
    const { parts: d, text } = dateOf(data, info, now);
    const pad = (n: number) => String(n).padStart(2, '0');
    const meta: Record<string, string> = {
      title: slug,
      name: posix.basename(slug),
      post_title: slugize(str(fmGet(data, 'title')) ?? '', 1),
      year: String(d.year),
      month: pad(d.month),
      day: pad(d.day),
      hour: pad(d.hour),
      minute: pad(d.minute),
      second: pad(d.second),
      i_month: String(d.month),
      i_day: String(d.day),
      category: categoryPath(data),
    };
    const own = str(fmGet(data, 'permalink'));
    const rule = own ?? c.permalink;
    // Other tokens come from the post's own front matter, then `permalink_defaults`.
    const extra = (k: string) => {
      const v = data[k];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : c.permalinkDefaults[k];
    };
    const filled = own ? own : rule.replace(/:(\w+)/g, (m, k: string) => meta[k] ?? extra(k) ?? m);
    return { url: finish(filled), date: d, dateText: text };
  }

  const model: GeneratorModel = {
    summary: {
      root: init.root,
      generator: 'hexo',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url,
      basePath,
      linkSemantics: 'url',
      contentDirs: [src],
    },
    // marked has no {#id} syntax. Its ids are hexo-util slugize of the heading text, case kept
    // (`First-Steps`), repeats `-1`, `-2` [verified hexo-renderer-marked 7.0]: no heading style of ours
    // yet, so fragments into headings are not judged.
    dialect: { ...COMMONMARK_GFM, headingIds: 'slugize', headingAttributes: false },
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      newPost: { sectionBase: '', sections: false, firstLevelSections: false, defaultFolder: 'source/_posts', draftsFolder: 'source/_drafts', datedNames: false, bundles: false, defaults: { ...BASIC_FRONT_MATTER, dateStyle: 'local' } },
    },
    taxonomies: [
      { singular: 'category', plural: 'categories' },
      { singular: 'tag', plural: 'tags' },
    ],
    issues: init.issues,
    contentDirs: [src],
    staticDirs: [],
    ignoreDirs: ['node_modules', '.git'],
    watchFiles: ['_config.yml', ...(init.authorsFile ? [init.authorsFile] : [])],
    authorSources: init.authorsFile ? [{ path: init.authorsFile, shape: 'map' }] : [],

    isContentDocument(file) {
      const k = place(file).kind;
      return MARKDOWN.test(file) && (k === 'post' || k === 'draft' || k === 'page');
    },

    roleOf(file, files): FileRole {
      const p = place(file);
      if (p.kind === 'hidden') return { role: 'none' };
      if ((p.kind === 'post' || p.kind === 'draft') && !RENDERABLE.test(p.inner)) {
        return c.postAssetFolder && assetOwner(p, files) ? { role: 'resource' } : { role: 'none' };
      }
      return MARKDOWN.test(file) ? { role: 'page' } : { role: 'resource' };
    },

    pagesFor(file, data, _files, now) {
      const p = place(file);
      if (!MARKDOWN.test(file)) return [];
      const title = str(fmGet(data, 'title'));
      if (p.kind === 'post' || p.kind === 'draft') {
        const { url, date, dateText } = postUrl(p, data, now);
        const st = status(data, p.kind === 'draft', date, now);
        return [{ file, url, kind: 'page', ...st, lang: 'en', aliases: [], title, date: dateText, section: 'posts' }];
      }
      if (p.kind === 'page') {
        // processor/asset.ts: a page permalink ending in `/` gets `index`, one without extension `.html`.
        let own = str(fmGet(data, 'permalink'));
        if (own?.endsWith('/')) own += 'index';
        if (own && !/\.[a-z0-9]+$/i.test(posix.basename(own))) own += '.html';
        const url = finish(own ?? p.inner.replace(/\.[^./]+$/, '.html'));
        const unpublished = data['published'] === false;
        return [{ file, url, kind: url === basePath + '/' ? 'home' : 'page', status: unpublished ? 'draft' : 'published', willPublish: !unpublished, lang: 'en', aliases: [], title, section: p.inner.split('/').length > 1 ? p.inner.split('/')[0] : '' }];
      }
      return [];
    },

    resourceUrl(file, files, pageOf) {
      const p = place(file);
      if (p.kind === 'asset') return finishAsset(p.inner);
      if (p.kind === 'page') return finish(p.inner.replace(/\.[^./]+$/, '.html'));
      if ((p.kind === 'post' || p.kind === 'draft') && c.postAssetFolder) {
        // `post_asset_folder`: `_posts/x/img.png` is published beside the page of `_posts/x.md`.
        const owner = assetOwner(p, files);
        const page = owner ? pageOf(owner.file) : undefined;
        if (owner && page) return (page.url.endsWith('/') ? page.url : page.url.replace(/[^/]*$/, '')) + owner.rest;
      }
      return undefined;
    },

    derivedPages(pages, terms) {
      const { out, extra, add } = derivedCollector(pages);
      const has = (plugin: string) => init.plugins.has(`hexo-generator-${plugin}`);
      const posts = pages.filter((p) => p.section === 'posts' && p.willPublish);
      const home = basePath + '/';
      const pageCount = (n: number) => (c.perPage > 0 ? Math.ceil(n / c.perPage) : 1);
      const paged = (base: string, n: number) => {
        for (let i = 2; i <= pageCount(n); i++) extra.push(`${base}${c.paginationDir}/${i}/`);
      };
      // Each list comes from its own plugin, as `hexo init` installs them [verified hexo 8.1 + generators].
      if (has('index')) {
        add({ url: home, kind: 'home', status: 'published', willPublish: true, lang: 'en', aliases: [], section: '' });
        paged(home, posts.length);
      }
      if (has('archive') && posts.length) {
        const archive = `${home}${c.archiveDir}/`;
        add({ url: archive, kind: 'section', status: 'published', willPublish: true, lang: 'en', aliases: [], section: c.archiveDir });
        paged(archive, posts.length);
        // Yearly and monthly archives, each paginated like the main one.
        const periods = new Map<string, number>();
        for (const p of posts) {
          const m = /^(\d{4})-(\d{1,2})/.exec(p.date ?? '');
          if (!m) continue;
          for (const k of [m[1], `${m[1]}/${m[2].padStart(2, '0')}`]) periods.set(k, (periods.get(k) ?? 0) + 1);
        }
        for (const [period, n] of periods) {
          extra.push(`${archive}${period}/`);
          paged(`${archive}${period}/`, n);
        }
      }
      for (const [tax, dir, map, plugin, index] of [
        ['tags', c.tagDir, c.tagMap, 'tag', c.tagIndexPage],
        ['categories', c.categoryDir, c.categoryMap, 'category', c.categoryIndexPage],
      ] as const) {
        if (!has(plugin)) continue;
        const list = terms.get(`en\u0000${tax}`) ?? new Map<string, number>();
        if (index) add({ url: `${home}${dir}/`, kind: 'taxonomy', status: 'published', willPublish: true, lang: 'en', aliases: [], section: dir, taxonomy: tax });
        for (const [term, count] of list) {
          const paths = tax === 'categories' && categoryPaths.get(term)?.size ? [...categoryPaths.get(term)!] : [slugize(map[term] ?? term, c.filenameCase)];
          for (const path of paths) {
            const url = `${home}${dir}/${path}/`;
            add({ url, kind: 'term', status: 'published', willPublish: true, lang: 'en', aliases: [], section: dir, taxonomy: tax, term });
            paged(url, count);
          }
        }
      }
      if (has('feed')) extra.push(...c.feedPaths.map((p) => home + p.replace(/^\/+/, '')));
      if (has('sitemap')) extra.push(...c.sitemapPaths.map((p) => home + p.replace(/^\/+/, '')));
      return { pages: out, extraUrls: extra };
    },

    termsOf(data) {
      const m = new Map<string, string[]>();
      const flat = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(flat) : typeof v === 'string' || typeof v === 'number' ? [String(v)] : []);
      const tags = [...new Set(flat(data['tags'] ?? data['tag']))];
      const cats = [...new Set(flat(data['categories'] ?? data['category']))];
      const v = data['categories'] ?? data['category'];
      const chains = Array.isArray(v) ? (v.some(Array.isArray) ? v.map((x) => (Array.isArray(x) ? x.map(String) : [String(x)])) : [v.map(String)]) : [];
      for (const chain of chains) {
        for (let i = 0; i < chain.length; i++) {
          let set = categoryPaths.get(chain[i]);
          if (!set) categoryPaths.set(chain[i], (set = new Set()));
          set.add(chain.slice(0, i + 1).map((x) => slugize(c.categoryMap[x] ?? x, c.filenameCase)).join('/'));
        }
      }
      if (cats.length) m.set('categories', cats);
      if (tags.length) m.set('tags', tags);
      return m;
    },

    termKey: (_t, term) => slugize(term, c.filenameCase),

    refCandidates(ref) {
      // `{% post_link slug %}` / `{% asset_link %}`: a post by its file name below `_posts`.
      const r = ref.trim().replace(/^\/+/, '');
      if (!r) return [];
      if (/\.[a-z0-9]+$/i.test(r)) return [`${src}/_posts/${r}`];
      return [`${src}/_posts/${r}.md`, `${src}/_posts/${r}.markdown`, `${src}/_posts/${r}/index.md`];
    },
  };

  function finishAsset(inner: string): string {
    return (basePath + '/' + inner).replace(/\/{2,}/g, '/');
  }

  /** The post a file in a post asset folder belongs to (`_posts/x/…` → `_posts/x.md`). */
  function assetOwner(p: { kind: 'post' | 'draft'; inner: string }, files: FileLookup): { file: string; rest: string } | undefined {
    const segs = p.inner.split('/');
    for (let i = segs.length - 1; i >= 1; i--) {
      const folder = segs.slice(0, i).join('/');
      for (const ext of ['md', 'markdown']) {
        const f = `${src}/${p.kind === 'post' ? '_posts' : '_drafts'}/${folder}.${ext}`;
        if (files.has(f)) return { file: f, rest: segs.slice(i).join('/') };
      }
    }
    return undefined;
  }

  return model;
}
