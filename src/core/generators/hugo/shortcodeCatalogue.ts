/**
 * A Hugo site's shortcodes: `layouts/shortcodes/` of the site, then of each theme and module on disk
 * in theme order, then Hugo's own. Any file there is a template (verified with hugo 0.111: `x.md`
 * alone or `x.amp.html` alone makes `{{< x >}}` build); its name is its path below `shortcodes/` up
 * to the first dot of the file name (`a/b.html` is `a/b`, `x.amp.html` and `x.en.html` are variants
 * of `x`). Per variant the first source wins, as Hugo's template lookup does.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import type { ShortcodeIds, ShortcodeLink } from '../../site/generator';
import { SITE_SOURCE, type TemplateCatalogue, type TemplateEntry } from '../../site/templates';
import type { HugoConfig } from './config';
import { shortcodeDirsOf, type HugoTheme } from './themes';
import { HUGO_BUILTIN_SHORTCODES, HUGO_LATER_SHORTCODES } from './builtinShortcodes';
import { compareVersions, type HugoVersionRange } from './hugoVersion';
import { readShortcodeTemplate, type ShortcodeTemplateFacts } from './shortcodeTemplate';
import { shortcodeRenderer } from './shortcodeRender';

interface Variant {
  readonly key: string;
  readonly source: string;
  readonly file: string;
  readonly facts?: ShortcodeTemplateFacts;
  /** The template's text, kept to render calls of a shortcode with one HTML template. */
  readonly text?: string;
}

interface Source {
  readonly source: string;
  readonly dir: string;
}

/**
 * The folders a site's shortcodes are read from, in precedence order (module mounts followed), and
 * the components whose mounts we cannot follow.
 */
export function shortcodeSources(c: HugoConfig, themes: readonly HugoTheme[]): { sources: Source[]; unfollowed: string[] } {
  const sources: Source[] = [];
  const unfollowed: string[] = [];
  const own = shortcodeDirsOf(c.raw, '', c.layoutDir);
  if (own) for (const dir of own) sources.push({ source: SITE_SOURCE, dir });
  else unfollowed.push('the site\'s layouts mount');
  for (const t of themes) {
    if (!t.onDisk) sources.push({ source: t.name, dir: `${t.dir}/layouts/shortcodes` });
    else if (t.shortcodeDirs) for (const dir of t.shortcodeDirs) sources.push({ source: t.name, dir });
    else unfollowed.push(`the layouts mount of ${t.name}`);
  }
  return { sources, unfollowed };
}

async function walk(fs: FileSystemHost, root: string, src: Source, out: Map<string, Variant[]>): Promise<void> {
  const visit = async (dir: string, prefix: string, depth: number): Promise<void> => {
    if (depth > 6) return;
    let entries;
    try {
      entries = await fs.readDirectory(posix.join(root, dir));
    } catch {
      return;
    }
    for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const file = `${dir}/${e.name}`;
      if (e.type === 'directory' || (e.type === 'symlink' && (await fs.stat(posix.join(root, file)))?.type === 'directory')) {
        await visit(file, `${prefix}${e.name}/`, depth + 1);
        continue;
      }
      const dot = e.name.indexOf('.');
      if (dot <= 0) continue;
      const name = prefix + e.name.slice(0, dot);
      const key = e.name.slice(dot);
      const list = out.get(name) ?? [];
      if (list.some((v) => v.key === key)) continue; // an earlier source has this variant
      let facts: ShortcodeTemplateFacts | undefined;
      let text: string | undefined;
      try {
        text = decodeText(await fs.readFile(posix.join(root, file))).text;
        facts = readShortcodeTemplate(text);
      } catch {
        // unreadable: the shortcode exists, its facts are unknown
      }
      list.push({ key, source: src.source, file, facts, ...(text !== undefined && key === '.html' ? { text } : {}) });
      out.set(name, list);
    }
  };
  await visit(src.dir, '', 0);
}

function mergeIds(variants: readonly Variant[]): ShortcodeIds {
  const kinds = variants.map((v) => v.facts?.ids ?? { kind: 'unknown' as const });
  if (kinds.every((k) => k.kind === 'none')) return { kind: 'none' };
  if (kinds.every((k) => k.kind === 'argument')) return kinds[0];
  return { kind: 'unknown' };
}

