/** Sites for the image planner's tests, and the proof that a planned link works: our own checker accepts it. */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft } from '../../../src/core/service';
import type { ImagePlan } from '../../../src/core/images/plan';

/** The smallest PNG signature: enough for the planner's check of the bytes. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

export async function siteWith(tree: Record<string, string | Uint8Array>) {
  const fs = new MemoryFs('/site', tree);
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  return { fs, engine };
}

/** Writes the planned file, appends the planned Markdown to the post, and asserts the checker finds nothing new. */
export async function assertLinkWorks(fs: MemoryFs, engine: Postcraft, post: string, plan: ImagePlan): Promise<void> {
  const abs = '/site/' + post;
  const text = new TextDecoder().decode(await fs.readFile(abs));
  const withLink = text + '\n' + plan.markdown + '\n';
  const before = (await engine.checkDocument(abs, withLink)).filter((d) => d.code.startsWith('link.'));
  assert.ok(before.length > 0, `without the file, ${plan.markdown} should be reported (the test must be able to fail)`);
  fs.write(plan.path, PNG);
  await engine.fileCreated(plan.path);
  engine.documentChanged(abs, withLink);
  const after = (await engine.checkDocument(abs, withLink)).filter((d) => d.code.startsWith('link.') || d.code.startsWith('frontmatter.'));
  assert.deepEqual(after.map((d) => `${d.code}: ${d.message}`), [], `${plan.markdown} in ${post}`);
}
