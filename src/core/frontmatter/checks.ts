/**
 * Front-matter checks beyond syntax (syntax errors and duplicate keys come from parse.ts through
 * Postcraft.checkDocument). Codes are a public contract:
 * - `frontmatter.unknown-author`: an author id with no record, on a site that keeps author records;
 * - `frontmatter.near-duplicate`: a taxonomy value spelled differently from the site's usual spelling;
 * - `frontmatter.invalid-date`: a date the generator cannot read;
 * - `frontmatter.wrong-type`: a value of the wrong kind (a string where the site uses a list, …).
 * Each diagnostic's `data.replacement` (when present) is the text its quick fix puts at its range.
 */
import type { IndexedDocument } from '../site/index';
import { distance } from 'fastest-levenshtein';
import type { PostcraftDiagnostic, Severity } from '../diagnostics';
import type { Site } from '../service';
import type { LineIndex, TextRange } from '../text';
import { scanFrontMatter, type LocatedValue } from './context';
import { findAuthor, siteAuthors } from './authors';
import { dateFinding } from './dateCheck';
import { isDateKey } from './keys';
import { nearDuplicateGroups, type DuplicateGroup } from './nearDuplicates';
import { splitFrontMatter, type FrontMatterFormat } from './parse';
import { quoteValue } from './quoting';
import { typeCheck } from './wrongType';
import type { ValueItem } from './scan';
import { FRONTMATTER_SEVERITY } from './severity';
import { frontMatterStats } from './siteStats';
import { taxonomyFieldOf, taxonomyValues, type TaxonomyField } from './taxonomy';

export const FRONTMATTER_CODES = ['frontmatter.unknown-author', 'frontmatter.near-duplicate', 'frontmatter.invalid-date', 'frontmatter.wrong-type'] as const;

export interface FixData {
  /** Replacement for the diagnostic's range. */
  readonly replacement: string;
  /** Title of the quick fix. */
  readonly title: string;
}

/** Near-duplicate groups of a field, by spelling; rebuilt only when the site's values changed. */
export function nearDuplicatesOf(site: Site, field: TaxonomyField, stats = frontMatterStats(site)): Map<string, DuplicateGroup> {
  let c = site.caches.nearDuplicates;
  if (!c || c.version !== stats.version) site.caches.nearDuplicates = c = { version: stats.version, byField: new Map() };
  let m = c.byField.get(field.field);
  if (!m) {
    m = new Map();
    for (const g of nearDuplicateGroups(taxonomyValues(site, field, stats).filter((v) => v.count > 0))) for (const s of g.spellings) m.set(s.value, g);
    c.byField.set(field.field, m);
  }
  return m;
}

