/**
 * Fragments: whether `#id` exists on the target page, and the nearest ids when it does not.
 */
import { distance } from 'fastest-levenshtein';
import type { DocumentBody, IndexedDocument } from '../site/index';
import type { Page } from '../site/model';
import { decodePath } from './urls';
import { isMarkdownFile, type CheckContext, type LinkProblem } from './problems';
import { isHtmlFile } from '../markdown/analyze';
import type { ShortcodeIds } from '../site/generator';
import { NO_IDS, type ShortcodeUse } from './shortcodes';
import { renderedCalls } from './renderedCalls';

/** The calls that may print ids: any but the built-in few known to print none. */
function mayPrintIds(body: DocumentBody): readonly ShortcodeUse[] {
  return (body.shortcodes ?? []).filter((u) => !NO_IDS.has(u.name));
}

/**
 * The ids on the page of `doc`: its headings (from the site's first id level, fixed per model), its
 * HTML anchors and what its shortcodes print. Kept per body in the site's caches, and per set of
 * shortcode facts: a set made without them (navigation) must not answer a check that has them.
 */
export function idsOf(ctx: CheckContext, doc: IndexedDocument): Set<string> {
  const fromLevel = ctx.site.model.headingIdsFromLevel ?? 1;
  const shortcodeIds = ctx.extras.shortcodeIds;
  const tables = ctx.site.caches.fragmentIds;
  let table = tables.get(shortcodeIds);
  if (!table) {
    // One or two sets of facts per site; more means the site's templates were read again.
    if (tables.size >= 4) tables.clear();
    tables.set(shortcodeIds, (table = new WeakMap()));
  }
  const body = doc.body();
  let s = table.get(body);
  if (!s) {
    s = new Set<string>();
    for (const h of body.headings) if (h.level >= fromLevel) s.add(h.id);
    for (const id of body.htmlIds) s.add(id);
    for (const id of shortcodeArgumentIds(body, shortcodeIds)) s.add(id);
    for (const r of renderedCalls(ctx.site, ctx.extras.shortcodeRenderers, doc, ctx.includeDrafts)) for (const id of r?.ids ?? []) s.add(id);
    table.set(body, s);
  }
  return s;
}

/**
 * Whether output we cannot see may print ids on the page: Liquid includes, a shortcode whose
 * template we could not read (a theme not on disk) or whose ids we cannot tell.
 */
export function hidesIds(ctx: CheckContext, doc: IndexedDocument): boolean {
  const body = doc.body();
  if (body.hiddenIds) return true;
  const shortcodeIds = ctx.extras.shortcodeIds;
  // No shortcodes on this site: its includes hide ids when Liquid ran them (hiddenIds, above).
  if (!shortcodeIds || !body.shortcodes?.some((u) => !NO_IDS.has(u.name))) return false;
  // A call rendered exactly shows all its ids; any other whose ids we cannot tell may print any.
  const rendered = renderedCalls(ctx.site, ctx.extras.shortcodeRenderers, doc, ctx.includeDrafts);
  return body.shortcodes.some((u, i) => !NO_IDS.has(u.name) && !rendered[i] && (shortcodeIds.get(u.name)?.kind ?? 'unknown') === 'unknown');
}

