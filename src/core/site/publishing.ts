/**
 * Why a page is or is not live, as a generator's own rules say it: the vocabulary generators state
 * it in (GeneratorModel.publishing), and that the Posts view, the "why isn't this live?" hover and
 * the publish commands read.
 */
import type { FileLookup, FrontMatterData } from './generator';

/** A front-matter date as the generator reads it. */
export interface ReadDate {
  /** The key it was read from, as written (`publishDate`, `pubdate`, `date`). */
  readonly key: string;
  /** The value as written. */
  readonly written: string;
  readonly epoch: number;
  /**
   * Minutes east of UTC the generator shows it in: the offset written, else the site's time zone
   * at that instant (UTC without one).
   */
  readonly offset: number;
}

/** A build option that publishes what a rule holds back (`buildFuture`, `--drafts`). */
export interface BuildSetting {
  readonly name: string;
  /** On: the site's build publishes the page despite the rule. */
  readonly on: boolean;
}

/** One rule that keeps a page out of the built site. */
export type Hold =
  /** The front matter says draft (`draft: true`, Jekyll's `published: false`). */
  | { readonly kind: 'draft'; readonly key: string; /** As it reads (`draft: true`). */ readonly written: string; readonly file: string; readonly cascaded?: boolean; /** Set elsewhere than the post's own front matter: where (Jekyll's defaults). */ readonly from?: string; readonly setting?: BuildSetting }
  /** The file is in the generator's drafts folder (Jekyll's `_drafts/`). */
  | { readonly kind: 'drafts-folder'; readonly folder: string; readonly setting?: BuildSetting }
  /** Its publish date is after now. */
  | { readonly kind: 'future'; readonly date: ReadDate; readonly file: string; readonly setting?: BuildSetting }
  /** Its expiry date is now or before. */
  | { readonly kind: 'expired'; readonly date: ReadDate; readonly file: string; readonly setting?: BuildSetting };

export interface PublishState {
  /**
   * Every rule that applies to the page: its own first, then those of the sections above it (their
   * `file` says which). A hold whose setting is on does not keep the page out.
   */
  readonly holds: readonly Hold[];
  /** The page's date, publish date and expiry date as the generator reads them. */
  readonly date?: ReadDate;
  readonly publishDate?: ReadDate;
  readonly expiryDate?: ReadDate;
}

/** How a generator decides whether a post is live, and how a post is published or held back. */
export interface PublishingRules {
  /** The key and value that hold a post back: Hugo's `draft: true`, Jekyll's `published: false`. */
  readonly draft: { readonly key: string; readonly value: boolean };
  /** The folder drafts live in, when the generator has one (Jekyll `_drafts`): publishing moves the file. */
  readonly draftsFolder?: string;
  /** The key a post's date is written under. */
  readonly dateKey: string;
  /** Other keys that decide when a post goes live when present (Hugo's `publishDate`, `pubdate`, `published`). */
  readonly publishDateKeys: readonly string[];
  /** Keys of the date after which a post is no longer published (Hugo's `expiryDate`, `unpublishdate`). */
  readonly expiryDateKeys: readonly string[];
  /** The IANA zone dates without an offset are read in (Hugo's `timeZone`, Jekyll's `timezone`). */
  readonly timeZone?: string;
  /** The rules that apply to a content document's page now. */
  state(file: string, data: FrontMatterData, files: FileLookup, now: Date): PublishState;
}
