/**
 * A Hugo page's publish status: its own dates and draft flag, what `cascade` gives it from the index
 * files above, and the status of those sections (a draft section hides everything below it).
 */
import type { FileLookup, FrontMatterData } from '../../site/generator';
import type { PageKind, PublishStatus } from '../../site/model';
import { fmGet, fmPick } from '../../frontmatter/parse';
import { parseWrittenDate } from './dates';
import { cascadeEntries, withCascades } from './cascade';
import type { HugoSite, Status } from './context';
import { branchIndex, indexKind, locate, nameParts, parentOf, type ContentLocation } from './content';

const STATUS_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'expirydate', 'unpublishdate', 'draft'];

export function computeStatus(h: HugoSite, data: FrontMatterData, now: Date): Status {
  const c = h.c;
  const [date_, publishdate, pubdate, published, lastmod, expirydate, unpublishdate, draftRaw] = fmPick(data, STATUS_KEYS);
  const dateRaw = date_ ?? publishdate ?? pubdate ?? published ?? lastmod;
  const pubRaw = publishdate ?? pubdate ?? published ?? date_;
  const expRaw = expirydate ?? unpublishdate;
  const zone = c.timeZone;
  const date = parseWrittenDate(dateRaw, zone);
  // Most posts write one date: it is both (read once).
  const pub = pubRaw === dateRaw ? date : parseWrittenDate(pubRaw, zone);
  const exp = parseWrittenDate(expRaw, zone);
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

/** Every page below a section asks for the section index's status: memoised per index and clock reading. */
export function sectionStatusOf(h: HugoSite, data: FrontMatterData, now: Date): Status {
  const hit = h.statusMemo.get(data);
  if (hit && hit.at === now.getTime()) return hit.st;
  const st = computeStatus(h, data, now);
  h.statusMemo.set(data, { at: now.getTime(), st });
  return st;
}

/**
 * A draft, future or expired section hides everything below it: its pages, their terms and its
 * files are not published [verified 0.111 with a draft and a future-dated `_index.md`].
 * `dir` is the innermost folder whose `_index` applies; the content root (home) is not considered.
 */
export function inheritedStatus(h: HugoSite, loc: ContentLocation, dir: string, lang: string, files: FileLookup, now: Date): PublishStatus | undefined {
  if (!files.data || !dir) return undefined;
  const segs = dir.split('/');
  for (let i = 1; i <= segs.length; i++) {
    const idx = branchIndex(h, loc, segs.slice(0, i).join('/'), lang, files);
    const data = idx ? files.data(idx) : undefined;
    if (!data) continue;
    const st = sectionStatusOf(h, effectiveData(h, idx!, data, files), now);
    if (!st.willPublish && st.status !== 'published') return st.status;
  }
  return undefined;
}

/**
 * A content file's front matter as Hugo reads it: its own keys, plus those `cascade` gives it from
 * its own index file (for an `_index`) and the index files of the folders above, nearest first.
 * The object itself when no cascade applies (the usual case: no copy).
 */
export function effectiveData(h: HugoSite, file: string, data: FrontMatterData, files: FileLookup): FrontMatterData {
  const loc = locate(h, file);
  if (!loc || !files.data) return data;
  const { dir, base, lang } = nameParts(h, loc);
  const sources: FrontMatterData[] = [];
  if (base === '_index' && fmGet(data, 'cascade') !== undefined) sources.push(data);
  // A leaf bundle's index.md is a page of the folder above its bundle.
  let d: string | undefined = base === '_index' || base === 'index' ? (dir ? parentOf(dir) : undefined) : dir;
  while (d !== undefined) {
    const idx = branchIndex(h, loc, d, lang, files);
    const idxData = idx ? files.data(idx) : undefined;
    if (idxData && fmGet(idxData, 'cascade') !== undefined) sources.push(idxData);
    d = d ? parentOf(d) : undefined;
  }
  if (sources.length === 0) return data;
  const target = { path: '/' + loc.inner.toLowerCase(), kind: base === '_index' ? indexKind(h, dir) : 'page', lang } as const;
  return withCascades(data, sources.flatMap((src) => cascadeEntries(src, target)));
}

/**
 * Whether a page is rendered: `_build: {render: never}` (or false, or the legacy `headless: true`)
 * publishes no URL; nor does `render: link` (a permalink for templates, no file) [verified 0.111:
 * hugo-headless fixture].
 */
export function rendered(build: unknown, headless: unknown): boolean {
  const r = build && typeof build === 'object' ? fmGet(build as FrontMatterData, 'render') : undefined;
  return !(r === false || r === 'never' || r === 'false' || r === 'link') && headless !== true;
}

/**
 * `disableKinds` also stops content files of that kind: an `_index` of a disabled section or term
 * publishes nothing [verified 0.111: test/fixtures/hugo-disable-kinds]. `taxonomyTerm` is the old
 * name of `taxonomy`.
 */
export function kindDisabled(h: HugoSite, kind: PageKind): boolean {
  return h.disabledKinds.has(kind) || (kind === 'taxonomy' && h.disabledKinds.has('taxonomyterm'));
}
