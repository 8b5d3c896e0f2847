/**
 * The shape every npm-generator conformance suite shares: each fixture is built once by the real
 * generator (in a temp folder), indexed and checked once, and then judged twice — its URLs in both
 * directions, and its marked links one by one.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildWithNpmGenerator, npmGeneratorVersion, requireNpmGenerator, type NpmBuild, type NpmGenerator } from './npmGenerators';
import { checkedSite, compareOutput, compareVerdicts, verbose, type Checked } from './siteCompare';
import type { BuiltOutput } from './verdicts';

const REPO = path.resolve(__dirname, '../../..');

export interface NpmFixture {
  /** Folder under the repository root (`test/fixtures/eleventy-urls`). */
  readonly dir: string;
  /** Extra environment for the build. */
  readonly env?: Record<string, string>;
  /** How the output is served (`/x` by `x.html` on most static hosts). */
  readonly htmlFallback?: boolean;
  /** Output pages that are no content of the site and that our model does not list, with why. */
  readonly ignoreBuilt?: (url: string) => boolean;
  /** Fewest marked links the fixture must have judged (so a broken marker scan cannot pass). */
  readonly minLinks?: number;
  /** More assertions on the built site. */
  readonly extra?: (ctx: { build: NpmBuild; checked: Checked; out: BuiltOutput }) => void;
}

export function describeNpmGenerator(g: NpmGenerator, title: string, fixtures: readonly NpmFixture[]): void {
  describe(`${title} conformance: our model against the real ${g} build`, function () {
    this.timeout(600_000);

    for (const fx of fixtures) {
      describe(fx.dir, function () {
        let build: NpmBuild | undefined;
        let checked: Checked;
        let out: BuiltOutput;

        before(async function () {
          requireNpmGenerator(this, g);
          build = buildWithNpmGenerator(g, path.join(REPO, fx.dir), fx.env);
          assert.equal(build.status, 0, `${npmGeneratorVersion(g)} failed on ${fx.dir}:\n${build.log}`);
          checked = await checkedSite(build.siteDir);
          out = { outDir: build.outDir, basePath: checked.site.model.summary.basePath, host: 'blog.example.com', htmlFallback: fx.htmlFallback };
          // One line per build, always: the level's time is mostly these builds.
          console.log(`      (${npmGeneratorVersion(g)}: built ${fx.dir} in ${build.seconds.toFixed(1)}s)`);
          verbose(build.log);
        });

        after(() => build?.cleanup());

        it('every URL we publish is in the build, every page built is in our model', () => {
          const r = compareOutput(checked.site, out, fx.ignoreBuilt);
          verbose(r.pages);
          assert.deepEqual(r.problems, []);
        });

        it('every marked link: our verdict is the build’s', () => {
          const r = compareVerdicts(checked, out);
          verbose(r.checked);
          assert.ok(r.checked.length >= (fx.minLinks ?? 3), `judged ${r.checked.length} links`);
          assert.deepEqual(r.problems, []);
        });

        if (fx.extra) it('fixture-specific facts of the build', () => fx.extra!({ build: build!, checked, out }));
      });
    }
  });
}
