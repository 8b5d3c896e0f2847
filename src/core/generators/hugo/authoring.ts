/**
 * Writing for Hugo: `relref` links, aliases that keep a moved page's old URL, and New Post in a
 * section of the content folder, from the archetype `hugo new` would use (or Hugo's built-in default
 * archetype: TOML with title, date and draft).
 */
import { posix } from '../../posix';
import type { AuthoringFacts, PostTemplate } from '../../site/generator';
import type { Taxonomy } from '../../site/model';
import type { HugoConfig } from './config';
import { findArchetype, renderArchetype, type Archetype } from './archetype';
import type { HugoTheme } from './themes';

function asTemplate(a: Archetype, config: HugoConfig): PostTemplate {
  return { source: a.source, bundle: a.bundle, render: (input) => renderArchetype(a, { config, ...input }) };
}

export function hugoAuthoring(root: string, config: HugoConfig, contentDirs: readonly string[], taxonomies: readonly Taxonomy[], themes: readonly HugoTheme[] = []): AuthoringFacts {
  const assetDir = typeof config.raw['assetdir'] === 'string' ? config.raw['assetdir'] : 'assets';
  const contentDir = contentDirs.includes('content') ? 'content' : ([...contentDirs].sort((a, b) => a.length - b.length)[0] ?? 'content');
  const authorsTaxonomy = taxonomies.some((t) => t.plural === 'authors');
  return {
    linkForms: ['relref'],
    aliasesOnMove: true,
    // A leaf bundle's files are published beside its page; other images go to the first static folder.
    images: {
      defaultFolder: posix.join(config.staticDirs[0] ?? 'static', 'images'),
      beside: 'bundle',
      templateRoots: [assetDir, ...themes.filter((t) => t.onDisk).map((t) => posix.join(t.dir, 'assets'))],
      unknownTheme: themes.some((t) => !t.onDisk),
      toBundle: true,
    },
    newPost: {
      sectionBase: contentDir,
      sections: true,
      firstLevelSections: true,
      defaultFolder: posix.join(contentDir, 'posts'),
      datedNames: false,
      bundles: true,
      defaults: { format: 'toml', keyOrder: ['title', 'date', 'draft'], dateKey: 'date', dateStyle: 'rfc3339', authorKey: authorsTaxonomy ? 'authors' : 'author' },
      templateFor: async (fs, section, preferBundle) => {
        const a = await findArchetype(fs, root, config, section, preferBundle);
        return a && asTemplate(a, config);
      },
    },
  };
}
