/**
 * What a Hugo site's templates add to its pages, read from its layouts and its themes' layouts:
 * literal `id="…"` values (fragments a link may target) and whether a heading render hook gives
 * headings ids we cannot compute.
 */
import { posix } from 'node:path';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import type { TemplateFacts } from '../../site/generator';
import type { HugoConfig } from './config';

/**
 * Whether a heading render hook gives headings Hugo's own ids: its only `id` is `{{ .Anchor }}` (the
 * hook most sites copy from Hugo's documentation). Any other hook may make ids we cannot compute.
 */
export function keepsAnchors(template: string): boolean {
  const code = template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
  const ids = [...code.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return ids.length > 0 && ids.every((v) => /^\{\{-?\s*\.Anchor\s*(?:\|\s*(?:safeURL|safeHTMLAttr|safeHTML|htmlEscape)\s*)*-?\}\}$/.test(v));
}

export async function readHugoTemplateFacts(fs: FileSystemHost, root: string, c: HugoConfig): Promise<TemplateFacts> {
  const layoutDirs = [c.layoutDir, ...c.themes.map((t) => `${c.themesDir}/${t}/layouts`)];
  const layoutIds = new Set<string>();
  let headingHook = false;
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
          for (const m of html.matchAll(/\sid\s*=\s*["']([^"'{}]+)["']/g)) layoutIds.add(m[1]);
        } catch {
          // unreadable layout: no ids from it
        }
      }
    }
  };
  for (const d of layoutDirs) await walk(d, 0);
  return { layoutIds, headingHook };
}
