/**
 * kramdown block syntax that CommonMark reads differently, rewritten in place (same length, same
 * lines) before markdown-it parses the text:
 * - an attribute list line `{: #id .class}` (or an ALD `{:name: …}`, an extension `{::comment}`) is a
 *   block of its own, not a paragraph line: it gives the block before it its attributes, so a heading
 *   above `{: #x}` has the id `x` and any other block gets an element with that id;
 * - `<div markdown="1">` parses its content as Markdown: the opening and closing tag lines are blanked
 *   so markdown-it sees the content as blocks (the tag's own id is kept).
 * Verified with jekyll 4.3 (kramdown 2, GFM input).
 */

export interface KramdownBlocks {
  /** The text with those lines blanked (spaces; line breaks kept). */
  readonly text: string;
  /** Attribute-list ids by the 0-based line the list is written on. */
  readonly idsByLine: ReadonlyMap<number, string>;
  /** Ids from `markdown="1"` tags: elements on the page. */
  readonly tagIds: readonly string[];
  /**
   * Lines of attribute lists naming `auto_ids`: the definition list next to one gives each of its
   * terms an id made from the term's text (kramdown's rule for headers) [verified with jekyll 4.3].
   */
  readonly autoIdLines: ReadonlySet<number>;
}

const IAL = /^ {0,3}\{:([^}]*)\}[ \t]*$/;
const MARKDOWN_TAG = /^ {0,3}<([a-zA-Z][\w-]*)\b([^>]*)\bmarkdown\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1)([^>]*)>[ \t]*$/;

function idIn(attrs: string): string | undefined {
  return /(?:^|\s)#([^\s.#}]+)/.exec(attrs)?.[1] ?? /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs)?.slice(1).find((x) => x !== undefined);
}

export function kramdownBlocks(text: string, from: number): KramdownBlocks | undefined {
  if (!text.includes('{:') && !/markdown\s*=/.test(text)) return undefined;
  const idsByLine = new Map<number, string>();
  const autoIdLines = new Set<number>();
  const tagIds: string[] = [];
  const open: string[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const start = offset;
    offset += lines[i].length + 1;
    if (start < from) continue;
    const ial = IAL.exec(line);
    const tag = ial ? null : MARKDOWN_TAG.exec(line);
    const close = open.length && new RegExp(`^ {0,3}</${open[open.length - 1]}>[ \\t]*$`, 'i').test(line);
    if (!ial && !tag && !close) continue;
    // `{::ext}` is an extension and `{:name: …}` an attribute definition: neither gives an id here.
    if (ial && !ial[1].startsWith(':') && !/^[\w-]+:/.test(ial[1])) {
      const id = idIn(ial[1]);
      if (id) idsByLine.set(i, id);
      if (/(?:^|\s)auto_ids(?=\s|$)/.test(ial[1])) autoIdLines.add(i);
    } else if (tag) {
      const id = idIn(tag[2] + tag[3]);
      if (id) tagIds.push(id);
      open.push(tag[1]);
    } else if (close) open.pop();
    lines[i] = lines[i].replace(/[^\r]/g, ' ');
    changed = true;
  }
  return changed ? { text: lines.join('\n'), idsByLine, tagIds, autoIdLines } : undefined;
}
