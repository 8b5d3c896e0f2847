/**
 * Hexo: posts in `source/_posts`, drafts in `source/_drafts`, every other renderable file in
 * `source/` is a page. URLs follow `permalink` (default `:year/:month/:day/:title/`), where `:title`
 * is the file's path below `_posts` with the `new_post_name` pattern taken off (the front-matter
 * `title` is `:post_title`). Re-stated from hexo/lib/plugins/{processor,filter}/post*.
 *
 * This file assembles the model; the rules are in context.ts (the config's derived facts, where a
 * file sits, URL endings), posts.ts (posts' URLs, dates, status, asset folders), pages.ts (the page
 * of a file, resources), terms.ts (tags, category paths) and derivedPages.ts (the plugins' lists).
 */
import { BASIC_FRONT_MATTER, type GeneratorModel } from '../../site/generator';
import { COMMONMARK_GFM } from '../../markdown/dialect';
import type { SiteIssue } from '../../site/model';
import type { HexoConfig } from './config';
import { hexoSite } from './context';
import { refCandidates } from './posts';
import { isContentDocument, pagesFor, resourceUrl, roleOf } from './pages';
import { termKey, termsOf } from './terms';
import { derivedPages } from './derivedPages';

export interface HexoModelInit {
  readonly root: string;
  readonly config: HexoConfig;
  readonly configFile: string;
  readonly issues: readonly SiteIssue[];
  readonly authorsFile?: string;
  /** `hexo-*` packages the site's package.json lists (Hexo loads those): who writes which list pages and feeds. */
  readonly plugins: ReadonlySet<string>;
}

export function createHexoModel(init: HexoModelInit): GeneratorModel {
  const c = init.config;
  const h = hexoSite(c, init.plugins);
  return {
    summary: {
      root: init.root,
      generator: 'hexo',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url,
      basePath: h.basePath,
      linkSemantics: 'url',
      contentDirs: [h.src],
    },
    // marked has no {#id} syntax. Its ids are hexo-util slugize of the heading text, case kept
    // (`First-Steps`), repeats `-1`, `-2` [verified hexo-renderer-marked 7.0]: no heading style of ours
    // yet, so fragments into headings are not judged.
    dialect: { ...COMMONMARK_GFM, headingIds: 'slugize', headingAttributes: false },
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      images: { defaultFolder: 'source/images', beside: 'never' },
      newPost: { sectionBase: '', sections: false, firstLevelSections: false, defaultFolder: 'source/_posts', draftsFolder: 'source/_drafts', datedNames: false, bundles: false, defaults: { ...BASIC_FRONT_MATTER, dateStyle: 'local' } },
    },
    taxonomies: [
      { singular: 'category', plural: 'categories' },
      { singular: 'tag', plural: 'tags' },
    ],
    issues: init.issues,
    contentDirs: [h.src],
    staticDirs: [],
    ignoreDirs: ['node_modules', '.git'],
    watchFiles: ['_config.yml', ...(init.authorsFile ? [init.authorsFile] : [])],
    authorSources: init.authorsFile ? [{ path: init.authorsFile, shape: 'map' }] : [],
    isContentDocument: (file) => isContentDocument(h, file),
    roleOf: (file, files) => roleOf(h, file, files),
    pagesFor: (file, data, _files, now) => pagesFor(h, file, data, now),
    resourceUrl: (file, files, pageOf) => resourceUrl(h, file, files, pageOf),
    derivedPages: (pages, terms) => derivedPages(h, pages, terms),
    termsOf: (data) => termsOf(h, data),
    termKey: (_t, term) => termKey(h, term),
    refCandidates: (ref) => refCandidates(h, ref),
  };
}
