/**
 * Where the cursor is in a template call, for completion: a shortcode's or include's name, the name in
 * a closing tag, a parameter name, or a parameter's value. Read from the current line (a call is
 * written on one line while it is being typed), and only outside the escaped `{{</* *\/>}}` form.
 */
import type { TextRange } from '../text';

export type TemplateSlot =
  | { readonly slot: 'name' }
  | { readonly slot: 'closing' }
  | { readonly slot: 'param'; readonly name: string; readonly given: readonly string[] }
  | { readonly slot: 'value'; readonly name: string; readonly param: string; readonly quote: string };

export type TemplateCompletionContext = TemplateSlot & {
  /** `<` or `%` (Hugo), `include` (Jekyll). */
  readonly delim: '<' | '%' | 'include';
  readonly typed: string;
  /** What completion replaces: the typed word. */
  readonly range: TextRange;
  /** The text after the cursor on its line already ends the tag (`>}}`, `%}`): do not add another end. */
  readonly endFollows: boolean;
  /** Offset of the tag's start (`{{<` or `{%`). */
  readonly tagStart: number;
};

const NAME_CHARS = '[\\p{L}\\p{N}_/.-]';

/** The named parameters already written in a call's arguments. */
function givenParams(args: string): string[] {
  return [...args.matchAll(/([A-Za-z_][\w-]*)\s*=/g)].map((m) => m[1]);
}

/** Whether `args` ends inside a quoted value, and if so its parameter, quote and text so far. */
function openValue(args: string): { param: string; quote: string; typed: string } | 'inside' | undefined {
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`' || c === "'") {
      quote = c;
      start = i;
    }
  }
  if (!quote) return undefined;
  const key = /([A-Za-z_][\w-]*)\s*=\s*$/.exec(args.slice(0, start));
  return key ? { param: key[1], quote, typed: args.slice(start + 1) } : 'inside';
}

const HUGO_OPEN = new RegExp(`^\\{\\{([<%])(\\s*)(/?)(\\s*)(${NAME_CHARS}*)((?:\\s[^]*)?)$`, 'u');

function hugoContext(before: string, after: string, lineStart: number, offset: number): TemplateCompletionContext | undefined {
  const from = Math.max(before.lastIndexOf('{{<'), before.lastIndexOf('{{%'));
  if (from < 0) return undefined;
  const open = HUGO_OPEN.exec(before.slice(from));
  if (!open) return undefined;
  const [, d, , slash, , name, args] = open;
  if (/[>%]\}\}/.test(args) || /^\s*\/\*/.test(before.slice(from + 3))) return undefined;
  const delim = d as '<' | '%';
  const tagStart = lineStart + from;
  const endFollows = new RegExp(`^[^{]*?[${d === '<' ? '>' : '%'}]\\}\\}`).test(after);
  const at = (typed: string) => ({ start: offset - typed.length, end: offset });
  if (!args) return { slot: slash ? 'closing' : 'name', delim, typed: name, range: at(name), endFollows, tagStart };
  if (slash || !name) return undefined;
  const value = openValue(args);
  if (value === 'inside') return undefined;
  if (value) return { slot: 'value', name, param: value.param, quote: value.quote, delim, typed: value.typed, range: at(value.typed), endFollows, tagStart };
  const bare = /([A-Za-z_][\w-]*)\s*=\s*([^\s"'`=]*)$/.exec(args);
  if (bare) return { slot: 'value', name, param: bare[1], quote: '', delim, typed: bare[2], range: at(bare[2]), endFollows, tagStart };
  const word = /(?:^|\s)([A-Za-z_][\w-]*)?$/.exec(args);
  if (!word) return undefined;
  const typed = word[1] ?? '';
  return { slot: 'param', name, given: givenParams(args.slice(0, args.length - typed.length)), delim, typed, range: at(typed), endFollows, tagStart };
}

function includeContext(before: string, after: string, lineStart: number, offset: number): TemplateCompletionContext | undefined {
  const m = /\{%-?\s*include\s+([\w/.-]*)((?:\s[^%]*)?)$/.exec(before);
  if (!m) return undefined;
  const [, name, args] = m;
  const tagStart = lineStart + m.index;
  const endFollows = /^[^{]*?%\}/.test(after);
  const at = (typed: string) => ({ start: offset - typed.length, end: offset });
  if (!args) return { slot: 'name', delim: 'include', typed: name, range: at(name), endFollows, tagStart };
  const value = openValue(args);
  if (value === 'inside') return undefined;
  if (value) return { slot: 'value', name, param: value.param, quote: value.quote, delim: 'include', typed: value.typed, range: at(value.typed), endFollows, tagStart };
  if (/=\s*\S*$/.test(args)) return undefined;
  const word = /(?:^|\s)([A-Za-z_][\w-]*)?$/.exec(args);
  if (!word) return undefined;
  const typed = word[1] ?? '';
  return { slot: 'param', name, given: givenParams(args.slice(0, args.length - typed.length)), delim: 'include', typed, range: at(typed), endFollows, tagStart };
}

/** The template call the cursor is in, for a site whose templates are shortcodes or includes. */
export function templateCompletionContext(text: string, offset: number, kind: 'shortcode' | 'include'): TemplateCompletionContext | undefined {
  const o = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', o - 1) + 1;
  const nl = text.indexOf('\n', o);
  const before = text.slice(lineStart, o);
  const after = text.slice(o, nl < 0 ? text.length : nl);
  return kind === 'shortcode' ? hugoContext(before, after, lineStart, o) : includeContext(before, after, lineStart, o);
}
