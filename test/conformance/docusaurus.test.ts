/**
 * Docusaurus: fixture sites built by the real @docusaurus/core with the classic preset (blog, docs,
 * pages). Builds take ~30 s each (webpack): one per fixture.
 */
import { describeNpmGenerator } from './helpers/npmSuite';

describeNpmGenerator('docusaurus', 'Docusaurus', [
  { dir: 'test/fixtures/docusaurus-blog', minLinks: 40 },
  { dir: 'test/fixtures/docusaurus-subpath', minLinks: 20 },
]);
