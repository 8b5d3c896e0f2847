/**
 * The page a Hugo content file publishes: its kind (home, section, taxonomy, term, page), status,
 * URL (`url:`, `[permalinks]`, `slug:`, or its path), language, aliases and output formats.
 */
import { posix } from '../../posix';
import type { FileLookup, FrontMatterData } from '../../site/generator';
import type { Page, PageKind } from '../../site/model';
import { fmPick } from '../../frontmatter/parse';
import { isUgly } from './config';
import { makePath, urlize } from './paths';
import type { HugoSite, Status } from './context';
import { copiedAsIs, hasContentExt, langPrefix, locate, nameParts, roleOf, sectionsOf, type ContentLocation } from './content';
import { computeStatus, effectiveData, inheritedStatus, kindDisabled, rendered, sectionStatusOf } from './status';
import { cleanJoin, expandPermalink, permalinkFor, termPath, urlOverridePath, withTrailing } from './permalinks';
import { aliasesOf, withFormats } from './aliases';

const PAGE_KEYS = ['title', 'slug', 'url', '_build', 'headless'];

/** What both kinds of content file need to make their page. */
interface PageInput {
  readonly file: string;
  readonly loc: ContentLocation;
  readonly dir: string;
  readonly lang: string;
  /** Front matter with cascades applied. */
  readonly data: FrontMatterData;
  readonly st: Status;
  readonly title?: string;
  readonly slug?: string;
  readonly fmUrl?: string;
  readonly rendered: boolean;
}

export function pagesFor(h: HugoSite, file: string, data: FrontMatterData, files: FileLookup, now: Date): Page[] {
  const loc = locate(h, file);
  if (!loc || !hasContentExt(file) || copiedAsIs(file, data)) return [];
  if (roleOf(h, file, files).role !== 'page') return [];
  const { dir, base, lang } = nameParts(h, loc);
  data = effectiveData(h, file, data, files);
  // Section index files are read again by every page below them: their status is memoised.
  const own = base === '_index' ? sectionStatusOf(h, data, now) : computeStatus(h, data, now);
  const parentDir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
  const inherited = inheritedStatus(h, loc, base === '_index' || base === 'index' ? parentDir : dir, lang, files, now);
  const st = inherited ? { ...own, status: own.status === 'published' ? inherited : own.status, willPublish: false } : own;
  const [titleRaw, slugRaw, urlRaw, buildRaw, headless] = fmPick(data, PAGE_KEYS);
  const input: PageInput = {
    file,
    loc,
    dir,
    lang,
    data,
    st,
    title: typeof titleRaw === 'string' ? titleRaw : undefined,
    slug: typeof slugRaw === 'string' && slugRaw.trim() ? slugRaw : typeof slugRaw === 'number' ? String(slugRaw) : undefined,
    fmUrl: typeof urlRaw === 'string' && urlRaw.trim() ? urlRaw.trim() : undefined,
    rendered: rendered(buildRaw, headless),
  };
  return base === '_index' ? [branchPage(h, input)] : [leafPage(h, input, base, files)];
}

/** An `_index` file: the home page, a section, a taxonomy or a term. */
function branchPage(h: HugoSite, p: PageInput): Page {
  const { file, dir, lang, data, st, title, slug, fmUrl } = p;
  const segs = dir ? dir.split('/') : [];
  let kind: PageKind = 'section';
  let taxonomy: string | undefined;
  let term: string | undefined;
  if (segs.length === 0) kind = 'home';
  else if (h.taxonomyPlurals.has(segs[0].toLowerCase()) && segs.length <= 2) {
    taxonomy = h.taxonomyPlurals.get(segs[0].toLowerCase());
    if (segs.length === 1) kind = 'taxonomy';
    else {
      kind = 'term';
      term = segs[1];
    }
  }
  const section = segs[0] ?? '';
  let path: string;
  if (kind === 'home') path = '/';
  else if (fmUrl) path = urlOverridePath(fmUrl);
  else {
    path = kind === 'term' ? termPath(h, taxonomy ?? segs[0], segs[0], segs[1], { slug, title }) : cleanJoin(makePath(dir, h.opts)) + '/';
    path = withTrailing(path, isUgly(h.c, section));
  }
  const lp = langPrefix(h, lang);
  const url = h.basePath + (fmUrl ? '' : lp) + path;
  return { file, status: st.status, lang, title, date: st.dateText, url: url || '/', kind, willPublish: st.willPublish && p.rendered && !kindDisabled(h, kind), resourcesPublished: st.willPublish, ...withFormats(h, kind, data, url || '/', aliasesOf(h, data, lp + path)), section, bundle: 'branch', taxonomy, term };
}

/** A regular page: a file of its own, or a leaf bundle's `index`. */
function leafPage(h: HugoSite, p: PageInput, base: string, files: FileLookup): Page {
  const { file, dir, lang, data, st, title, slug, fmUrl } = p;
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
  const ugly = isUgly(h.c, section);
  let path: string;
  if (fmUrl) path = urlOverridePath(fmUrl);
  else {
    // Config keys are lower-cased, the section is matched as written: `content/Capitals/` never
    // matches `[permalinks] capitals` [verified 0.111].
    const pattern = permalinkFor(h, section);
    if (pattern && section) {
      const sections = sectionsOf(h, p.loc, pageDir, files);
      path = cleanJoin(expandPermalink(h, pattern, { section, sections, name, slug, title, date: st.date }));
      path = withTrailing(path, ugly);
    } else {
      const last = slug !== undefined ? urlize(slug, h.opts) : makePath(name, h.opts);
      path = withTrailing(cleanJoin(makePath(pageDir, h.opts), last), ugly);
    }
  }
  const lp = langPrefix(h, lang);
  const url = h.basePath + lp + path;
  return { file, status: st.status, lang, title, date: st.dateText, url, kind: 'page', willPublish: st.willPublish && p.rendered && !kindDisabled(h, 'page'), resourcesPublished: st.willPublish, ...withFormats(h, 'page', data, url, aliasesOf(h, data, lp + path)), section: section || '', bundle };
}
