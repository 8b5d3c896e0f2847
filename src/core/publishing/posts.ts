/**
 * Every post of a site with its publish status, the rules that hold it back and the dates as the
 * generator reads them: what `postcraft posts` prints and the Posts view shows. A post is a content
 * page of kind `page` (sections, the home page and term pages are not posts).
 *
 * The status is worked out at the moment asked (a scheduled post goes live while the editor is
 * open), from the generator's own rules where it states them (GeneratorModel.publishing), else from
 * the status the index computed.
 */
import type { Site } from '../service';
import type { Page, PublishStatus } from '../site/model';
import type { Hold, PublishState, ReadDate } from '../site/publishing';
import { NO_FRONT_MATTER } from '../site/generator';

export interface PostEntry {
  /** Site-relative file. */
  readonly file: string;
  readonly title: string;
  readonly url: string;
  readonly status: PublishStatus;
  /** Whether the site's own build publishes it now (build options included). */
  readonly willPublish: boolean;
  /** Top-level section (`posts`), '' for root pages. */
  readonly section: string;
  readonly lang: string;
  readonly date?: ReadDate;
  readonly publishDate?: ReadDate;
  readonly expiryDate?: ReadDate;
  /** When it goes (or went) live: its publish date, unless a draft flag or an expiry holds it. */
  readonly liveAt?: ReadDate;
  readonly holds: readonly Hold[];
}

const HOLD_STATUS: Record<Hold['kind'], PublishStatus> = { draft: 'draft', 'drafts-folder': 'draft', future: 'future', expired: 'expired' };

/** Holds that keep the page out of the site's build (a build option may publish it anyway). */
export function effectiveHolds(holds: readonly Hold[]): Hold[] {
  return holds.filter((h) => !h.setting?.on);
}

function titleOf(page: Page): string {
  if (page.title && page.title.trim()) return page.title;
  const file = page.file ?? page.url;
  const parts = file.split('/');
  const name = parts[parts.length - 1].replace(/\.[^.]+$/, '');
  return name === 'index' || name === '_index' ? (parts[parts.length - 2] ?? name) : name;
}

/** The status the index gave a page, as holds, for a generator that states no rules of its own. */
function stateFromPage(page: Page): PublishState {
  const file = page.file ?? '';
  const epoch = page.date ? Date.parse(page.date) : NaN;
  const date: ReadDate | undefined = Number.isFinite(epoch) ? { key: 'date', written: page.date!, epoch, offset: 0 } : undefined;
  const off = page.willPublish ? { name: '', on: true } : undefined;
  if (page.status === 'draft') return { holds: [{ kind: 'draft', key: 'draft', written: 'draft: true', file, setting: off }], date };
  if (page.status === 'future' && date) return { holds: [{ kind: 'future', date, file, setting: off }], date, publishDate: date };
  return { holds: [], date, publishDate: date };
}

function stateOf(site: Site, page: Page, now: Date): PublishState {
  const rules = site.model.publishing;
  const file = page.file;
  if (!rules || !file) return stateFromPage(page);
  const data = site.index.document(file)?.frontMatter?.data ?? NO_FRONT_MATTER;
  try {
    return rules.state(file, data, site.index.lookup, now);
  } catch {
    return stateFromPage(page);
  }
}

/** The post entry of one page, its status worked out at `now`. */
export function postEntry(site: Site, page: Page, now: Date, state: PublishState = stateOf(site, page, now)): PostEntry {
  const held = effectiveHolds(state.holds);
  const first = state.holds[0];
  const status: PublishStatus = first ? HOLD_STATUS[first.kind] : 'published';
  // A page its status does not hold back may still go unbuilt (Hugo's `_build: {render: never}`).
  const otherwiseUnbuilt = !page.willPublish && page.status === 'published';
  const liveAt = state.publishDate && !state.holds.some((h) => h.kind !== 'future') ? state.publishDate : undefined;
  return {
    file: page.file ?? '',
    title: titleOf(page),
    url: page.url,
    status,
    willPublish: held.length === 0 && !otherwiseUnbuilt,
    section: page.section,
    lang: page.lang,
    date: state.date,
    publishDate: state.publishDate,
    expiryDate: state.expiryDate,
    liveAt,
    holds: state.holds,
  };
}

/** Every post of the site, in file order. */
export function listPosts(site: Site, now: Date): PostEntry[] {
  const out: PostEntry[] = [];
  for (const page of site.index.contentPages()) if (page.kind === 'page' && page.file) out.push(postEntry(site, page, now));
  return out;
}

/** The post a file publishes, if it is one (the first of its languages' pages). */
export function postOfFile(site: Site, file: string, now: Date): PostEntry | undefined {
  const page = site.index.pagesOfFile(file).find((p) => p.kind === 'page');
  return page ? postEntry(site, page, now) : undefined;
}
