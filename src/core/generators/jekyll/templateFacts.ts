/**
 * What a Jekyll site's own layouts and includes read of a page's front matter (`page.image`,
 * `page["image"]`; jekyll-seo-tag's `{% seo %}` reads `image`). A theme gem or remote theme keeps its
 * layouts out of sight: then any key may be read.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import type { TemplateFacts } from '../../site/generator';
import { ParamsReadBuilder } from '../../site/paramsRead';
import type { JekyllConfig } from './config';

export function jekyllParamsRead(text: string, into: ParamsReadBuilder): void {
  for (const m of text.matchAll(/\bpage\.([A-Za-z_][\w-]*)/g)) into.add(m[1]);
  for (const m of text.matchAll(/\bpage\[\s*["']([^"']+)["']\s*\]/g)) into.add(m[1]);
  if (/\{%-?\s*seo\b/.test(text)) into.add('image');
  // `page` handed on whole (`{% assign p = page %}`, `{% for x in page %}`, `page[var]`): any key.
  if (/\bpage\s*\[\s*[A-Za-z_]/.test(text) || /\{%-?\s*(assign\s+\w+\s*=|for\s+\w+\s+in)\s*page\s*(-?%\}|\|)/.test(text)) into.unknown();
}

export async function readJekyllTemplateFacts(fs: FileSystemHost, root: string, c: JekyllConfig): Promise<TemplateFacts> {
  const params = new ParamsReadBuilder();
  if (c.theme) params.unknown();
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let list;
    try {
      list = await fs.readDirectory(posix.join(root, dir));
    } catch {
      return;
    }
    for (const e of list) {
      const file = `${dir}/${e.name}`;
      if (e.type === 'directory') await walk(file, depth + 1);
      else {
        try {
          jekyllParamsRead(decodeText(await fs.readFile(posix.join(root, file))).text, params);
        } catch {
          // unreadable: it may read anything
          params.unknown();
        }
      }
    }
  };
  await walk('_layouts', 0);
  await walk(c.includesDir, 0);
  return { layoutIds: new Set(), headingHook: false, paramsRead: params.build() };
}
