/**
 * "Why isn't this live?": one sentence saying what the generator does with a post, by its own rule
 * and with its dates as it reads them ("Scheduled: Hugo publishes this on 12 March 2027, 09:00 +01:00
 * — 3 days from now; `buildFuture` is off"), and what it makes of one date or draft key.
 */
import type { Hold, ReadDate } from '../site/publishing';
import { effectiveHolds, type PostEntry } from './posts';
import { humanDate, relativeTime } from './when';

export interface PostExplanation {
  /** A few words for lists: `Draft`, `Scheduled: 12 March 2027, 09:00 +01:00`. */
  readonly headline: string;
  /** The one sentence. */
  readonly sentence: string;
}

const code = (s: string) => '`' + s + '`';
/** Where a date was read from: `` `publishDate` ``, or "its file name" (Jekyll's dated names). */
const from = (key: string) => (key.includes(' ') ? `its ${key}` : code(key));
const at = (d: ReadDate, now: number) => `${humanDate(d)} — ${relativeTime(d.epoch, now)}`;

/** `; `buildFuture` is off` for the holds' settings (none when a hold has no setting). */
function settingsOff(holds: readonly Hold[]): string {
  const names = [...new Set(holds.map((h) => h.setting?.name).filter((n): n is string => !!n))];
  if (names.length === 0) return '';
  return `; ${names.map(code).join(' and ')} ${names.length === 1 ? 'is' : 'are'} off`;
}

function own(post: PostEntry, h: Hold): boolean {
  return h.kind === 'drafts-folder' || h.file === post.file;
}

/** Where a draft flag the post does not write comes from: a section's cascade, the config's defaults. */
function inherited(h: Extract<Hold, { kind: 'draft' }>): string {
  return h.cascaded ? ' (by a cascade from a section above)' : h.from ? ` (by ${h.from})` : '';
}

/** The fact of one hold, as a clause: "`draft: true` is set", "its section content/x/_index.md is scheduled for …". */
function clause(post: PostEntry, h: Hold, now: number): string {
  const where = own(post, h) ? '' : `its section ${h.kind === 'drafts-folder' ? '' : h.file} `;
  switch (h.kind) {
    case 'draft':
      return where ? `${where}is a draft (${code(h.written)})` : `${code(h.written)} is set${inherited(h)}`;
    case 'drafts-folder':
      return `it is in ${code(h.folder + '/')}`;
    case 'future':
      return `${where || 'it '}is scheduled for ${humanDate(h.date)} (${from(h.date.key)}) — ${relativeTime(h.date.epoch, now)}`;
    case 'expired':
      return `${where || 'it '}expired on ${humanDate(h.date)} (${code(h.date.key)}) — ${relativeTime(h.date.epoch, now)}`;
  }
}

function single(gen: string, post: PostEntry, h: Hold, now: number): PostExplanation {
  const off = settingsOff([h]);
  const mine = own(post, h);
  switch (h.kind) {
    case 'draft':
      return mine
        ? { headline: 'Draft', sentence: `Draft: ${gen} does not publish this while ${code(h.written)} is set${inherited(h)}${off}.` }
        : { headline: 'Draft section', sentence: `Draft: ${gen} does not publish this, because its section ${h.file} is a draft (${code(h.written)})${off}.` };
    case 'drafts-folder':
      return { headline: 'Draft', sentence: `Draft: ${gen} does not publish files in ${code(h.folder + '/')}${off}.` };
    case 'future':
      return mine
        ? { headline: `Scheduled: ${humanDate(h.date)}`, sentence: `Scheduled: ${gen} publishes this on ${humanDate(h.date)}${h.date.key === 'date' ? '' : ` (${from(h.date.key)})`} — ${relativeTime(h.date.epoch, now)}${off}.` }
        : { headline: `Scheduled section: ${humanDate(h.date)}`, sentence: `Scheduled: ${gen} publishes this with its section ${h.file}, on ${at(h.date, now)}${off}.` };
    case 'expired':
      return mine
        ? { headline: `Expired: ${humanDate(h.date)}`, sentence: `Expired: ${gen} stopped publishing this on ${humanDate(h.date)} (${code(h.date.key)}) — ${relativeTime(h.date.epoch, now)}${off}.` }
        : { headline: 'Expired section', sentence: `Expired: ${gen} stopped publishing its section ${h.file} on ${at(h.date, now)}${off}.` };
  }
}

