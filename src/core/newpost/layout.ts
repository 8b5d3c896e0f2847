/**
 * Where each generator expects a new post: the folders posts live in (sections, collections) and
 * the file name inside them (dated for Jekyll and Docusaurus, drafts folders for Jekyll and Hexo).
 */
import { posix } from 'node:path';
import type { GeneratorId } from '../site/model';
import type { Site } from '../service';
import type { ConventionDefaults } from './conventions';

export interface PostFolder {
  /** Site-relative folder the post goes in (`content/posts`, `_posts`, `src/content/blog`). */
  readonly folder: string;
  /** What to call it when asking (`posts`, `blog`). */
  readonly label: string;
  /** Posts already there. */
  readonly posts: number;
}

export interface GeneratorLayout {
  /** Folder that `section` names are relative to ('' = the site root). */
  readonly sectionBase: string;
  /** Whether posts may go in several folders (Hugo sections, Astro collections, Eleventy folders). */
  readonly sections: boolean;
  /** Folder used when the site has no posts yet. */
  readonly defaultFolder: string;
  /** Drafts live in their own folder (Jekyll `_drafts`, Hexo `source/_drafts`). */
  readonly draftsFolder?: string;
  /** File names start with the date (`2019-04-11-slug.md`). */
  readonly datedNames: boolean;
  /** The generator has folder-per-post posts (Hugo page bundles, Docusaurus folders). */
  readonly bundles: boolean;
  readonly defaults: ConventionDefaults;
}

const YAML_BASIC: ConventionDefaults = { format: 'yaml', keyOrder: ['title', 'date', 'tags'], dateKey: 'date', dateStyle: 'rfc3339', authorKey: 'author' };

export function layoutFor(site: Site): GeneratorLayout {
  const g: GeneratorId = site.model.summary.generator;
  const firstContentDir = site.model.contentDirs[0] ?? '';
  switch (g) {
    case 'hugo': {
      const contentDir = site.model.summary.contentDirs.includes('content') ? 'content' : [...site.model.summary.contentDirs].sort((a, b) => a.length - b.length)[0] ?? 'content';
      const authorsTaxonomy = site.model.taxonomies.some((t) => t.plural === 'authors');
      // Hugo's built-in default archetype (no archetypes/default.md): TOML with title, date, draft.
      return { sectionBase: contentDir, sections: true, defaultFolder: posix.join(contentDir, 'posts'), datedNames: false, bundles: true, defaults: { format: 'toml', keyOrder: ['title', 'date', 'draft'], dateKey: 'date', dateStyle: 'rfc3339', authorKey: authorsTaxonomy ? 'authors' : 'author' } };
    }
    case 'jekyll':
      return { sectionBase: '', sections: false, defaultFolder: '_posts', draftsFolder: '_drafts', datedNames: true, bundles: false, defaults: { ...YAML_BASIC, dateStyle: 'jekyll' } };
    case 'docusaurus': {
      const blog = site.model.contentDirs.find((d) => /(^|\/)blog$/.test(d)) ?? site.model.contentDirs.find((d) => d.includes('blog')) ?? 'blog';
      // The date comes from the file name; the front matter does not repeat it.
      return { sectionBase: '', sections: false, defaultFolder: blog, datedNames: true, bundles: true, defaults: { format: 'yaml', keyOrder: ['title', 'authors', 'tags'], dateStyle: 'rfc3339', authorKey: 'authors' } };
    }
    case 'hexo':
      return { sectionBase: '', sections: false, defaultFolder: 'source/_posts', draftsFolder: 'source/_drafts', datedNames: false, bundles: false, defaults: { ...YAML_BASIC, dateStyle: 'local' } };
    case 'astro':
      return { sectionBase: 'src/content', sections: true, defaultFolder: 'src/content/blog', datedNames: false, bundles: true, defaults: { format: 'yaml', keyOrder: ['title', 'description', 'pubDate', 'tags'], dateKey: 'pubDate', dateStyle: 'date', authorKey: 'author' } };
    case 'eleventy':
      return { sectionBase: firstContentDir, sections: true, defaultFolder: firstContentDir, datedNames: false, bundles: true, defaults: YAML_BASIC };
    default:
      return { sectionBase: firstContentDir, sections: true, defaultFolder: firstContentDir, datedNames: false, bundles: true, defaults: YAML_BASIC };
  }
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
    } else if (layout.sectionBase === 'content' || site.model.summary.generator === 'hugo' || site.model.summary.generator === 'astro') {
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
