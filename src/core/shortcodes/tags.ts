/**
 * Template calls where they are written, with positions: Hugo's shortcode tags (`{{< name args >}}`,
 * `{{% name %}}`, `{{< /name >}}`, `{{< name />}}`) and Jekyll's `{% include file args %}`.
 *
 * Hugo lexes shortcodes in the whole body, code blocks and HTML comments included (verified with hugo
 * 0.111: an unknown shortcode in a fenced block or `<!-- -->` fails the build), except the escaped
 * form `{{</* name *\/>}}`, which it prints as text. A tag ends at the delimiter matching its opening
 * (`>}}` after `{{<`, `%}}` after `{{%`), quoted arguments may hold either, and a `/` just before the
 * end self-closes it. Jekyll runs Liquid over the whole post too, except inside `{% raw %}`.
 */
import { liquidTags } from '../markdown/liquidTagScan';

export interface TemplateTag {
  /** The whole tag. */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** `{{< /name >}}` */
  readonly closing: boolean;
  /** `{{< name />}}` */
  readonly selfClosing: boolean;
  /** Where the arguments are (between the name and the end, `/` excluded). */
  readonly argsStart: number;
  readonly argsEnd: number;
}

// Hugo: letters, digits, `_` and `-`; `/` for folders; `.` only in `name.inline`.
const NAME = /[\p{L}\p{N}_][\p{L}\p{N}_/.-]*/uy;
const MAX_TAG = 4000;

/** The end of a tag's arguments: the offset of its closing delimiter, skipping quoted text. */
function argsEnd(text: string, from: number, close: string): number | undefined {
  const limit = Math.min(text.length, from + MAX_TAG);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < limit && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === close[0] && text.startsWith(close, i)) return i;
    else if (c === '{' && (text.startsWith('{{<', i) || text.startsWith('{{%', i))) return undefined;
  }
  return undefined;
}

/** Hugo's shortcode tags in `text` from `from` (the body start), in order. */
export function shortcodeTags(text: string, from: number): TemplateTag[] {
  return scanShortcodeTags(text, from).tags;
}

/**
 * The tags, and whether the scan reached the end: it stops at a `{{<` it cannot end (no matching
 * delimiter, another tag or an unterminated quote before it), where Hugo's lexer stops with an error
 * of its own; what follows is not read (and each opening is scanned at most once, so a post full of
 * unended tags costs linear time).
 */
export function scanShortcodeTags(text: string, from: number): { tags: TemplateTag[]; complete: boolean } {
  const out: TemplateTag[] = [];
  const OPEN = /\{\{([<%])/g;
  OPEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = OPEN.exec(text))) {
    const start = m.index;
    const close = m[1] === '<' ? '>}}' : '%}}';
    let i = start + 3;
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('/*', i)) {
      // `{{</* name */>}}`: printed as text.
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { tags: out, complete: false };
      OPEN.lastIndex = end + 2;
      continue;
    }
    const closing = text[i] === '/';
    if (closing) {
      i++;
      while (i < text.length && /\s/.test(text[i])) i++;
    }
    NAME.lastIndex = i;
    const n = NAME.exec(text);
    if (!n) continue;
    let name = n[0];
    const nameStart = i;
    const endAt = argsEnd(text, nameStart + name.length, close);
    if (endAt === undefined) return { tags: out, complete: false };
    let argsStart = nameStart + name.length;
    let last = endAt;
    while (last > argsStart && /\s/.test(text[last - 1])) last--;
    let selfClosing = false;
    if (!closing && text[last - 1] === '/' && last - 1 >= argsStart) {
      selfClosing = true;
      last--;
    } else if (!closing && name.endsWith('/') && last === argsStart) {
      // `{{< name/>}}`: the slash closes, it is not part of the name.
      name = name.slice(0, -1);
      selfClosing = true;
      argsStart--;
      last = argsStart;
    }
    out.push({ start, end: endAt + 3, name, nameStart, nameEnd: nameStart + name.length, closing, selfClosing, argsStart, argsEnd: Math.max(argsStart, last) });
    OPEN.lastIndex = endAt + 3;
  }
  return { tags: out, complete: true };
}

/** Jekyll's `{% include file args %}` outside `{% raw %}`; a file given as `{{ variable }}` is left out. */
export function includeTags(text: string, from: number): TemplateTag[] {
  const out: TemplateTag[] = [];
  for (const tag of liquidTags(text, from, ['include'])) {
    const lead = /^\s*/.exec(tag.body)![0].length;
    const file = /^[\w/.-]+(?=\s|$)/.exec(tag.body.slice(lead));
    if (!file) continue;
    const nameStart = tag.bodyStart + lead;
    const nameEnd = nameStart + file[0].length;
    out.push({ start: tag.start, end: tag.end, name: file[0], nameStart, nameEnd, closing: false, selfClosing: false, argsStart: nameEnd, argsEnd: tag.bodyStart + tag.body.length });
  }
  return out;
}

/** The tag whose name holds `offset` (or touches it), if any. */
export function tagAt(tags: readonly TemplateTag[], offset: number): TemplateTag | undefined {
  return tags.find((t) => offset >= t.nameStart && offset <= t.nameEnd);
}
