/**
 * Front-matter completion: keys the generator reads and keys the site's posts use (as snippets of
 * the site's usual shape), and values — taxonomy terms ranked by use, author ids with display
 * names, true/false, the current date in the site's own format. The VS Code adapter only maps
 * these items; the benchmark calls completeFrontMatter directly.
 */
import type { Site } from '../service';
import type { TextRange } from '../text';
import { frontMatterContext, type KeyContext, type ValueContext } from './context';
import { formatDate, RFC3339 } from './dates';
import { knownKey, knownKeys, isDateKey, type KeyType } from './keys';
import { chooseQuote, escapeSnippet, quoteValue, type Quote } from './quoting';
import { frontMatterStats, type FrontMatterStats, type KeyUse } from './siteStats';
import { postTitle, taxonomyFieldOf, taxonomyValues, type TaxonomyValue } from './taxonomy';

export interface FrontMatterCompletion {
  readonly label: string;
  /** What the item is, for the editor's icon. */
  readonly kind: 'key' | 'value' | 'author' | 'keyword' | 'date';
  readonly insertText: string;
  /** insertText is a snippet (`$1`, `${1|a,b|}`), else plain text. */
  readonly snippet: boolean;
  readonly detail?: string;
  /** Markdown; built when first read (editors ask for it only for the selected item). */
  readonly documentation?: string;
  readonly sortText: string;
  /** Matched against what was typed in `range` (the typed quote included). */
  readonly filterText: string;
  readonly range: TextRange;
  /** Open completion again after inserting (a key whose value is a list of known values). */
  readonly retrigger?: boolean;
}

export interface CompletionOptions {
  /** Defaults to the engine's clock. */
  readonly now?: Date;
  /** Minutes east of UTC for a completed date; defaults to the machine's offset at `now`. */
  readonly utcOffsetMinutes?: number;
  /** Most values offered at once (the editor filters further as the author types). */
  readonly limit?: number;
}

/** The editor shows a dozen at a time; past this the list says it is incomplete and is asked again as the author types. */
const DEFAULT_LIMIT = 60;
const sortKey = (i: number) => String(i).padStart(5, '0');

/** Completion items for `offset` in `text` (the document `file`, site-relative, of `site`). */
export function completeFrontMatter(site: Site, file: string, text: string, offset: number, options: CompletionOptions = {}): FrontMatterCompletion[] {
  return completeFrontMatterList(site, file, text, offset, options).items;
}

/**
 * The same, saying whether the list was cut at `limit`: the editor must then ask again as the
 * author types, because values past the cut were never sent.
 */
export function completeFrontMatterList(site: Site, file: string, text: string, offset: number, options: CompletionOptions = {}): { items: FrontMatterCompletion[]; incomplete: boolean } {
  const ctx = frontMatterContext(text, offset);
  if (!ctx) return { items: [], incomplete: false };
  const stats = frontMatterStats(site);
  if (ctx.kind === 'key') return { items: completeKeys(site, stats, ctx, options), incomplete: false };
  const limit = options.limit ?? DEFAULT_LIMIT;
  const items = completeValues(site, file, stats, ctx, { ...options, limit: limit + 1 });
  return { items: items.slice(0, limit), incomplete: items.length > limit };
}

