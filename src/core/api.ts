/**
 * The engine's features, as the hosts (the VS Code extension, the CLI) see them: one frozen object per
 * feature, composed by the engine with its dependencies. The adapters use these and the types below,
 * nothing else of the core.
 */
import type { Postcraft, Site } from './service';
import { completeFrontMatterList } from './frontmatter/completion';
import { hoverFrontMatter } from './frontmatter/hover';
import { frontMatterStats } from './frontmatter/siteStats';
import { postTitle, taxonomyFields, taxonomyValues } from './frontmatter/taxonomy';
import { fixesFor, refactorsAt } from './links/fixes';
import { linkGraph, setLinkOptions, type LinkOptions } from './links/diagnostics';
import { keysForFile } from './links/graph';
import { CONTENT_KEY } from './links/liquidContent';
import { explainLink } from './authoring/explain';
import { completeLinks } from './authoring/completion';
import { linkAt, referencesTo, targetOf } from './authoring/targets';
import { describeTarget } from './authoring/describe';
import { planPostMove, planUrlChange } from './authoring/relink';
import { headingAt, planHeadingRename } from './authoring/headingRename';
import { planNewPost, planNewPostIn } from './newpost/plan';
import { newPostChoices } from './newpost/choices';
import { validateTitle } from './newpost/request';
import { slugify } from './newpost/slug';
import { prepareSite, renderInSite, renderInSiteElsewhere, newRenderMemory } from './render/site';
import { renderPost } from './render/render';
import { verdictFor } from './render/linkVerdicts';
import { standalonePage } from './render/page';
import { escapeHtml } from './render/html';
import { PREVIEW_CSS } from './render/styles';
import { COMMONMARK_GFM } from './markdown/dialect';
import { detectSiteAt, generatorName } from './site/detect';
import { splitFrontMatter } from './frontmatter/parse';
import { effectiveHolds, listPosts, postOfFile, type PostEntry } from './publishing/posts';
import { groupPosts } from './publishing/groups';
import { listPostsCached, newPostCache } from './publishing/postCache';
import { explainKey, explainPost } from './publishing/explain';
import { planPublish, type PublishAction } from './publishing/publishEdits';
import { humanDate, parseWhen, relativeTime, rfc3339, wallClock } from './publishing/when';
import { zoneOffsetAt } from './localTime';
import { filesUsing, planTaxonomyRename } from './authoring/taxonomyRename';
import { completeTemplates } from './shortcodes/completion';
import { hoverTemplate, templateDefinition } from './shortcodes/navigation';
import { listTemplates } from './shortcodes/list';
import { cleanImageName, linkExisting, planImage } from './images/plan';
import { imageExtension, isImageName, sniffImage } from './images/kind';
import { completeImagePaths, imageAt } from './images/navigation';
import { planBundleConversion, type BundleRequest } from './images/bundle';

export type { FrontMatterCompletion } from './frontmatter/completion';
export type { LinkEdit } from './links/fixes';
export type { LinkOptions } from './links/diagnostics';
export type { LinkCompletion } from './authoring/completion';
export type { LinkStyleSetting } from './authoring/linkStyle';
export type { LinkTarget } from './authoring/targets';
export type { FileTextEdit, RelinkPlan } from './authoring/relink';
export type { NewPostEnvironment, NewPostPlan, NewPostResult } from './newpost/plan';
export type { NewPostRequest } from './newpost/request';
export type { NewPostChoices } from './newpost/choices';
export type { RenderMemory } from './render/site';
export type { DocumentBody, IndexedDocument } from './site/index';
export type { DocumentAnalysis } from './markdown/analyze';
export type { PostEntry } from './publishing/posts';
export type { PostGroups } from './publishing/groups';
export type { PostExplanation } from './publishing/explain';
export type { PublishAction, PublishPlan } from './publishing/publishEdits';
export type { Hold, ReadDate, PublishState } from './site/publishing';
export type { TaxonomyRenamePlan, TaxonomyRenameRequest, LineChange } from './authoring/taxonomyRename';
export type { TaxonomyField, TaxonomyValue } from './frontmatter/taxonomy';
export type { TemplateCompletion, TemplateCompletionResult } from './shortcodes/completion';
export type { TemplateList, ListedTemplate } from './shortcodes/list';
export type { ImagePlan, ImagePlanResult, ImageRequest } from './images/plan';
export type { ImageAt, ImagePathCompletion } from './images/navigation';
export type { BundleConversion, BundleImage, BundleRequest, BundleResult } from './images/bundle';

