/**
 * Hugo archetypes: finds the one `hugo new` would use for a section (site first, then themes;
 * `archetypes/<section>.md`, the bundle folder `archetypes/<section>/`, then `default`), and renders
 * it. Markdown files of a bundle archetype are templates; its other files are copied as they are.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import { asRecord, asString } from '../../config/parse';
import type { HugoConfig } from './config';
import { renderArchetypeTemplate } from './template';

export interface ArchetypeFile {
  /** Path inside the archetype (`index.md`, `images/cover.png`); '' for a single-file archetype. */
  readonly rel: string;
  readonly content: Uint8Array;
}

export interface Archetype {
  /** Site-relative path of the archetype file or folder. */
  readonly source: string;
  readonly bundle: boolean;
  readonly files: readonly ArchetypeFile[];
}

const MD = /\.(md|markdown)$/i;

async function walk(fs: FileSystemHost, abs: string, rel: string, out: ArchetypeFile[], depth = 0): Promise<void> {
  if (depth > 8) return;
  let entries;
  try {
    entries = await fs.readDirectory(abs);
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const childAbs = posix.join(abs, e.name);
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    const st = e.type === 'symlink' ? await fs.stat(childAbs) : e;
    if (st?.type === 'directory') await walk(fs, childAbs, childRel, out, depth + 1);
    else if (st?.type === 'file') {
      try {
        out.push({ rel: childRel, content: await fs.readFile(childAbs) });
      } catch {
        /* unreadable resource: skipped, the post is still created */
      }
    }
  }
}

/**
 * The archetype for a section. `preferBundle` puts folder archetypes first (the writer asked for a
 * bundle); otherwise `<kind>.md` wins over `<kind>/`, as a single file is what was asked for.
 */
export async function findArchetype(fs: FileSystemHost, root: string, config: HugoConfig, section: string, preferBundle: boolean | undefined): Promise<Archetype | undefined> {
  const dirs = [config.archetypeDir, ...config.themes.map((t) => posix.join(config.themesDir, t, 'archetypes'))];
  for (const dir of dirs) {
    for (const kind of section ? [section, 'default'] : ['default']) {
      const fileRel = posix.join(dir, `${kind}.md`);
      const folderRel = posix.join(dir, kind);
      const tryFile = async (): Promise<Archetype | undefined> => {
        const st = await fs.stat(posix.join(root, fileRel));
        if (st?.type !== 'file') return undefined;
        try {
          return { source: fileRel, bundle: false, files: [{ rel: '', content: await fs.readFile(posix.join(root, fileRel)) }] };
        } catch {
          return undefined;
        }
      };
      const tryFolder = async (): Promise<Archetype | undefined> => {
        if (preferBundle === false) return undefined;
        const st = await fs.stat(posix.join(root, folderRel, 'index.md'));
        if (st?.type !== 'file') return undefined;
        const files: ArchetypeFile[] = [];
        await walk(fs, posix.join(root, folderRel), '', files);
        return { source: folderRel, bundle: true, files };
      };
      const found = preferBundle ? (await tryFolder()) ?? (await tryFile()) : (await tryFile()) ?? (await tryFolder());
      if (found) return found;
    }
  }
  return undefined;
}

export interface ArchetypeInput {
  readonly config: HugoConfig;
  readonly title: string;
  /** The post's name: file stem or bundle folder (Hugo's `.Name`, `.File.ContentBaseName`). */
  readonly name: string;
  readonly section: string;
  /** Content-relative path of the new page file (`posts/x.md`, `posts/x/index.md`). */
  readonly contentPath: string;
  readonly date: string;
  readonly now: Date;
  readonly offsetMinutes: number;
}

/**
 * One Markdown file of an archetype, rendered by the Go template interpreter as `hugo new` runs it
 * (template/archetype.ts): what it cannot evaluate is left as written, with a warning.
 */
export function renderArchetypeText(source: string, input: ArchetypeInput): { text: string; warnings: readonly string[] } {
  const c = input.config;
  const logical = posix.basename(input.contentPath);
  const dir = posix.dirname(input.contentPath);
  const stem = logical.replace(/\.[^.]+$/, '');
  return renderArchetypeTemplate(source, {
    name: input.name,
    title: input.title,
    date: input.date,
    type: input.section || 'page',
    section: input.section,
    kind: 'page',
    file: {
      contentBaseName: input.name,
      baseFileName: stem,
      logicalName: logical,
      translationBaseName: stem,
      ext: logical.replace(/^.*\./, ''),
      path: input.contentPath,
      dir: dir === '.' ? '' : dir + '/',
    },
    site: { title: c.title ?? '', baseURL: c.baseURL, params: asRecord(c.raw['params']), lang: c.defaultContentLanguage },
    now: input.now,
    offsetMinutes: input.offsetMinutes,
    titleCaseStyle: asString(c.raw['titlecasestyle']),
  });
}

/** Renders every Markdown file of an archetype; other files pass through unchanged. */
export function renderArchetype(archetype: Archetype, input: ArchetypeInput): { files: { rel: string; content: string | Uint8Array }[]; warnings: string[] } {
  const files: { rel: string; content: string | Uint8Array }[] = [];
  const warnings: string[] = [];
  for (const f of archetype.files) {
    if (f.rel === '' || MD.test(f.rel)) {
      const r = renderArchetypeText(decodeText(f.content).text, input);
      files.push({ rel: f.rel, content: r.text });
      const where = posix.join(archetype.source, f.rel);
      warnings.push(...r.warnings.map((w) => `${where}: ${w}`));
    } else files.push({ rel: f.rel, content: f.content });
  }
  return { files, warnings };
}
