/** Author records from the site's data files (a folder of one file per author, or one map file). */
import { posix } from '../posix';
import type { FileSystemHost } from '../host';
import { authorDisplayName } from '../frontmatter/authorName';
import { formatOf, parseConfigText } from '../config/parse';
import type { AuthorSource } from './generator';
import type { Author, SiteIssue } from './model';

export interface AuthorReading {
  readonly root: string;
  readonly fs: FileSystemHost;
  /** A site-relative file's text; undefined when it cannot be read (the reader reports it). */
  read(file: string): Promise<string | undefined>;
  /** Where a broken data file is reported. */
  readonly issues: SiteIssue[];
}

/** Reads author records; a broken file is an issue, not a failure. */
export async function loadAuthors(sources: readonly AuthorSource[], o: AuthorReading): Promise<Author[]> {
  const out: Author[] = [];
  for (const src of sources) {
    if (src.shape === 'file-per-author') {
      let entries;
      try {
        entries = await o.fs.readDirectory(posix.join(o.root, src.path));
      } catch {
        continue;
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.type !== 'file' || !formatOf(e.name)) continue;
        const rel = `${src.path}/${e.name}`;
        const data = await readRecordFile(rel, o);
        if (data) out.push({ id: e.name.replace(/\.[^.]+$/, ''), name: authorDisplayName(data), file: rel, data });
      }
    } else {
      const data = await readRecordFile(src.path, o);
      for (const [id, v] of Object.entries(data ?? {})) {
        const rec = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
        out.push({ id, name: authorDisplayName(rec) ?? (typeof v === 'string' ? v : undefined), file: src.path, data: rec });
      }
    }
  }
  return out;
}

async function readRecordFile(rel: string, o: AuthorReading): Promise<Record<string, unknown> | undefined> {
  const format = formatOf(rel);
  if (!format) return undefined;
  const text = await o.read(rel);
  if (text === undefined) return undefined;
  const r = parseConfigText(text, format);
  if (r.error) o.issues.push({ path: posix.join(o.root, rel), range: r.error.range, severity: 'warning', code: 'data.syntax', message: r.error.message });
  return r.data;
}
