/**
 * Why a Hugo page is or is not live, rule by rule: its own `draft`, publish date and expiry date (the
 * keys Hugo reads them from, in its order, with cascades applied), then those of the section index
 * files above it, which hide everything below them [verified 0.111: hugo-posts fixture against
 * `hugo list drafts|future|expired`].
 */
import { posix } from '../../posix';
import { zoneOffsetAt } from '../../localTime';
import type { FileLookup, FrontMatterData } from '../../site/generator';
import type { BuildSetting, Hold, PublishingRules, PublishState, ReadDate } from '../../site/publishing';
import { parseWrittenDate } from './dates';
import type { HugoSite } from './context';
import { branchIndex, locate, nameParts } from './content';
import { effectiveData } from './status';

// pagemeta's defaults, in the order Hugo tries them.
const DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod'];
const PUBLISH_KEYS = ['publishdate', 'pubdate', 'published', 'date'];
const EXPIRY_KEYS = ['expirydate', 'unpublishdate'];

/** The first of `names` (lower-case) the front matter has, as fmPick finds it, with the key as written. */
function firstKey(data: FrontMatterData, names: readonly string[]): { key: string; value: unknown } | undefined {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(data, name) && data[name] !== undefined) return { key: name, value: data[name] };
    for (const k of Object.keys(data)) if (k.toLowerCase() === name && data[k] !== undefined) return { key: k, value: data[k] };
  }
  return undefined;
}

function readDate(h: HugoSite, data: FrontMatterData, names: readonly string[]): ReadDate | undefined {
  // Hugo takes the first key present, and a value it cannot read is no date (it does not go on).
  const hit = firstKey(data, names);
  if (!hit) return undefined;
  const d = parseWrittenDate(hit.value, h.c.timeZone);
  if (!d) return undefined;
  const written = typeof hit.value === 'string' ? hit.value : hit.value instanceof Date ? hit.value.toISOString() : String(hit.value);
  return { key: hit.key, written, epoch: d.epoch, offset: d.offset ?? zoneOffsetAt(d.epoch, h.c.timeZone) };
}

/** The rules one file's front matter sets (cascades applied), as holds that name that file. */
function ownHolds(h: HugoSite, file: string, raw: FrontMatterData, data: FrontMatterData, now: Date, dates: Omit<PublishState, 'holds'>): Hold[] {
  const settings = {
    drafts: { name: 'buildDrafts', on: h.c.buildDrafts } satisfies BuildSetting,
    future: { name: 'buildFuture', on: h.c.buildFuture } satisfies BuildSetting,
    expired: { name: 'buildExpired', on: h.c.buildExpired } satisfies BuildSetting,
  };
  const holds: Hold[] = [];
  const draft = firstKey(data, ['draft']);
  if (draft && (draft.value === true || draft.value === 'true')) {
    holds.push({ kind: 'draft', key: draft.key, written: `${draft.key}: true`, file, setting: settings.drafts, ...(firstKey(raw, ['draft']) ? {} : { cascaded: true }) });
  }
  if (dates.publishDate && dates.publishDate.epoch > now.getTime()) holds.push({ kind: 'future', date: dates.publishDate, file, setting: settings.future });
  if (dates.expiryDate && dates.expiryDate.epoch <= now.getTime()) holds.push({ kind: 'expired', date: dates.expiryDate, file, setting: settings.expired });
  return holds;
}

function datesOf(h: HugoSite, data: FrontMatterData): Omit<PublishState, 'holds'> {
  return { date: readDate(h, data, DATE_KEYS), publishDate: readDate(h, data, PUBLISH_KEYS), expiryDate: readDate(h, data, EXPIRY_KEYS) };
}

export function hugoPublishState(h: HugoSite, file: string, raw: FrontMatterData, files: FileLookup, now: Date): PublishState {
  const data = effectiveData(h, file, raw, files);
  const dates = datesOf(h, data);
  const holds = ownHolds(h, file, raw, data, now, dates);
  const loc = locate(h, file);
  if (!loc || !files.data) return { holds, ...dates };
  // A section index that is itself held back (and not published by a build option) hides this page.
  const { dir, base, lang } = nameParts(h, loc);
  const start = base === '_index' || base === 'index' ? (posix.dirname(dir) === '.' ? '' : posix.dirname(dir)) : dir;
  const segs = start ? start.split('/') : [];
  for (let i = 1; i <= segs.length; i++) {
    const idx = branchIndex(h, loc, segs.slice(0, i).join('/'), lang, files);
    const idxRaw = idx ? files.data(idx) : undefined;
    if (!idx || !idxRaw || idx === file) continue;
    const idxData = effectiveData(h, idx, idxRaw, files);
    holds.push(...ownHolds(h, idx, idxRaw, idxData, now, datesOf(h, idxData)).filter((x) => !x.setting?.on));
  }
  return { holds, ...dates };
}

export function hugoPublishing(h: HugoSite): PublishingRules {
  return {
    draft: { key: 'draft', value: true },
    dateKey: 'date',
    publishDateKeys: ['publishDate', 'pubdate', 'published'],
    expiryDateKeys: ['expiryDate', 'unpublishdate'],
    timeZone: h.c.timeZone,
    state: (file, data, files, now) => hugoPublishState(h, file, data, files, now),
  };
}
