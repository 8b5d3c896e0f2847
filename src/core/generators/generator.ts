/**
 * The one seam between the engine and a static-site generator. A generator is a folder under
 * src/core/generators/<name>/ exporting one `Generator`; `registry.ts` lists them in detection order.
 * Nothing outside src/core/generators/ asks "is this Hugo?": it asks the loaded model for the fact it
 * needs (its URL model, its Markdown dialect, its authoring facts). A lint rule keeps it that way.
 */
import type { FileSystemHost } from '../host';
import type { GeneratorModel } from '../site/generator';
import type { GeneratorId, LinkSemantics } from '../site/model';

export interface LoadOptions {
  /** Overrides the link semantics a Hugo site would be detected with. */
  readonly linkSemantics?: LinkSemantics;
  /** Astro: collection name → the URL folder its pages are published under, when routes cannot be read. */
  readonly astroRoutes?: Readonly<Record<string, string>>;
}

export interface Generator {
  readonly id: GeneratorId;
  /** What the writer calls it ("Hugo", "Jekyll"). */
  readonly displayName: string;
  /** A cheap look at a folder (`names`: its entries): does it hold this generator's site? */
  detect(fs: FileSystemHost, dir: string, names: ReadonlySet<string>): Promise<boolean>;
  /** Reads the site's configuration into its model: URLs, dialect, authoring facts. */
  load(fs: FileSystemHost, dir: string, options: LoadOptions): Promise<GeneratorModel>;
}
