/**
 * The links a Hugo shortcode template prints from its arguments: an `<a href>` or `<img src>` whose
 * value is exactly one argument — `{{ .Get "src" }}`, `{{ .Get 0 }}`, or a variable set once from
 * one (`{{ $src := .Get "src" }}` … `{{ $src }}`) — alone or right after the site's baseURL
 * (`{{ .Site.BaseURL }}{{ .Get "src" }}`). Hugo prints the string as it is: `https://x.org/` and
 * `/a.png` give `https://x.org//a.png`, `https://x.org` and `a.png` give `https://x.orga.png`
 * (verified with hugo 0.111). Any other form (a pipe, `printf`, a resource, a value computed in a
 * condition) gives no fact: what we cannot read exactly is not checked, never guessed.
 *
 * Inside `with` an argument, `{{ . }}` is that argument; `| safeURL` prints the value as it is.
 * The tag must be printed whenever the argument is given: at the top of the template, or inside
 * `if`/`with` blocks whose condition is that very argument. Inside any other block (`range`, another
 * condition, an `else` branch, a `define`) it gives no fact.
 */
const COMMENT = /\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g;
const ACTION = /\{\{[\s\S]*?\}\}/g;

/** A link the template prints from an argument; `baseURL`: right after the site's baseURL. */
export interface TemplateLink {
  readonly attr: 'href' | 'src';
  readonly position?: number;
  readonly name?: string;
  readonly baseURL: boolean;
}

const GET = String.raw`\$?\.Get\s+(?:(\d+)|"([^"\\]+)"|\x60([^\x60]+)\x60)`;
const OPEN = String.raw`^\{\{-?\s*`;
const CLOSE = String.raw`\s*-?\}\}$`;
/**
 * `{{ .Get "x" }}`, `{{ $v }}` or `{{ . }}` (inside `with` an argument), also through `safeURL`, which
 * only tells html/template the value is safe: it prints it as it is.
 */
const ARG_ACTION = new RegExp(`${OPEN}(?:${GET}|\\$(\\w+)|(\\.))(?:\\s*\\|\\s*safeURL)?${CLOSE}`);
/** `{{ $v := .Get "x" }}`. */
const DECLARATION = new RegExp(`${OPEN}\\$(\\w+)\\s*:=\\s*${GET}${CLOSE}`);
const BASE_ACTION = new RegExp(`${OPEN}(?:\\$?\\.Site\\.BaseURL|site\\.BaseURL)${CLOSE}`);
const CONDITION = new RegExp(`^\\(?\\s*(?:${GET}|\\$(\\w+))\\s*\\)?$`);

type Key = string;

function keyOf(m: RegExpExecArray, from: number): Key | undefined {
  if (m[from] !== undefined) return `#${m[from]}`;
  const name = m[from + 1] ?? m[from + 2];
  return name !== undefined ? `=${name}` : undefined;
}

