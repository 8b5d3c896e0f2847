/**
 * Where the cursor is, for link completion: after `](`, `![](`, `]: `, `<a href="`, `<img src="`,
 * inside `{{< relref "` / `{{< ref "`, `{% post_url ` or `{% link `, and whether the writer is past a
 * `#` (then headings are offered). Read from the current line only: a link destination never spans
 * lines, and this runs on every keystroke.
 */
import type { TextRange } from '../text';

export type LinkSlot =
  /** A Markdown link destination (inline or reference definition). */
  | 'markdown'
  | 'image'
  /** `<a href="…">` (raw HTML: URLs only, shortcodes are not run there unless unsafe HTML is on). */
  | 'html'
  | 'ref'
  | 'post_url'
  | 'liquid-link';

export interface LinkCompletionContext {
  readonly slot: LinkSlot;
  /** What the writer typed of the destination so far. */
  readonly typed: string;
  /** The range completion replaces: from the start of the destination (or after `#`) to the cursor. */
  readonly range: TextRange;
  /** After a `#`: the destination before it ('' for the document itself). */
  readonly fragmentOf?: string;
}

const PATTERNS: { slot: LinkSlot; re: RegExp }[] = [
  { slot: 'ref', re: /\{\{[<%]\s*(?:relref|ref)\s+(?:path\s*=\s*)?"([^"]*)$/ },
  { slot: 'post_url', re: /\{%-?\s*post_url\s+(\S*)$/ },
  { slot: 'liquid-link', re: /\{%-?\s*link\s+(\S*)$/ },
  { slot: 'html', re: /<a\s[^>]*?\bhref\s*=\s*["']([^"'\s]*)$/i },
  { slot: 'image', re: /<img\s[^>]*?\bsrc\s*=\s*["']([^"'\s]*)$/i },
  // Spaces are allowed while typing: the writer may type words of a title (`](lead man`).
  { slot: 'image', re: /!\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^()<>]*)$/ },
  { slot: 'markdown', re: /\]\(\s*<?([^()<>]*)$/ },
  { slot: 'markdown', re: /^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s<>]*)$/ },
];

export function linkCompletionContext(text: string, offset: number): LinkCompletionContext | undefined {
  const o = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', o - 1) + 1;
  const before = text.slice(lineStart, o);
  if (insideFence(text, lineStart)) return undefined;
  for (const { slot, re } of PATTERNS) {
    const m = re.exec(before);
    if (!m) continue;
    const typed = m[1];
    const start = o - typed.length;
    // A link inside a code span is not a link.
    if (slot !== 'ref' && (before.slice(0, start - lineStart).split('`').length - 1) % 2 === 1) return undefined;
    const hash = typed.indexOf('#');
    if (hash >= 0 && slot !== 'post_url' && slot !== 'liquid-link') {
      return { slot, typed: typed.slice(hash + 1), range: { start: start + hash + 1, end: o }, fragmentOf: typed.slice(0, hash) };
    }
    return { slot, typed, range: { start, end: o } };
  }
  return undefined;
}

/** Whether a line start is inside a fenced code block (counting fences from the top). */
function insideFence(text: string, lineStart: number): boolean {
  let open: string | undefined;
  const re = /^ {0,3}(`{3,}|~{3,})/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < lineStart) {
    const fence = m[1];
    if (!open) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length) open = undefined;
  }
  return !!open;
}