/** The ids the page's shortcodes print from their arguments (`{{< anchor "setup" >}}`). */
function shortcodeArgumentIds(body: DocumentBody, shortcodeIds: ReadonlyMap<string, ShortcodeIds> | undefined): string[] {
  const out: string[] = [];
  for (const u of mayPrintIds(body)) {
    const f = shortcodeIds?.get(u.name);
    if (f?.kind !== 'argument') continue;
    const v = f.position !== undefined ? u.args[f.position] : f.name !== undefined ? u.named[f.name] : undefined;
    if (v) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------- fragments

export function fragmentProblem(ctx: CheckContext, page: Page | undefined, doc: IndexedDocument | undefined, fragment: string | undefined, written: string, prefix: string): LinkProblem | undefined {
  if (fragment === undefined || fragment === '') return undefined;
  // Only regular pages whose content we read: list pages, generated pages and files have ids we cannot see.
  if (!doc || doc.partial || ctx.extras.headingHook || hidesIds(ctx, doc)) return undefined;
  // A list page's content may not be on it (its layout decides), except where the link itself is:
  // a fragment into the page the link is written on is judged whatever the page's kind.
  if (page && page.kind !== 'page' && doc.file !== ctx.file) return undefined;
  // An HTML content file is published as written: its ids are the attributes it writes (htmlFile in
  // the analysis). Other formats (AsciiDoc, Org…) get ids from tools we do not model.
  if (!isMarkdownFile(doc.file) && !isHtmlFile(doc.file)) return undefined;
  const ids = idsOf(ctx, doc);
  const decoded = decodePath(fragment);
  const removed = removedOpening(ctx, doc, ids, decoded);
  if (removed) return removed === 'not-judged' ? undefined : { ...removed, message: `${page ? page.url : doc.file}: ${removed.message}` };
  if (ids.has(fragment) || ids.has(decoded) || ctx.extras.layoutIds.has(decoded)) return undefined;
  // Ids the page may have or not (a code block's line anchors whose lexer we do not know).
  if (doc.body().unsureIds?.some((re) => new RegExp(re, 'u').test(decoded))) return undefined;
  // Goldmark footnotes and Hugo's table of contents have generated ids; `#:~:text=…` is a text
  // fragment (browsers scroll to the words), never an id.
  if (/^(fn|fnref)[:\d-]/.test(decoded) || decoded === 'TableOfContents' || decoded.startsWith(':~:')) return undefined;
  const near = nearestIds(decoded, ids);
  const where = page ? page.url : doc.file;
  // html/template prints `#ZgotmplZ` in place of a URL it refuses (an unsafe scheme, `<…>`).
  const refused = decoded === 'ZgotmplZ' ? ' The template printed "#ZgotmplZ" in place of a URL it refuses (an unsafe scheme or form, such as <https://…> or javascript:).' : '';
  return {
    code: 'link.fragment-not-found',
    message: `${where} has no heading or anchor with id "${decoded}".${refused}${near.length && !refused ? ` Did you mean #${near[0]}?` : ''}`,
    data: { fragment: decoded, suggestions: near.map((id) => prefix + id), headings: [...ids] },
  };
}

/**
 * A fragment naming the heading the page opens with, when a plugin removes that heading: broken, or
 * not judged when the plugin may be off or the ids after it shift (a later heading of the same text
 * takes the removed one's id once it is gone).
 */
function removedOpening(ctx: CheckContext, doc: IndexedDocument, ids: ReadonlySet<string>, decoded: string): LinkProblem | 'not-judged' | undefined {
  const body = doc.body();
  const opening = body.headings[0];
  if (!opening?.opensBody || opening.id !== decoded || !ctx.site.model.openingHeading) return undefined;
  const r = ctx.site.model.openingHeading(doc.file, doc.frontMatter?.data ?? {});
  if (!r) return undefined;
  if (r.removed === 'maybe' || ids.has(decoded + '-1') || body.htmlIds.includes(decoded) || ctx.extras.layoutIds.has(decoded)) return 'not-judged';
  return {
    code: 'link.fragment-not-found',
    message: `its first heading "${opening.text}" (id "${decoded}") is not on the page: ${r.why}.`,
    data: { fragment: decoded, suggestions: [], headings: [...ids].filter((id) => id !== decoded) },
  };
}

function nearestIds(want: string, ids: ReadonlySet<string>): string[] {
  const scored: { d: number; id: string }[] = [];
  const w = want.toLowerCase();
  const max = Math.max(3, Math.floor(w.length * 0.4));
  for (const id of ids) {
    const l = id.toLowerCase();
    let d: number;
    if (l === w) d = 0;
    else if (l.startsWith(w) || w.startsWith(l) || l.includes(w)) d = 1;
    // The edit distance is at least the length difference: skip the quadratic part when that
    // alone rules the id out (a post with 50,000 headings made each broken anchor cost ~100 ms).
    else if (Math.abs(l.length - w.length) + 1 > max) continue;
    else d = distance(w, l) + 1;
    if (d <= max) scored.push({ d, id });
  }
  return scored.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id)).slice(0, 3).map((s) => s.id);
}
