/**
 * Hugo: which content file becomes which page at which URL. The rules and the places they were
 * checked against the real Hugo are listed in shared/docs/site-generator-semantics.md; the
 * conformance suite (test/conformance) builds fixture sites with `hugo` and compares.
 *
 * This file assembles the model; the rules are in content.ts (locations, index files, roles),
 * bundles.ts (resources), status.ts (publish status, cascade), permalinks.ts (URL paths), pages.ts
 * (the page of a content file), aliases.ts (aliases, output formats) and derivedPages.ts (home,
 * sections, taxonomies, terms, feeds, redirects).
 */
import { HUGO_FRONT_MATTER } from './frontMatterRules';
import { readHugoTemplateFacts } from './templateFacts';
import { readHugoShortcodes, shortcodeSources } from './shortcodeCatalogue';
import type { HugoTheme } from './themes';
import type { HugoVersionRange } from './hugoVersion';
import { hugoAuthoring } from './authoring';
import { posix } from '../../posix';
import type { GeneratorModel, StaticDir } from '../../site/generator';
import type { LinkSemantics, SiteIssue } from '../../site/model';
import type { HugoConfig } from './config';
import { hugoDialect } from './dialect';
import { hugoSite } from './context';
import { copiedAsIs, isContentDocument, refCandidates, roleOf } from './content';
import { resourceOwner, resourceUrl, resourceUrls } from './bundles';
import { pagesFor } from './pages';
import { derivedPages, termKey, termsOf } from './derivedPages';
import { hugoPublishing } from './publishing';

export interface HugoModelInit {
  readonly root: string;
  readonly config: HugoConfig;
  readonly configFile?: string;
  readonly configFiles: readonly string[];
  readonly issues: readonly SiteIssue[];
  /** Where a link render hook was found ('site', 'theme'), if any. */
  readonly linkHook?: 'site' | 'theme';
  /** A user setting that overrides detection. */
  readonly linkSemanticsOverride?: LinkSemantics;
  /** Site-relative `data/authors.<ext>` when the site keeps its author records in one file. */
  readonly authorsFile?: string;
  /** Themes and modules in Hugo's order, found on disk or not (themes.ts). */
  readonly themes: readonly HugoTheme[];
  /** The Hugo versions the site says it is built with (its built-in shortcodes depend on it). */
  readonly hugoVersion?: HugoVersionRange;
}

export function createHugoModel(init: HugoModelInit): GeneratorModel {
  const c = init.config;
  const h = hugoSite(c);
  const { themes } = init;
  const { basePath } = h;
  const linkSemantics: LinkSemantics =
    init.linkSemanticsOverride ??
    (init.linkHook || c.embeddedLinkHook === 'always' || c.embeddedLinkHook === 'fallback' || (c.embeddedLinkHook === 'auto' && h.multilingual) ? 'content-path' : 'url');
  return {
    summary: {
      root: init.root,
      generator: 'hugo',
      configFile: init.configFile,
      title: c.title,
      baseURL: c.baseURL,
      basePath,
      rootLinksAtBase: c.rootLinksAtBase,
      linkSemantics,
      contentDirs: h.contentDirs.map((d) => d.dir),
    },
    dialect: hugoDialect(c),
    taxonomies: c.taxonomies,
    authoring: hugoAuthoring(init.root, c, h.contentDirs.map((d) => d.dir), c.taxonomies, themes),
    readTemplateFacts: (fs) => readHugoTemplateFacts(fs, init.root, c, themes),
    readTemplateCatalogue: (fs) => readHugoShortcodes(fs, init.root, c, themes, init.hugoVersion),
    templateDirs: shortcodeSources(c, themes).sources.map((s) => s.dir),
    contentRefs: true,
    frontMatterRules: HUGO_FRONT_MATTER,
    issues: init.issues,
    contentDirs: h.contentDirs.map((d) => d.dir),
    staticDirs: [
      ...c.staticDirs.map((dir): StaticDir => ({ dir, urlPrefix: basePath })),
      ...c.themes.map((t): StaticDir => ({ dir: `${c.themesDir}/${t}/static`, urlPrefix: basePath })),
    ],
    authorSources: [{ path: `${c.dataDir}/authors`, shape: 'file-per-author' }, ...(init.authorsFile ? [{ path: init.authorsFile, shape: 'map' as const }] : [])],
    ignoreDirs: ['node_modules', '.git', '.hugo_build.lock'],
    // Hugo's output and resource cache at the site's root; a content folder named `resources` is content.
    ignoreRootDirs: [rootDir(c.raw['publishdir'], 'public'), rootDir(c.raw['resourcedir'], 'resources'), '_site'],
    watchFiles: [...init.configFiles.map((f) => posix.relative(init.root, f)), ...(init.authorsFile ? [init.authorsFile] : [])],
    isContentDocument: (file) => isContentDocument(h, file),
    roleOf: (file, files) => roleOf(h, file, files),
    pagesFor: (file, data, files, now) => pagesFor(h, file, data, files, now),
    copiedDocumentUrls: (file, data, _now, files, pageOf) => (copiedAsIs(file, data) ? resourceUrls(h, file, files, pageOf) : []),
    resourceUrl: (file, files, pageOf) => resourceUrl(h, file, files, pageOf),
    resourceUrls: (file, files, pageOf) => resourceUrls(h, file, files, pageOf),
    resourceOwner: (file, files) => resourceOwner(h, file, files),
    derivedPages: (pages, terms) => derivedPages(h, pages, terms),
    termsOf: (data) => termsOf(h, data),
    termKey: (_taxonomy, term) => termKey(h, term),
    refCandidates: (ref, fromFile) => refCandidates(h, ref, fromFile),
    publishing: hugoPublishing(h),
  };
}

/** A folder setting as a site-relative path ('' or an absolute path outside the site: the default). */
function rootDir(v: unknown, fallback: string): string {
  if (typeof v !== 'string') return fallback;
  const d = posix.normalize(v.replace(/\\/g, '/')).replace(/^\.\/+/, '').replace(/\/+$/, '');
  return d && d !== '.' && !d.startsWith('/') && !d.startsWith('..') ? d : fallback;
}
