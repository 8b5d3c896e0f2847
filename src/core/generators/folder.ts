/**
 * A plain folder of Markdown outside any recognised site: file-path semantics, GitHub-style heading
 * ids. Makes the extension useful everywhere with no setup.
 */
import { BASIC_FRONT_MATTER } from '../site/generator';
import { COMMONMARK_GFM } from '../markdown/dialect';
import type { GeneratorModel } from '../site/generator';
import type { Page } from '../site/model';
import { fmList } from '../frontmatter/parse';

const MD = /\.(md|markdown|mdown|mkd|mkdn)$/i;

/** Any folder of Markdown that no generator recognises: its files are the pages. */
export const plainFolder = { id: 'folder', displayName: 'Markdown folder', create: (root: string): GeneratorModel => createFolderModel(root) } as const;

export function createFolderModel(root: string): GeneratorModel {
  return {
    summary: { root, generator: 'folder', basePath: '', linkSemantics: 'file', contentDirs: [''] },
    dialect: COMMONMARK_GFM,
    authoring: {
      linkForms: [],
      aliasesOnMove: false,
      newPost: { sectionBase: '', sections: true, firstLevelSections: false, defaultFolder: '', datedNames: false, bundles: true, defaults: BASIC_FRONT_MATTER },
    },
    taxonomies: [
      { singular: 'tag', plural: 'tags' },
      { singular: 'category', plural: 'categories' },
    ],
    issues: [],
    contentDirs: [''],
    staticDirs: [],
    ignoreDirs: ['node_modules', '.git', 'dist', 'out', 'build', '.vscode-test'],
    watchFiles: [],
    isContentDocument: (file) => MD.test(file),
    roleOf: (file) => (MD.test(file) ? { role: 'page' } : { role: 'resource' }),
    pagesFor(file, data) {
      const title = typeof data['title'] === 'string' ? (data['title'] as string) : undefined;
      const page: Page = { file, url: '/' + file, kind: 'page', status: 'published', willPublish: true, lang: 'en', aliases: [], title, section: file.split('/')[0] ?? '' };
      return [page];
    },
    resourceUrl: (file) => '/' + file,
    derivedPages: () => ({ pages: [], extraUrls: [] }),
    termsOf(data) {
      const m = new Map<string, string[]>();
      for (const t of ['tags', 'categories']) {
        const l = fmList(data, t);
        if (l.length) m.set(t, l);
      }
      return m;
    },
    termKey: (_t, term) => term.toLowerCase(),
  };
}