/**
 * The links every variant prints from its arguments, when they agree and all are HTML templates;
 * none otherwise (we cannot tell which one a page gets). A link after the baseURL needs the one
 * baseURL every page prints (`prefix`).
 */
function mergeLinks(variants: readonly Variant[], prefix: string | undefined): ShortcodeLink[] {
  if (!variants.every((v) => v.facts && v.key.endsWith('.html'))) return [];
  const first = JSON.stringify(variants[0].facts!.links);
  if (!variants.every((v) => JSON.stringify(v.facts!.links) === first)) return [];
  const out: ShortcodeLink[] = [];
  for (const { baseURL, ...l } of variants[0].facts!.links) {
    if (!baseURL) out.push(l);
    else if (prefix !== undefined) out.push({ ...l, prefix });
  }
  return out;
}

/**
 * What `.Site.BaseURL` prints on every page: the configured baseURL, unless a language sets its own
 * (or none is set: Hugo's default is not one we follow).
 */
export function printedBaseURL(c: HugoConfig): string | undefined {
  const raw = c.raw['baseurl'];
  if (typeof raw !== 'string' || raw === '') return undefined;
  const langs = c.raw['languages'];
  if (langs && typeof langs === 'object' && Object.values(langs as Record<string, unknown>).some((l) => !!l && typeof l === 'object' && 'baseurl' in l)) return undefined;
  return raw;
}

function entryOf(name: string, variants: readonly Variant[], c: HugoConfig): TemplateEntry {
  const prefix = printedBaseURL(c);
  // The HTML variant of the first source describes it best; any variant will do otherwise.
  const main = variants.find((v) => v.source === variants[0].source && v.key === '.html') ?? variants[0];
  const known = variants.filter((v) => v.facts);
  const params: string[] = [];
  for (const v of [main, ...known]) for (const p of v.facts?.params ?? []) if (!params.includes(p)) params.push(p);
  const inners = new Set(known.map((v) => v.facts!.inner));
  const doc = main.facts?.doc ?? known.find((v) => v.facts!.doc)?.facts!.doc;
  // Only an HTML template's text is HTML (an `.md` one's is Markdown), and only when it has no variants.
  const wrapper = variants.length === 1 && main.key === '.html' ? main.facts?.wrapper : undefined;
  // Only a template every page gets is rendered: no output-format or language variants.
  const render = variants.length === 1 && main.text !== undefined ? shortcodeRenderer(name, main.text, c, prefix) : undefined;
  return {
    name,
    source: main.source,
    params,
    positional: known.some((v) => v.facts!.positional),
    inner: inners.has(true),
    ...(inners.size > 1 || known.length < variants.length ? { innerUncertain: true } : {}),
    ...(doc ? { doc } : {}),
    file: main.file,
    files: variants.map((v) => v.file),
    ids: mergeIds(variants),
    links: mergeLinks(variants, prefix),
    ...(wrapper ? { wrapper } : {}),
    ...(render ? { render } : {}),
  };
}

export async function readHugoShortcodes(fs: FileSystemHost, root: string, c: HugoConfig, themes: readonly HugoTheme[], version: HugoVersionRange = {}): Promise<TemplateCatalogue> {
  const found = new Map<string, Variant[]>();
  const { sources, unfollowed } = shortcodeSources(c, themes);
  for (const src of sources) if (src.source === SITE_SOURCE || themes.some((t) => t.onDisk && t.name === src.source)) await walk(fs, root, src, found);
  const entries = new Map<string, TemplateEntry>();
  for (const [name, variants] of [...found].sort((a, b) => a[0].localeCompare(b[0]))) entries.set(name, entryOf(name, variants, c));
  for (const b of HUGO_BUILTIN_SHORTCODES) if (!entries.has(b.name)) entries.set(b.name, b);
  // Built into later versions: known when every Hugo the site may be built with has it; unknown
  // when none has; otherwise undecided (`later`).
  const later = new Map<string, string>();
  for (const { since, ...b } of HUGO_LATER_SHORTCODES) {
    if (entries.has(b.name)) continue;
    if (version.min && compareVersions(version.min, since) >= 0) entries.set(b.name, b);
    else if (!(version.max && compareVersions(version.max, since) < 0)) later.set(b.name, since);
  }
  const missing = [...themes.filter((t) => !t.onDisk).map((t) => t.name), ...unfollowed];
  return { kind: 'shortcode', entries, missing, dirs: sources.map((s) => s.dir), ...(later.size ? { later } : {}) };
}
