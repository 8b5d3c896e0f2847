/**
 * Links a Jekyll page prints by looping over the site's documents (`{% for tag in site.tags %}`,
 * `{% for post in site.posts %}`). The index analyses each document alone — on a worker, cached by its
 * text — where `site.posts` is unknown and such a loop prints the unknown marker (its links unjudged).
 * A check of a page that names one of those values renders it again with the values the generator
 * makes of the index's documents, and judges the links that gives.
 */
import type { Site } from '../service';
import type { DocumentBody } from '../site/model';
import type { LiquidSite } from '../markdown/liquid';
import type { ExtractedLink } from './types';
import { analyzeDocument } from '../markdown/analyze';
import { NO_FRONT_MATTER } from '../site/generator';

/** The dependency key of a page rendered with the site's documents: any content change may change it. */
export const CONTENT_KEY = 'site:content';

function contentVars(site: Site): LiquidSite | undefined {
  const { model, index, caches } = site;
  if (!model.liquid || !model.liquidContent) return undefined;
  const cached = caches.liquidContent;
  if (cached && cached.version === index.version) return cached.vars;
  const docs = [...index.documents.values()].map((d) => ({ file: d.file, data: d.frontMatter?.data ?? NO_FRONT_MATTER, pages: d.pages }));
  const vars: LiquidSite = { ...model.liquid, site: { ...model.liquid.site, ...model.liquidContent(docs, index.now(), caches.liquidEntries) } };
  caches.liquidContent = { version: index.version, vars };
  return vars;
}

/** The links of `body` (the analysis of `text`), with those the site's documents decide when it names them. */
export function linksWithContent(site: Site, file: string, text: string, body: DocumentBody): { links: readonly ExtractedLink[]; usesContent: boolean } {
  if (!body.liquidContent) return { links: body.links, usesContent: false };
  const vars = contentVars(site);
  if (!vars) return { links: body.links, usesContent: false };
  const version = site.index.version;
  const hit = site.caches.contentLinks.get(file);
  if (hit && hit.version === version && hit.text === text) return { links: hit.links, usesContent: true };
  const links = analyzeDocument(text, { ...site.index.analyzeOptions(file), liquid: vars }).links;
  site.caches.contentLinks.set(file, { version, text, links });
  return { links, usesContent: true };
}
