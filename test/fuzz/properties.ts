/**
 * The robustness properties, defined once: `npm test` runs them a few hundred times each
 * (test/unit/robustness/properties.test.ts) and `npm run fuzz` runs them 100,000+ times each
 * (scripts/fuzz.mjs). A failure throws fast-check's report (seed, path, shrunk counterexample).
 */
import { goldmarkUrlEnd } from '../../src/core/markdown/linkify';
import fc from 'fast-check';
import { posix } from 'node:path';
import { splitFrontMatter } from '../../src/core/frontmatter/parse';
import { analyzeDocument, type AnalyzeOptions } from '../../src/core/markdown/analyze';
import { analysisParser, maskShortcodes, parserFor, type Token } from '../../src/core/markdown/parser';
import { COMMONMARK_GFM, GOLDMARK, KRAMDOWN_GFM } from '../../src/core/markdown/dialect';
import { renderLiquid } from '../../src/core/markdown/liquid';
import { kramdownBlocks } from '../../src/core/markdown/kramdown';
import type { ExtractedLink } from '../../src/core/links/types';
import { createPostcraft, type Postcraft } from '../../src/core/service';
import type { PostcraftDiagnostic } from '../../src/core/diagnostics';
import { LineIndex, type TextRange } from '../../src/core/text';
import { renderPost } from '../../src/core/render/render';
import { prepareSite, renderInSite } from '../../src/core/render/site';
import type { MarkupOptions, RenderHooks } from '../../src/core/render/types';
import { isSafeSegment, slugify } from '../../src/core/newpost/slug';
import { planNewPost } from '../../src/core/newpost/plan';
import { parseHostMessage, parsePageMessage, parsePageState } from '../../src/core/render/protocol';
import { MemoryFs, fixedClock } from '../unit/helpers/memoryFs';
import { frontMatterDocument, hostileDocument, linkDestination, linkDocument, noise } from './arbitraries';
import { unsafeParts } from './domCheck';
import { TEMPLATE_PROPERTY } from './templateProperty';

export interface PropertySpec {
  readonly name: string;
  /** Runs used inside `npm test` (the machine is shared: keep the whole suite near 20 s). */
  readonly unitRuns: number;
  /** Checks the property; throws fast-check's report on a counterexample. */
  check(numRuns: number, seed?: number): void | Promise<void>;
}

const params = (numRuns: number, seed?: number): fc.Parameters<unknown> => ({ numRuns, ...(seed === undefined ? {} : { seed }), endOnFailure: false });

// ------------------------------------------------------------------------------- ranges

function rangeProblem(what: string, r: TextRange | undefined, length: number): string | undefined {
  if (!r) return undefined;
  if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.end < r.start || r.end > length) return `${what} ${JSON.stringify(r)} not inside [0, ${length}]`;
  return undefined;
}

export function frontMatterProblems(text: string): string[] {
  const split = splitFrontMatter(text);
  const out: string[] = [];
  const add = (p: string | undefined) => p && out.push(p);
  if (!(split.bodyStart >= 0 && split.bodyStart <= text.length)) out.push(`bodyStart ${split.bodyStart} outside the text`);
  const fm = split.frontMatter;
  if (!fm) return out;
  add(rangeProblem('block', fm.range, text.length));
  add(rangeProblem('content', fm.contentRange, text.length));
  for (const e of fm.errors) {
    add(rangeProblem(`error "${e.message}"`, e.range, text.length));
    if (typeof e.message !== 'string' || e.message === '') out.push('error without a message');
  }
  for (const f of fm.fields) {
    add(rangeProblem(`key ${f.key}`, f.keyRange, text.length));
    add(rangeProblem(`value of ${f.key}`, f.valueRange, text.length));
  }
  if (fm.data === null || typeof fm.data !== 'object' || Array.isArray(fm.data)) out.push('data is not a mapping');
  return out;
}

// ------------------------------------------------------------------------------- link extraction

export const HUGO_ANALYSIS: AnalyzeOptions = { dialect: GOLDMARK };
export const JEKYLL_ANALYSIS: AnalyzeOptions = { dialect: KRAMDOWN_GFM, liquid: { site: { baseurl: '/blog', url: 'https://blog.example.com', docs: '/docs' } } };

