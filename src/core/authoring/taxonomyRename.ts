/**
 * Renaming a taxonomy value, or merging several spellings into one, across every post's front
 * matter: only the values change, each written in its item's own quoting, lists keep their style
 * and order, and where a post ends up with the new value twice the merged item goes (the value the
 * post already had stays where it was). A term's own content folder (Hugo's `content/tags/go/`)
 * moves with it when nothing is in the way.
 *
 * Pure: the caller gives the texts (open editors' unsaved text wins over the disk in VS Code).
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { FileTextEdit } from './relink';
import { scanned, type ScannedFrontMatter, type TextEdit } from '../frontmatter/edits';
import type { LocatedValue } from '../frontmatter/context';
import type { ValueItem } from '../frontmatter/scan';
import type { FrontMatterFormat } from '../frontmatter/parse';
import { quoteValue, yamlNeedsQuotes } from '../frontmatter/quoting';
import { taxonomyFieldOf, taxonomyValues, type TaxonomyField } from '../frontmatter/taxonomy';
import { LineIndex } from '../text';

export interface TaxonomyRenameRequest {
  /** The front-matter field (`tags`, `categories`, `authors`), any case. */
  readonly taxonomy: string;
  /** The spellings replaced (one for a rename, several for a merge). */
  readonly from: readonly string[];
  readonly to: string;
}

export interface LineChange {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly before: string;
  readonly after: string;
  /** The whole line goes (an item of a block list merged away). */
  readonly removed?: boolean;
}

export interface TaxonomyRenamePlan {
  readonly field?: TaxonomyField;
  readonly edits: FileTextEdit[];
  /** Term content folders to move (site-relative). */
  readonly folderMoves: { readonly from: string; readonly to: string }[];
  /** Every changed line, before and after (for the CLI and the refactor preview's labels). */
  readonly changes: LineChange[];
  /** Files that use a `from` value: 0 means there is nothing to rename. */
  readonly uses: number;
  /** Why a post or folder was left as it is. */
  readonly notes: string[];
  /** Why nothing could be planned (an unknown taxonomy, an empty name). */
  readonly problem?: string;
}

/** Files whose front matter uses any of the `from` values in the field. */
export function filesUsing(site: Site, req: TaxonomyRenameRequest): string[] {
  const field = taxonomyFieldOf(site, req.taxonomy);
  if (!field) return [];
  const from = new Set(req.from);
  const files = new Set<string>();
  for (const v of taxonomyValues(site, field)) if (from.has(v.value)) for (const f of v.files) files.add(f);
  return [...files].sort();
}

