/**
 * Hugo: which content file becomes which page at which URL. The rules and the places they were
 * checked against the real Hugo are listed in shared/docs/site-generator-semantics.md; the
 * conformance suite (test/conformance) builds fixture sites with `hugo` and compares.
 */
import { HUGO_FRONT_MATTER } from './frontMatterRules';
import { readHugoTemplateFacts } from './templateFacts';
import { hugoAuthoring } from './authoring';
import { formatNames, formatUrls, htmlFormats } from './outputFormats';
import { hugoDialect } from './dialect';
import { posix } from 'node:path';
import type { FileLookup, FileRole, FrontMatterData, GeneratorModel, StaticDir } from '../../site/generator';
import type { LinkSemantics, Page, PageKind, PublishStatus, SiteIssue } from '../../site/model';
import { fmGet, fmList, fmPick } from '../../frontmatter/parse';
import { isUgly, type HugoConfig } from './config';
import { makePath, urlize, type PathOptions } from './paths';
import { dayOfYear, MONTH_NAMES, parseWrittenDate, type WrittenDate } from './dates';
import { derivedCollector } from '../../site/derived';
import { cascadeEntries, withCascades } from './cascade';

// Most pages have none: one shared empty list instead of one per page.
const NO_ALIASES: string[] = [];
Object.freeze(NO_ALIASES);
const CONTENT_EXT = /\.(md|markdown|mdown|mkd|mkdn|html|htm)$/i;
const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

export interface HugoModelInit {
  readonly root: string;
  readonly config: HugoConfig;
  readonly configFile?: string;
  readonly configFiles: readonly string[];
  readonly issues: readonly SiteIssue[];
  /** Where a link render hook was found ('site', 'theme'), if any. */
  readonly linkHook?: 'site' | 'theme';
  /** A user setting that overrides detection. */
  readonly linkSemanticsOverride?: LinkSemantics;
  /** Site-relative `data/authors.<ext>` when the site keeps its author records in one file. */
  readonly authorsFile?: string;
}

interface ContentLocation {
  readonly contentDir: string;
  /** Path inside the content dir, posix, e.g. `posts/a.md`. */
  readonly inner: string;
  /** Language fixed by the content dir, if the dir belongs to one language. */
  readonly dirLang?: string;
}

