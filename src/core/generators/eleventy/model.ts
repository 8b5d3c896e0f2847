/**
 * Eleventy: every template in the input folder is a page. Default URLs are "cool URIs":
 * `x.md` → `/x/`, `dir/index.md` → `/dir/`, `dir/dir.md` → `/dir/`; front-matter (or directory data)
 * `permalink` overrides, `permalink: false` writes no file. Permalinks are templates themselves;
 * the few variables blogs use (`page.fileSlug`, `page.filePathStem`, `title | slugify`) are filled
 * in, anything else falls back to the default URL.
 *
 * This file assembles the model; the rules are in context.ts (the config, which files are
 * templates), urls.ts (default URLs, permalinks, passthrough copies) and pages.ts (the page of a file).
 */
import { BASIC_FRONT_MATTER, type GeneratorModel } from '../../site/generator';
import { COMMONMARK_GFM } from '../../markdown/dialect';
import { posix } from '../../posix';
import type { SiteIssue } from '../../site/model';
import { eleventySite, slugify11ty, type EleventyConfig } from './context';
import { isContentDocument, pagesFor, resourceUrl, roleOf, staticDirs, termsOf } from './pages';

export interface EleventyModelInit {
  readonly root: string;
  readonly config: EleventyConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
}

export function createEleventyModel(init: EleventyModelInit): GeneratorModel {
  const c = init.config;
  const e = eleventySite(c);
  const { input, basePath } = e;
  return {
    summary: { root: init.root, generator: 'eleventy', configFile: init.configFile, basePath, rootLinksAtBase: c.rootLinksAtBase, linkSemantics: 'url', contentDirs: [input] },
    // Eleventy's markdown-it has no heading attributes and, without an id plugin, gives headings no id.
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      // Only passthrough copies are published: the first passthrough folder, else one under the input.
      images: { defaultFolder: staticDirs(e)[0]?.dir ?? posix.join(input, 'images'), beside: 'any' },
      // Eleventy builds collections from tags: a tag every post of a folder carries is its collection.
      newPost: { sectionBase: input, sections: true, firstLevelSections: input === 'content', defaultFolder: input, datedNames: false, bundles: true, folderTags: true, defaults: BASIC_FRONT_MATTER },
    },
    dialect: c.headingIds === 'none' ? { ...COMMONMARK_GFM, noAutoIds: true, headingAttributes: false } : { ...COMMONMARK_GFM, headingAttributes: false },
    unknownHeadingIds: c.headingIds === 'unknown',
    taxonomies: [{ singular: 'tag', plural: 'tags' }],
    issues: init.issues,
    contentDirs: [input],
    staticDirs: staticDirs(e),
    ignoreDirs: ['node_modules', '.git', posix.basename(c.output) || '_site', '.cache'],
    watchFiles: [...(init.configFile ? [posix.relative(init.root, init.configFile)] : []), '.eleventyignore'],
    isContentDocument: (file) => isContentDocument(e, file),
    roleOf: (file) => roleOf(e, file),
    pagesFor: (file, data) => pagesFor(e, file, data),
    resourceUrl: (file) => resourceUrl(e, file),
    // Tag pages exist only when a template paginates over collections; nothing is implicit.
    derivedPages: () => ({ pages: [], extraUrls: [] }),
    termsOf,
    termKey: (_t, term) => slugify11ty(term),
  };
}
