/**
 * Liquid runs over a Jekyll post before Markdown does: `[x]({{ site.baseurl }}/a/)` is a link to
 * `/blog/a/` only once Liquid has printed the base URL, and `{% link _posts/a.md %}` only once the tag
 * has. So we render the text with a real Liquid engine (liquidjs, the engine Eleventy uses) and the
 * site's variables, parse the rendered text, and map every finding back to where it was written.
 *
 * - Each top-level piece of the template is rendered on its own, in order, in one context (so
 *   `assign` and `capture` carry over); literal text maps back character by character, a tag's output
 *   maps to the whole tag.
 * - What we cannot evaluate (a variable the site does not define, a filter or tag from a plugin) prints
 *   a marker: a link whose destination contains one is not judged. Never a guess.
 * - `{% link %}` and `{% post_url %}` print a placeholder path that the checker replaces with the URL of
 *   the named file (the analysis runs without the site's URL table, on a worker thread).
 */
import { Context, Liquid, Tag, type Emitter, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { jekyllFilters } from './liquidFilters';

export interface LiquidSite {
  /** `site` as templates see it: the configuration's keys, with `data` from the data folder. */
  readonly site: Readonly<Record<string, unknown>>;
  /**
   * `site` keys made of the documents (`posts`, `tags`…): absent from `site` while a document is
   * analysed alone, given at check time to a page that names one (see links/liquidContent.ts).
   */
  readonly contentKeys?: readonly string[];
  /** The time zone dates are printed in (`timezone:`; UTC without it). */
  readonly zone?: string;
}

export interface LiquidRef {
  readonly tag: 'link' | 'post_url';
  readonly arg: string;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Segment {
  readonly out: number;
  readonly outEnd: number;
  readonly src: number;
  readonly srcEnd: number;
  /** Literal text: offsets map one to one. Otherwise the whole output maps to the whole source span. */
  readonly exact: boolean;
}

export interface RenderedLiquid {
  readonly text: string;
  /** Output spans whose text is a placeholder for what we could not evaluate. */
  readonly unknown: readonly Span[];
  /** `{% link %}` / `{% post_url %}` placeholders, by index in the placeholder path. */
  readonly refs: readonly LiquidRef[];
  /** An include or unknown tag printed something we cannot see (it may hold ids). */
  readonly hidden: boolean;
  /** Source offset of an output offset (`end`: the offset just after a range). */
  toSource(offset: number, end: boolean): number;
  /** The source span of the tag (`{% for %}`, `{% if %}`…) whose output holds this output offset, if a tag's. */
  tagAt(offset: number): Span | undefined;
}

/** A path segment no writer uses; `/__pc_ref_3__` stands for the URL of the third reference. */
export const REF_PLACEHOLDER = /\/__pc_ref_(\d+)__/;
const UNKNOWN = '__pc_unknown__';

interface RenderState {
  refs: LiquidRef[];
  hidden: boolean;
}

const STATE = Symbol('postcraft-state');

function stateOf(ctx: Context): RenderState {
  return (ctx.environments as unknown as Record<symbol, RenderState>)[STATE];
}

/** `{% link path %}` / `{% post_url name %}`: a placeholder the checker resolves. */
function refTag(tag: 'link' | 'post_url') {
  return class extends Tag {
    private readonly arg: string;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.arg = token.args.trim();
    }
    render(ctx: Context, emitter: Emitter): void {
      const state = stateOf(ctx);
      if (!this.arg || this.arg.includes('{{')) {
        emitter.write(UNKNOWN);
        return;
      }
      state.refs.push({ tag, arg: this.arg });
      emitter.write(`/__pc_ref_${state.refs.length - 1}__`);
    }
  };
}

/** A tag whose output we cannot see (includes, plugins' tags): prints an unknown marker. */
class OpaqueTag extends Tag {
  render(ctx: Context, emitter: Emitter): void {
    stateOf(ctx).hidden = true;
    emitter.write(UNKNOWN);
  }
}

/** `{% highlight %}…{% endhighlight %}`: a code block; nothing in it is a link. Prints blank lines. */
class HighlightTag extends Tag {
  private readonly lines: number;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    let text = '';
    while (remain.length) {
      const t = remain.shift()!;
      if ((t as TagToken).name === 'endhighlight') break;
      text += t.getText();
    }
    this.lines = (text.match(/\n/g) ?? []).length;
  }
  render(_ctx: Context, emitter: Emitter): void {
    emitter.write('\n'.repeat(this.lines));
  }
}

function createEngine(): Liquid {
  const liquid = new Liquid({ strictFilters: true, strictVariables: true, lenientIf: true, ownPropertyOnly: true, jekyllInclude: true, catchAllErrors: false });
  liquid.registerTag('link', refTag('link'));
  liquid.registerTag('post_url', refTag('post_url'));
  liquid.registerTag('highlight', HighlightTag);
  for (const name of ['include', 'include_relative', 'render', 'layout', 'block']) liquid.registerTag(name, OpaqueTag);
  for (const [name, fn] of Object.entries(jekyllFilters)) liquid.registerFilter(name, fn);
  flattenInputs(liquid);
  return liquid;
}