export function createHugoModel(init: HugoModelInit): GeneratorModel {
  const c = init.config;
  const opts: PathOptions = { disablePathToLower: c.disablePathToLower, removePathAccents: c.removePathAccents };
  const langCodes = new Set(c.languages.map((l) => l.code));
  const contentDirs: { dir: string; lang?: string }[] = [];
  for (const l of c.languages) if (l.contentDir) contentDirs.push({ dir: l.contentDir, lang: l.code });
  if (!contentDirs.some((d) => d.dir === c.contentDir)) contentDirs.push({ dir: c.contentDir });
  contentDirs.sort((a, b) => b.dir.length - a.dir.length);
  const taxonomyPlurals = new Map(c.taxonomies.map((t) => [t.plural.toLowerCase(), t.plural]));
  const basePath = c.basePath;

  const multilingual = c.languages.length > 1;
  const termKeys = new Map<string, string>();
  const linkSemantics: LinkSemantics =
    init.linkSemanticsOverride ??
    (init.linkHook || c.embeddedLinkHook === 'always' || c.embeddedLinkHook === 'fallback' || (c.embeddedLinkHook === 'auto' && multilingual) ? 'content-path' : 'url');

  function locate(file: string): ContentLocation | undefined {
    for (const d of contentDirs) {
      if (file.startsWith(d.dir + '/')) return { contentDir: d.dir, inner: file.slice(d.dir.length + 1), dirLang: d.lang };
    }
    return undefined;
  }

  /** Splits `posts/a.fr.md` into its name, language and folder. */
  function nameParts(loc: ContentLocation): { dir: string; base: string; lang: string } {
    const dir = posix.dirname(loc.inner) === '.' ? '' : posix.dirname(loc.inner);
    let base = posix.basename(loc.inner).replace(/\.[^.]+$/, '');
    let lang = loc.dirLang ?? c.defaultContentLanguage;
    const m = /^(.*)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)$/.exec(base);
    if (m && langCodes.has(m[2].toLowerCase())) {
      base = m[1];
      lang = m[2].toLowerCase();
    }
    return { dir, base, lang };
  }

  /** Whether a content file sits directly in a top-level folder (`content/posts/_index.md`). */
  function isTopLevel(file: string): boolean {
    const loc = locate(file);
    return !!loc && loc.inner.split('/').length === 2;
  }

  function langPrefix(lang: string): string {
    return lang !== c.defaultContentLanguage || c.defaultContentLanguageInSubdir ? `/${lang}` : '';
  }

  /** The leaf bundle folder (inner path) a file sits inside, if any. */
  function enclosingLeafBundle(loc: ContentLocation, files: FileLookup): string | undefined {
    let dir = posix.dirname(loc.inner);
    // Only a content file is a bundle's index: `index.ts` beside `index.md` is one of its resources.
    const isIndex = isIndexName(posix.basename(loc.inner).toLowerCase(), 'index');
    if (isIndex) dir = posix.dirname(dir);
    while (dir && dir !== '.') {
      if (hasIndex(loc.contentDir, dir, 'index', files)) return dir;
      dir = posix.dirname(dir);
    }
    return undefined;
  }

  function hasIndex(contentDir: string, dir: string, name: 'index' | '_index', files: FileLookup): boolean {
    if (files.indexFilesIn) return files.indexFilesIn(`${contentDir}/${dir}`).some((n) => isIndexName(n, name));
    for (const ext of ['md', 'markdown', 'html', 'htm', 'mdown']) {
      if (files.has(`${contentDir}/${dir}/${name}.${ext}`)) return true;
      for (const l of langCodes) if (files.has(`${contentDir}/${dir}/${name}.${l}.${ext}`)) return true;
    }
    return false;
  }

  const INDEX_EXTS = ['md', 'markdown', 'html', 'htm', 'mdown'];
  /** `index.md`, `index.fr.md`, … — the same names the slow path of hasIndex tries. */
  function isIndexName(n: string, name: 'index' | '_index'): boolean {
    if (!n.startsWith(name + '.')) return false;
    const parts = n.slice(name.length + 1).split('.');
    if (parts.length === 1) return INDEX_EXTS.includes(parts[0]);
    return parts.length === 2 && langCodes.has(parts[0]) && INDEX_EXTS.includes(parts[1]);
  }

  /** The `_index` file of a folder (inner path, '' = content root) for one language, if any. */
  function branchIndex(loc: ContentLocation, dir: string, lang: string, files: FileLookup): string | undefined {
    if (files.indexFilesIn && files.indexFilesIn(`${loc.contentDir}${dir ? '/' + dir : ''}`).length === 0) return undefined;
    const base = `${loc.contentDir}/${dir ? dir + '/' : ''}_index`;
    const plainLang = loc.dirLang ?? c.defaultContentLanguage;
    for (const ext of INDEX_EXTS) {
      if (lang === plainLang && files.has(`${base}.${ext}`)) return `${base}.${ext}`;
      if (files.has(`${base}.${lang}.${ext}`)) return `${base}.${lang}.${ext}`;
    }
    return undefined;
  }

  const disabledKinds = new Set(c.disableKinds);
  /**
   * `disableKinds` also stops content files of that kind: an `_index` of a disabled section or term
   * publishes nothing [verified 0.111: test/fixtures/hugo-disable-kinds]. `taxonomyTerm` is the old
   * name of `taxonomy`.
   */
  function kindDisabled(kind: PageKind): boolean {
    return disabledKinds.has(kind) || (kind === 'taxonomy' && disabledKinds.has('taxonomyterm'));
  }

  /**
   * A term page's path: `[permalinks]` keyed by the taxonomy applies to its terms (`tags =
   * "/topic/:slug/"` → `/topic/team-work/`) [verified 0.111: test/fixtures/hugo-outputs]; else
   * `/<taxonomy folder>/<term>/`.
   */
  function termPath(plural: string, folder: string, term: string, fm: { slug?: string; title?: string } = {}): string {
    const pattern = Object.prototype.hasOwnProperty.call(c.permalinks, plural) ? c.permalinks[plural] : undefined;
    // A term's own `_index` may give it a slug or title: `:slug` then uses them [verified 0.111].
    if (pattern) return cleanJoin(expandPermalink(pattern, { section: plural, sections: [plural], name: term, slug: fm.slug, title: fm.title ?? term }));
    return cleanJoin(urlize(folder, opts), urlize(term, opts)) + '/';
  }

  /** Whether pages of a kind have an RSS feed: `[outputs]` where set, else Hugo's defaults (lists do). */
  function hasFeed(kind: PageKind): boolean {
    if (disabledKinds.has('rss')) return false;
    const formats = c.outputs[kind];
    return formats ? formats.includes('rss') : kind !== 'page';
  }

  /** What an `_index` file in `dir` (inner path, '' = content root) is. */
  function indexKind(dir: string): PageKind {
    if (!dir) return 'home';
    const segs = dir.split('/');
    if (taxonomyPlurals.has(segs[0].toLowerCase()) && segs.length <= 2) return segs.length === 1 ? 'taxonomy' : 'term';
    return 'section';
  }

  /**
   * A content file's front matter as Hugo reads it: its own keys, plus those `cascade` gives it from
   * its own index file (for an `_index`) and the index files of the folders above, nearest first.
   * The object itself when no cascade applies (the usual case: no copy).
   */
  function effectiveData(file: string, data: FrontMatterData, files: FileLookup): FrontMatterData {
    const loc = locate(file);
    if (!loc || !files.data) return data;
    const { dir, base, lang } = nameParts(loc);
    const sources: FrontMatterData[] = [];
    if (base === '_index' && fmGet(data, 'cascade') !== undefined) sources.push(data);
    // A leaf bundle's index.md is a page of the folder above its bundle.
    let d: string | undefined = base === '_index' || base === 'index' ? (dir ? parentOf(dir) : undefined) : dir;
    while (d !== undefined) {
      const idx = branchIndex(loc, d, lang, files);
      const idxData = idx ? files.data(idx) : undefined;
      if (idxData && fmGet(idxData, 'cascade') !== undefined) sources.push(idxData);
      d = d ? parentOf(d) : undefined;
    }
    if (sources.length === 0) return data;
    const target = { path: '/' + loc.inner.toLowerCase(), kind: base === '_index' ? indexKind(dir) : 'page', lang } as const;
    return withCascades(data, sources.flatMap((src) => cascadeEntries(src, target)));
  }

  function parentOf(dir: string): string {
    const i = dir.lastIndexOf('/');
    return i < 0 ? '' : dir.slice(0, i);
  }

  /**
   * A draft, future or expired section hides everything below it: its pages, their terms and its
   * files are not published [verified 0.111 with a draft and a future-dated `_index.md`].
   * `dir` is the innermost folder whose `_index` applies; the content root (home) is not considered.
   */
  function inheritedStatus(loc: ContentLocation, dir: string, lang: string, files: FileLookup, now: Date): PublishStatus | undefined {
    if (!files.data || !dir) return undefined;
    const segs = dir.split('/');
    for (let i = 1; i <= segs.length; i++) {
      const idx = branchIndex(loc, segs.slice(0, i).join('/'), lang, files);
      const data = idx ? files.data(idx) : undefined;
      if (!data) continue;
      const st = sectionStatusOf(effectiveData(idx!, data, files), now);
      if (!st.willPublish && st.status !== 'published') return st.status;
    }
    return undefined;
  }

  type Status = { status: PublishStatus; willPublish: boolean; date?: WrittenDate; dateText?: string };
  // Every page below a section asks for the section index's status: once per index and clock reading.
  const statusMemo = new WeakMap<FrontMatterData, { at: number; st: Status }>();
  function sectionStatusOf(data: FrontMatterData, now: Date): Status {
    const hit = statusMemo.get(data);
    if (hit && hit.at === now.getTime()) return hit.st;
    const st = computeStatus(data, now);
    statusMemo.set(data, { at: now.getTime(), st });
    return st;
  }

  const STATUS_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'expirydate', 'unpublishdate', 'draft'];
  function computeStatus(data: FrontMatterData, now: Date): Status {
    const [date_, publishdate, pubdate, published, lastmod, expirydate, unpublishdate, draftRaw] = fmPick(data, STATUS_KEYS);
    const dateRaw = date_ ?? publishdate ?? pubdate ?? published ?? lastmod;
    const pubRaw = publishdate ?? pubdate ?? published ?? date_;
    const expRaw = expirydate ?? unpublishdate;
    const date = parseWrittenDate(dateRaw);
    const pub = parseWrittenDate(pubRaw);
    const exp = parseWrittenDate(expRaw);
    const draft = draftRaw === true || draftRaw === 'true';
    let status: PublishStatus = 'published';
    if (draft) status = 'draft';
    else if (pub && pub.epoch > now.getTime()) status = 'future';
    else if (exp && exp.epoch <= now.getTime()) status = 'expired';
    const willPublish =
      (!draft || c.buildDrafts) && (!(pub && pub.epoch > now.getTime()) || c.buildFuture) && (!(exp && exp.epoch <= now.getTime()) || c.buildExpired);
    const dateText = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : undefined;
    return { status, willPublish, date, dateText };
  }

  function build(render: unknown): boolean {
    // `_build: {render: never}` (or false, or the legacy `headless: true`) publishes no URL; nor does
    // `render: link` (a permalink for templates, no file) [verified 0.111: hugo-headless fixture].
    const r = render && typeof render === 'object' ? fmGet(render as FrontMatterData, 'render') : undefined;
    return !(r === false || r === 'never' || r === 'false' || r === 'link');
  }

  function expandPermalink(pattern: string, ctx: { section: string; sections: string[]; name: string; slug?: string; title?: string; date?: WrittenDate }): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    const out = pattern.replace(/:(year|monthname|month|day|yearday|sections|section|title|slugorfilename|slug|filename|contentbasename)\b/g, (_m, tok: string) => {
      const d = ctx.date;
      switch (tok) {
        case 'year':
          // Go formats the zero date's year as an integer: a page without a date is at `/1/…` [verified 0.111].
          return d ? String(d.year) : '1';
        case 'month':
          return d ? pad(d.month) : '01';
        case 'monthname':
          return d ? MONTH_NAMES[d.month - 1] : 'January';
        case 'day':
          return d ? pad(d.day) : '01';
        case 'yearday':
          return d ? String(dayOfYear(d)) : '1';
        case 'section':
          return ctx.section;
        case 'sections':
          return ctx.sections.join('/');
        case 'title':
          return urlize(ctx.title ?? '', opts);
        case 'slug':
          return urlize(ctx.slug ?? ctx.title ?? '', opts);
        case 'slugorfilename':
          return ctx.slug ? urlize(ctx.slug, opts) : ctx.name;
        case 'filename':
        case 'contentbasename':
          return ctx.name;
      }
      return _m;
    });
    return makePath(out, opts);
  }

  function withTrailing(url: string, ugly: boolean): string {
    if (/\.[a-z0-9]+$/i.test(url)) return url;
    if (ugly) return url.replace(/\/+$/, '') + '.html';
    return url.endsWith('/') ? url : url + '/';
  }

  function cleanJoin(...parts: string[]): string {
    const joined = parts.join('/').replace(/\/{2,}/g, '/');
    return joined.startsWith('/') ? joined : '/' + joined;
  }

  /** Sections a folder belongs to: the top folder always, deeper folders only with an _index. */
  function sectionsOf(loc: ContentLocation, dir: string, files: FileLookup): string[] {
    if (!dir) return [];
    const segs = dir.split('/');
    const out = [segs[0]];
    for (let i = 2; i <= segs.length; i++) {
      const d = segs.slice(0, i).join('/');
      if (hasIndex(loc.contentDir, d, '_index', files)) out.push(segs[i - 1]);
      else break;
    }
    return out;
  }

  /**
   * Alias pages [verified 0.111]: case is kept; a relative alias is joined to the folder the page's
   * URL is in (`url: /top/page/` + `sib` → `/top/sib/`; `../x` climbs); only a `.html` ending is a
   * file (`/feed.xml` → `/feed.xml/index.html`); otherwise `x/index.html`, or `x.html` when the
   * site-wide `uglyURLs = true` (a per-section map does not apply to aliases); no sub-path on disk.
   */
  /**
   * The page's other HTML output formats (AMP, custom `text/html` formats): where the page is also
   * published, and the redirects a format with its own folder writes too (`/amp/old/x/` for the alias
   * `/old/x/`) [verified 0.111: test/fixtures/hugo-output-formats].
   */
  function withFormats(kind: PageKind, data: FrontMatterData, url: string, aliases: string[]): { aliases: string[]; alsoAt?: string[] } {
    if (!url.endsWith('/')) return { aliases };
    const formats = htmlFormats(formatNames(kind, fmGet(data, 'outputs'), c.outputs), c.raw);
    if (!formats.length) return { aliases };
    const more = formats.filter((f) => f.path).flatMap((f) => aliases.map((a) => basePath + '/' + f.path + a.slice(basePath.length)));
    return { aliases: more.length ? [...aliases, ...more] : aliases, alsoAt: formatUrls(url, basePath, formats) };
  }

  function aliasesOf(data: FrontMatterData, pageUrl: string): string[] {
    const list = fmList({ v: fmGet(data, 'aliases') }, 'v');
    if (list.length === 0) return NO_ALIASES;
    const out: string[] = [];
    const parent = posix.dirname(pageUrl.replace(/\/+$/, '').replace(/\.html$/, '')) || '/';
    for (const a of list) {
      if (/^[a-z]+:\/\//i.test(a) || !a.trim()) continue;
      let p = a.startsWith('/') ? posix.join('/', a) : posix.join(parent, a);
      p = p.replace(/\/+$/, '') || '/';
      if (p === '/') continue;
      if (p.endsWith('.html')) {
        /* a file already */
      } else if (c.uglyURLs === true) p += '.html';
      else p += '/';
      out.push(basePath + p);
    }
    return out;
  }

  const PAGE_KEYS = ['title', 'slug', 'url', '_build', 'headless'];
  const model: GeneratorModel = {
    summary: {
      root: init.root,
      generator: 'hugo',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.baseURL,
      basePath,
      rootLinksAtBase: c.rootLinksAtBase,
      linkSemantics,
      contentDirs: contentDirs.map((d) => d.dir),
    },
    dialect: hugoDialect(c),
    taxonomies: c.taxonomies,
    authoring: hugoAuthoring(init.root, c, contentDirs.map((d) => d.dir), c.taxonomies),
    readTemplateFacts: (fs) => readHugoTemplateFacts(fs, init.root, c),
    contentRefs: true,
    frontMatterRules: HUGO_FRONT_MATTER,
    issues: init.issues,
    contentDirs: contentDirs.map((d) => d.dir),
    staticDirs: [
      ...c.staticDirs.map((dir): StaticDir => ({ dir, urlPrefix: basePath })),
      ...c.themes.map((t): StaticDir => ({ dir: `${c.themesDir}/${t}/static`, urlPrefix: basePath })),
    ],
    authorSources: [{ path: `${c.dataDir}/authors`, shape: 'file-per-author' }, ...(init.authorsFile ? [{ path: init.authorsFile, shape: 'map' as const }] : [])],
    ignoreDirs: ['public', 'resources', 'node_modules', '.git', '_site', '.hugo_build.lock'],
    watchFiles: [...init.configFiles.map((f) => posix.relative(init.root, f)), ...(init.authorsFile ? [init.authorsFile] : [])],

    isContentDocument(file) {
      return !!locate(file) && CONTENT_EXT.test(file) && MARKDOWN_EXT.test(file) || (!!locate(file) && /\.html?$/i.test(file));
    },

    roleOf(file, files): FileRole {
      const loc = locate(file);
      if (!loc) return { role: 'none' };
      const isDoc = CONTENT_EXT.test(file);
      const base = posix.basename(loc.inner);
      if (isDoc && /^_?index(\.[a-z-]+)?\.[^.]+$/i.test(base)) return { role: 'page' };
      if (enclosingLeafBundle(loc, files)) return isDoc ? { role: 'none' } : { role: 'resource' };
      return isDoc ? { role: 'page' } : { role: 'resource' };
    },

    pagesFor(file, data, files, now) {
      const loc = locate(file);
      if (!loc || !CONTENT_EXT.test(file)) return [];
      if (model.roleOf(file, files).role !== 'page') return [];
      const { dir, base, lang } = nameParts(loc);
      data = effectiveData(file, data, files);
      // Section index files are read again by every page below them: their status is memoised.
      const own = base === '_index' ? sectionStatusOf(data, now) : computeStatus(data, now);
      const parentDir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
      const inherited = inheritedStatus(loc, base === '_index' || base === 'index' ? parentDir : dir, lang, files, now);
      const st = inherited ? { ...own, status: own.status === 'published' ? inherited : own.status, willPublish: false } : own;
      const [titleRaw, slugRaw, urlRaw, buildRaw, headless] = fmPick(data, PAGE_KEYS);
      const title = typeof titleRaw === 'string' ? titleRaw : undefined;
      const slug = typeof slugRaw === 'string' && slugRaw.trim() ? slugRaw : typeof slugRaw === 'number' ? String(slugRaw) : undefined;
      const fmUrl = typeof urlRaw === 'string' && urlRaw.trim() ? urlRaw.trim() : undefined;
      const rendered = build(buildRaw) && headless !== true;
      const lp = langPrefix(lang);

      if (base === '_index') {
        const segs = dir ? dir.split('/') : [];
        let kind: PageKind = 'section';
        let taxonomy: string | undefined;
        let term: string | undefined;
        if (segs.length === 0) kind = 'home';
        else if (taxonomyPlurals.has(segs[0].toLowerCase()) && segs.length <= 2) {
          taxonomy = taxonomyPlurals.get(segs[0].toLowerCase());
          if (segs.length === 1) kind = 'taxonomy';
          else {
            kind = 'term';
            term = segs[1];
          }
        }
        const section = segs[0] ?? '';
        let path: string;
        if (fmUrl) path = cleanJoin(fmUrl);
        else if (kind === 'home') path = '/';
        else if (kind === 'term') path = termPath(taxonomy ?? segs[0], segs[0], segs[1], { slug, title });
        else path = cleanJoin(makePath(dir, opts)) + '/';
        const ugly = kind !== 'home' && isUgly(c, section);
        path = kind === 'home' ? '/' : withTrailing(path, ugly);
        const url = basePath + (fmUrl ? '' : lp) + path;
        return [{ file, status: st.status, lang, title, date: st.dateText, url: url || '/', kind, willPublish: st.willPublish && rendered && !kindDisabled(kind), resourcesPublished: st.willPublish, ...withFormats(kind, data, url || '/', aliasesOf(data, lp + path)), section, bundle: 'branch', taxonomy, term }];
      }

      let name = base;
      let pageDir = dir;
      let bundle: 'leaf' | undefined;
      if (base === 'index') {
        bundle = 'leaf';
        name = posix.basename(dir);
        pageDir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
        if (!dir) {
          // content/index.md is a leaf bundle at the root: Hugo treats it as the home page's content.
          name = 'index';
        }
      }
      const section = pageDir.split('/')[0] ?? '';
      const ugly = isUgly(c, section);
      let path: string;
      if (fmUrl) {
        path = cleanJoin(fmUrl);
        if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
      } else {
        // Config keys are lower-cased, the section is matched as written: `content/Capitals/` never
        // matches `[permalinks] capitals` [verified 0.111].
        const pattern = Object.prototype.hasOwnProperty.call(c.permalinks, section) ? c.permalinks[section] : undefined;
        if (pattern && section) {
          const sections = sectionsOf(loc, pageDir, files);
          path = cleanJoin(expandPermalink(pattern, { section, sections, name, slug, title, date: st.date }));
          path = withTrailing(path, ugly);
        } else {
          const last = slug !== undefined ? urlize(slug, opts) : makePath(name, opts);
          path = withTrailing(cleanJoin(makePath(pageDir, opts), last), ugly);
        }
      }
      const url = basePath + lp + path;
      return [{ file, status: st.status, lang, title, date: st.dateText, url, kind: 'page', willPublish: st.willPublish && rendered && !kindDisabled('page'), resourcesPublished: st.willPublish, ...withFormats('page', data, url, aliasesOf(data, lp + path)), section: section || '', bundle }];
    },

    /**
     * Resource paths are published exactly as written: case and spaces kept (`Route_Map.PNG`,
     * `notes/Day One.txt`) [verified 0.111]. In a leaf bundle they sit below the page's URL (also with
     * uglyURLs: `/posts/b.html` → `/posts/b/res.txt`); in a folder with an `_index` below the section's
     * URL (`posts/Branch_Bundle/A.txt` → `/posts/branch_bundle/A.txt`); elsewhere at their raw content
     * path (`Guides/Cheat_Sheet.TXT` → `/Guides/Cheat_Sheet.TXT`, beside a `/guides/` section).
     */
    resourceUrl(file, files, pageOf) {
      const loc = locate(file);
      if (!loc) return undefined;
      const leaf = enclosingLeafBundle(loc, files);
      const dirUrlOf = (page: Page) => (page.url.endsWith('/') ? page.url : page.url.replace(/\.html$/, '') + '/');
      if (leaf) {
        for (const ext of INDEX_EXTS) {
          const page = pageOf(`${loc.contentDir}/${leaf}/index.${ext}`);
          if (page) return dirUrlOf(page) + loc.inner.slice(leaf.length + 1);
        }
        return undefined;
      }
      const dir = posix.dirname(loc.inner) === '.' ? '' : posix.dirname(loc.inner);
      const lang = loc.dirLang ?? c.defaultContentLanguage;
      const idx = dir ? branchIndex(loc, dir, lang, files) : undefined;
      const page = idx ? pageOf(idx) : undefined;
      if (page) return dirUrlOf(page) + posix.basename(loc.inner);
      return basePath + langPrefix(lang) + '/' + loc.inner;
    },

    /** A bundle's files are published once per language version of the bundle [verified 0.111: `/de/posts/pear/shared.txt`]. */
    resourceUrls(file, files, pageOf) {
      const loc = locate(file);
      if (!loc) return [];
      const leaf = enclosingLeafBundle(loc, files);
      if (!leaf || !multilingual) {
        const u = model.resourceUrl(file, files, pageOf);
        return u ? [u] : [];
      }
      const out: string[] = [];
      const rel = loc.inner.slice(leaf.length + 1);
      for (const ext of INDEX_EXTS) {
        for (const name of [`index.${ext}`, ...[...langCodes].map((l) => `index.${l}.${ext}`)]) {
          const page = pageOf(`${loc.contentDir}/${leaf}/${name}`);
          if (page) out.push((page.url.endsWith('/') ? page.url : page.url.replace(/\.html$/, '') + '/') + rel);
        }
      }
      return out;
    },

    resourceOwner(file, files) {
      const loc = locate(file);
      if (!loc) return undefined;
      const leaf = enclosingLeafBundle(loc, files);
      if (leaf) for (const ext of INDEX_EXTS) if (files.has(`${loc.contentDir}/${leaf}/index.${ext}`)) return `${loc.contentDir}/${leaf}/index.${ext}`;
      const lang = loc.dirLang ?? c.defaultContentLanguage;
      let dir = posix.dirname(loc.inner) === '.' ? '' : posix.dirname(loc.inner);
      while (dir) {
        const idx = branchIndex(loc, dir, lang, files);
        if (idx) return idx;
        dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
      }
      return undefined;
    },

    derivedPages(pages, terms) {
      const { out, extra, add } = derivedCollector(pages);
      const kinds = new Set(c.disableKinds);
      for (const l of c.languages) {
        const lp = langPrefix(l.code);
        if (!kinds.has('home')) add({ url: basePath + lp + '/', kind: 'home', status: 'published', willPublish: true, lang: l.code, aliases: [], section: '' });
        // The home feed goes with the home page [verified 0.111: hugo-disable-kinds-lists].
        if (hasFeed('home') && !kinds.has('home')) extra.push(basePath + lp + '/index.xml');
        // Multilingual: every language has `/<lang>/sitemap.xml`, even the one served at the root,
        // and `/sitemap.xml` is the index of them [verified 0.111].
        if (!kinds.has('sitemap')) extra.push(basePath + (multilingual ? `/${l.code}` : lp) + '/sitemap.xml');
      }
      if (multilingual && !kinds.has('sitemap')) extra.push(basePath + '/sitemap.xml');
      // The language that is not in its own folder still gets a redirect there (`/en/` → `/`), and
      // with defaultContentLanguageInSubdir the root redirects to it (`/` → `/en/`) [verified 0.111].
      const redirects: { from: string; to: string }[] = [];
      const home = basePath + langPrefix(c.defaultContentLanguage) + '/';
      if (c.defaultContentLanguageInSubdir) redirects.push({ from: basePath + '/', to: home });
      else if (multilingual) redirects.push({ from: basePath + `/${c.defaultContentLanguage}/`, to: home });
      if (c.enableRobotsTXT) extra.push(basePath + '/robots.txt');
      // Top-level sections with at least one published page, unless an `_index` already made the
      // section page. A section Hugo makes itself is lower-cased even with disablePathToLower, one
      // from an `_index` keeps its case (`/dated/` vs `/Posts/`) [verified 0.111].
      const sections = new Map<string, string>();
      const madeByIndex = new Set<string>();
      for (const p of pages) {
        if (p.kind === 'page' && p.willPublish && p.section && p.file) sections.set(`${p.lang}\u0000${p.section}`, p.lang);
        if (p.kind === 'section' && p.file && isTopLevel(p.file)) madeByIndex.add(`${p.lang}\u0000${p.section}`);
      }
      if (!kinds.has('section')) {
        for (const [key, lang] of sections) {
          const section = key.split('\u0000')[1];
          if (taxonomyPlurals.has(section.toLowerCase()) || madeByIndex.has(key)) continue;
          const ugly = isUgly(c, section);
          const url = basePath + langPrefix(lang) + withTrailing('/' + makePath(section, { ...opts, disablePathToLower: false }) + '/', ugly);
          add({ url, kind: 'section', status: 'published', willPublish: true, lang, aliases: [], section });
        }
      }
      // A taxonomy's list page exists even when no page uses it [verified 0.111: /categories/ on a
      // site without categories]; a term page only when a published page uses the term or a term
      // folder has an `_index` (a term used only by drafts has none) [verified 0.111].
      const termsWithIndex = new Set<string>();
      for (const p of pages) if (p.kind === 'term' && p.file && p.taxonomy && p.term) termsWithIndex.add(`${p.lang}\u0000${p.taxonomy}\u0000${model.termKey(p.taxonomy, p.term)}`);
      for (const t of c.taxonomies) {
        for (const l of c.languages) {
          const lp = langPrefix(l.code);
          const langTerms = terms.get(`${l.code}\u0000${t.plural}`);
          const tUgly = isUgly(c, t.plural);
          if (!kinds.has('taxonomy') && !kinds.has('taxonomyterm')) {
            const tu = basePath + lp + withTrailing('/' + urlize(t.plural, opts) + '/', tUgly);
            add({ url: tu, kind: 'taxonomy', status: 'published', willPublish: true, lang: l.code, aliases: [], section: t.plural, taxonomy: t.plural });
          }
          if (!kinds.has('term') && langTerms) {
            for (const term of langTerms.keys()) {
              // A term with its own `_index` has its page already (its URL may differ: a permalink's :slug).
              if (termsWithIndex.has(`${l.code}\u0000${t.plural}\u0000${model.termKey(t.plural, term)}`)) continue;
              const u = basePath + lp + withTrailing(termPath(t.plural, t.plural, term), tUgly);
              add({ url: u, kind: 'term', status: 'published', willPublish: true, lang: l.code, aliases: [], section: t.plural, taxonomy: t.plural, term });
            }
          }
        }
      }
      // List pages have a feed at `<dir>/index.xml`, also with uglyURLs (`/posts.html` →
      // `/posts/index.xml`) [verified 0.111].
      {
        for (const p of [...pages, ...out]) {
          if ((p.kind === 'section' || p.kind === 'taxonomy' || p.kind === 'term') && p.willPublish && hasFeed(p.kind)) {
            extra.push((p.url.endsWith('/') ? p.url : p.url.replace(/\.html$/, '') + '/') + 'index.xml');
          }
        }
      }
      return { pages: out, extraUrls: extra, redirects };
    },

    termsOf(data) {
      const m = new Map<string, string[]>();
      for (const t of c.taxonomies) {
        const v = fmGet(data, t.plural);
        const list = Array.isArray(v) ? fmList({ v }, 'v') : typeof v === 'string' && v.trim() ? [v] : [];
        if (list.length) m.set(t.plural, list);
      }
      return m;
    },

    termKey(_taxonomy, term) {
      // With disablePathToLower, `Go` and `go` are two terms with two pages [verified 0.111: /tags/Capital-Tag/].
      // Memoised: every rebuild of the URL table asks for every term use (tens of thousands on a big site).
      let k = termKeys.get(term);
      if (k === undefined) {
        k = urlize(term, opts);
        if (termKeys.size > 50_000) termKeys.clear();
        termKeys.set(term, k);
      }
      return k;
    },

    refCandidates(ref, fromFile) {
      const clean = ref.split('#')[0].replace(/\\/g, '/').trim();
      if (!clean) return [fromFile];
      const from = locate(fromFile);
      const out: string[] = [];
      const expand = (p: string) => {
        const has = /\.[a-z0-9]+$/i.test(p);
        const list = has ? [p] : [p + '.md', p + '/index.md', p + '/_index.md', p + '.markdown', p + '/index.markdown', p + '.html'];
        return list;
      };
      const roots = contentDirs.map((d) => d.dir);
      if (clean.startsWith('/')) {
        for (const r of roots) out.push(...expand(posix.join(r, clean)));
      } else {
        if (from) {
          // Relative to the page: for a bundle, its folder; for a plain file, the folder it sits in.
          out.push(...expand(posix.join(from.contentDir, posix.dirname(from.inner), clean)));
        }
        for (const r of roots) out.push(...expand(posix.join(r, clean)));
      }
      return out;
    },
  };
  return model;
}
