// Lint rules that guard the architecture as well as style.
import tseslint from 'typescript-eslint';

const GENERATOR_ID = {
  selector: 'Literal[value=/^(hugo|jekyll|docusaurus|eleventy|hexo|astro|folder)$/]:not(TSLiteralType > Literal)',
  message: 'A generator id outside src/core/generators/: ask the site model for the fact (dialect, authoring, contentRefs…) instead.',
};

// A document's body() may read and parse its file: features that need front matter only never call it.
const NO_BODY = {
  selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name='body']",
  message: 'Front-matter features (front matter, New Post, publishing, taxonomy rename, URL table, authors, generator models) never read a document body: use its front-matter fields.',
};
const FRONT_MATTER_ONLY = ['src/core/frontmatter/**/*.ts', 'src/core/newpost/**/*.ts', 'src/core/publishing/**/*.ts', 'src/core/authoring/taxonomyRename.ts', 'src/core/site/urlTable.ts', 'src/core/site/authors.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'examples/**', 'test/fixtures/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine must run in the CLI, in tests and in a web extension: no editor API inside it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must stay host-agnostic: talk to the editor through src/core/host.ts interfaces.' }],
          // The engine runs in the browser too (vscode.dev): paths through src/core/posix.ts, files through host.ts.
          patterns: [{ group: ['node:*', 'path', 'fs', 'os', 'child_process', 'worker_threads'], message: 'src/core runs in the browser: use src/core/posix.ts for paths and src/core/host.ts for the outside.' }],
        },
      ],
      // Small units: a module holds one concern, a function one step (split by concern, not by size).
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Generator-specific behaviour lives behind the Generator seam (src/core/generators/<name>/):
    // elsewhere code asks the loaded model for a fact, never "is this Hugo?". Types may name ids.
    files: ['src/**/*.ts'],
    ignores: ['src/core/generators/**'],
    rules: { 'no-restricted-syntax': ['error', GENERATOR_ID] },
  },
  // Both rules where both apply: a later block's options replace an earlier one's for the same rule.
  { files: FRONT_MATTER_ONLY, rules: { 'no-restricted-syntax': ['error', GENERATOR_ID, NO_BODY] } },
  { files: ['src/core/generators/**/*.ts'], rules: { 'no-restricted-syntax': ['error', NO_BODY] } },
);
