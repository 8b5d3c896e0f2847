/**
 * Default severity of each front-matter code (the README's code table; users override them with
 * `postcraft.diagnostics.severity`). error/warning only where the generator refuses the front matter:
 * the build fails, or the page or a value is dropped. What it accepts but the site spells differently
 * elsewhere (types, near-duplicate terms, a key written twice) is info [verified with hugo 0.111 and
 * jekyll 4.3: test/conformance/frontmatter.test.ts].
 */
import type { Severity } from '../diagnostics';

export type FrontMatterCode =
  | 'frontmatter.syntax'
  | 'frontmatter.unclosed'
  | 'frontmatter.duplicate-key'
  | 'frontmatter.unknown-author'
  | 'frontmatter.near-duplicate'
  | 'frontmatter.invalid-date'
  | 'frontmatter.wrong-type'
  | 'frontmatter.image-not-found';

export const FRONTMATTER_SEVERITY: Readonly<Record<FrontMatterCode, Severity>> = {
  // Hugo fails the build; Jekyll builds the page without any of its front matter.
  'frontmatter.syntax': 'error',
  'frontmatter.unclosed': 'error',
  // YAML: Hugo and Jekyll keep the last value and build (in TOML a second key is a syntax error).
  'frontmatter.duplicate-key': 'info',
  // Hugo and Jekyll build without a record (Docusaurus does not: see unknownAuthorSeverity).
  'frontmatter.unknown-author': 'info',
  'frontmatter.near-duplicate': 'info',
  // Hugo drops a date it cannot read; Jekyll fails the build on a document's.
  'frontmatter.invalid-date': 'error',
  'frontmatter.wrong-type': 'info',
  // The page builds; the theme's card or social preview of it shows a broken image.
  'frontmatter.image-not-found': 'warning',
};
