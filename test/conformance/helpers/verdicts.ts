/**
 * A generator-agnostic oracle for link verdicts: the built site decides, never our expectations.
 *
 * A fixture marks the links it wants judged by giving them a marker as their text (`[L1](…)`,
 * `![I2](…)`, `<a href="…">L3</a>`, a shortcode argument the template prints as the link's text or alt:
 * `{{< img src="…" alt="I4" >}}`, `{{< link "…" "L5" >}}`): the marker survives every generator's rendering (Liquid, shortcodes,
 * reference definitions), so the built page tells what each marked link became. For every content file
 * the test names, this module
 * - finds the page our model says the file publishes, in the build output (it must be there);
 * - reads every marked `<a href>` / `<img src>` inside the page's content (`<main>` when the stub layout
 *   provides it), resolves it against the page URL and asks the output whether it is served, and whether
 *   its `#fragment` is an `id`/`name` on the target page;
 * - compares with our error/warning findings on the marker's line: a broken link must have one of the
 *   right kind, a working one none;
 * - and judges every other error/warning of ours in that file by what the output shows: a finding not on
 *   a marker's line is a false positive unless its own oracle holds (template code printed literally,
 *   brackets printed literally).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PostcraftDiagnostic } from '../../../src/core/diagnostics';
import type { Site } from '../../../src/core/service';
import { decodeHTML } from 'entities';
import { parseFragment } from 'parse5';

export interface BuiltOutput {
  /** Folder the generator wrote. */
  readonly outDir: string;
  /** URL sub-path the output is served under ('' or '/blog'). */
  readonly basePath: string;
  /** `/x` is served by `x.html` (GitHub Pages, `jekyll serve`, most static hosts). */
  readonly htmlFallback?: boolean;
  /** The site's own host: absolute links to it are internal. */
  readonly host?: string;
}

export interface Served {
  readonly exists: boolean;
  readonly html?: string;
}

export function serve(out: BuiltOutput, urlPath: string): Served {
  const base = out.basePath;
  if (base && urlPath !== base && !urlPath.startsWith(base + '/')) return { exists: false };
  const rel = (urlPath.slice(base.length) || '/').replace(/\/{2,}/g, '/');
  const p = path.join(out.outDir, rel);
  const candidates = rel.endsWith('/') ? [path.join(p, 'index.html')] : [p, path.join(p, 'index.html'), ...(out.htmlFallback ? [p + '.html'] : [])];
  for (const c of candidates) {
    if (!c.startsWith(out.outDir)) continue;
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return { exists: true, html: /\.html?$/.test(c) ? fs.readFileSync(c, 'utf8') : undefined };
  }
  return { exists: false };
}

/** HTML's own entity decoding (every named entity: `&eacute;` in an href is `é` to the browser). */
export function decodeEntities(s: string): string {
  return decodeHTML(s);
}

/** The part of a built page that is the post's rendered content. */
export function contentOf(html: string): string {
  const m = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html);
  return m ? m[1] : html;
}

export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  // An id written inside a comment names no element: the browser finds nothing there.
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  return ids;
}

/** Bare URLs the renderer made links (`<a href="U">U</a>`): the URL as written is its own marker. */
export function autolinksIn(content: string): { text: string; href: string }[] {
  const out: { text: string; href: string }[] = [];
  for (const m of content.matchAll(/<a\b[^>]*\shref\s*=\s*"([^"]*)"[^>]*>([^<]*)<\/a>/gi)) {
    const href = decodeEntities(m[1]);
    const text = decodeEntities(m[2]);
    if (/^https?:\/\//i.test(text) && (href === text || href === encodeURI(text))) out.push({ text, href });
  }
  return out;
}

export interface MarkedLink {
  readonly marker: string;
  /** As the generator wrote it into the page. */
  readonly href: string;
  readonly element: 'a' | 'img';
}

const MARKER = /^[A-Z]\d+$/;

/**
 * Marked links in a page's content: `<a …href…>M</a>` and `<img …src… alt="M">`, read by an HTML
 * parser as a browser reads them (a tag written inside a quoted attribute value or a script is text).
 */
export function markedLinks(content: string): MarkedLink[] {
  const out: MarkedLink[] = [];
  const walk = (node: Parse5Node): void => {
    if (node.tagName === 'a' || node.tagName === 'img') {
      const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
      const marker = (node.tagName === 'a' ? textOf(node) : attr('alt') ?? '').trim();
      const href = attr(node.tagName === 'a' ? 'href' : 'src');
      if (MARKER.test(marker) && href !== undefined) out.push({ marker, href, element: node.tagName });
    }
    for (const c of node.childNodes ?? []) walk(c);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(content) as unknown as Parse5Node);
  // Source order by kind, as before: links first, then images.
  return [...out.filter((l) => l.element === 'a'), ...out.filter((l) => l.element === 'img')];
}

