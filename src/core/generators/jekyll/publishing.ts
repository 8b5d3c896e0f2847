/**
 * Why a Jekyll page is or is not live: a file in `_drafts/` (built only with `--drafts`),
 * `published: false` (built only with `unpublished`), a post or dated document whose date is after
 * now (built only with `future`). The same rules documents.ts applies to the status.
 */
import { posix } from '../../posix';
import { zoneOffsetAt } from '../../localTime';
import type { FileLookup, FrontMatterData } from '../../site/generator';
import type { Hold, PublishingRules, PublishState, ReadDate } from '../../site/publishing';
import { fmGet } from '../../frontmatter/parse';
import { DATE_NAME, relPath, withDefaults, type JekyllSite } from './context';
import { frontMatterDate, jekyllDate } from './urls';

function dateOf(j: JekyllSite, file: string, data: FrontMatterData): ReadDate | undefined {
  const written = fmGet(data, 'date');
  const fromName = DATE_NAME.exec(posix.basename(relPath(j, file)))?.[1];
  const d = written !== undefined ? frontMatterDate(written, j.zone) : jekyllDate(fromName, j.zone);
  if (!d) return undefined;
  const text = typeof written === 'string' ? written : written instanceof Date ? written.toISOString() : (fromName ?? '');
  return { key: written !== undefined ? 'date' : 'file name', written: text, epoch: d.epoch, offset: zoneOffsetAt(d.epoch, j.zone) };
}

export function jekyllPublishState(j: JekyllSite, file: string, raw: FrontMatterData, _files: FileLookup, now: Date): PublishState {
  const c = j.c;
  const p = j.place(file);
  const holds: Hold[] = [];
  if (p.kind === 'draft') holds.push({ kind: 'drafts-folder', folder: '_drafts', setting: { name: '--drafts', on: c.showDrafts } });
  // Jekyll reads the date of posts, drafts and collection documents, never of a page.
  const dated = p.kind === 'post' || p.kind === 'draft' || p.kind === 'collection';
  const type = p.kind === 'collection' ? p.collection.label : 'posts';
  // A document's `published` comes with the config's front-matter defaults; a page's is its own
  // front matter only (Publisher reads it with Hash#fetch), as pages.ts decides the status.
  const data = dated ? withDefaults(j, file, type, raw) : raw;
  if (data['published'] === false || data['published'] === 'false') {
    const own = raw['published'] !== undefined;
    holds.push({ kind: 'draft', key: 'published', written: 'published: false', file, ...(own ? {} : { from: "the front-matter defaults in the site's config" }), setting: { name: 'unpublished', on: c.unpublished } });
  }
  const date = dated ? dateOf(j, file, data) : undefined;
  // A draft without a date is dated now (Jekyll gives it the build time): never in the future.
  if (date && date.epoch > now.getTime()) holds.push({ kind: 'future', date, file, setting: { name: 'future', on: c.future } });
  return { holds, date, publishDate: date };
}

export function jekyllPublishing(j: JekyllSite): PublishingRules {
  return {
    draft: { key: 'published', value: false },
    draftsFolder: '_drafts',
    dateKey: 'date',
    publishDateKeys: [],
    expiryDateKeys: [],
    timeZone: j.c.timezone,
    state: (file, data, files, now) => jekyllPublishState(j, file, data, files, now),
  };
}
