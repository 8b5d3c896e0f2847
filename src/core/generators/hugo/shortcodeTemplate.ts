/**
 * What a Hugo shortcode template says about how it is called, read from its text: the named
 * parameters it reads, whether it reads positional ones, whether it reads `.Inner` (then Hugo
 * requires a closing tag or `/>}}`, and refuses one otherwise), the comment at its top, the ids and
 * links it prints from its arguments, and whether it is a plain HTML wrapper around `.Inner` the
 * preview can render.
 *
 * Hugo decides `.Inner` from the parsed template: any field or variable chain naming `Inner` or
 * `InnerDeindent` in an action, comments excluded (verified with hugo 0.111: `{{/* .Inner *\/}}` alone
 * does not make a shortcode take a closing tag).
 */
import type { ShortcodeIds } from '../../site/generator';
import { shortcodeIdsOf } from './templateFacts';
import { shortcodeLinksOf, type TemplateLink } from './shortcodeLinks';

export interface ShortcodeTemplateFacts {
  readonly params: string[];
  readonly positional: boolean;
  readonly inner: boolean;
  readonly doc?: string;
  readonly ids: ShortcodeIds;
  /** Links it prints from its arguments (`<img src="{{ .Get "src" }}">`). */
  readonly links: readonly TemplateLink[];
  readonly wrapper?: { readonly before: string; readonly after: string; readonly markdown: boolean };
}

const COMMENT = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g;
const ACTION = /\{\{[\s\S]*?\}\}/g;

/** The text of the comment a template starts with (`{{/* … *\/}}` or `<!-- … -->`), cleaned up. */
export function leadingComment(template: string): string | undefined {
  const m = /^\s*(?:\{\{-?\s*\/\*([\s\S]*?)\*\/\s*-?\}\}|<!--([\s\S]*?)-->)/.exec(template);
  const body = m ? (m[1] ?? m[2]) : undefined;
  if (body === undefined) return undefined;
  const lines = body.split(/\r?\n/).map((l) => l.replace(/^\s*\*(?!\*)\s?/, '').trimEnd());
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  const text = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n').trim();
  return text ? (text.length > 2000 ? text.slice(0, 1999) + '…' : text) : undefined;
}

function pushOnce(out: string[], v: string): void {
  if (!out.includes(v)) out.push(v);
}

/** A wrapper: HTML, one action printing `.Inner` (optionally through markdownify / safeHTML), HTML. */
function wrapperOf(code: string): ShortcodeTemplateFacts['wrapper'] {
  const actions = [...code.matchAll(ACTION)];
  if (actions.length !== 1) return undefined;
  const m = /^\{\{-?\s*\$?\.Inner(?:Deindent)?\s*(?:\|\s*(markdownify|safeHTML|\.Page\.RenderString)\s*)?-?\}\}$/.exec(actions[0][0]);
  if (!m) return undefined;
  const at = actions[0].index!;
  const before = code.slice(0, at);
  const after = code.slice(at + actions[0][0].length);
  // Trim markers eat the white space on their side, as Go templates do.
  return { before: actions[0][0].startsWith('{{-') ? before.trimEnd() : before, after: actions[0][0].endsWith('-}}') ? after.trimStart() : after, markdown: m[1] === 'markdownify' || m[1] === '.Page.RenderString' };
}

export function readShortcodeTemplate(template: string): ShortcodeTemplateFacts {
  const code = template.replace(COMMENT, '');
  const params: string[] = [];
  let positional = false;
  let inner = false;
  for (const [action] of code.matchAll(ACTION)) {
    for (const m of action.matchAll(/(?<![\w\])])\.Get\s+(?:"([^"]+)"|`([^`]+)`|(\d+))/g)) {
      if (m[3] !== undefined) positional = true;
      else pushOnce(params, m[1] ?? m[2]);
    }
    // `.Params.x` is the named parameter x; `.Page.Params.x` and `site.Params.x` are not.
    for (const m of action.matchAll(/(?<![\w\])])\.Params\.([A-Za-z_]\w*)/g)) pushOnce(params, m[1]);
    for (const m of action.matchAll(/\bindex\s+\$?\.Params\s+(?:"([^"]+)"|(\d+))/g)) {
      if (m[2] !== undefined) positional = true;
      else pushOnce(params, m[1]);
    }
    if (/(?<![\w\])])\.Inner(?:Deindent)?\b/.test(action)) inner = true;
  }
  const doc = leadingComment(template);
  const wrapper = inner ? wrapperOf(code.trim()) : undefined;
  return { params, positional, inner, ...(doc ? { doc } : {}), ids: shortcodeIdsOf(template), links: shortcodeLinksOf(template), ...(wrapper ? { wrapper } : {}) };
}
