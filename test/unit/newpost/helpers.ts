/** Sites for New Post tests: real Hugo detection through createPostcraft, or a stand-in model per generator. */
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, newSite } from '../../../src/core/service';
import type { Site } from '../../../src/core/service';
import { createFolderModel } from '../../../src/core/generators/folder';
import { SiteIndex } from '../../../src/core/site/index';
import { detectSiteAt } from '../../../src/core/site/detect';
import type { GeneratorId } from '../../../src/core/site/model';
import type { NewPostEnvironment } from '../../../src/core/newpost/plan';

/** 2026-01-15T12:00Z seen from -07:00: 05:00 local, the same day. */
export const ENV: NewPostEnvironment = { now: fixedClock().now(), offsetMinutes: -420 };

export async function hugoSite(tree: Record<string, string>) {
  const fs = new MemoryFs('/site', { 'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Test Blog"\n', ...tree });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  return { fs, engine, site: engine.sites[0] };
}

/** The smallest configuration each generator is detected by (its authoring facts come from its model). */
const CONFIG: Partial<Record<GeneratorId, Record<string, string>>> = {
  jekyll: { '_config.yml': 'title: T\n' },
  hexo: { '_config.yml': 'title: x\n', 'package.json': '{"dependencies":{"hexo":"^7.0.0"}}', 'source/.keep': '' },
  docusaurus: { 'docusaurus.config.js': 'module.exports = { title: "T" };\n' },
  astro: { 'astro.config.mjs': 'export default {};\n' },
  eleventy: { 'eleventy.config.js': 'module.exports = {};\n' },
};

/**
 * A site of another generator: the plain-folder index with the given content folders, and the real
 * generator's authoring facts (where New Post puts a post), read from its model.
 */
export async function siteOf(generator: GeneratorId, tree: Record<string, string>, contentDirs: string[] = ['']) {
  const fs = new MemoryFs('/site', tree);
  const base = createFolderModel('/site');
  const real = CONFIG[generator] ? await detectSiteAt(new MemoryFs('/site', { ...CONFIG[generator], ...tree }), '/site') : undefined;
  if (CONFIG[generator] && real?.summary.generator !== generator) throw new Error(`no ${generator} site detected from ${JSON.stringify(CONFIG[generator])}`);
  const model = { ...base, summary: { ...base.summary, generator, contentDirs }, contentDirs, authoring: real?.authoring ?? base.authoring };
  const index = new SiteIndex('/site', model, fs, { clock: fixedClock() });
  await index.crawl();
  const site: Site = newSite(model, index, fs);
  return { fs, site };
}

export const post = (fm: string, body = 'Text.\n') => `---\n${fm}\n---\n\n${body}`;
