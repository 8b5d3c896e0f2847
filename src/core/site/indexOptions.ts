/** What a site index is given (its limits, clock, logger, a worker to analyse on) and the site's own hosts. */
import type { Clock, Logger } from '../host';
import type { AnalyzeOptions, DocumentAnalysis } from '../markdown/analyze';

export interface IndexOptions {
  /** Files above this size: front matter only (links and headings not read). Default 2 MB. */
  readonly maxBodyBytes?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Extra folder names to skip while crawling. */
  readonly exclude?: readonly string[];
  /** Read concurrency for hosts without a synchronous read. */
  readonly concurrency?: number;
  /** Over maxBodyBytes, still read links (the extension, which parses on a worker); not at the crawl. */
  readonly linksOverLimit?: boolean;
  /** Analyses a changed file's text elsewhere (a worker thread); see PostcraftInit.analyzer. */
  readonly analyzer?: DocumentAnalyzer;
}

/** `analyzeDocument(text, options)`, computed off the caller's thread; undefined: analyse it here. */
export type DocumentAnalyzer = (text: string, options: AnalyzeOptions) => Promise<DocumentAnalysis | undefined>;

/** The hosts a bare URL to this site is written with: the baseURL's, without `www.` (it matches both). */
export function ownHosts(baseURL: string | undefined): string[] {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(baseURL?.trim() ?? '');
  return m ? [m[1].toLowerCase().replace(/^www\./, '').replace(/\.$/, '')] : [];
}
