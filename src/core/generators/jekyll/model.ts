/**
 * Jekyll: which file becomes which page at which URL (Jekyll 4). Pinned to the real jekyll 4.3.1 by
 * test/conformance/jekyll-urls.test.ts (fixtures test/fixtures/jekyll-*), which compares every
 * source file's URL and every written file with this model.
 *
 * This file assembles the model; the rules are in context.ts (the config's derived facts, path
 * helpers), place.ts (what kind of source a file is), pages.ts (the page of a file), documents.ts
 * (posts' and collection documents' URLs and status), staticFiles.ts (files copied as they are),
 * terms.ts (categories and tags), derivedPages.ts (plugins' pages), refs.ts (`post_url`, `link`), and
 * for GitHub Pages' default plugins githubPages.ts (which are on), pluginPages.ts (Markdown without
 * front matter, READMEs) and relativeLinks.ts (`[x](other.md)`).
 */
import { readJekyllTemplateFacts } from './templateFacts';
import { posix } from '../../posix';
import { jekyllFrontMatter } from './frontMatterRules';
import { BASIC_FRONT_MATTER, type GeneratorModel } from '../../site/generator';
import type { MarkdownDialect } from '../../markdown/dialect';
import type { LiquidSite } from '../../markdown/liquid';
import { jekyllLiquidContent, type ContentMemo } from './liquidContent';
import type { SiteIssue } from '../../site/model';
import type { JekyllConfig } from './config';
import { slugify } from './urls';
import { jekyllSite } from './context';
import { copiedDocumentUrls, isContentDocument, pagesFor, readsDate, roleOf, uncertainUrls } from './pages';
import { jekyllPublishing } from './publishing';
import { relativeLink } from './relativeLinks';
import { openingHeading } from './titlesFromHeadings';
import { WORKFLOWS_DIR } from './githubPages';
import { resourceUrl } from './staticFiles';
import { termsOf } from './terms';
import { derivedPages } from './derivedPages';
import { refCandidates } from './refs';
import { readJekyllIncludes } from './includes';

export interface JekyllModelInit {
  readonly root: string;
  readonly config: JekyllConfig;
  readonly configFile?: string;
  readonly issues: readonly SiteIssue[];
  /** Site-relative author data file, when one exists (`_data/authors.yml`). */
  readonly authorsFile?: string;
  readonly dialect: MarkdownDialect;
  readonly liquid?: LiquidSite;
}

export function createJekyllModel(init: JekyllModelInit): GeneratorModel {
  const c = init.config;
  const j = jekyllSite(c);
  const basePath = j.basePath;
  const reads = (file: string): boolean => readsDate(j, file);
  return {
    summary: {
      root: init.root,
      generator: 'jekyll',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.url !== undefined ? c.url.replace(/\/+$/, '') + basePath + '/' : undefined,
      basePath,
      htmlExtensionOptional: true,
      linkSemantics: 'url',
      contentDirs: [''],
    },
    dialect: init.dialect,
    authoring: {
      linkForms: ['post_url'],
      aliasesOnMove: false,
      // Files in `_posts` are not copied (only posts are read there): images live in assets.
      images: { defaultFolder: 'assets/images', beside: 'never' },
      newPost: { sectionBase: '', sections: false, firstLevelSections: false, defaultFolder: '_posts', draftsFolder: '_drafts', datedNames: true, bundles: false, defaults: { ...BASIC_FRONT_MATTER, dateStyle: 'space-offset' } },
    },
    liquid: init.liquid,
    liquidContent: init.liquid ? (docs, now, memo) => jekyllLiquidContent(j, docs, now, memo as ContentMemo) : undefined,
    readTemplateCatalogue: (fs) => readJekyllIncludes(fs, init.root, c),
    readTemplateFacts: (fs) => readJekyllTemplateFacts(fs, init.root, c),
    templateDirs: [c.includesDir],
    watchDirs: [c.dataDir, WORKFLOWS_DIR],
    taxonomies: [
      { singular: 'category', plural: 'categories' },
      { singular: 'tag', plural: 'tags' },
    ],
    issues: init.issues,
    contentDirs: [''],
    staticDirs: [],
    ignoreDirs: ['_site', '.jekyll-cache', '.sass-cache', '.jekyll-metadata', 'vendor', 'node_modules', '.git', '.bundle', '_layouts', '_includes', '_sass', c.dataDir],
    // The Gemfile says who builds the site (and so which GitHub Pages plugins are on), present or not.
    watchFiles: [init.configFile ? posix.relative(init.root, init.configFile) : '_config.yml', 'Gemfile', 'gems.rb', ...(init.authorsFile ? [init.authorsFile] : [])],
    authorSources: init.authorsFile ? [{ path: init.authorsFile, shape: 'map' }] : [],
    isContentDocument: (file) => isContentDocument(j, file),
    roleOf: (file) => roleOf(j, file),
    readsDate: reads,
    frontMatterRules: jekyllFrontMatter(reads),
    pagesFor: (file, rawData, files, now) => pagesFor(j, file, rawData, files, now),
    resourceUrl: (file) => resourceUrl(j, file),
    copiedDocumentUrls: (file, data, now, files) => copiedDocumentUrls(j, file, data, files, now),
    uncertainUrls: c.pagesPlugins.optionalFrontMatter.state === 'maybe' || c.pagesPlugins.readmeIndex.state === 'maybe' ? (file, data, files) => uncertainUrls(j, file, data, files) : undefined,
    relativeLink: c.pagesPlugins.relativeLinks.state === 'off' ? undefined : (from, path, files) => relativeLink(j, from, path, files),
    openingHeading: c.pagesPlugins.titlesFromHeadings.state === 'off' ? undefined : (file, data) => openingHeading(j, file, data),
    derivedPages: (pages, terms) => derivedPages(j, pages, terms),
    termsOf,
    termKey: (_taxonomy, term) => slugify(term),
    publishing: jekyllPublishing(j),
    refCandidates: (ref) => refCandidates(j, ref),
  };
}
