/**
 * The tables features build from a site's index are fields of the site (`site.caches`), not module
 * globals: each site has its own, a reload or dispose() lets go of them, and a table that depends on
 * the site's template facts is kept per set of facts.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Site } from '../../../src/core/service';
import { idsOf } from '../../../src/core/links/fragments';
import type { CheckContext } from '../../../src/core/links/problems';
import type { SiteExtras } from '../../../src/core/links/resolve';

const TREE = {
  'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n',
  'layouts/shortcodes/anchor.html': '<span id="{{ .Get 0 }}"></span>\n',
  'content/posts/a.md': '---\ntitle: A\ntags: [baking, Baking]\n---\n\n## Start\n\n{{< anchor "made-here" >}}\n\n[b](../b/#nope) [typo](../bb/) {{< relref "c.md" >}}\n',
  'content/posts/b.md': '---\ntitle: B\ntags: [bread]\n---\n\n## End\n',
};

async function engineOf() {
  const fs = new MemoryFs('/site', TREE);
  return createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
}

function contextOf(site: Site, file: string, extras: SiteExtras): CheckContext {
  const doc = site.index.document(file)!;
  return { site, file, page: doc.pages[0], doc, includeDrafts: false, extras, semantics: site.model.summary.linkSemantics, deps: new Set() };
}

/** Fills the site's tables the way the editor does: a check, front-matter completion, link completion. */
async function use(engine: Awaited<ReturnType<typeof engineOf>>): Promise<void> {
  const site = engine.sites[0];
  await engine.checkSite(site);
  const text = '---\ntitle: New\ntags: [\n---\n';
  engine.frontMatter.complete(site, 'content/posts/new.md', text, text.indexOf('[') + 1);
  const link = '---\ntitle: New\n---\n[x](/posts/';
  engine.authoring.completeLinks(site, 'content/posts/new.md', link, link.length);
}

describe('per-site caches', () => {
  it('a page’s ids are kept per set of shortcode facts: ids made without them never answer a check that has them', async () => {
    const engine = await engineOf();
    const site = engine.sites[0];
    const extras = await site.links.extras();
    assert.ok(extras.shortcodeIds?.get('anchor'), 'the template facts were read');
    // Navigation resolves links without the template facts; a check has them.
    const without = idsOf(contextOf(site, 'content/posts/a.md', { layoutIds: new Set(), headingHook: false }), site.index.document('content/posts/a.md')!);
    const withFacts = idsOf(contextOf(site, 'content/posts/a.md', extras), site.index.document('content/posts/a.md')!);
    assert.deepEqual([...without].sort(), ['start']);
    assert.deepEqual([...withFacts].sort(), ['made-here', 'start']);
    assert.equal(idsOf(contextOf(site, 'content/posts/a.md', extras), site.index.document('content/posts/a.md')!), withFacts, 'kept');
  });

  it('each site has its own tables, and dispose() lets go of them', async () => {
    const engine = await engineOf();
    const other = await engineOf();
    await use(engine);
    const site = engine.sites[0];
    const caches = site.caches;
    assert.notEqual(caches, other.sites[0].caches);
    assert.ok(caches.frontMatterStats, 'front-matter table');
    assert.ok(caches.termKeys.size > 0, 'term keys');
    assert.ok(caches.urlCandidates, 'URL suggestions (the check met a broken link)');
    assert.ok(caches.refIndexes, 'ref lookup');
    assert.ok(caches.fragmentIds.size > 0, 'page ids');
    assert.equal(other.sites[0].caches.frontMatterStats, undefined, 'the other engine built nothing');
    engine.dispose();
    assert.equal(engine.sites.length, 0);
    assert.equal(caches.frontMatterStats, undefined);
    assert.equal(caches.termKeys.size, 0);
    assert.equal(caches.urlCandidates, undefined);
    assert.equal(caches.refIndexes, undefined);
    assert.equal(caches.fragmentIds.size, 0);
  });

  it('a reloaded site starts with empty tables and answers the same', async () => {
    const engine = await engineOf();
    await use(engine);
    const before = engine.sites[0];
    const findings = await engine.checkSite(before);
    await engine.reloadSite('/site');
    const after = engine.sites[0];
    assert.notEqual(after, before);
    assert.equal(before.caches.frontMatterStats, undefined, 'the old site’s tables are gone');
    assert.equal(after.caches.frontMatterStats, undefined);
    assert.deepEqual(await engine.checkSite(after), findings);
  });
});
