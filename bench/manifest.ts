/** What the generator planted, so the accuracy check knows the right answers. */

/** The diagnostic code each kind of planted break must produce. */
export type ExpectedCode = 'link.not-found' | 'link.fragment-not-found' | 'link.unpublished-target' | 'link.md-path';

export interface PlantedLink {
  /** Site-relative posix path of the post holding the link. */
  readonly file: string;
  /** 0-based line of the link. */
  readonly line: number;
  /** The destination as written. */
  readonly target: string;
  readonly code: ExpectedCode;
}
