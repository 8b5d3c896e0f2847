/**
 * Jekyll's `{% post_url %}` and `{% link %}` tags, found where they are written.
 */
import type { ExtractedLink } from './types';
import { liquidTags } from '../markdown/liquidTagScan';

/**
 * Jekyll `{% post_url x %}` and `{% link x %}`, outside `{% raw %}`: Liquid runs over the whole post
 * (code included), and a missing target stops the build.
 */
export function liquidTagLinks(text: string, from: number): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const tag of liquidTags(text, from, ['post_url', 'link'])) {
    const arg = /\S+/.exec(tag.body);
    if (!arg) continue;
    const start = tag.bodyStart + arg.index;
    out.push({ kind: tag.name === 'post_url' ? 'post_url' : 'liquid-link', target: text.slice(start, start + arg[0].length), range: { start, end: start + arg[0].length }, whole: { start: tag.start, end: tag.end } });
  }
  return out;
}
