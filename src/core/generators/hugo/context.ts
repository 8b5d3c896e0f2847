/** What the Hugo model's rules need of the site's config, computed once per model and passed to them. */
import type { FrontMatterData } from '../../site/generator';
import type { PublishStatus } from '../../site/model';
import type { HugoConfig } from './config';
import type { PathOptions } from './paths';
import type { WrittenDate } from './dates';

export interface HugoSite {
  readonly c: HugoConfig;
  readonly opts: PathOptions;
  readonly langCodes: ReadonlySet<string>;
  /** Content folders, longest first (a language's own folder may sit inside the shared one). */
  readonly contentDirs: readonly { readonly dir: string; readonly lang?: string }[];
  /** Lower-cased taxonomy plural → the plural as configured. */
  readonly taxonomyPlurals: ReadonlyMap<string, string>;
  readonly basePath: string;
  readonly multilingual: boolean;
  readonly disabledKinds: ReadonlySet<string>;
  /** Per model: a section index's status, once per index and clock reading (see sectionStatusOf). */
  readonly statusMemo: WeakMap<FrontMatterData, { at: number; st: Status }>;
  /** Per model: term → URL key (see termKey). */
  readonly termKeys: Map<string, string>;
}

/** A page's publish status as its front matter gives it. */
export interface Status {
  readonly status: PublishStatus;
  readonly willPublish: boolean;
  readonly date?: WrittenDate;
  readonly dateText?: string;
}

export function hugoSite(c: HugoConfig): HugoSite {
  const contentDirs: { dir: string; lang?: string }[] = [];
  for (const l of c.languages) if (l.contentDir) contentDirs.push({ dir: l.contentDir, lang: l.code });
  // The shared folder is read for the languages without one of their own; when every language has
  // its own, Hugo reads none of the rest of it [verified 0.111].
  const shared = c.languages.length === 0 || c.languages.some((l) => !l.contentDir);
  if (shared && !contentDirs.some((d) => d.dir === c.contentDir)) contentDirs.push({ dir: c.contentDir });
  contentDirs.sort((a, b) => b.dir.length - a.dir.length);
  return {
    c,
    opts: { disablePathToLower: c.disablePathToLower, removePathAccents: c.removePathAccents },
    langCodes: new Set(c.languages.map((l) => l.code)),
    contentDirs,
    taxonomyPlurals: new Map(c.taxonomies.map((t) => [t.plural.toLowerCase(), t.plural])),
    basePath: c.basePath,
    multilingual: c.languages.length > 1,
    disabledKinds: new Set(c.disableKinds),
    statusMemo: new WeakMap(),
    termKeys: new Map(),
  };
}
