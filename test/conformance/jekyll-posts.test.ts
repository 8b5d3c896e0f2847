/**
 * `postcraft posts` on Jekyll sites against the real `jekyll build`: a post is written exactly when
 * every rule our model says holds it back is switched off by the build's option — `_drafts/` by
 * `--drafts`, `published: false` (its own or from the config's defaults) by `--unpublished`, a date
 * after now by `--future`. Each fixture is built four times (no option, then each one alone), so a
 * rule we attribute wrongly (or miss) shows as a post Jekyll writes or leaves out against our word.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildWithJekyll, requireJekyll } from './helpers/jekyll';
import { runCli } from '../../src/cli/main';

const repo = path.resolve(__dirname, '../..');

interface JsonPost {
  readonly file: string;
  readonly status: string;
  readonly heldBy: readonly { rule: string; overridden: boolean }[];
}

/** The build option that lifts each of our rules. */
const OPTION: Record<string, string> = { 'drafts-folder': '--drafts', draft: '--unpublished', future: '--future' };

async function ourPosts(siteDir: string): Promise<JsonPost[]> {
  let out = '';
  let err = '';
  const code = await runCli(['posts', siteDir, '--format', 'json'], { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: repo });
  assert.equal(code, 0, err);
  return (JSON.parse(out) as { posts: JsonPost[] }).posts;
}

describe('Jekyll conformance: postcraft posts statuses equal what jekyll build writes (--drafts, --unpublished, --future)', function () {
  this.timeout(180_000);
  before(function () {
    requireJekyll(this);
  });

  for (const name of ['jekyll-date', 'jekyll-custom']) {
    it(`${name}: with no option and with each option alone`, async () => {
      const fixture = path.join(repo, 'test/fixtures', name);
      const posts = await ourPosts(fixture);
      const rules = new Set(posts.flatMap((p) => p.heldBy.filter((h) => !h.overridden).map((h) => h.rule)));
      const problems: string[] = [];
      for (const option of [undefined, ...Object.values(OPTION)]) {
        const build = buildWithJekyll(fixture, option ? [option] : []);
        try {
          assert.equal(build.status, 0, build.log);
          const written = new Set(build.list.filter((e) => e.write).map((e) => e.path));
          for (const p of posts) {
            const held = p.heldBy.filter((h) => !h.overridden && OPTION[h.rule] !== option);
            const ours = held.length === 0;
            if (ours !== written.has(p.file)) problems.push(`${p.file} with ${option ?? 'no option'}: jekyll ${written.has(p.file) ? 'writes' : 'does not write'} it; ours: ${p.status}, held by ${JSON.stringify(p.heldBy)}`);
          }
        } finally {
          build.cleanup();
        }
      }
      assert.deepEqual(problems, []);
      // The fixtures must exercise the rules, or the comparison proves little.
      assert.ok(rules.size >= (name === 'jekyll-date' ? 2 : 1), `${name}: rules seen ${[...rules].join(', ')}`);
    });
  }
});