function published(gen: string, post: PostEntry, now: number): PostExplanation {
  const since = post.liveAt ? ` since ${humanDate(post.liveAt)}${post.liveAt.key === 'date' ? '' : ` (${from(post.liveAt.key)})`}` : '';
  const until = post.expiryDate && post.expiryDate.epoch > now ? `, until ${humanDate(post.expiryDate)} (${code(post.expiryDate.key)}) — ${relativeTime(post.expiryDate.epoch, now)}` : '';
  return { headline: until ? `Published, expires ${humanDate(post.expiryDate!)}` : 'Published', sentence: `Published: ${gen} ${since ? 'has published this' : 'publishes this'}${since}${until}.` };
}

/** What the generator does with a post, in one sentence. `gen`: its display name (`Hugo`). */
export function explainPost(gen: string, post: PostEntry, now: Date): PostExplanation {
  const t = now.getTime();
  const held = effectiveHolds(post.holds);
  if (held.length === 1) return single(gen, post, held[0], t);
  if (held.length > 1) {
    const label = held[0].kind === 'future' ? 'Scheduled' : held[0].kind === 'expired' ? 'Expired' : 'Draft';
    return { headline: `${label} (${held.length} reasons)`, sentence: `${label}: ${gen} does not publish this: ${held.map((h) => clause(post, h, t)).join(', and ')}${settingsOff(held)}.` };
  }
  if (post.holds.length) {
    const names = [...new Set(post.holds.map((h) => h.setting?.name).filter(Boolean))].map((n) => code(n!));
    const on = names.length ? `, but ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} on` : `, but the site's build options publish it`;
    return { headline: 'Published by build options', sentence: `Published: ${post.holds.map((h) => clause(post, h, t)).join(', and ')}${on}, so ${gen} publishes it.` };
  }
  if (!post.willPublish) return { headline: 'Not rendered', sentence: `Not built: ${gen} does not render this page (its build options), although its draft flag and dates would publish it.` };
  return published(gen, post, t);
}

/** The dates a key may have given, with what each one decides. */
function roleOf(post: PostEntry, key: string): { date: ReadDate; role: string } | undefined {
  const k = key.toLowerCase();
  if (post.publishDate?.key.toLowerCase() === k) return { date: post.publishDate, role: post.date?.key.toLowerCase() === k ? 'its date, and when it goes live' : 'when it goes live' };
  if (post.expiryDate?.key.toLowerCase() === k) return { date: post.expiryDate, role: 'when it stops being published' };
  if (post.date?.key.toLowerCase() === k) return { date: post.date, role: 'its date (not when it goes live)' };
  return undefined;
}

/**
 * What the generator reads from one front-matter key of a post (`date`, `publishDate`,
 * `expiryDate`, the draft key), then the post's sentence. Undefined for a key it does not read.
 */
export function explainKey(gen: string, post: PostEntry, key: string, now: Date, keys: { draftKey: string; dateKeys: readonly string[] }): string | undefined {
  const overall = explainPost(gen, post, now).sentence;
  const k = key.toLowerCase();
  if (k === keys.draftKey.toLowerCase()) {
    const draft = post.holds.find((h) => h.kind === 'draft' && own(post, h));
    return `${draft ? `${gen} reads this post as a draft.` : `${gen} does not read this post as a draft.`} ${overall}`;
  }
  if (!keys.dateKeys.some((d) => d.toLowerCase() === k)) return undefined;
  const r = roleOf(post, key);
  if (!r) return `${gen} does not use this ${code(key)} to decide when the post is live (it cannot read it, or reads another key first). ${overall}`;
  return `${gen} reads ${code(key)} as ${humanDate(r.date)} — ${relativeTime(r.date.epoch, now.getTime())}: ${r.role}. ${overall}`;
}
