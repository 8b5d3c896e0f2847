/** Sites for New Post tests: real Hugo detection through createPostcraft, or a stand-in model per generator. */
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import type { Site } from '../../../src/core/service';
import { createFolderModel } from '../../../src/core/generators/folder';
import { SiteIndex } from '../../../src/core/site/index';
import type { GeneratorId } from '../../../src/core/site/model';
import type { NewPostEnvironment } from '../../../src/core/newpost/plan';

/** 2026-01-15T12:00Z seen from -07:00: 05:00 local, the same day. */
export const ENV: NewPostEnvironment = { now: fixedClock().now(), offsetMinutes: -420 };

export async function hugoSite(tree: Record<string, string>) {
  const fs = new MemoryFs('/site', { 'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Test Blog"\n', ...tree });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  return { fs, engine, site: engine.sites[0] };
}

/**
 * A site of another generator. Their models are written elsewhere; New Post only needs the
 * generator id, the content folders and the index, so the plain-folder model stands in.
 */
export async function siteOf(generator: GeneratorId, tree: Record<string, string>, contentDirs: string[] = ['']) {
  const fs = new MemoryFs('/site', tree);
  const base = createFolderModel('/site');
  const model = { ...base, summary: { ...base.summary, generator, contentDirs }, contentDirs };
  const index = new SiteIndex('/site', model, fs, { clock: fixedClock() });
  await index.crawl();
  const site: Site = { root: '/site', model, index };
  return { fs, site };
}

export const post = (fm: string, body = 'Text.\n') => `---\n${fm}\n---\n\n${body}`;