function valueRangeOf(v: LocatedValue): TextRange {
  const s = v.value;
  if (s.kind === 'flow' && s.open !== undefined) return { start: s.open, end: s.close !== undefined ? s.close + 1 : s.end };
  if (s.kind === 'scalar') return { start: s.items[0].start, end: s.items[0].end };
  return { start: v.key.keyStart, end: v.key.keyEnd };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Diagnostics for one document's front matter. */
export function frontMatterDiagnostics(site: Site, file: string, text: string, lines: LineIndex, analysed?: IndexedDocument): PostcraftDiagnostic[] {
  const scanned = scanFrontMatter(text);
  if (!scanned) return [];
  const parsed = (analysed ?? site.index.currentDocument(file, text))?.frontMatter ?? splitFrontMatter(text).frontMatter;
  const data = parsed && !parsed.errors.some((e) => e.code !== 'frontmatter.duplicate-key') ? parsed.data : undefined;
  const format: FrontMatterFormat = scanned.block.format;
  const generator = site.model.summary.generator;
  const out: PostcraftDiagnostic[] = [];
  const push = (range: TextRange, severity: Severity, code: (typeof FRONTMATTER_CODES)[number], message: string, extra?: Record<string, unknown>) =>
    out.push({ file, start: lines.positionAt(range.start), end: lines.positionAt(range.end), severity, code, message, data: extra });
  const stats = frontMatterStats(site);
  // Unknown means: no data record and no term page, on a site that keeps data records.
  const authors = site.index.authors();
  const knownAuthors = siteAuthors(site);
  const authorIds = new Set(authors.map((a) => a.id));
  const dateContext = { generator, file, rules: site.model.frontMatterRules };
  // Whether the site publishes a page per term of a taxonomy (Jekyll does only with a plugin).
  const termPageMemo = new Map<string, boolean>();
  const termPages = (taxonomy: string): boolean => {
    let has = termPageMemo.get(taxonomy);
    if (has === undefined) termPageMemo.set(taxonomy, (has = site.index.allPages().some((p) => p.kind === 'term' && p.taxonomy === taxonomy)));
    return has;
  };

  for (const v of scanned.values) {
    const key = v.key.key;
    const field = taxonomyFieldOf(site, key, stats);
    const items = v.value.kind === 'flow' || v.value.kind === 'block' || v.value.kind === 'scalar' ? v.value.items : [];
    if (field) {
      const groups = nearDuplicatesOf(site, field, stats);
      for (const item of items) {
        if (!item.closed || item.value === '') continue;
        if (field.isAuthor && authors.length && !authorIds.has(item.value) && !findAuthor(site, knownAuthors, item.value)) {
          const suggestions = closestAuthors(item.value, authors);
          const first = suggestions[0];
          push(item, site.model.frontMatterRules?.unknownAuthorFails ? 'warning' : FRONTMATTER_SEVERITY['frontmatter.unknown-author'], 'frontmatter.unknown-author', `Unknown author '${item.value}': no record for it in ${authorSourceText(site)} (known: ${[...authorIds].sort().join(', ')}).`, {
            value: item.value,
            // Not `suggestions`: the link quick fixes treat that key as bare replacement texts.
            candidates: suggestions,
            ...(first ? { replacement: rewrite(item, first, format), title: `Change to '${first}'` } : {}),
          });
          continue;
        }
        const g = groups.get(item.value);
        if (g && g.dominant !== item.value) {
          const dom = g.spellings[0];
          const merged = site.model.termKey(field.field, item.value) === site.model.termKey(field.field, dom.value);
          const others = g.spellings.filter((s) => s.value !== dom.value && s.value !== item.value).map((s) => `'${s.value}'`);
          push(
            item,
            FRONTMATTER_SEVERITY['frontmatter.near-duplicate'],
            'frontmatter.near-duplicate',
            `${capital(field.singular)} '${item.value}' is spelled '${dom.value}' in ${plural(dom.count, 'post')}${others.length ? ` (also seen: ${others.join(', ')})` : ''}.` +
              (!termPages(field.field) ? ' The site lists each spelling apart (it has no page per term).' : merged ? ' The generator merges them into one page, but the name shown varies.' : ' Each spelling gets its own page.'),
            { value: item.value, dominant: dom.value, spellings: g.spellings.map((s) => s.value), taxonomy: field.field, replacement: rewrite(item, dom.value, format), title: `Change to '${dom.value}'` },
          );
        }
      }
    }
    if (isDateKey(generator, key) && v.value.kind === 'scalar') {
      const item = v.value.items[0];
      const written = data?.[key];
      if (item.closed && (written !== undefined || (data === undefined && item.value))) {
        const found = dateFinding(dateContext, key, data === undefined ? undefined : written, item.value);
        if (found) push(item, found.severity, 'frontmatter.invalid-date', found.message, { value: item.value });
      }
    }
    if (data && key in data) typeCheck(site, stats, v, data[key], format, push, valueRangeOf(v));
  }
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The item rewritten to `value`, keeping its quoting when that quoting can hold the value. */
function rewrite(item: ValueItem, value: string, format: FrontMatterFormat): string {
  if (format === 'json') return JSON.stringify(value);
  if (format === 'toml') return quoteValue(value, item.quote === "'" && !value.includes("'") ? "'" : '"', format);
  return quoteValue(value, item.quote, format);
}

function authorSourceText(site: Site): string {
  return (site.model.authorSources ?? []).map((s) => (s.shape === 'file-per-author' ? `${s.path}/` : s.path)).join(', ') || 'the author data files';
}

/** Author ids closest to what was written: by id, or by display name (`Rich Alvarez` → `rich`). */
function closestAuthors(written: string, authors: ReturnType<Site['index']['authors']>): string[] {
  const w = written.toLowerCase();
  const scored = authors.map((a) => {
    const byId = distance(w, a.id.toLowerCase());
    const byName = a.name ? Math.min(distance(w, a.name.toLowerCase()), ...a.name.toLowerCase().split(/\s+/).map((p) => distance(w, p))) : Infinity;
    return { id: a.id, score: Math.min(byId, byName) };
  });
  return scored
    .filter((s) => s.score <= Math.max(2, Math.floor(written.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((s) => s.id);
}

