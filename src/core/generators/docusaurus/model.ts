/**
 * Docusaurus: blog posts (plugin-content-blog), docs (plugin-content-docs, basic rules) and Markdown
 * pages (`src/pages`). Link semantics are 'file': rewriteLink (links.ts) says what Docusaurus makes of
 * a link.
 *
 * This file assembles the model; the rules are in context.ts (the config's derived facts, which
 * plugin a file belongs to), pages.ts (the page of a file), links.ts (links), tags.ts (tag routes)
 * and derivedPages.ts (blog lists, tag and author pages, feeds).
 */
import { COMMONMARK_GFM } from '../../markdown/dialect';
import { posix } from '../../posix';
import type { GeneratorModel, StaticDir } from '../../site/generator';
import type { SiteIssue } from '../../site/model';
import type { DocusaurusConfig } from './config';
import { docusaurusSite, type AuthorPage, type PredefinedTag } from './context';
import { isContentDocument, pagesFor, resourceUrl, roleOf } from './pages';
import { rewriteLink } from './links';
import { termKey, termsOf } from './tags';
import { derivedPages } from './derivedPages';

export interface DocusaurusModelInit {
  readonly root: string;
  readonly config: DocusaurusConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
  /** Per blog id: predefined tags by key. */
  readonly tags: ReadonlyMap<string, ReadonlyMap<string, PredefinedTag>>;
  /** Per blog id with a non-empty authors map: the authors that have pages. */
  readonly authorPages: ReadonlyMap<string, readonly AuthorPage[]>;
  /** Author files that exist (site-relative). */
  readonly authorFiles: readonly string[];
}

export function createDocusaurusModel(init: DocusaurusModelInit): GeneratorModel {
  const c = init.config;
  const d = docusaurusSite(c, init.tags, init.authorPages);
  const basePath = d.basePath;
  const staticDirs: StaticDir[] = c.staticDirs.map((dir) => ({ dir, urlPrefix: basePath }));
  const contentDirs = [...new Set(d.roots.map((r) => r.dir))];
  return {
    summary: {
      root: init.root,
      generator: 'docusaurus',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url ? c.url.replace(/\/+$/, '') + basePath + '/' : undefined,
      basePath,
      linkSemantics: 'file',
      contentDirs,
    },
    dialect: COMMONMARK_GFM,
    // "Blog author with key … not found in the authors map file" (plugin-content-blog) stops the build.
    frontMatterRules: { unknownAuthorFails: true },
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      // Docusaurus' own docs keep images in static/img; a folder post's files are bundled with it.
      images: { defaultFolder: posix.join(c.staticDirs[0] ?? 'static', 'img'), beside: 'bundle' },
      // The date comes from the file name; the front matter does not repeat it.
      newPost: { sectionBase: '', sections: false, firstLevelSections: false, defaultFolder: contentDirs.find((dir) => /(^|\/)blog$/.test(dir)) ?? contentDirs.find((dir) => dir.includes('blog')) ?? 'blog', datedNames: true, bundles: true, defaults: { format: 'yaml', keyOrder: ['title', 'authors', 'tags'], dateStyle: 'rfc3339', authorKey: 'authors' } },
    },
    // The theme renders h1 without an id (it is the title, not in the table of contents) [verified 3.10].
    headingIdsFromLevel: 2,
    taxonomies: [{ singular: 'tag', plural: 'tags' }],
    issues: init.issues,
    contentDirs,
    staticDirs,
    // Only the plugin folders are crawled, so the build output needs no entry here.
    ignoreDirs: ['node_modules', '.git', '__tests__'],
    watchFiles: [...(init.configFile ? [posix.relative(init.root, init.configFile)] : []), ...init.authorFiles, ...c.blogs.flatMap((b) => (b.tagsFile ? [b.tagsFile] : []))],
    authorSources: init.authorFiles.map((path) => ({ path, shape: 'map' as const })),
    isContentDocument: (file) => isContentDocument(d, file),
    roleOf: (file) => roleOf(d, file),
    pagesFor: (file, data) => pagesFor(d, file, data),
    rewriteLink: (fromFile, pageUrl, path, files) => rewriteLink(d, fromFile, pageUrl, path, files),
    resourceUrl: (file) => resourceUrl(d, file),
    derivedPages: (pages, terms) => derivedPages(d, pages, terms),
    termsOf: (data) => termsOf(d, data),
    termKey: (_taxonomy, term) => termKey(d, term),
  };
}
