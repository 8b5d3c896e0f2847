/** Finds and loads a Docusaurus site: the config (read statically), `tags.yml` and `authors.yml`. */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { asRecord, asString, formatOf, parseConfigText } from '../../config/parse';
import type { Generator } from '../generator';
import type { GeneratorModel } from '../../site/generator';
import type { SiteIssue } from '../../site/model';
import { DOCUSAURUS_CONFIGS, loadDocusaurusConfig } from './config';
import { createDocusaurusModel } from './model';
import type { AuthorPage, PredefinedTag } from './context';
import { kebabCase } from './paths';
import { readText } from '../../config/files';

async function readData(fs: FileSystemHost, root: string, rel: string, issues: SiteIssue[]): Promise<Record<string, unknown> | undefined> {
  const path = posix.join(root, rel);
  const text = await readText(fs, path);
  if (text === undefined) return undefined;
  const r = parseConfigText(text, formatOf(rel) ?? 'yaml');
  if (r.error) issues.push({ path, range: r.error.range, severity: 'warning', code: 'data.syntax', message: r.error.message });
  return r.data;
}

export async function loadDocusaurus(fs: FileSystemHost, root: string): Promise<GeneratorModel> {
  const loaded = await loadDocusaurusConfig(fs, root);
  const issues = [...loaded.issues];
  const tags = new Map<string, Map<string, PredefinedTag>>();
  const authorPages = new Map<string, AuthorPage[]>();
  const authorFiles: string[] = [];
  for (const b of loaded.config.blogs) {
    if (b.tagsFile) {
      const data = await readData(fs, root, b.tagsFile, issues);
      const m = new Map<string, PredefinedTag>();
      for (const [key, v] of Object.entries(data ?? {})) {
        const r = asRecord(v);
        const permalink = asString(r['permalink']) ?? '/' + kebabCase(key);
        m.set(key, { label: asString(r['label']) ?? key, permalink: permalink.startsWith('/') ? permalink : '/' + permalink });
      }
      tags.set(b.id, m);
    }
    // authorsMapPath may name a .json file; the default .yml has a .yaml sibling spelling.
    const candidates = /\.yml$/.test(b.authorsMapPath) ? [b.authorsMapPath, b.authorsMapPath.replace(/\.yml$/, '.yaml')] : [b.authorsMapPath];
    for (const rel of candidates) {
      const data = await readData(fs, root, rel, issues);
      if (!data) continue;
      authorFiles.push(rel);
      const pages: AuthorPage[] = [];
      for (const [key, v] of Object.entries(data)) {
        const page = asRecord(v)['page'];
        if (page === true) pages.push({ key, permalink: '/' + kebabCase(key) });
        else if (page && typeof page === 'object') {
          const p = asString(asRecord(page)['permalink']) ?? key;
          pages.push({ key, permalink: p.startsWith('/') ? p : '/' + p });
        }
      }
      // routes.ts createAuthorsRoutes: the authors list exists whenever the map has authors.
      if (Object.keys(data).length) authorPages.set(b.id, pages);
      break;
    }
  }
  return createDocusaurusModel({ root, config: loaded.config, configFile: loaded.configFile, issues, tags, authorPages, authorFiles });
}

export const docusaurusGenerator: Generator = {
  id: 'docusaurus',
  displayName: 'Docusaurus',
  detect: async (_fs, _dir, names) => DOCUSAURUS_CONFIGS.some((n) => names.has(n)),
  load: (fs, dir) => loadDocusaurus(fs, dir),
};
