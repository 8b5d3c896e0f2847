/**
 * Hugo shortcodes as link extraction reads them: their arguments, paired forms, and which may print
 * ids of their own; and template actions that use Hugo's functions.
 */
import type { Span } from '../markdown/math';

/** Shortcodes known to print no `id`: any other may, so fragments into such a page are not judged. */
export const NO_IDS = new Set(['ref', 'relref', 'figure', 'highlight', 'youtube', 'vimeo', 'gist', 'tweet', 'x', 'instagram', 'param', 'qr']);

/** A Go-template action that uses Hugo's functions or page and site variables. */
export const HUGO_ACTION = /(?:^\{\{-?|[\s(|])(?:(?:rel)?ref|partial(?:Cached)?|(?:abs|rel)(?:Lang)?URL)\s|\burls\.|\bsite\.|\.Site\b|\.Params?\b|\.Page\b|\.(?:Rel)?Permalink\b|\.Get\s|\.Inner\b/;

/** Spans of paired `{{< name >}} … {{< /name >}}` shortcodes (outermost first, nesting kept). */
export function pairedShortcodes(text: string, from: number): Span[] {
  const out: Span[] = [];
  const open: { name: string; start: number }[] = [];
  const RE = /\{\{<\s*(\/)?\s*([\w/-]+)[\s\S]*?>\}\}/g;
  RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(text))) {
    if (!m[1]) {
      open.push({ name: m[2], start: m.index });
      continue;
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k].name !== m[2]) continue;
      out.push({ start: open[k].start, end: m.index + m[0].length });
      open.length = k;
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A use of a shortcode that may print ids: its name and arguments (positional and named). */
export interface ShortcodeUse {
  readonly name: string;
  readonly args: readonly string[];
  readonly named: Readonly<Record<string, string>>;
}

/** The uses of shortcodes other than the built-in few known to print no id, in order. */
export function shortcodeUses(text: string, from: number): ShortcodeUse[] {
  const out: ShortcodeUse[] = [];
  const RE = /\{\{([<%])\s*([A-Za-z][\w/-]*)([\s\S]*?)[>%]\}\}/g;
  RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(text))) {
    if (NO_IDS.has(m[2])) continue;
    const args = parseArgs(m[3], 0);
    const named: Record<string, string> = {};
    for (const a of args) if (a.key !== undefined) named[a.key] = a.value;
    out.push({ name: m[2], args: args.filter((a) => a.key === undefined).map((a) => a.value), named });
  }
  return out;
}


interface ShortcodeArg {
  readonly key?: string;
  readonly value: string;
  /** Offset of the value inside the shortcode's inner text. */
  readonly start: number;
}

/** Hugo shortcode arguments: `"quoted"`, `` `raw` ``, bare words, and `key=value` forms. */
export function parseArgs(inner: string, from: number): ShortcodeArg[] {
  const out: ShortcodeArg[] = [];
  const RE = /\s*(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/gy;
  RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while (RE.lastIndex < inner.length && (m = RE.exec(inner))) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const quoted = m[2] !== undefined || m[3] !== undefined;
    const end = m.index + m[0].length;
    const start = end - value.length - (quoted ? 1 : 0);
    out.push({ key: m[1], value, start });
    if (m[0].length === 0) break;
  }
  return out;
}