/** Front matter: completion of keys and values, hovers, the site's taxonomies. */
export function frontMatterFeature() {
  return Object.freeze({
    complete: completeFrontMatterList,
    hover: hoverFrontMatter,
    stats: (site: Site) => frontMatterStats(site),
    taxonomyFields,
    taxonomyValues,
  });
}

/** Links: their options, who links to what, quick fixes and refactors, "why is this flagged?". */
export function linksFeature(engine: Postcraft) {
  return Object.freeze({
    setOptions: (o: LinkOptions) => setLinkOptions(engine, o),
    graph: linkGraph,
    keysForFile,
    fixesFor,
    refactorsAt: (site: Site, file: string, offset: number) => refactorsAt(engine, site, file, offset),
    explain: (site: Site, file: string, written: string, o?: { includeDrafts?: boolean }) => explainLink(engine, site, file, written, o),
  });
}

/** Writing links: completion, navigation, references, and the edits a move or a heading rename needs. */
export function authoringFeature() {
  return Object.freeze({ completeLinks, linkAt, targetOf, referencesTo, describeTarget, planPostMove, planUrlChange, headingAt, planHeadingRename, planTaxonomyRename, filesUsingTerm: filesUsing });
}

/** The front-matter keys "why isn't this live?" speaks about on a site: its draft key and date keys. */
function publishingKeys(site: Site): { draftKey: string; dateKeys: readonly string[] } {
  const r = site.model.publishing;
  return r ? { draftKey: r.draft.key, dateKeys: [r.dateKey, ...r.publishDateKeys, ...r.expiryDateKeys] } : { draftKey: 'draft', dateKeys: ['date'] };
}

/** Publishing: every post's status and why, in one sentence, and the edits that publish or hold a post back. */
export function publishingFeature(engine: Postcraft) {
  const now = () => engine.clock.now();
  const gen = (site: Site) => generatorName(site.model.summary.generator);
  return Object.freeze({
    /** Every post, its status worked out now. */
    posts: (site: Site) => listPostsCached(site, (site.caches.posts ??= newPostCache()), now()),
    postOf: (site: Site, file: string) => postOfFile(site, file, now()),
    groups: groupPosts,
    explain: (site: Site, post: PostEntry) => explainPost(gen(site), post, now()),
    /** What the generator reads from one key of a post, then the post's sentence. */
    explainKey: (site: Site, post: PostEntry, key: string) => explainKey(gen(site), post, key, now(), publishingKeys(site)),
    keys: publishingKeys,
    plan: (site: Site, file: string, text: string, action: PublishAction, offsetMinutes: number) => planPublish(site, file, text, action, { now: now(), offsetMinutes }),
    effectiveHolds,
    /** The IANA zone dates without an offset are read in (undefined: UTC, or the generator states none). */
    timeZone: (site: Site) => site.model.publishing?.timeZone,
    /** A time the writer typed, without an offset in the site's zone (else at `offsetMinutes`). */
    parseWhen: (site: Site, text: string, offsetMinutes: number) => parseWhen(text, site.model.publishing?.timeZone, offsetMinutes),
    wallClock: (site: Site, at: Date, offsetMinutes: number) => wallClock(at, site.model.publishing?.timeZone, offsetMinutes),
    /** A date shown in the site's time zone when it states one (else as the generator reads it): the Posts view's go-live times. */
    inSiteZone: <D extends { epoch: number; offset: number }>(site: Site, d: D): D => {
      const zone = site.model.publishing?.timeZone;
      return zone ? { ...d, offset: zoneOffsetAt(d.epoch, zone) } : d;
    },
    rfc3339,
    humanDate,
    relativeTime,
  });
}

