/**
 * Link completion: the site's pages by title, inserted as the link the generator resolves (not the
 * `.md` path that VS Code's own path completion inserts, which a plain Hugo site publishes unchanged
 * and which then 404s); headings after `#`; images from `static/` and the page bundle.
 *
 * Only targets the link checker accepts are offered: unpublished pages only when drafts count as
 * published, and each inserted form is one `checkLink` resolves (tested by inserting every item).
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { IndexedDocument } from '../site/index';
import type { Page } from '../site/model';
import type { TextRange } from '../text';
import { refPathOf } from '../links/hugoRefs';
import { relativeUrl } from '../links/urls';
import type { ExtractedLink } from '../links/types';
import { linkCompletionContext, type LinkCompletionContext } from './completionContext';
import { bestScore } from './fuzzy';
import { effectiveLinkStyle, encodeSpaces, postUrlName, writeLink, type LinkStyle, type LinkStyleSetting } from './linkStyle';
import { targetOf } from './targets';

export interface LinkCompletion {
  readonly label: string;
  readonly kind: 'page' | 'heading' | 'file';
  readonly insertText: string;
  readonly range: TextRange;
  readonly detail?: string;
  readonly documentation?: string;
  /** Rank (lexicographic); the best match sorts first. */
  readonly sortText: string;
  /** What the editor filters on: the typed text is included so our fuzzy ranking decides, not the editor's prefix filter. */
  readonly filterText: string;
}

export interface LinkCompletionOptions {
  readonly style?: LinkStyleSetting;
  /** Unpublished pages count as published (the link checker's includeDrafts). */
  readonly includeDrafts?: boolean;
  readonly limit?: number;
}

export interface LinkCompletionResult {
  readonly items: LinkCompletion[];
  readonly context?: LinkCompletionContext;
  readonly style?: LinkStyle;
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico)$/i;

/** Completion at `offset` in `text` (the current text of `file`, which the index may not have yet). */
export function completeLinks(site: Site, file: string, text: string, offset: number, o: LinkCompletionOptions = {}): LinkCompletionResult {
  const context = linkCompletionContext(text, offset);
  if (!context) return { items: [] };
  let doc = site.index.document(file);
  // Headings of this very document come from its current text.
  if (!doc || site.index.textLength(file) !== text.length) doc = site.index.updateDocument(file, text) ?? doc;
  if (context.fragmentOf !== undefined) return { items: headingItems(site, file, doc, context), context };
  if (context.slot === 'image') return { items: imageItems(site, file, context, o), context };
  const style = effectiveLinkStyle(site, o.style);
  return { items: pageItems(site, file, context, style, o), context, style };
}

function statusLabel(p: Page): string {
  return p.status === 'published' ? (p.willPublish ? '' : 'not built') : p.status;
}

function slugOf(p: Page): string {
  const f = p.file ?? '';
  const base = posix.basename(f).replace(/\.[^.]+$/, '');
  return /^_?index$/.test(base) ? posix.basename(posix.dirname(f)) : base;
}

function haystackOf(site: Site, p: Page): string {
  const haystacks = site.caches.haystacks;
  let h = haystacks.get(p);
  if (h === undefined) haystacks.set(p, (h = `${p.title ?? ''} ${slugOf(p)} ${p.url}`.toLowerCase()));
  return h;
}

function isSubsequence(q: string, s: string): boolean {
  let j = 0;
  for (let i = 0; i < s.length && j < q.length; i++) if (s.charCodeAt(i) === q.charCodeAt(j)) j++;
  return j === q.length;
}

function rank(i: number): string {
  return String(i).padStart(5, '0');
}