/** The item rewritten to `value`: its own quote when that can hold the value, else what the format needs. */
function rewrite(item: ValueItem, value: string, format: FrontMatterFormat, inFlow: boolean): string {
  if (format === 'json') return JSON.stringify(value);
  if (format === 'toml') return quoteValue(value, item.quote === "'" && !/['\r\n]/.test(value) ? "'" : '"', format);
  if (item.quote) return quoteValue(value, item.quote, format);
  return quoteValue(value, yamlNeedsQuotes(value, inFlow) ? '"' : '', format);
}

function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function nextLine(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return Math.min(text.length, i + 1);
}

/** A token of a list: an item, or a word of a string the generator splits on spaces (Jekyll). */
interface Token {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly item: ValueItem;
}

/** Removal ranges for runs of removed tokens: each run with the separator to the next kept token (or from the previous one, at the end). */
function removals(tokens: readonly Token[], removed: ReadonlySet<number>, text: string, block: boolean): TextEdit[] {
  const out: TextEdit[] = [];
  if (block) {
    for (const i of removed) out.push({ range: { start: lineStart(text, tokens[i].start), end: nextLine(text, tokens[i].end) }, newText: '' });
    return out;
  }
  let i = 0;
  while (i < tokens.length) {
    if (!removed.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && removed.has(j + 1)) j++;
    const start = j + 1 < tokens.length ? tokens[i].start : tokens[i - 1].end;
    const end = j + 1 < tokens.length ? tokens[j + 1].start : tokens[j].end;
    out.push({ range: { start, end }, newText: '' });
    i = j + 1;
  }
  return out;
}

function wordsOf(item: ValueItem, text: string): Token[] {
  const inner = item.quote ? { start: item.start + 1, end: item.end - (item.closed ? 1 : 0) } : { start: item.start, end: item.end };
  const raw = text.slice(inner.start, inner.end);
  // Only where the written text is the value itself (no escapes), so offsets are exact.
  if (raw !== item.value) return [];
  const out: Token[] = [];
  for (const m of raw.matchAll(/\S+/g)) out.push({ value: m[0], start: inner.start + m.index!, end: inner.start + m.index! + m[0].length, item });
  return out;
}

/** The edits one key's value needs, or a note on why it is left alone. */
function editValue(site: Site, text: string, fm: ScannedFrontMatter, v: LocatedValue, from: ReadonlySet<string>, to: string): { edits: TextEdit[]; note?: string } {
  const format = fm.block.format;
  const items = v.value.items;
  let tokens: Token[] = items.map((item) => ({ value: item.value, start: item.start, end: item.end, item }));
  let split = false;
  if (v.value.kind === 'scalar' && !from.has(items[0].value)) {
    // One string the generator reads as several values (Jekyll's `tags: a b c`).
    const terms = site.model.termsOf({ [v.key.key]: items[0].value });
    if ([...terms.values()].some((l) => l.length > 1)) {
      tokens = wordsOf(items[0], text);
      split = true;
      if (/\s/.test(to)) return { edits: [], note: `'${to}' has a space, and ${v.key.key} is a space-separated list here` };
    }
  }
  if (!tokens.some((t) => from.has(t.value))) return { edits: [] };
  let kept = tokens.some((t) => t.value === to);
  const removed = new Set<number>();
  const edits: TextEdit[] = [];
  tokens.forEach((t, i) => {
    if (!from.has(t.value)) return;
    if (kept) removed.add(i);
    else edits.push({ range: { start: t.start, end: t.end }, newText: split ? to : rewrite(t.item, to, format, v.value.kind === 'flow') });
    kept = true;
  });
  edits.push(...removals(tokens, removed, text, v.value.kind === 'block'));
  return { edits };
}

/** Keys of the front matter that feed the taxonomy (`tags`, `Tags`, Jekyll's `tag`). */
function keysFor(site: Site, fm: ScannedFrontMatter, field: TaxonomyField): LocatedValue[] {
  return fm.values.filter((v) => {
    if (v.key.key.toLowerCase() === field.field) return true;
    const probe = v.value.items[0]?.value ?? 'x';
    return [...site.model.termsOf({ [v.key.key]: [probe] }).keys()].some((k) => k.toLowerCase() === field.field);
  });
}

/** Each line an edit starts on, as it reads before and after (`after` undefined: the line goes). */
function changedLines(file: string, text: string, edits: readonly TextEdit[]): LineChange[] {
  const li = new LineIndex(text);
  const byLine = new Map<number, TextEdit[]>();
  for (const e of edits) {
    const l = li.positionAt(e.range.start).line;
    byLine.set(l, [...(byLine.get(l) ?? []), e]);
  }
  const out: LineChange[] = [];
  for (const [l, list] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const start = li.offsetAt({ line: l, character: 0 });
    const lineEnd = nextLine(text, start);
    const body = text.slice(start, lineEnd).replace(/\r?\n$|\r$/, '');
    let after = text.slice(start, lineEnd);
    for (const e of [...list].sort((a, b) => b.range.start - a.range.start)) after = after.slice(0, e.range.start - start) + e.newText + after.slice(Math.min(lineEnd, e.range.end) - start);
    const gone = after === '' && list.some((e) => e.range.end >= lineEnd);
    out.push({ file, line: l + 1, before: body, after: gone ? '' : after.replace(/\r?\n$|\r$/, ''), ...(gone ? { removed: true } : {}) });
  }
  return out;
}

/** Term content folders of the `from` values, and where each goes. */
function folderMoves(site: Site, field: TaxonomyField, from: readonly string[], to: string, notes: string[]): { from: string; to: string }[] {
  const key = (t: string) => site.model.termKey(field.field, t);
  const fromKeys = new Set(from.map(key));
  const out: { from: string; to: string }[] = [];
  const seen = new Set<string>();
  for (const page of site.index.contentPages()) {
    if (page.kind !== 'term' || !page.file || !page.term || page.taxonomy?.toLowerCase() !== field.field || !fromKeys.has(key(page.term))) continue;
    const folder = posix.dirname(page.file);
    const target = posix.join(posix.dirname(folder), key(to));
    if (seen.has(folder) || target === folder) continue;
    seen.add(folder);
    const taken = [...site.index.documents.keys()].some((f) => f.startsWith(target + '/')) || site.index.hasFile(target);
    if (taken) notes.push(`${folder}/ was left where it is: ${target}/ already exists (merge their content by hand)`);
    else out.push({ from: folder, to: target });
  }
  return out;
}

/** Plans the rename; `textOf` gives each file's current text (site-relative path). */
export function planTaxonomyRename(site: Site, req: TaxonomyRenameRequest, textOf: (file: string) => string | undefined): TaxonomyRenamePlan {
  const field = taxonomyFieldOf(site, req.taxonomy);
  const empty = { edits: [], folderMoves: [], changes: [], uses: 0, notes: [] };
  if (!field) return { ...empty, problem: `'${req.taxonomy}' is not a taxonomy of this site (its taxonomies: ${site.model.taxonomies.map((t) => t.plural).join(', ') || 'none'})` };
  const to = req.to.trim();
  if (!to) return { ...empty, field, problem: 'the new name is empty' };
  const from = new Set(req.from.filter((f) => f !== to));
  const files = filesUsing(site, { ...req, from: [...from] });
  const edits: FileTextEdit[] = [];
  const changes: LineChange[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const text = textOf(file);
    const fm = text === undefined ? undefined : scanned(text);
    if (!fm || text === undefined) {
      notes.push(`${file} could not be read`);
      continue;
    }
    const own: TextEdit[] = [];
    for (const v of keysFor(site, fm, field)) {
      const r = editValue(site, text, fm, v, from, to);
      own.push(...r.edits);
      if (r.note) notes.push(`${file}: ${r.note}`);
    }
    edits.push(...own.map((e) => ({ file, ...e })));
    changes.push(...changedLines(file, text, own));
  }
  return { field, edits, folderMoves: folderMoves(site, field, [...from], to, notes), changes, uses: files.length, notes };
}
