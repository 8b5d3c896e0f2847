/**
 * The engine's layers, checked in `npm run lint` (dependency-cruiser): a module may import from its
 * own layer and the layers below it, never above; no runtime import cycle anywhere in src/.
 *   base        text, host, diagnostics, local time, slicing (src/core/*.ts) and config parsing
 *   markdown    dialect, parser, analysis, Liquid; links/extract (what a link is) and link types
 *   frontmatter parsing and values
 *   generators  one folder per generator, the registry
 *   site        the site model and index
 *   features    links, authoring, front-matter checks and completion, shortcodes, render, new post, publishing
 *   service     createPostcraft: composes the features; siteCaches: the tables they keep per site
 *   adapters    src/vscode, src/cli, src/node
 */
const LAYERS = {
  markdown: '^src/core/markdown/',
  generators: '^src/core/generators/',
  site: '^src/core/site/',
  service: '^src/core/(service|features|siteCaches)\\.ts$',
  adapters: '^src/(vscode|cli|node)/',
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A runtime import cycle: one of the two modules belongs below the other.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] }, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-not-on-adapters',
      severity: 'error',
      comment: 'The engine is host-agnostic: it never imports the editor, the CLI or Node host code.',
      from: { path: '^src/core/' },
      to: { path: LAYERS.adapters },
    },
    {
      name: 'generators-below-site-and-features',
      severity: 'error',
      comment: 'A generator describes its site; it does not use the index, the features or the service.',
      from: { path: LAYERS.generators },
      to: { path: '^src/core/(site/(index|detect)|links|authoring|shortcodes|render|newpost|publishing|service|features)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'markdown-below-generators',
      severity: 'error',
      comment: 'Markdown analysis knows dialects, not generators, sites or features.',
      from: { path: LAYERS.markdown },
      to: { path: '^src/core/(generators|site/(index|detect)|authoring|shortcodes|render|newpost|service|features)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'site-below-features',
      severity: 'error',
      comment: 'The site model and index serve the features; they never call them.',
      from: { path: LAYERS.site },
      to: { path: '^src/core/(links/(resolve|diagnostics|fixes|graph|hugoRefs|urls)|authoring|shortcodes|render|newpost|publishing|service|features)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-below-service',
      severity: 'error',
      comment: 'Features are composed by the service (createPostcraft) with their dependencies; they do not reach back into it.',
      from: { path: '^src/core/(links|authoring|shortcodes|render|newpost|frontmatter|publishing)/' },
      to: { path: LAYERS.service, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-use-the-interface',
      severity: 'error',
      comment: 'The VS Code extension, the CLI and the Node host use the engine through service.ts and api.ts (plus shared data types), never a feature module directly.',
      from: { path: LAYERS.adapters },
      to: { path: '^src/core/', pathNot: '^src/core/(service|api|diagnostics|text|host|site/model|render/(types|protocol))\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