/** Every destination markdown-it itself sees in the text as analysis parses it (hrefs, srcs, definitions). */
function parsedDestinations(text: string, o: AnalyzeOptions): Set<string> {
  const split = splitFrontMatter(text);
  const blanked = split.bodyStart > 0 ? text.slice(0, split.bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(split.bodyStart) : text;
  const env: Record<string, unknown> = {};
  const liquid = o.dialect.templates === 'liquid' ? renderLiquid(blanked, o.liquid, {}) : undefined;
  let input = liquid ? liquid.text : o.dialect.templates === 'shortcodes' ? maskShortcodes(blanked) : blanked;
  if (o.dialect.kramdown) input = kramdownBlocks(input, split.bodyStart)?.text ?? input;
  const tokens = parserFor(o.dialect).parse(input, env);
  const out = new Set<string>();
  const visit = (ts: readonly Token[]) => {
    for (const t of ts) {
      const v = t.attrGet('href') ?? t.attrGet('src');
      if (v !== null) out.add(String(v));
      if (t.children) visit(t.children);
    }
  };
  visit(tokens);
  for (const r of Object.values((env['references'] ?? {}) as Record<string, { href?: string }>)) if (r.href !== undefined) out.add(r.href);
  return out;
}

/** What the text under a link's range must look like for its kind. */
function linkProblem(text: string, l: ExtractedLink, bodyStart: number, destinations: () => Set<string>): string | undefined {
  const md = analysisParser();
  const r = rangeProblem(`${l.kind} link`, l.range, text.length) ?? rangeProblem(`${l.kind} whole`, l.whole, text.length);
  if (r) return r;
  const slice = text.slice(l.range.start, l.range.end);
  if (slice !== l.target) return `${l.kind}: target ${JSON.stringify(l.target)} is not the text at its range ${JSON.stringify(slice)}`;
  if (l.range.start < bodyStart) return `${l.kind} link ${JSON.stringify(l.target)} inside the front matter`;
  const inWhole = (open: string, close: string) => {
    if (!l.whole) return `${l.kind}: no whole range`;
    const w = text.slice(l.whole.start, l.whole.end);
    if (!w.startsWith(open) || !w.endsWith(close)) return `${l.kind}: whole ${JSON.stringify(w)} is not ${open}…${close}`;
    if (l.range.start < l.whole.start || l.range.end > l.whole.end) return `${l.kind}: range outside its tag`;
    return undefined;
  };
  switch (l.kind) {
    case 'inline':
    case 'image':
    case 'definition':
      if (slice === '') return `${l.kind}: empty range`;
      return destinations().has(md.normalizeLink(md.utils.unescapeAll(l.href ?? slice))) ? undefined : `${l.kind}: ${JSON.stringify(l.href ?? slice)} is not a destination markdown-it parsed`;
    case 'autolink':
      if (destinations().has(md.normalizeLink(l.href ?? slice))) return undefined;
      // A bare URL (linkify) ends where Goldmark ends it, which may be short of markdown-it's link
      // (right after an inline element it is a link whatever character precedes it).
      return (goldmarkUrlEnd(text, l.range.start) ?? goldmarkUrlEnd(text, l.range.start, true)) === l.range.end ? undefined : `autolink ${JSON.stringify(l.href ?? slice)} is not a parsed destination`;
    case 'html-href':
    case 'html-src':
      return /=\s*["']?$/.test(text.slice(Math.max(0, l.range.start - 40), l.range.start)) && slice.trim() !== '' ? undefined : `${l.kind}: ${JSON.stringify(slice)} is not an attribute value`;
    case 'ref':
    case 'relref':
    case 'figure':
      return inWhole('{{', '}}');
    case 'post_url':
    case 'liquid-link':
      return inWhole('{%', '%}');
    case 'template':
      return slice.startsWith('{{') && slice.endsWith('}}') ? undefined : `template ${JSON.stringify(slice)} is not {{…}}`;
    case 'reference':
      return slice === l.label ? undefined : `reference label ${JSON.stringify(l.label)} is not the text at its range ${JSON.stringify(slice)}`;
  }
}

export function linkProblems(text: string, o: AnalyzeOptions): string[] {
  const a = analyzeDocument(text, o);
  let dests: Set<string> | undefined;
  const destinations = () => (dests ??= parsedDestinations(text, o));
  const out: string[] = [];
  for (const l of a.links) {
    const p = linkProblem(text, l, a.bodyStart, destinations);
    if (p) out.push(p);
  }
  for (const h of a.headings) if (!(h.line >= 0 && h.line <= text.length)) out.push(`heading line ${h.line}`);
  return out;
}

// ------------------------------------------------------------------------------- resolution through the engine

const SITE_TREE: Record<string, string> = {
  'content/_index.md': '---\ntitle: Home\n---\n',
  'content/posts/_index.md': '---\ntitle: Posts\n---\n',
  'content/posts/a.md': '---\ntitle: A\ntags: [go]\naliases: [/old/a/]\n---\n# Heading A\n\n## Second {#custom}\n',
  'content/posts/b/index.md': '---\ntitle: B\nurl: /fixed/b/\n---\n# B\n',
  'content/posts/b/pic.png': 'png',
  'content/posts/draft.md': '---\ntitle: D\ndraft: true\n---\n',
  'content/posts/évé.md': '---\ntitle: Unicode\n---\n',
  'static/img/logo.png': 'png',
  // Shortcodes the preview renders: whatever a post hands them comes out of the template as HTML.
  'layouts/shortcodes/echo.html': '{{ .Get 0 | safeHTML }}',
  'layouts/shortcodes/inner.html': '<p>{{ .Inner }}</p>',
  'layouts/shortcodes/md.html': '<div class="md">{{ .Inner | markdownify }}</div>{{ .Get "x" | safeHTML }}',
};

const HUGO_CONFIGS = {
  url: 'baseURL = "https://example.org/blog/"\n[taxonomies]\ntag = "tags"\n',
  ugly: 'baseURL = "https://example.org/"\nuglyURLs = true\n',
  'content-path': 'baseURL = "https://example.org/"\n',
} as const;

type Flavour = keyof typeof HUGO_CONFIGS;

const engines = new Map<Flavour, Promise<Postcraft>>();

function engineFor(flavour: Flavour): Promise<Postcraft> {
  let e = engines.get(flavour);
  if (!e) {
    const fs = new MemoryFs('/site', { 'hugo.toml': HUGO_CONFIGS[flavour], ...SITE_TREE });
    e = createPostcraft({ fs, roots: ['/site'], clock: fixedClock(), settings: flavour === 'content-path' ? { linkSemantics: 'content-path' } : {} });
    engines.set(flavour, e);
  }
  return e;
}

/** One post that uses the destination in every way a post can. */
export function postWithLink(dest: string): string {
  const quoted = dest.replace(/["\\]/g, '\\$&');
  return `---\ntitle: Probe\n---\n# Probe\n\n[x](${dest}) and ![i](${dest}) and <${dest}>\n\n<a href="${dest.replace(/"/g, '&quot;')}">h</a>\n\n{{< relref "${quoted}" >}} [r]({{< ref "${quoted}" >}})\n\n[use][lbl]\n\n[lbl]: ${dest}\n`;
}

function diagnosticProblems(text: string, diags: readonly PostcraftDiagnostic[]): string[] {
  const lines = new LineIndex(text);
  const out: string[] = [];
  for (const d of diags) {
    const s = lines.offsetAt(d.start);
    const e = lines.offsetAt(d.end);
    if (d.start.line < 0 || d.end.line >= lines.lineCount || d.start.line > d.end.line || e < s) out.push(`${d.code} at ${JSON.stringify([d.start, d.end])} outside the document or reversed`);
    if (d.start.character < 0 || lines.lineStart(d.start.line) + d.start.character > text.length) out.push(`${d.code}: column outside its line`);
    if (typeof d.message !== 'string' || !d.message) out.push(`${d.code} without a message`);
  }
  return out;
}

export async function resolutionProblems(dest: string, flavour: Flavour): Promise<string[]> {
  const engine = await engineFor(flavour);
  const text = postWithLink(dest);
  const file = '/site/content/posts/probe.md';
  engine.documentChanged(file, text);
  const diags = await engine.checkDocument(file, text);
  return diagnosticProblems(text, diags);
}

// ------------------------------------------------------------------------------- renderer

const MARKUPS: readonly MarkupOptions[] = [
  { dialect: GOLDMARK },
  { dialect: { ...GOLDMARK, rawHtml: true } },
  { dialect: KRAMDOWN_GFM },
  { dialect: COMMONMARK_GFM },
];

/**
 * Hooks as permissive as a real host can be: data: images and every https image load, and a ref
 * verdict carries an href (the real resolver's hrefs are page URLs; these are the written target).
 */
const HOSTILE_HOOKS: RenderHooks = {
  resolveImage: (src) => (/^data:image\//i.test(src.trim()) || /^https:\/\//i.test(src.trim()) ? { uri: src.trim() } : { missing: true, reason: `not found: ${src}` }),
  resolveLink: (target, form) => (form === 'link' ? { kind: /^[a-z]+:/i.test(target) ? 'external' : 'internal' } : { kind: 'internal', href: `/posts/${target}` }),
  authorName: (id) => `Name of ${id}`,
};

export function renderProblems(text: string, markup: MarkupOptions): string[] {
  const r = renderPost(text, markup, HOSTILE_HOOKS);
  return [...unsafeParts(r.headerHtml).map((p) => `header: ${p}`), ...unsafeParts(r.bodyHtml).map((p) => `body: ${p}`)];
}

/** The same through the real site renderer (real image and link resolution, a post with a hostile `url`). */
export async function siteRenderProblems(text: string, unsafeHtml: boolean): Promise<string[]> {
  const engine = await engineFor('url');
  const site = engine.sites[0];
  const file = '/site/content/posts/render.md';
  engine.documentChanged(file, text);
  const prep = await prepareSite(engine, site);
  const r = renderInSite(site, file, text, { ...prep, markup: { ...prep.markup, dialect: { ...prep.markup.dialect, rawHtml: unsafeHtml } } }, { resourceUri: (abs) => `https://file+.vscode-resource.vscode-cdn.net${abs}`, allowHttpsImages: true });
  return [...unsafeParts(r.headerHtml).map((p) => `header: ${p}`), ...unsafeParts(r.bodyHtml).map((p) => `body: ${p}`)];
}

// ------------------------------------------------------------------------------- New Post

let newPostEngine: Promise<Postcraft> | undefined;

export async function newPostProblems(title: string, section: string | undefined, folder: string | undefined, bundle: boolean): Promise<string[]> {
  newPostEngine ??= createPostcraft({ fs: new MemoryFs('/site', { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/posts/a.md': '---\ntitle: A\n---\n' }), roots: ['/site'], clock: fixedClock() });
  const engine = await newPostEngine;
  const r = await planNewPost(engine, { title, section, folder, bundle }, { now: fixedClock().now(), offsetMinutes: -420 });
  const plans = r.kind === 'planned' ? [r.plan] : r.kind === 'exists' && r.alternative ? [r.alternative] : [];
  const out: string[] = [];
  for (const p of plans) {
    if (!isSafeSegment(p.slug)) out.push(`unsafe slug ${JSON.stringify(p.slug)}`);
    for (const f of p.files) {
      const rel = posix.relative('/site/content', f.path);
      if (rel.startsWith('..') || posix.isAbsolute(rel) || posix.normalize(f.path) !== f.path || /[\\\u0000]/.test(f.path)) out.push(`file ${JSON.stringify(f.path)} outside content/`);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------- webview messages

/** Hostile message shapes: anything structured clone could deliver, plus JSON with `__proto__` keys. */
export const hostileMessage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.record({ type: fc.constantFrom('ready', 'rendered', 'revealLine', 'openLink', 'update', 'scrollToLine', '__proto__', 'constructor'), version: fc.anything(), ids: fc.anything(), line: fc.anything(), href: fc.anything(), form: fc.anything() }, { requiredKeys: ['type'] }),
  fc.json().map((j) => JSON.parse(j.startsWith('{') ? `{"__proto__":{"type":"openLink","href":"x","form":"link"}${j === '{}' ? '' : ','}${j.slice(1)}` : j) as unknown),
  fc.constantFrom<unknown>(JSON.parse('{"type":"openLink","href":"x","form":"link","__proto__":{"polluted":1}}'), JSON.parse('{"__proto__":{"type":"ready"}}'), { type: 'openLink', href: 'x'.repeat(100_000), form: 'link' }, [{ type: 'ready' }], { type: 'revealLine', line: 1e300 }, { type: 'rendered', version: 1, ids: new Array(1_000_000) }),
);

function exactly(m: object, keys: readonly string[]): boolean {
  return Object.getPrototypeOf(m) === Object.prototype && Object.keys(m).every((k) => keys.includes(k));
}

export function messageProblems(v: unknown): string[] {
  const out: string[] = [];
  const page = parsePageMessage(v);
  if (page !== undefined) {
    // Whatever is accepted is a fresh plain object of the expected shape, never the input itself.
    if ((page as unknown) === v) out.push('parsePageMessage returned its input object');
    const shapes: Record<string, readonly string[]> = { ready: ['type'], rendered: ['type', 'version', 'ids'], revealLine: ['type', 'line'], openLink: ['type', 'href', 'form'] };
    if (!exactly(page, shapes[page.type] ?? [])) out.push(`page message of unexpected shape ${page.type}`);
    if (page.type === 'openLink' && page.href.length > 8192) out.push('oversized href accepted');
  }
  const host = parseHostMessage(v);
  if (host !== undefined && (host as unknown) === v) out.push('parseHostMessage returned its input object');
  parsePageState(v);
  if (({} as Record<string, unknown>)['polluted'] !== undefined || ({} as Record<string, unknown>)['type'] !== undefined) out.push('Object.prototype polluted');
  return out;
}

// ------------------------------------------------------------------------------- the list

const expectNone = (problems: readonly string[], input: unknown): true => {
  if (problems.length) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify(input)}`);
  return true;
};

export const PROPERTIES: readonly PropertySpec[] = [
  {
    name: 'front matter: never throws, every range inside the document',
    unitRuns: 400,
    check: (n, seed) => fc.assert(fc.property(fc.oneof(frontMatterDocument, linkDocument, fc.string({ unit: 'binary', maxLength: 60 })), (t) => expectNone(frontMatterProblems(t), t)), params(n, seed)),
  },
  {
    name: 'link extraction (Hugo): never throws, every range covers its destination',
    unitRuns: 300,
    check: (n, seed) => fc.assert(fc.property(linkDocument, (t) => expectNone(linkProblems(t, HUGO_ANALYSIS), t)), params(n, seed)),
  },
  {
    name: 'link extraction (Jekyll): never throws, every range covers its destination',
    unitRuns: 300,
    check: (n, seed) => fc.assert(fc.property(linkDocument, (t) => expectNone(linkProblems(t, JEKYLL_ANALYSIS), t)), params(n, seed)),
  },
  {
    name: 'resolution: checkDocument never throws for any destination, diagnostics inside the document',
    unitRuns: 200,
    check: (n, seed) => fc.assert(fc.asyncProperty(linkDestination, fc.constantFrom<Flavour>('url', 'ugly', 'content-path'), async (d, f) => expectNone(await resolutionProblems(d, f), [d, f])), params(n, seed)),
  },
  {
    name: 'renderer: never throws; no script, event handler, javascript: URL or active element in the output',
    unitRuns: 300,
    check: (n, seed) => fc.assert(fc.property(hostileDocument, fc.constantFrom(...MARKUPS), (t, m) => expectNone(renderProblems(t, m), [t, m.dialect.templates, m.dialect.rawHtml])), params(n, seed)),
  },
  {
    name: 'renderer in a real site: same, with real image and link resolution',
    unitRuns: 150,
    check: (n, seed) => fc.assert(fc.asyncProperty(hostileDocument, fc.boolean(), async (t, unsafe) => expectNone(await siteRenderProblems(t, unsafe), [t, unsafe])), params(n, seed)),
  },
  {
    name: 'slugify: a safe single path segment or nothing',
    // Also run by test/unit/newpost/slug.test.ts; here for the fuzz run's large counts.
    unitRuns: 0,
    check: (n, seed) =>
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), noise, fc.constantFrom('..', '../x', 'CON', 'nul.txt', 'a/b\\c', '\u0000', '.hidden', ' . ', 'x'.repeat(500))), fc.constantFrom('-' as const, '_' as const), (title, separator) => {
          const s = slugify(title, { separator });
          return expectNone(s === '' || (isSafeSegment(s) && !/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s) && !s.startsWith(separator) && !s.endsWith(separator)) ? [] : [`unsafe slug ${JSON.stringify(s)}`], title);
        }),
        params(n, seed),
      ),
  },
  {
    name: 'New Post: every planned file stays inside the content folder (hostile titles, sections, folders)',
    unitRuns: 100,
    check: (n, seed) => {
      const segment = fc.oneof(fc.constantFrom('..', '.', '', 'posts', '/', '\\', 'C:', '~', '%2e%2e', '..\\..', '\u0000', 'content', '/etc'), fc.string({ maxLength: 5 }));
      const path = fc.array(segment, { maxLength: 4 }).map((s) => s.join('/'));
      return fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.option(path, { nil: undefined }), fc.option(path.map((p) => posix.join('/site', p)), { nil: undefined }), fc.boolean(), async (title, section, folder, bundle) =>
          expectNone(await newPostProblems(title, section, folder, bundle), { title, section, folder }),
        ),
        params(n, seed),
      );
    },
  },
  TEMPLATE_PROPERTY,
  {
    name: 'webview messages: hostile shapes are dropped or reduced to exact copies, never thrown on',
    unitRuns: 300,
    check: (n, seed) => fc.assert(fc.property(hostileMessage, (v) => expectNone(messageProblems(v), fc.stringify(v))), params(n, seed)),
  },
];
