/**
 * Publish, Schedule and Unpublish as one edit of a post's front matter, in its own format and date
 * style: the draft key turned off (or on), the date (and a publish date the post already has) set to
 * the moment chosen. What the generator will then do is worked out on the edited text with its own
 * rules, so a post that would still not go live (an expiry date, a draft section, a drafts folder)
 * says why.
 */
import type { Site } from '../service';
import type { FileTextEdit } from '../authoring/relink';
import { splitFrontMatter, type FrontMatterFormat } from '../frontmatter/parse';
import { insertKey, replaceScalar, scanned, setScalar, valueOf, type ScannedFrontMatter, type TextEdit } from '../frontmatter/edits';
import { dateStyleOf, formatDate, RFC3339, type DateStyle } from '../frontmatter/dates';
import type { ValueItem } from '../frontmatter/scan';
import { zoneOffsetAt } from '../localTime';
import type { PublishingRules } from '../site/publishing';
import { generatorName } from '../site/detect';
import { effectiveHolds, postEntry } from './posts';
import { explainPost } from './explain';

export type PublishAction = { readonly kind: 'publish' } | { readonly kind: 'schedule'; readonly at: Date } | { readonly kind: 'unpublish' };

export interface PublishPlan {
  /** Edits to the post's own file (empty when there is nothing to change). */
  readonly edits: FileTextEdit[];
  /** What the generator does with the post once edited, in one sentence. */
  readonly after?: string;
  /** Why the post still will not be live at the chosen time, when it will not. */
  readonly warning?: string;
  /** Why no edit could be planned (no front matter the generator reads, a syntax error). */
  readonly problem?: string;
}

/** Rules for a generator that states none: a `draft: true` key and a `date`. */
const GENERIC: Pick<PublishingRules, 'draft' | 'dateKey' | 'publishDateKeys' | 'expiryDateKeys' | 'timeZone'> = { draft: { key: 'draft', value: true }, dateKey: 'date', publishDateKeys: [], expiryDateKeys: [] };

export interface PublishOptions {
  readonly now: Date;
  /** The writer's UTC offset (minutes east), for a date written with an offset on a site without a time zone. */
  readonly offsetMinutes: number;
}

function token(value: string, item: ValueItem | undefined, format: FrontMatterFormat, bareDate: boolean): string {
  if (format === 'json') return JSON.stringify(value);
  const quote = item?.quote ?? (format === 'toml' && !bareDate ? '"' : '');
  if (quote === "'") return `'${value}'`;
  if (quote === '"') return JSON.stringify(value);
  return value;
}

/** The instant written in the post's date style: a date-only style grows a time when the time matters. */
function dateText(at: Date, written: string | undefined, rules: typeof GENERIC, opts: PublishOptions, exact: boolean): string {
  const zone = rules.timeZone;
  let style: DateStyle = (written && dateStyleOf(written)) || RFC3339;
  if (style.dateOnly && exact) {
    const local = new Date(at.getTime() + zoneOffsetAt(at.getTime(), zone) * 60_000);
    if (local.getUTCHours() || local.getUTCMinutes() || local.getUTCSeconds()) style = RFC3339;
  }
  // Text without an offset is read in the site's zone (UTC without one): write that zone's wall
  // clock. With an offset, the site's zone where it has one, else the writer's own.
  const offset = style.zone === 'none' || style.dateOnly || zone ? zoneOffsetAt(at.getTime(), zone) : opts.offsetMinutes;
  return formatDate(at, style, offset);
}

function setDate(text: string, fm: ScannedFrontMatter, key: string, at: Date, rules: typeof GENERIC, opts: PublishOptions, exact: boolean, after?: string): TextEdit | undefined {
  const v = valueOf(fm, key);
  const item = v?.value.kind === 'scalar' ? v.value.items[0] : undefined;
  if (v && !item && v.value.kind !== 'empty') return undefined;
  const written = item?.value;
  const value = dateText(at, written, rules, opts, exact);
  // TOML writes dates bare (a date value) unless the post quoted it.
  const t = token(value, item, fm.block.format, fm.block.format === 'toml');
  return v ? replaceScalar(text, v, t) : insertKey(text, fm, key, t, after);
}

