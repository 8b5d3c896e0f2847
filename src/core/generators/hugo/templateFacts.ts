/**
 * What a Hugo site's templates add to its pages, read from its layouts and its themes' layouts:
 * literal `id="…"` values (fragments a link may target) and whether a heading render hook gives
 * headings ids we cannot compute.
 */
import { ParamsReadBuilder } from '../../site/paramsRead';
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import { listFiles } from '../../config/files';
import type { ShortcodeIds, TemplateFacts } from '../../site/generator';
import type { HugoConfig } from './config';
import type { HugoTheme } from './themes';

/**
 * Whether a heading render hook gives headings Hugo's own ids: its only `id` is `{{ .Anchor }}` (the
 * hook most sites copy from Hugo's documentation). Any other hook may make ids we cannot compute.
 */
export function keepsAnchors(template: string): boolean {
  const code = template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
  const ids = [...code.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return ids.length > 0 && ids.every((v) => /^\{\{-?\s*\.Anchor\s*(?:\|\s*(?:safeURL|safeHTMLAttr|safeHTML|htmlEscape)\s*)*-?\}\}$/.test(v));
}

/**
 * Ids and heading hooks of the site's layouts and its themes' (those on disk). What each shortcode
 * prints as ids is read with the rest of its template, by the shortcode catalogue.
 */
export async function readHugoTemplateFacts(fs: FileSystemHost, root: string, c: HugoConfig, themes: readonly HugoTheme[]): Promise<TemplateFacts> {
  const layoutDirs = [c.layoutDir, ...themes.filter((t) => t.onDisk).map((t) => `${t.dir}/layouts`)];
  const layoutIds = new Set<string>();
  let headingHook = false;
  let imageHookAssets = false;
  const params = new ParamsReadBuilder();
  if (themes.some((t) => !t.onDisk)) params.unknown();
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries;
    try {
      entries = await fs.readDirectory(posix.join(root, dir));
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = `${dir}/${e.name}`;
      if (e.type === 'directory') await walk(rel, depth + 1);
      else if (/\.html?$/i.test(e.name)) {
        try {
          const html = decodeText(await fs.readFile(posix.join(root, rel))).text;
          if (/^render-heading\b/.test(e.name) && !keepsAnchors(html)) headingHook = true;
          if (/^render-image\b/.test(e.name) && /\bresources\.(?:Get|GetMatch)\b/.test(html)) imageHookAssets = true;
          for (const m of html.matchAll(/\sid\s*=\s*["']([^"'{}]+)["']/g)) layoutIds.add(m[1]);
          hugoParamsRead(html, params);
        } catch {
          // unreadable layout: no ids from it
        }
      }
    }
  };
  for (const d of layoutDirs) await walk(d, 0);
  const assetDir = typeof c.raw['assetdir'] === 'string' ? c.raw['assetdir'] : 'assets';
  const imageAssets = imageHookAssets ? await filesBelow(fs, root, [assetDir, ...themes.filter((t) => t.onDisk).map((t) => `${t.dir}/assets`)]) : undefined;
  return { layoutIds, headingHook, paramsRead: params.build(), ...(imageAssets ? { imageAssets } : {}) };
}

/** Paths of the files inside each folder, as `resources.Get` names them. */
async function filesBelow(fs: FileSystemHost, root: string, dirs: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const d of dirs) for (const f of await listFiles(fs, root, d, 12)) out.add(f.slice(d.length + 1));
  return out;
}

/**
 * The page params a Hugo template reads: `.Params.x`, `.Param "x"`, `index .Params "x"`; Hugo's
 * internal OpenGraph, Twitter Cards and Schema templates read `images`. `.Params` passed on whole
 * (`$p := .Params`, `range .Params`, `index .Params $k`) may read any.
 */
export function hugoParamsRead(html: string, into: ParamsReadBuilder): void {
  if (!html.includes('Param') && !html.includes('_internal/')) return;
  for (const m of html.matchAll(/\.Params\.([A-Za-z0-9_]+)/g)) into.add(m[1]);
  for (const m of html.matchAll(/\.Param\s+"([^".]+)/g)) into.add(m[1]);
  for (const m of html.matchAll(/\bindex\s+[$\w.]*Params\s+"([^"]+)"/g)) into.add(m[1]);
  if (/_internal\/(opengraph|twitter_cards|schema)\.html/.test(html)) into.add('images');
  const whole = html.replace(/\bindex\s+[$\w.]*Params\s+"[^"]+"/g, '').replace(/\.Params\.[A-Za-z0-9_]+/g, '');
  if (/\.Params\b/.test(whole)) into.unknown();
}

const NONE: ShortcodeIds = { kind: 'none' };
const UNKNOWN: ShortcodeIds = { kind: 'unknown' };

/**
 * What a shortcode template prints as ids: none (no `id`/`name` attribute, no partial or other
 * template that could add one), exactly one of its arguments (`id="{{ .Get 0 }}"`,
 * `id="{{ .Get "name" }}"`), or something we cannot tell. Its `.Inner` is the page's own text, which
 * the analysis reads where it is written.
 */
export function shortcodeIdsOf(template: string): ShortcodeIds {
  const code = template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
  if (/\{\{-?[^}]*\b(?:partial|partialCached|template)\b/.test(code)) return UNKNOWN;
  // Literal ids (`id="toc"`) are counted with the layouts' ids; the computed ones decide here.
  // Actions hold quotes of their own (`id="{{ .Get "id" }}"`): read attributes with them set aside.
  const actions: string[] = [];
  const bare = code.replace(/\{\{[\s\S]*?\}\}/g, (a) => `\u0000${actions.push(a) - 1}\u0000`);
  const attrs = [...bare.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\u0000(\d+)\u0000/g, (_, i: string) => actions[Number(i)]))
    .filter((v) => v.includes('{{'));
  if (attrs.length === 0) return /\b(?:safeHTML|markdownify|RenderString)\b/.test(code) && !/\.Inner\b/.test(code) ? UNKNOWN : NONE;
  if (attrs.length > 1) return UNKNOWN;
  const m = /^\{\{-?\s*\.Get\s+(?:(\d+)|"([^"]+)"|`([^`]+)`)\s*-?\}\}$/.exec(attrs[0]);
  if (!m) return UNKNOWN;
  return m[1] !== undefined ? { kind: 'argument', position: Number(m[1]) } : { kind: 'argument', name: m[2] ?? m[3] };
}