interface Parse5Node {
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { name: string; value: string }[];
  readonly childNodes?: readonly Parse5Node[];
  readonly content?: Parse5Node;
}

function textOf(node: Parse5Node): string {
  if (node.value !== undefined && node.tagName === undefined) return node.value;
  return (node.childNodes ?? []).map(textOf).join('');
}

export type Verdict = 'ok' | 'missing' | 'missing-fragment' | 'external';

function resolvedPath(out: BuiltOutput, pageUrl: string, href: string): string | undefined {
  try {
    return decodeURIComponent(new URL(href, `https://${out.host ?? 'site.invalid'}${pageUrl}`).pathname);
  } catch {
    return undefined;
  }
}

/** What the built site does with a link written into the page at `pageUrl`. */
export function verdictOf(out: BuiltOutput, pageUrl: string, href: string): Verdict {
  const host = out.host ?? 'site.invalid';
  let url: URL;
  try {
    url = new URL(href, `https://${host}${pageUrl}`);
  } catch {
    return 'missing';
  }
  // The own host with or without `www.` is the same site (hosts redirect one to the other).
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  if (!/^https?:$/.test(url.protocol) || bare(url.host) !== bare(host)) return 'external';
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = url.pathname;
  }
  const target = serve(out, pathname);
  if (!target.exists) return 'missing';
  if (!url.hash || url.hash === '#') return 'ok';
  let fragment = url.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // keep it as written
  }
  if (target.html === undefined) return 'ok';
  // A text fragment (`#:~:text=start,end`) scrolls to words on the page, not to an id.
  const text = /^:~:text=(?:[^&,-][^&,]*-,)?([^&,]+)/.exec(fragment);
  if (text) return decodeEntities(target.html.replace(/<[^>]*>/g, ' ')).includes(text[1]) ? 'ok' : 'missing-fragment';
  return idsIn(target.html).has(fragment) ? 'ok' : 'missing-fragment';
}

export interface MarkerSite {
  readonly line: number;
  readonly column: number;
}

/**
 * Where each marker is written as a link's text (0-based line and column), and, for reference links
 * (`[M][label]`), the lines of their definitions: a finding there belongs to the marker.
 */
export function markerLines(source: string): Map<string, MarkerSite[]> {
  const out = new Map<string, MarkerSite[]>();
  const labels = new Map<string, string>();
  const lines = source.split('\n');
  const add = (name: string, site: MarkerSite) => out.set(name, [...(out.get(name) ?? []), site]);
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\[([A-Z]\d+)\](?:\[([^\]]+)\])?|>([A-Z]\d+)<\/a>|alt=["']([A-Z]\d+)["']|["']([A-Z]\d+)["']\s*\/?[>%]\}\}/g)) {
      const name = m[1] ?? m[3] ?? m[4] ?? m[5];
      // An HTML element's marker follows its href: the link starts at the tag. A shortcode's last
      // argument may be the marker of the link it prints (`{{< link "/x/" "L1" >}}`): it starts at the call.
      const column = m[1] ? m.index : Math.max(0, m[5] ? line.lastIndexOf('{{', m.index) : line.lastIndexOf(m[3] ? '<a' : '<img', m.index));
      add(name, { line: i, column });
      if (m[2]) labels.set(m[2].toLowerCase(), name);
    }
  });
  lines.forEach((line, i) => {
    const def = /^ {0,3}\[([^\]]+)\]:/.exec(line);
    const name = def && labels.get(def[1].toLowerCase());
    if (name) add(name, { line: i, column: 0 });
  });
  return out;
}

/** The marker a finding at (line, column) belongs to: the nearest one before it on its line. */
function markerAt(markers: Map<string, MarkerSite[]>, line: number, column: number): string | undefined {
  let best: { name: string; column: number } | undefined;
  for (const [name, sites] of markers) {
    for (const s of sites) if (s.line === line && s.column <= column && (!best || s.column > best.column)) best = { name, column: s.column };
  }
  return best?.name;
}

const PAGE_CODES = new Set(['link.not-found', 'link.unpublished-target', 'link.md-path', 'link.invalid-url']);

export interface FileVerdicts {
  /** Human-readable disagreements (empty when we agree with the build). */
  readonly problems: string[];
  /** One line per judged link, for verbose runs. */
  readonly checked: string[];
}