/** The edits for one action, before they are checked. */
function editsFor(text: string, fm: ScannedFrontMatter, action: PublishAction, rules: typeof GENERIC, opts: PublishOptions): TextEdit[] {
  const { key: draftKey, value: draftValue } = rules.draft;
  if (action.kind === 'unpublish') {
    const e = setScalar(text, fm, draftKey, String(draftValue), 'title');
    return e ? [e] : [];
  }
  const at = action.kind === 'schedule' ? action.at : opts.now;
  const edits: TextEdit[] = [];
  const draft = valueOf(fm, draftKey);
  if (draft) {
    const e = replaceScalar(text, draft, String(!draftValue));
    if (e && text.slice(e.range.start, e.range.end) !== e.newText) edits.push(e);
  }
  const dateKey = valueOf(fm, rules.dateKey)?.key.key ?? rules.dateKey;
  const d = setDate(text, fm, dateKey, at, rules, opts, action.kind === 'schedule', draft ? draftKey : 'title');
  if (d) edits.push(d);
  for (const k of rules.publishDateKeys) {
    const v = valueOf(fm, k);
    const e = v && setDate(text, fm, v.key.key, at, rules, opts, action.kind === 'schedule');
    if (e) edits.push(e);
  }
  return edits;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** Plans an action on `file` (site-relative) whose current text is `text`. */
export function planPublish(site: Site, file: string, text: string, action: PublishAction, opts: PublishOptions): PublishPlan {
  const page = site.index.pagesOfFile(file).find((p) => p.kind === 'page');
  if (!page) return { edits: [], problem: `${file} is not a post of this site.` };
  const parsed = splitFrontMatter(text).frontMatter;
  const fm = scanned(text);
  if (!fm || !parsed) return { edits: [], problem: `${file} has no front matter to edit.` };
  if (parsed.errors.some((e) => e.code !== 'frontmatter.duplicate-key')) return { edits: [], problem: `${file}'s front matter has a syntax error: fix it first.` };
  const rules = site.model.publishing ?? GENERIC;
  const edits = editsFor(text, fm, action, rules, opts).filter((e) => text.slice(e.range.start, e.range.end) !== e.newText);
  // A draft flag the post does not write (Jekyll's front-matter defaults): its own key overrides it.
  if (action.kind !== 'unpublish' && !valueOf(fm, rules.draft.key) && site.model.publishing) {
    const held = site.model.publishing.state(file, parsed.data, site.index.lookup, opts.now).holds.some((h) => h.kind === 'draft' && h.file === file && h.from !== undefined);
    const e = held ? setScalar(text, fm, rules.draft.key, String(!rules.draft.value), 'title') : undefined;
    if (e) edits.push(e);
  }
  const gen = generatorName(site.model.summary.generator);
  // What the generator makes of the edited text, now and at the moment chosen.
  const edited = splitFrontMatter(applyEdits(text, edits)).frontMatter?.data ?? {};
  const evaluate = (when: Date) => {
    if (!site.model.publishing) return undefined;
    const state = site.model.publishing.state(file, edited, site.index.lookup, when);
    return postEntry(site, page, when, state);
  };
  const when = action.kind === 'schedule' ? action.at : opts.now;
  const later = evaluate(when);
  const nowEntry = evaluate(opts.now);
  const after = nowEntry ? explainPost(gen, nowEntry, opts.now).sentence : undefined;
  const blocking = later ? effectiveHolds(later.holds) : [];
  const warning =
    action.kind !== 'unpublish' && blocking.length ? `It will still not be live${action.kind === 'schedule' ? ' then' : ''}: ${explainPost(gen, later!, when).sentence}` : undefined;
  return { edits: edits.map((e) => ({ file, ...e })), after, warning };
}
