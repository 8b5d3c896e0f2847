/**
 * Astro: fixture sites built by the real astro (5.x, the last major to run on Node 20) with a
 * content collection, a `[...slug].astro` route and Markdown pages.
 */
import { describeNpmGenerator } from './helpers/npmSuite';

describeNpmGenerator('astro', 'Astro', [{ dir: 'test/fixtures/astro-blog', minLinks: 25 }]);