/**
 * Compares our findings in `file` with the built page. `diags` is the whole site's check; only
 * error/warning findings in `file` are looked at.
 */
export function compareFile(site: Site, out: BuiltOutput, file: string, diags: readonly PostcraftDiagnostic[]): FileVerdicts {
  const problems: string[] = [];
  const checked: string[] = [];
  const page = site.index.pagesOfFile(file).find((p) => p.willPublish);
  if (!page) return { problems: [`${file}: our model publishes no page for it`], checked };
  const built = serve(out, page.url);
  if (!built.html) return { problems: [`${file}: our model says ${page.url}, the build has no page there`], checked };
  const source = fs.readFileSync(path.join(site.root, file), 'utf8');
  const lines = markerLines(source);
  const content = contentOf(built.html);
  const mine = diags.filter((d) => d.file === file && (d.severity === 'error' || d.severity === 'warning'));
  const claimed = new Set<PostcraftDiagnostic>();
  const marked = markedLinks(content);
  // A marker the page shows more than once was printed by a loop from one line: each printed link
  // is told apart by its destination (ours name it as printed, or by the path it resolved to).
  const repeated = new Set(marked.filter((l, i) => marked.findIndex((o) => o.marker === l.marker) !== i).map((l) => l.marker));
  for (const link of marked) {
    if (!lines.has(link.marker)) {
      problems.push(`${file}: marker ${link.marker} is in the output but not found in the source`);
      continue;
    }
    const verdict = verdictOf(out, page.url, link.href);
    const sameLink = (d: PostcraftDiagnostic) => !repeated.has(link.marker) || d.target === link.href || d.data?.['resolved'] === resolvedPath(out, page.url, link.href);
    let ours = mine.filter((d) => d.code.startsWith('link.') && markerAt(lines, d.start.line, d.start.character) === link.marker && sameLink(d));
    // A link whose destination a template printed elsewhere (a reference definition made by a loop)
    // is reported where that definition is written: match it by the URL it resolved to.
    if (!ours.length && verdict === 'missing') ours = mine.filter((d) => !claimed.has(d) && d.code.startsWith('link.') && d.data?.['resolved'] === resolvedPath(out, page.url, link.href));
    ours.forEach((d) => claimed.add(d));
    const label = `${file} ${link.marker} → ${link.href} (${verdict}) : ${ours.map((d) => d.code).join(',') || 'accepted'}`;
    checked.push(label);
    if (verdict === 'ok' || verdict === 'external') {
      if (ours.length) problems.push(`false positive: ${label} — ${ours[0].message}`);
    } else if (!ours.length) problems.push(`missed: ${label}`);
    else if (verdict === 'missing' && !ours.some((d) => PAGE_CODES.has(d.code))) problems.push(`wrong code: ${label} (the target page is missing)`);
    else if (verdict === 'missing-fragment' && !ours.some((d) => d.code === 'link.fragment-not-found')) problems.push(`wrong code: ${label} (the page exists, its fragment does not)`);
  }
  // Bare URLs (linkify): judged by the URL as written, which is the link's text on the page.
  for (const a of autolinksIn(content)) {
    const verdict = verdictOf(out, page.url, a.href);
    if (verdict === 'external') continue;
    const ours = mine.filter((d) => !claimed.has(d) && d.code.startsWith('link.') && d.target === a.text);
    ours.forEach((d) => claimed.add(d));
    const label = `${file} ${a.text} (${verdict}) : ${ours.map((d) => d.code).join(',') || 'accepted'}`;
    checked.push(label);
    if (verdict === 'ok' && ours.length) problems.push(`false positive: ${label} — ${ours[0].message}`);
    else if (verdict !== 'ok' && !ours.length) problems.push(`missed: ${label}`);
  }
  // Typographers curl quotes in text (Goldmark, kramdown): compare with straight ones.
  const text = decodeEntities(content.replace(/<[^>]*>/g, '')).replace(/[\u201c\u201d\u201e]/g, '"').replace(/[\u2018\u2019]/g, "'");
  for (const d of mine) {
    if (claimed.has(d)) continue;
    if (d.code === 'template.unrendered' && d.target && text.includes(d.target)) continue;
    if (d.code === 'link.reference-undefined' && d.target && text.includes(`][${d.target}]`)) continue;
    if (d.code === 'ref.not-found' || d.code.startsWith('frontmatter.')) continue; // judged by the build log
    problems.push(`false positive (not a marked link the page shows broken): ${file}:${d.start.line + 1} ${d.code} [${d.target ?? ''}] ${d.message}`);
  }
  return { problems, checked };
}
