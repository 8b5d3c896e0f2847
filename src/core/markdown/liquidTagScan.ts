/**
 * Jekyll's Liquid tags as written, outside `{% raw %}` … `{% endraw %}`: Liquid runs over the whole
 * post (code blocks included), so a tag is found wherever it is written, except in raw sections.
 */

export interface LiquidTagMatch {
  /** The tag's name (`include`, `link`, `post_url` …). */
  readonly name: string;
  /** What follows the name, up to the closing `%}` (or `-%}`). */
  readonly body: string;
  /** Offset of `body` in the text. */
  readonly bodyStart: number;
  /** The whole tag, `{%` to `%}`. */
  readonly start: number;
  readonly end: number;
}

/** Every tag named in `names`, in order from `from`. Names are plain words (no pattern characters). */
export function* liquidTags(text: string, from: number, names: readonly string[]): Generator<LiquidTagMatch> {
  const RE = new RegExp(`\\{%-?\\s*(raw|endraw|${names.join('|')})\\b([^%]*?)-?%\\}`, 'g');
  RE.lastIndex = from;
  let raw = false;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(text))) {
    if (m[1] === 'raw') raw = true;
    else if (m[1] === 'endraw') raw = false;
    else if (!raw) yield { name: m[1], body: m[2], bodyStart: m.index + m[0].indexOf(m[1], 2) + m[1].length, start: m.index, end: m.index + m[0].length };
  }
}
