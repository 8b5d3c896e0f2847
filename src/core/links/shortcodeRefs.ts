/**
 * Hugo's `ref`/`relref` shortcodes (positional or `path=`, with `lang=`) and `figure src=`, as links
 * written where their argument is. The escaped form (a comment marker right inside the braces) is
 * inert: Hugo prints it as text. Where each sits (code, raw HTML) is the extractor's to tell.
 */
import { parseArgs, shortcodeTags } from './shortcodes';
import type { ExtractedLink } from './types';

export function refShortcodeLinks(text: string, bodyStart: number): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const t of shortcodeTags(text, bodyStart)) {
    const shortcode = t.name;
    if (t.closing || (shortcode !== 'ref' && shortcode !== 'relref' && shortcode !== 'figure')) continue;
    const args = parseArgs(t.args, 0);
    const pick = shortcode === 'figure' ? args.find((a) => a.key === 'src') : (args.find((a) => a.key === 'path') ?? args.find((a) => a.key === undefined));
    if (!pick) continue;
    const start = t.argsStart + pick.start;
    const lang = shortcode === 'figure' ? undefined : args.find((a) => a.key === 'lang')?.value;
    const end = t.end;
    const before = text.slice(Math.max(0, t.start - 40), t.start);
    const inHref = shortcode !== 'figure' && /\shref\s*=\s*["']?$/i.test(before);
    // Only where the shortcode is a link's destination does the fragment after it belong to the link.
    const destination = inHref || /\]\(\s*<?$/.test(before);
    const after = destination && shortcode !== 'figure' && !pick.value.includes('#') ? /^#([^\s()"'<>\[\]{}]*)/.exec(text.slice(end, end + 300)) : null;
    out.push({
      kind: shortcode === 'figure' ? 'figure' : shortcode,
      target: text.slice(start, start + pick.value.length),
      range: { start, end: start + pick.value.length },
      whole: { start: t.start, end },
      ...(lang ? { refLang: lang } : {}),
      ...(after ? { afterFragment: { fragment: after[1], range: { start: end, end: end + after[0].length } } } : {}),
      ...(inHref ? { inHref: true as const } : {}),
    });
  }
  return out;
}
