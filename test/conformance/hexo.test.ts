/**
 * Hexo: fixture sites built by the real hexo with the plugins `hexo init` installs (generators for
 * the index, archives, tags and categories; the ejs and marked renderers) and a one-file stub theme.
 */
import { describeNpmGenerator } from './helpers/npmSuite';

// Hexo formats post dates in the machine's time zone: pinned, so a build is the same everywhere.
const env = { TZ: 'UTC' };

describeNpmGenerator('hexo', 'Hexo', [
  { dir: 'test/fixtures/hexo-urls', env, minLinks: 25 },
  { dir: 'test/fixtures/hexo-permalinks', env, minLinks: 20 },
]);
