/**
 * Every generator, in detection order: the first that recognises a folder wins (Hexo before Jekyll:
 * both use `_config.yml`). Adding a generator is a folder under src/core/generators/ and a line here.
 * A folder no generator recognises is served as plain Markdown files (`plainFolder`).
 */
import type { Generator } from './generator';
import { hugoGenerator } from './hugo/load';
import { docusaurusGenerator } from './docusaurus/load';
import { astroGenerator } from './astro/load';
import { eleventyGenerator } from './eleventy/load';
import { hexoGenerator } from './hexo/load';
import { jekyllGenerator } from './jekyll/load';

export { plainFolder } from './folder';

export const GENERATORS: readonly Generator[] = [hugoGenerator, docusaurusGenerator, astroGenerator, eleventyGenerator, hexoGenerator, jekyllGenerator];