/** Variables set exactly once, from an argument, and never set again: variable → argument key. */
function argumentVariables(actions: readonly string[]): Map<string, Key> {
  const sets = new Map<string, number>();
  for (const a of actions) {
    for (const m of a.matchAll(/((?:\$\w+\s*,\s*)?\$\w+)\s*:?=(?!=)/g)) {
      for (const v of m[1].split(',')) {
        const name = v.trim().slice(1);
        sets.set(name, (sets.get(name) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, Key>();
  for (const a of actions) {
    const m = DECLARATION.exec(a);
    const key = m && keyOf(m, 2);
    if (m && key && sets.get(m[1]) === 1) out.set(m[1], key);
  }
  return out;
}

interface Block {
  readonly guard?: Key;
  otherwise: boolean;
  /** `with` and `range` set the dot: to the argument `with` tests, or to what we do not know. */
  readonly setsDot: boolean;
}

/** What `.` is at this point: the argument of the innermost `with` that set it, outside its `else`. */
function dotOf(blocks: readonly Block[]): Key | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i].setsDot) return blocks[i].otherwise ? undefined : blocks[i].guard;
  return undefined;
}

/** The argument an action prints, exactly, or undefined. */
function argumentOf(action: string, vars: ReadonlyMap<string, Key>, blocks: readonly Block[]): Key | undefined {
  const m = ARG_ACTION.exec(action);
  if (!m) return undefined;
  if (m[5] !== undefined) return dotOf(blocks);
  return m[4] !== undefined ? vars.get(m[4]) : keyOf(m, 1);
}

/** Applies a block action (one that opens, switches or ends a block) to the stack of open blocks. */
function track(action: string, blocks: Block[], vars: ReadonlyMap<string, Key>): void {
  const m = /^\{\{-?\s*(if|with|range|define|block|else|end)\b([\s\S]*?)\s*-?\}\}$/.exec(action);
  if (!m) return;
  if (m[1] === 'end') blocks.pop();
  else if (m[1] === 'else') {
    const top = blocks[blocks.length - 1];
    if (top) top.otherwise = true;
  } else if (m[1] === 'if' || m[1] === 'with') {
    const c = CONDITION.exec(m[2].trim());
    const guard = c ? (c[4] !== undefined ? vars.get(c[4]) : keyOf(c, 1)) : undefined;
    blocks.push({ guard, otherwise: false, setsDot: m[1] === 'with' });
  } else blocks.push({ otherwise: true, setsDot: true });
}

/** The value of the first `href` (on `<a>`) or `src` (on `<img>`) of a tag, placeholders in it. */
function attributeValue(tagName: string, body: string): string | undefined {
  const want = tagName.toLowerCase() === 'a' ? 'href' : 'src';
  for (const m of body.matchAll(/(?:^|\s)([^\s="'>/\u0000]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    if (m[1].toLowerCase() === want) return m[2] ?? m[3] ?? m[4];
  }
  return undefined;
}

export function shortcodeLinksOf(template: string): TemplateLink[] {
  const code = template.replace(COMMENT, '');
  const actions: string[] = [];
  let bare = code.replace(ACTION, (a) => `\u0000${actions.push(a) - 1}\u0000`);
  // HTML comments, scripts, styles, templates and text areas hold no live tags; the actions in them
  // still open and close blocks.
  const keepActions = (s: string) => (s.match(/\u0000\d+\u0000/g) ?? []).join(' ');
  bare = bare
    .replace(/<!--[\s\S]*?(?:-->|$)/g, keepActions)
    .replace(/(<(script|style|template|textarea)\b[^>]*>)([\s\S]*?)(<\/\2\s*>|$)/gi, (_, open: string, _n, text: string, close: string) => open + keepActions(text) + close);
  const vars = argumentVariables(actions);
  const out: TemplateLink[] = [];
  const blocks: Block[] = [];
  const TOKEN = /\u0000(\d+)\u0000|<(a|img)\b((?:[^>"'\u0000]|"[^"]*"|'[^']*'|\u0000\d+\u0000)*)>/gi;
  for (const m of bare.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      track(actions[Number(m[1])], blocks, vars);
      continue;
    }
    const inTag = [...m[3].matchAll(/\u0000(\d+)\u0000/g)].map((p) => actions[Number(p[1])]);
    const value = attributeValue(m[2], m[3]);
    // A tag whose attributes are themselves conditional is not read.
    const conditional = inTag.some((a) => /^\{\{-?\s*(?:if|with|range|else|end|define|block)\b/.test(a));
    const link = value !== undefined && !conditional ? linkOf(m[2], value, actions, vars, blocks) : undefined;
    if (link && blocks.every((b) => !b.otherwise && b.guard === (link.position !== undefined ? `#${link.position}` : `=${link.name}`))) {
      if (!out.some((o) => o.attr === link.attr && o.position === link.position && o.name === link.name && o.baseURL === link.baseURL)) out.push(link);
    }
    for (const a of inTag) track(a, blocks, vars);
  }
  return out;
}

function linkOf(tagName: string, value: string, actions: readonly string[], vars: ReadonlyMap<string, Key>, blocks: readonly Block[]): TemplateLink | undefined {
  const parts = /^(?:\u0000(\d+)\u0000)?\u0000(\d+)\u0000$/.exec(value);
  if (!parts) return undefined;
  const baseURL = parts[1] !== undefined;
  if (baseURL && !BASE_ACTION.test(actions[Number(parts[1])])) return undefined;
  const key = argumentOf(actions[Number(parts[2])], vars, blocks);
  if (!key) return undefined;
  const attr = tagName.toLowerCase() === 'a' ? 'href' : 'src';
  return key.startsWith('#') ? { attr, position: Number(key.slice(1)), baseURL } : { attr, name: key.slice(1), baseURL };
}