/**
 * Ruby Liquid's standard filters read an array input flattened (its InputIterator), liquidjs's do
 * not: `site.posts | map: "tags" | compact` is one flat list of tags in Jekyll [verified with jekyll
 * 4.3: compact, uniq, join, reverse, sort_natural, concat (its input) and map's input flatten; Jekyll's
 * own sort and where, and first, last and size, do not].
 */
const FLATTENING = ['compact', 'uniq', 'join', 'reverse', 'sort_natural', 'concat', 'map', 'sum'];

function flattenInputs(liquid: Liquid): void {
  for (const name of FLATTENING) {
    const original = liquid.filters[name];
    if (typeof original !== 'function') continue;
    liquid.registerFilter(name, function (this: unknown, input: unknown, ...args: unknown[]) {
      return (original as (...a: unknown[]) => unknown).call(this, Array.isArray(input) ? input.flat(Infinity) : input, ...args);
    });
  }
}

// Module-level: one Liquid parser per thread (the analysis worker has its own), like markdown-it's
// set-ups. The tags it learns are only names, each registered as opaque: a learnt name lets a later
// text parse at once instead of after a retry.
let engine: Liquid | undefined;
/** Tags the site's plugins define, learnt while parsing (registered as opaque). */
const learnt = new Set<string>();

function parse(liquid: Liquid, text: string): Template[] | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return liquid.parse(text);
    } catch (e) {
      const m = /tag "?([\w-]+)"? not found/i.exec(String((e as Error).message));
      if (!m || learnt.has(m[1])) return undefined;
      learnt.add(m[1]);
      liquid.registerTag(m[1], OpaqueTag);
    }
  }
  return undefined;
}

function isLiteral(t: Template): boolean {
  return (t.token as { kind?: number }).kind === 16;
}

/**
 * Renders `text` (front matter already blanked, so offsets are document offsets). Undefined when the
 * text is not valid Liquid for us: the caller then reads it as written.
 */
export function renderLiquid(text: string, vars: LiquidSite | undefined, page: Readonly<Record<string, unknown>>): RenderedLiquid | undefined {
  engine ??= createEngine();
  const templates = parse(engine, text);
  if (!templates) return undefined;
  const state: RenderState = { refs: [], hidden: false };
  const scope: Record<string | symbol, unknown> = { site: vars?.site ?? {}, page, jekyll: { environment: 'production' } };
  scope[STATE] = state;
  const opts = vars?.zone ? { ...engine.options, timezoneOffset: vars.zone } : engine.options;
  const ctx = new Context(scope, opts, { sync: true, strictVariables: true }, { liquid: engine });
  const segments: Segment[] = [];
  const unknown: Span[] = [];
  let out = '';
  for (let i = 0; i < templates.length; i++) {
    const tpl = templates[i];
    const src = tpl.token.begin;
    const srcEnd = i + 1 < templates.length ? templates[i + 1].token.begin : text.length;
    const start = out.length;
    if (isLiteral(tpl)) {
      const value = (tpl.token as unknown as { getContent(): string }).getContent();
      const at = text.slice(src, srcEnd).indexOf(value);
      out += value;
      segments.push({ out: start, outEnd: out.length, src: at >= 0 ? src + at : src, srcEnd: at >= 0 ? src + at + value.length : srcEnd, exact: at >= 0 });
      continue;
    }
    let piece: string;
    try {
      piece = String(engine.renderSync([tpl], ctx) ?? '');
    } catch {
      piece = UNKNOWN;
    }
    out += piece;
    segments.push({ out: start, outEnd: out.length, src, srcEnd, exact: false });
  }
  for (let at = out.indexOf(UNKNOWN); at >= 0; at = out.indexOf(UNKNOWN, at + UNKNOWN.length)) unknown.push({ start: at, end: at + UNKNOWN.length });
  const tagAt = (offset: number): Span | undefined => {
    const s = segments[segmentIndex(segments, offset)];
    return s && !s.exact && s.out <= offset && offset < s.outEnd && text.startsWith('{%', s.src) ? { start: s.src, end: s.srcEnd } : undefined;
  };
  return { text: out, unknown, refs: state.refs, hidden: state.hidden, toSource: (offset, end) => toSource(segments, offset, end), tagAt };
}

/**
 * Segments are contiguous and in order. A start offset on the boundary after an empty output (a tag
 * that printed nothing, as `{{ site.baseurl }}` on a site at the root) maps to that tag, so the
 * destination as written includes it; an end offset maps through the character before it.
 */
/** The last segment that starts at or before the output offset. */
function segmentIndex(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].out <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toSource(segments: readonly Segment[], offset: number, end: boolean): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return offset;
  if (end) {
    // The last segment that starts before the offset (holds the character before it).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].out < offset) lo = mid;
      else hi = mid - 1;
    }
  } else {
    // The first segment that ends at or after the offset, skipping one that ends exactly there.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].outEnd >= offset) hi = mid;
      else lo = mid + 1;
    }
    while (lo + 1 < segments.length && segments[lo].outEnd === offset && segments[lo].out < offset) lo++;
  }
  const s = segments[lo];
  if (s.exact) return Math.max(s.src, Math.min(s.src + (offset - s.out), s.srcEnd));
  return end ? s.srcEnd : s.src;
}