function pageItems(site: Site, file: string, c: LinkCompletionContext, style: LinkStyle, o: LinkCompletionOptions): LinkCompletion[] {
  const forms = site.model.authoring.linkForms;
  if (c.slot === 'ref' && !forms.includes('relref')) return [];
  if (c.slot === 'post_url' && !forms.includes('post_url')) return [];
  const query = c.typed.replace(/^\.?\.?\/+/, '').replace(/^\{\{<?\s*/, '');
  const scored: { page: Page; score: number }[] = [];
  const q = query.toLowerCase().replace(/\s+/g, '');
  for (const p of site.index.contentPages()) {
    if (!p.file || p.file === file) continue;
    if (!p.willPublish && !o.includeDrafts) continue;
    // A cheap in-order test first: most pages of a large site fail it, and scoring is dearer.
    if (!isSubsequence(q, haystackOf(site, p))) continue;
    const score = bestScore(query, [p.title, slugOf(p), p.url]);
    if (score === undefined) continue;
    scored.push({ page: p, score });
  }
  // Best match first; without a query, the newest posts first.
  scored.sort((a, b) => b.score - a.score || (b.page.date ?? '').localeCompare(a.page.date ?? '') || a.page.url.localeCompare(b.page.url));
  const top: { page: Page; score: number; insert: string }[] = [];
  for (const x of scored) {
    if (top.length >= (o.limit ?? 200)) break;
    const insert = insertFor(site, file, x.page, c, style);
    if (insert !== undefined) top.push({ ...x, insert });
  }
  return top.map((s, i) => {
    const status = statusLabel(s.page);
    const title = s.page.title || slugOf(s.page) || s.page.url;
    return {
      label: title,
      kind: 'page',
      insertText: s.insert,
      range: c.range,
      detail: `${s.page.url}${status ? ` — ${status}` : ''}`,
      documentation: [s.page.file, s.page.date ? `Date: ${s.page.date}` : '', status ? `Status: ${status} (not in a production build)` : ''].filter(Boolean).join('\n\n'),
      sortText: rank(i),
      filterText: `${c.typed} ${title} ${s.insert}`,
    };
  });
}

/** What to insert for a page in a slot; undefined when the slot cannot name it. */
function insertFor(site: Site, file: string, p: Page, c: LinkCompletionContext, style: LinkStyle): string | undefined {
  switch (c.slot) {
    case 'ref':
      return refPathOf(site, p);
    case 'post_url':
      return p.file ? postUrlName(p.file) : undefined;
    case 'liquid-link':
      return p.file;
    case 'html':
      // Raw HTML gets a URL: shortcodes and Liquid tags there are not what the writer wants.
      return writeLink(site, file, p, style === 'relative' ? 'relative' : 'root').destination;
    default:
      return writeLink(site, file, p, style).destination;
  }
}

function headingItems(site: Site, file: string, doc: IndexedDocument | undefined, c: LinkCompletionContext): LinkCompletion[] {
  let target: IndexedDocument | undefined;
  const before = c.fragmentOf ?? '';
  if (before === '') target = doc;
  else {
    const kind: ExtractedLink['kind'] = c.slot === 'ref' ? 'relref' : c.slot === 'html' ? 'html-href' : 'inline';
    const t = targetOf(site, file, { kind, target: before, range: { start: 0, end: before.length } });
    if (t?.page && t.page.kind !== 'page') return [];
    target = t?.file ? site.index.document(t.file) : undefined;
  }
  if (!target) return [];
  const out: LinkCompletion[] = [];
  const seen = new Set<string>();
  target.body().headings.forEach((h, i) => {
    if (seen.has(h.id)) return;
    seen.add(h.id);
    out.push({ label: `#${h.id}`, kind: 'heading', insertText: h.id, range: c.range, detail: `${'#'.repeat(h.level)} ${h.text}`, sortText: rank(i), filterText: `${h.id} ${h.text}` });
  });
  return out;
}

function imageItems(site: Site, file: string, c: LinkCompletionContext, o: LinkCompletionOptions): LinkCompletion[] {
  const page = site.index.pagesOfFile(file)[0];
  const fileSemantics = site.model.summary.linkSemantics === 'file';
  const scored: { label: string; insert: string; score: number; own: boolean; file: string }[] = [];
  const seen = new Set<string>();
  for (const [url, targets] of site.index.urls()) {
    for (const t of targets) {
      if (t.type !== 'file' || !IMAGE.test(t.file) || seen.has(t.file)) continue;
      // A resource of an unpublished bundle is not on the built site.
      if (t.owner && !t.owner.willPublish && !o.includeDrafts) continue;
      seen.add(t.file);
      const own = !!page && !!t.owner && t.owner.file === page.file;
      let insert: string;
      if (fileSemantics) {
        insert = posix.relative(posix.dirname(file), t.file);
        if (!insert.startsWith('.')) insert = './' + insert;
      } else if (own && page) insert = relativeUrl(page.url, url);
      else insert = url;
      insert = encodeSpaces(insert);
      const score = bestScore(c.typed.replace(/^\.?\.?\/+/, ''), [posix.basename(t.file), insert]);
      if (score === undefined) continue;
      scored.push({ label: posix.basename(t.file), insert, score: score + (own ? 10 : 0), own, file: t.file });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.insert.localeCompare(b.insert));
  return scored.slice(0, o.limit ?? 200).map((s, i) => ({
    label: s.label,
    kind: 'file',
    insertText: s.insert,
    range: c.range,
    detail: s.own ? `${s.insert} — in this page's bundle` : s.insert,
    documentation: s.file,
    sortText: rank(i),
    filterText: `${c.typed} ${s.label} ${s.insert}`,
  }));
}