/** Shortcodes and includes: completion, hover, Go to Definition, and the catalogue as a list. */
export function templatesFeature(engine: Postcraft) {
  return Object.freeze({
    complete: (site: Site, file: string, text: string, offset: number) => completeTemplates(engine, site, file, text, offset),
    hover: hoverTemplate,
    definition: templateDefinition,
    list: listTemplates,
  });
}

/** New Post: the choices a writer gets, and the plan of files to create. */
export function newPostFeature(engine: Postcraft) {
  return Object.freeze({
    choices: newPostChoices,
    plan: (request: Parameters<typeof planNewPost>[1], env: Parameters<typeof planNewPost>[2]) => planNewPost(engine, request, env),
    planIn: planNewPostIn,
    validateTitle,
    slugify,
  });
}

/** Images: where an image for a post goes and the Markdown that shows it (paste, drop, `postcraft image add`). */
export function imagesFeature(engine: Postcraft) {
  return Object.freeze({
    plan: (request: Parameters<typeof planImage>[1]) => planImage(engine, request),
    linkExisting: (post: string, image: string, alt?: string) => linkExisting(engine, post, image, alt),
    planBundle: (request: BundleRequest) => planBundleConversion(engine, request),
    cleanName: cleanImageName,
    isImageName,
    imageExtension,
    sniff: sniffImage,
    at: imageAt,
    completePaths: completeImagePaths,
  });
}

/** The preview and the CLI's render: a post as the site renders it. */
export function renderFeature(engine: Postcraft) {
  return Object.freeze({
    prepareSite: (site: Site) => prepareSite(engine, site),
    inSite: renderInSite,
    inSiteElsewhere: renderInSiteElsewhere,
    newMemory: newRenderMemory,
    /** A file outside any site: plain Markdown. */
    plain: (text: string, hooks: Parameters<typeof renderPost>[2]) => renderPost(text, { dialect: COMMONMARK_GFM }, hooks),
    verdictFor,
    standalonePage,
    escapeHtml,
    css: PREVIEW_CSS,
  });
}

/** Sites: finding one in a folder, naming its generator, reading a document's front matter. */
export const sitesFeature = Object.freeze({ detectAt: detectSiteAt, generatorName, splitFrontMatter });

// The same functions for hosts that call them directly, from this one module.
export { completeFrontMatterList, hoverFrontMatter, frontMatterStats, taxonomyFields, taxonomyValues, postTitle as postTitleOf };
export { fixesFor, refactorsAt, linkGraph, setLinkOptions, keysForFile, explainLink, CONTENT_KEY };
export { completeLinks, linkAt, targetOf, referencesTo, describeTarget, planPostMove, planUrlChange, headingAt, planHeadingRename };
export { planNewPost, planNewPostIn, newPostChoices, validateTitle, slugify };
export { prepareSite, renderInSite, renderInSiteElsewhere, newRenderMemory, renderPost, verdictFor, standalonePage, escapeHtml, PREVIEW_CSS, COMMONMARK_GFM };
export { detectSiteAt, generatorName, splitFrontMatter };
export { listPosts, postOfFile, groupPosts, explainPost, planPublish, rfc3339, humanDate, planTaxonomyRename, filesUsing };
export { completeTemplates, hoverTemplate, templateDefinition, listTemplates };

// What a host analysing documents elsewhere (a worker thread) runs there, and sends back.
export { analyzeDocument, type AnalyzeOptions, type PortableAnalysis } from './markdown/analyze';
export { renderFromTables, type RenderTables, type TableRender } from './render/tables';
export type { DocumentAnalyzer } from './site/index';
export { TimeSlicer } from './slicing';
