/**
 * The folders a site's posts live in (sections, collections), read against where its generator
 * expects them (its authoring facts: src/core/generators/<name>/).
 */
import { posix } from '../posix';
import type { PostLayout } from '../site/generator';
import type { Site } from '../service';

export interface PostFolder {
  /** Site-relative folder the post goes in (`content/posts`, `_posts`, `src/content/blog`). */
  readonly folder: string;
  /** What to call it when asking (`posts`, `blog`). */
  readonly label: string;
  /** Posts already there. */
  readonly posts: number;
}

/** Where the site's generator expects a new post (its authoring facts). */
export type GeneratorLayout = PostLayout;

export function layoutFor(site: Site): GeneratorLayout {
  return site.model.authoring.newPost;
}

/** The folder a post file belongs to (a bundle's `index.md` belongs to the bundle's parent). */
export function postFolderOf(file: string): string {
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  if (/^index\.[^.]+$/i.test(posix.basename(file))) return posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
  return dir;
}

/** Regular pages (not sections, home pages or term pages) of the site, by file. */
export function postFiles(site: Site): string[] {
  const out: string[] = [];
  for (const d of site.index.documents.values()) if (d.pages.some((p) => p.kind === 'page')) out.push(d.file);
  return out;
}

/** Candidate folders for a new post, most posts first; the first is the default. */
export function postFolders(site: Site, layout: GeneratorLayout = layoutFor(site)): PostFolder[] {
  const inBase = (f: string) => layout.sectionBase === '' || f.startsWith(layout.sectionBase + '/');
  const counts = new Map<string, number>();
  for (const f of postFiles(site)) {
    if (!inBase(f)) continue;
    let folder = postFolderOf(f);
    if (layout.draftsFolder && folder === layout.draftsFolder) continue;
    if (!layout.sections) {
      if (folder !== layout.defaultFolder) continue;
    } else if (layout.firstLevelSections) {
      // Hugo sections and Astro collections are the first folder level under the base.
      const rest = layout.sectionBase ? folder.slice(layout.sectionBase.length + 1) : folder;
      if (!rest) continue; // pages at the root of content/ are not posts of a section
      folder = posix.join(layout.sectionBase, rest.split('/')[0]);
    }
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  // Pages at the top of a folder-based site (index, about) are not where posts go when folders exist.
  if (layout.sections && counts.size > 1) counts.delete(layout.sectionBase);
  if (counts.size === 0) counts.set(layout.defaultFolder, 0);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([folder, posts]) => ({ folder, posts, label: (layout.sectionBase ? folder.slice(layout.sectionBase.length + 1) : folder) || posix.basename(site.root) }));
}
