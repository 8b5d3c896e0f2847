/**
 * Eleventy: fixture sites built by the real @11ty/eleventy (test/generators); our URL table and link
 * verdicts must equal what it wrote.
 */
import { describeNpmGenerator } from './helpers/npmSuite';

describeNpmGenerator('eleventy', 'Eleventy', [
  { dir: 'test/fixtures/eleventy-urls', minLinks: 40 },
  // Heading ids come from IdAttributePlugin (@sindresorhus/slugify over the whole page), a rule we do
  // not model: fragments into headings are not judged, so only working ones are in the fixture.
  { dir: 'test/fixtures/eleventy-ids', minLinks: 15 },
]);
