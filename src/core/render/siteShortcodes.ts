/**
 * What the site's own shortcode templates print, for the preview. Rendering a call needs the site
 * (its templates, the page's front matter and URL, the pages a `relref` names), so it happens where
 * the site is; the results go into a plain table keyed by each call's source text, which the
 * renderer reads on either thread (render/tables.ts) and which `expandTemplates` puts in place of
 * the calls (render/printed.ts turns a template's output into preview HTML).
 */
import type { ShortcodeRenderer } from '../site/generator';
import type { IndexedDocument } from '../site/index';
import type { Site } from '../service';
import type { ShortcodeUse } from '../links/shortcodes';
import { refResolver, renderInput } from '../links/renderedCalls';

/** A call's source text (`{{<` to the end of its closing tag) → the HTML its template printed. */
export type RenderedShortcodes = Readonly<Record<string, string>>;

const NONE: RenderedShortcodes = Object.freeze(Object.create(null) as Record<string, string>);
const OPENING = /\{\{[<%]\s*[A-Za-z][\w/-]*[\s\S]*?[>%]\}\}/y;

/** The text of a call as written: its opening tag, and its content and closing tag when it has them. */
export function callSource(text: string, use: ShortcodeUse): string | undefined {
  const at = use.at;
  if (!at) return undefined;
  OPENING.lastIndex = at.start;
  const open = OPENING.exec(text);
  if (!open) return undefined;
  const end = at.start + open[0].length;
  // Self-closed (`/>}}`) calls have '' as content but no closing tag.
  if (at.inner === undefined || /\/\s*[>%]\}\}$/.test(open[0])) return open[0];
  const close = new RegExp(`\\{\\{[<%]\\s*/\\s*${use.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*[>%]\\}\\}`, 'y');
  close.lastIndex = end + at.inner.length;
  const c = close.exec(text);
  return c ? text.slice(at.start, c.index + c[0].length) : undefined;
}

/**
 * The output of every call in `text` (the document's exact text) whose template can be evaluated.
 * Calls inside another call's content or inside raw HTML keep their labelled box. Kept per body,
 * set of renderers, URL table and drafts setting: a preview renders the same text several times.
 */
export function renderedShortcodes(site: Site, renderers: ReadonlyMap<string, ShortcodeRenderer> | undefined, doc: IndexedDocument, text: string, includeDrafts: boolean): RenderedShortcodes {
  if (!renderers?.size || doc.partial) return NONE;
  const body = doc.body();
  const uses = body.shortcodes ?? [];
  if (uses.length === 0) return NONE;
  const urls = site.index.urls();
  const kept = site.caches.previewCalls.get(body);
  if (kept && kept.renderers === renderers && kept.urls === urls && kept.includeDrafts === includeDrafts) return kept.calls;
  const resolveRef = refResolver(site, doc.file, includeDrafts);
  const calls = Object.create(null) as Record<string, string>;
  for (const use of uses) {
    const render = renderers.get(use.name);
    if (!render || !use.at || use.at.place === 'inner' || use.at.place === 'raw-html') continue;
    const source = callSource(text, use);
    if (source === undefined || source in calls) continue;
    const input = renderInput(use, doc, resolveRef);
    const html = input && render(input);
    if (html !== undefined) calls[source] = html;
  }
  site.caches.previewCalls.set(body, { renderers, urls, includeDrafts, calls });
  return calls;
}