/** Whether `word` could match `value` in the editor's fuzzy filter (its characters in order). */
function mayMatch(word: string, value: string): boolean {
  if (!word) return true;
  const v = value.toLowerCase();
  let i = 0;
  for (const ch of word) {
    i = v.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

// ---------------------------------------------------------------- keys

function habitQuote(stats: FrontMatterStats, use: KeyUse | undefined): Quote {
  const pick = (q: KeyUse['quotes']): Quote | undefined => {
    const total = q['"'] + q["'"] + q.bare;
    if (total === 0) return undefined;
    return q['"'] >= q["'"] && q['"'] >= q.bare ? '"' : q["'"] >= q.bare ? "'" : '';
  };
  if (use) {
    const q = pick(use.quotes);
    if (q !== undefined) return q;
  }
  const all = { '"': 0, "'": 0, bare: 0 };
  for (const k of stats.keys()) for (const q of ['"', "'", 'bare'] as const) all[q] += k.quotes[q];
  return pick(all) ?? '"';
}

/** The shape to write a key's value in: what the site's posts do, else what the generator expects. */
function shapeOf(site: Site, stats: FrontMatterStats, use: KeyUse | undefined, key: string): { type: KeyType; flow: boolean } {
  const known = knownKey(site.model.summary.generator, key);
  let type: KeyType = known?.type ?? (taxonomyFieldOf(site, key, stats) ? 'list' : 'string');
  if (use && type !== 'date' && type !== 'bool') {
    if (use.kinds.list > use.kinds.scalar && use.kinds.list >= use.kinds.map) type = 'list';
    else if (use.kinds.map > use.kinds.scalar) type = 'map';
    else if (use.kinds.scalar > 0 && (type === 'list' || type === 'map')) type = 'string';
  }
  return { type, flow: !use || use.flow >= use.block };
}

function valueSnippet(site: Site, stats: FrontMatterStats, ctx: KeyContext, key: string, use: KeyUse | undefined, options: CompletionOptions): string {
  const { type, flow } = shapeOf(site, stats, use, key);
  const q = ctx.format === 'yaml' ? habitQuote(stats, use) : '"';
  switch (type) {
    case 'list':
      if (ctx.format === 'yaml' && !flow) return '\n  - $1';
      return ctx.format === 'yaml' ? `[${q}$1${q}]` : '["$1"]';
    case 'bool':
      return '${1|true,false|}';
    case 'date': {
      const d = nowText(stats, options);
      const dq = ctx.format === 'json' ? '"' : ctx.format === 'yaml' && use?.quotes['"'] && use.quotes['"'] > use.quotes.bare ? '"' : '';
      return `${dq}\${1:${escapeSnippet(d)}}${dq}`;
    }
    case 'number':
      return '${1:0}';
    case 'map':
      return ctx.format === 'yaml' ? '\n  $1' : '{ $1 }';
    default:
      return `${q}$1${q}`;
  }
}

function completeKeys(site: Site, stats: FrontMatterStats, ctx: KeyContext, options: CompletionOptions): FrontMatterCompletion[] {
  const present = new Set(ctx.present.map((k) => k.toLowerCase()));
  const generator = site.model.summary.generator;
  const candidates = new Map<string, { key: string; use?: KeyUse; doc?: string }>();
  // Keys the site's posts use come first (most used first), then the rest the generator knows.
  for (const use of stats.keys()) if (!present.has(use.key.toLowerCase())) candidates.set(use.key.toLowerCase(), { key: use.key, use });
  for (const t of site.model.taxonomies) {
    const lower = t.plural.toLowerCase();
    if (!present.has(lower) && !candidates.has(lower)) candidates.set(lower, { key: t.plural });
  }
  for (const k of knownKeys(generator)) {
    const lower = k.key.toLowerCase();
    if (present.has(lower)) continue;
    const c = candidates.get(lower);
    if (c) c.doc = k.doc;
    else candidates.set(lower, { key: k.key, doc: k.doc });
  }
  const items: FrontMatterCompletion[] = [];
  let i = 0;
  for (const c of candidates.values()) {
    const name = ctx.format === 'json' ? `"${c.key}"` : c.key;
    const value = valueSnippet(site, stats, ctx, c.key, c.use, options);
    const sep = ctx.format === 'toml' ? ' = ' : value.startsWith('\n') ? ':' : ': ';
    const insertText = ctx.keyOnly ? escapeSnippet(name) : `${escapeSnippet(name)}${sep}${value}`;
    const isTaxonomy = !!taxonomyFieldOf(site, c.key, stats);
    items.push({
      label: c.key,
      kind: 'key',
      insertText,
      snippet: true,
      detail: c.use ? `used in ${c.use.count} post${c.use.count === 1 ? '' : 's'}` : 'front matter',
      documentation: c.doc,
      sortText: sortKey(i++),
      filterText: ctx.format === 'json' && ctx.typed.startsWith('"') ? `"${c.key}` : c.key,
      range: ctx.range,
      retrigger: !ctx.keyOnly && (isTaxonomy || knownKey(generator, c.key)?.type === 'bool'),
    });
  }
  return items;
}

// ---------------------------------------------------------------- values

function nowText(stats: FrontMatterStats, options: CompletionOptions): string {
  const now = options.now ?? new Date();
  const offset = options.utcOffsetMinutes ?? -now.getTimezoneOffset();
  return formatDate(now, stats.dateStyle() ?? RFC3339, offset);
}

interface Candidate {
  readonly value: string;
  readonly kind: FrontMatterCompletion['kind'];
  readonly detail?: string;
  /** Built only for the items kept (there may be thousands of values). */
  readonly documentation?: () => string | undefined;
  /** Written without quotes (booleans, dates in TOML). */
  readonly bare?: boolean;
}

function describeUse(site: Site, v: TaxonomyValue): string | undefined {
  const lines: string[] = [];
  if (v.author) {
    lines.push(`**${v.author.name ?? v.author.id}** — \`${v.author.file}\``);
    const bio = v.author.data['bio'] ?? v.author.data['description'];
    if (typeof bio === 'string') lines.push('', bio);
  }
  if (v.count > 0) {
    const shown = v.someFiles(3).map((f) => `- ${postTitle(site, f)} (\`${f}\`)`);
    if (v.count > 3) shown.push(`- … and ${v.count - 3} more`);
    if (lines.length) lines.push('');
    lines.push(...shown);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** What the author typed of the value, without the opening quote, lower-cased. */
function typedWord(ctx: ValueContext): string {
  return ctx.typed.replace(/^["']/, '').toLowerCase();
}

/** The generator's URL form of a term (memoised per site: urlizing every value on every keystroke adds up). */
function termKeyOf(site: Site, field: string, value: string): string {
  const byField = site.caches.termKeys;
  let m = byField.get(field);
  if (!m) byField.set(field, (m = new Map()));
  let key = m.get(value);
  if (key === undefined) {
    if (m.size > 50_000) m.clear();
    m.set(value, (key = site.model.termKey(field, value) || value.toLowerCase()));
  }
  return key;
}

function candidatesFor(site: Site, _file: string, stats: FrontMatterStats, ctx: ValueContext, options: CompletionOptions, limit: number): Candidate[] {
  const generator = site.model.summary.generator;
  const field = taxonomyFieldOf(site, ctx.key, stats);
  if (field) {
    const termKey = (v: string) => termKeyOf(site, field.field, v);
    const present = new Set(ctx.present.map(termKey));
    const word = typedWord(ctx);
    const out: Candidate[] = [];
    for (const v of taxonomyValues(site, field, stats)) {
      if (out.length >= limit) break;
      if (!mayMatch(word, v.value) || present.has(termKey(v.value))) continue;
      const count = v.count;
      const name = v.author?.name;
      out.push({
        value: v.value,
        kind: v.author || field.isAuthor ? 'author' : 'value',
        detail: `${name ? `${name} · ` : ''}${count} post${count === 1 ? '' : 's'}`,
        documentation: () => describeUse(site, v),
      });
    }
    return out;
  }
  const known = knownKey(generator, ctx.key);
  if (known?.type === 'bool') return [{ value: 'true', kind: 'keyword', bare: true }, { value: 'false', kind: 'keyword', bare: true }];
  if (isDateKey(generator, ctx.key)) {
    const use = stats.key(ctx.key) ?? stats.key('date');
    const quoted = ctx.format === 'json' || (ctx.format === 'yaml' && !!use && use.quotes['"'] + use.quotes["'"] > use.quotes.bare);
    return [{ value: nowText(stats, options), kind: 'date', detail: 'now, in the format this site uses', bare: !quoted }];
  }
  const present = new Set(ctx.present);
  return stats
    .values(ctx.key)
    .filter((v) => !present.has(v.value) && mayMatch(typedWord(ctx), v.value))
    .slice(0, limit)
    .map((v) => ({ value: v.value, kind: 'value' as const, detail: `${v.count} post${v.count === 1 ? '' : 's'}`, documentation: () => describeUse(site, v) }));
}

function completeValues(site: Site, file: string, stats: FrontMatterStats, ctx: ValueContext, options: CompletionOptions): FrontMatterCompletion[] {
  const use = stats.key(ctx.key);
  const siteHabit: Quote = ctx.format === 'yaml' ? habitQuote(stats, use) : use && use.quotes["'"] > use.quotes['"'] ? "'" : '"';
  // The list being edited is the nearest example of how this author quotes.
  const habit: Quote = ctx.listQuote ?? siteHabit;
  const { type, flow } = shapeOf(site, stats, use, ctx.key);
  const candidates = candidatesFor(site, file, stats, ctx, options, options.limit ?? DEFAULT_LIMIT);
  const inFlow = ctx.container === 'flow' || (ctx.container === 'empty' && type === 'list' && (flow || ctx.format !== 'yaml'));
  return candidates.map((c, i) => {
    // Booleans and dates stay bare unless the author opened a quote; JSON strings are always quoted.
    const q: Quote = c.bare && !ctx.quote ? '' : chooseQuote(c.value, ctx.format, ctx.quote, habit, inFlow);
    let text = quoteValue(c.value, q, ctx.format);
    if (ctx.container === 'empty' && type === 'list' && !c.bare) {
      text = ctx.format === 'yaml' && !flow ? `\n${ctx.indent}- ${text}` : `[${text}]`;
    }
    let doc: string | undefined | null = null;
    return {
      label: c.value,
      kind: c.kind,
      insertText: ctx.prefix + text,
      snippet: false,
      detail: c.detail,
      get documentation() {
        if (doc === null) doc = c.documentation?.();
        return doc;
      },
      sortText: sortKey(i),
      filterText: ctx.typed.startsWith('"') || ctx.typed.startsWith("'") ? ctx.typed[0] + c.value : c.value,
      range: ctx.range,
    };
  });
}
