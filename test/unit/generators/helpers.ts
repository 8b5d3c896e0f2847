/** Builds an engine over an in-memory site (or an example folder on disk) for the generator tests. */
import { posix, resolve } from 'node:path';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Site } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import type { Page } from '../../../src/core/site/model';

export interface TestSite {
  readonly site: Site;
  /** The first page a file publishes. */
  page(file: string): Page | undefined;
  url(file: string): string | undefined;
  /** Every URL of the built site, sorted. */
  urls(): string[];
  /** Pages the generator makes itself, by URL. */
  generated(): string[];
}

function wrap(site: Site): TestSite {
  return {
    site,
    page: (f) => site.index.pagesOfFile(f)[0],
    url: (f) => site.index.pagesOfFile(f)[0]?.url,
    urls: () => [...site.index.urls().keys()].sort(),
    generated: () => site.index.allPages().filter((p) => !p.file).map((p) => p.url).sort(),
  };
}

export async function memorySite(tree: Record<string, string>, now = '2026-01-15T12:00:00Z'): Promise<TestSite> {
  const fs = new MemoryFs('/site', tree);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock(now) });
  return wrap(engine.sites[0]);
}

export async function exampleSite(name: string, now = '2026-01-15T12:00:00Z'): Promise<TestSite> {
  const root = resolve(__dirname, '../../../examples', name).split('\\').join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [posix.normalize(root)], clock: fixedClock(now) });
  return wrap(engine.sites[0]);
}
