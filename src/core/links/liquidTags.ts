/**
 * Jekyll's `{% post_url %}` and `{% link %}` tags, found where they are written.
 */
import type { ExtractedLink } from './types';

/**
 * Jekyll `{% post_url x %}` and `{% link x %}`, outside `{% raw %}`: Liquid runs over the whole post
 * (code included), and a missing target stops the build.
 */
export function liquidTagLinks(text: string, from: number): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  const RE = /\{%-?\s*(raw|endraw|post_url|link)\b([^%]*?)-?%\}/g;
  RE.lastIndex = from;
  let raw = false;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(text))) {
    if (m[1] === 'raw') raw = true;
    else if (m[1] === 'endraw') raw = false;
    else if (!raw) {
      const arg = /\S+/.exec(m[2]);
      if (!arg) continue;
      const start = m.index + m[0].indexOf(m[2]) + arg.index;
      out.push({ kind: m[1] === 'post_url' ? 'post_url' : 'liquid-link', target: text.slice(start, start + arg[0].length), range: { start, end: start + arg[0].length }, whole: { start: m.index, end: m.index + m[0].length } });
    }
  }
  return out;
}
