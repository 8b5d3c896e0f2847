/**
 * What each shortcode call on a page prints, when the site's template for it can be evaluated
 * exactly (Hugo: generators/hugo/shortcodeRender.ts): the ids it prints are fragments the page has,
 * and the links it prints are judged where the call is written. A call that cannot be evaluated
 * keeps the facts read from the template's text alone (ids unknown, links from arguments).
 */
import { OPAQUE_END, OPAQUE_START, type ShortcodeRenderCall, type ShortcodeRenderer } from '../site/generator';
import type { DocumentBody, IndexedDocument } from '../site/index';
import type { Site } from '../service';
import { collectHtmlIds } from '../markdown/analyze';
import type { ShortcodeUse } from './shortcodes';
import { resolveHugoRef } from './hugoRefs';
import { decodeHTMLAttribute } from 'entities';

export interface PrintedTag {
  /** `href` of an `<a>`, `src` of an `<img>`. */
  readonly attr: 'href' | 'src';
  /** The value as the browser reads it (entities decoded). */
  readonly value: string;
}

export interface RenderedCall {
  readonly ids: readonly string[];
  /** Links the template itself prints (not those in the page's own text it passes on). */
  readonly links: readonly PrintedTag[];
}

const OPAQUE = new RegExp(`${OPAQUE_START}[^${OPAQUE_END}]*${OPAQUE_END}`, 'g');
const MARKS = new RegExp(`[${OPAQUE_START}${OPAQUE_END}]`, 'g');
/** A line that may be a Markdown heading (ATX, or a setext underline). */
const HEADING_LINE = /^[ \t\uE000]{0,3}(?:#{1,6}(?:[ \t\uE001]|$)|=+[ \t\uE001]*$|-+[ \t\uE001]*$)/m;
const NOT_ELEMENTS = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
/** The `<a href>` and `<img src>` values of an HTML fragment, outside comments and scripts. */
export function printedTags(html: string): PrintedTag[] {
  const live = html.replace(NOT_ELEMENTS, ' ');
  const out: PrintedTag[] = [];
  for (const tm of live.matchAll(/<(a|img)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const want = tm[1].toLowerCase() === 'a' ? 'href' : 'src';
    for (const am of tm[2].matchAll(/(?:^|\s)([^\s="'>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      if (am[1].toLowerCase() !== want) continue;
      out.push({ attr: want, value: decodeHTMLAttribute(am[2] ?? am[3] ?? am[4]) });
      break;
    }
  }
  return out;
}

/**
 * What a call's template is given: its arguments, content, the page's front matter and URL, and the
 * ref resolver; undefined when an argument holds escapes or template code, which we do not read the
 * way Hugo reads them. The checker and the preview (render/siteShortcodes.ts) both render from it.
 */
export function renderInput(use: ShortcodeUse, doc: IndexedDocument, resolveRef?: (path: string) => string | undefined): ShortcodeRenderCall | undefined {
  if ([...use.args, ...Object.values(use.named)].some((v) => v.includes('\\') || v.includes('{{'))) return undefined;
  const page = doc.pages[0];
  return {
    args: use.args,
    named: use.named,
    ...(use.at?.inner !== undefined ? { inner: use.at.inner } : {}),
    ...(use.at?.bare ? { bare: use.at.bare } : {}),
    frontMatter: doc.frontMatter?.data ?? {},
    ...(page ? { page: { url: page.url, ...(page.title ? { title: page.title } : {}), ...(page.lang ? { lang: page.lang } : {}) } } : {}),
    file: doc.file,
    ...(resolveRef ? { resolveRef } : {}),
  };
}

/** What one call prints, read from its rendered HTML; undefined when it cannot be rendered exactly. */
export function renderCall(render: ShortcodeRenderer, use: ShortcodeUse, doc: IndexedDocument, resolveRef?: (path: string) => string | undefined): RenderedCall | undefined {
  const input = renderInput(use, doc, resolveRef);
  const html = input && render(input);
  if (html === undefined) return undefined;
  // Markdown the generator renders may hold headings, whose ids we do not compute here.
  if ((html.match(OPAQUE) ?? []).some((seg) => HEADING_LINE.test(seg))) return undefined;
  const ids: string[] = [];
  // The page's own text keeps its ids (raw HTML in it): counting them too only means judging less.
  collectHtmlIds(html.replace(MARKS, ' '), ids);
  return { ids: ids.map((id) => decodeHTMLAttribute(id)), links: printedTags(html.replace(OPAQUE, ' ')) };
}

/**
 * What each call of a body prints (aligned with `body.shortcodes`; undefined where a call cannot be
 * rendered), kept per body and set of renderers.
 */
export function renderedCalls(site: Site, renderers: ReadonlyMap<string, ShortcodeRenderer> | undefined, doc: IndexedDocument, includeDrafts = false): readonly (RenderedCall | undefined)[] {
  const body: DocumentBody = doc.body();
  const uses = body.shortcodes ?? [];
  if (!renderers || uses.length === 0) return [];
  const tables = site.caches.renderedCalls;
  let table = tables.get(renderers);
  if (!table) {
    if (tables.size >= 4) tables.clear();
    tables.set(renderers, (table = new WeakMap()));
  }
  // A call may print the URL of a page it names (`relref`): kept while the URL table is.
  const urls = site.index.urls();
  const kept = table.get(body);
  if (kept && kept.urls === urls && kept.includeDrafts === includeDrafts) return kept.calls;
  const resolveRef = refResolver(site, doc.file, includeDrafts);
  const calls = uses.map((u) => {
    const r = u.at && renderers.get(u.name);
    // A `{{% %}}` call's output is Markdown Hugo renders again: its ids and links are not the HTML's.
    return r && !u.at!.markdown ? renderCall(r, u, doc, resolveRef) : undefined;
  });
  table.set(body, { urls, includeDrafts, calls });
  return calls;
}

/** The URL of the page a `ref`/`relref` path names from `file`, as a template's `relref` prints it. */
export function refResolver(site: Site, file: string, includeDrafts: boolean): (path: string) => string | undefined {
  return (path) => {
    const r = resolveHugoRef(site, file, path, includeDrafts);
    return r && 'page' in r ? r.page.url : undefined;
  };
}
