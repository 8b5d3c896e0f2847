/**
 * Hugo output formats that publish a page again as HTML: AMP (built in, under `/amp/`) and custom
 * formats with a `text/html` media type (`[outputFormats.markdown] baseName = "markdown"` →
 * `/posts/x/markdown.html`). Which formats a page has: its front matter's `outputs`, else the site's
 * `[outputs]` for its kind. Formats of other media types need a template of their own, which we do
 * not look for, so they are not modelled. [verified 0.111: test/fixtures/hugo-output-formats]
 */
import { asRecord, asString } from '../../config/parse';
import type { PageKind } from '../../site/model';

export interface HtmlFormat {
  /** Folder prefix (`amp`), '' for none. */
  readonly path: string;
  /** File name without suffix; `index` is the folder itself. */
  readonly baseName: string;
}

const BUILT_IN: Readonly<Record<string, HtmlFormat>> = { amp: { path: 'amp', baseName: 'index' } };

/** The HTML formats other than `html` itself that `names` lists, as the site defines them. */
export function htmlFormats(names: readonly string[], raw: Readonly<Record<string, unknown>>): HtmlFormat[] {
  const defined = asRecord(raw['outputformats']);
  const out: HtmlFormat[] = [];
  for (const n of names) {
    const name = n.toLowerCase();
    if (name === 'html') continue;
    const custom = asRecord(defined[name]);
    const base = BUILT_IN[name];
    const media = (asString(custom['mediatype']) ?? (base ? 'text/html' : '')).toLowerCase();
    if (media !== 'text/html') continue;
    out.push({ path: (asString(custom['path']) ?? base?.path ?? '').replace(/^\/+|\/+$/g, ''), baseName: asString(custom['basename']) ?? base?.baseName ?? 'index' });
  }
  return out;
}

/** The formats a page of `kind` has: front matter `outputs` wins over the site's `[outputs]`. */
export function formatNames(kind: PageKind, own: unknown, site: Readonly<Record<string, readonly string[]>>): readonly string[] {
  if (Array.isArray(own)) return own.map((x) => String(x).toLowerCase());
  if (typeof own === 'string' && own.trim()) return [own.toLowerCase()];
  return site[kind] ?? [];
}

/** URLs of a page (at `url`, sub-path `basePath` included) in each format. */
export function formatUrls(url: string, basePath: string, formats: readonly HtmlFormat[]): string[] {
  const out: string[] = [];
  const dir = url.endsWith('/') ? url : url.replace(/[^/]*$/, '');
  for (const f of formats) {
    const inner = dir.slice(basePath.length) || '/';
    const prefixed = basePath + (f.path ? '/' + f.path : '') + inner;
    out.push(f.baseName === 'index' ? prefixed : `${prefixed}${f.baseName}.html`);
  }
  return out;
}

/**
 * The file name of a list page's RSS feed: `index.xml`, or `<baseName>.xml` where the site renames
 * the format (`[outputFormats.RSS] baseName = "feed"` → `/feed.xml`, `/posts/feed.xml`) [verified 0.111].
 */
export function feedFileName(raw: Readonly<Record<string, unknown>>): string {
  const rss = asRecord(asRecord(raw['outputformats'])['rss']);
  const base = asString(rss['basename']);
  return `${base && /^[\w.-]+$/.test(base) ? base : 'index'}.xml`;
}
