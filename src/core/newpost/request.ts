/**
 * What a New Post request is, and the checks on what the writer typed. Each check returns a
 * message for the writer (or undefined when the input is fine), never throws: the VS Code input
 * box shows it as they type, the CLI prints it and exits 1.
 */

export interface NewPostRequest {
  readonly title: string;
  /** Section, collection or folder, relative to where the generator keeps them (`posts`). */
  readonly section?: string;
  /** Absolute folder the command was started on (explorer context menu). */
  readonly folder?: string;
  readonly tags?: readonly string[];
  readonly authors?: readonly string[];
  readonly bundle?: boolean;
  readonly draft?: boolean;
  /** Absolute path of the site root (or any path inside the site). */
  readonly site?: string;
}

const MAX_TITLE = 300;

/** Why a title cannot be used, or undefined. */
export function validateTitle(title: string): string | undefined {
  const t = title.trim();
  if (!t) return 'Enter a title for the post.';
  if (/[\r\n]/.test(t)) return 'The title must be a single line.';
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(t)) return 'The title contains control characters.';
  if (t.length > MAX_TITLE) return `The title is too long (${t.length} characters; at most ${MAX_TITLE}).`;
  // A title is not a path: `../x` or `/etc/x` typed here is almost surely a mistake, and refusing is
  // clearer than silently making `x` out of it.
  if (/^[\\/~]/.test(t) || /^[A-Za-z]:[\\/]/.test(t) || /(^|[\\/])\.\.([\\/]|$)/.test(t)) return 'The title looks like a file path; type the post\'s title (the file name is made from it).';
  if (!/[\p{L}\p{N}]/u.test(t)) return 'The title needs at least one letter or digit.';
  return undefined;
}

/** Why a section name cannot be used, or undefined. Sections may be nested (`posts/2024`). */
export function validateSection(section: string): string | undefined {
  const s = section.trim();
  if (!s) return undefined;
  if (s.includes('\\')) return `Use '/' between folders in a section name, not '\\': ${s}`;
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s)) return `A section is a folder inside the site's content folder, not an absolute path: ${s}`;
  if (/[\u0000-\u001f<>:"|?*]/.test(s)) return `The section name contains characters a folder name cannot have: ${s}`;
  for (const seg of s.replace(/\/+$/, '').split('/')) {
    if (seg === '' || seg === '.') return `The section name has an empty or '.' part: ${s}`;
    if (seg === '..' || seg.startsWith('.')) return `A section cannot leave the content folder or be hidden: ${s}`;
  }
  return undefined;
}

/** Tag or author values as typed: trimmed, empty ones dropped, duplicates (any case) once. */
export function cleanValues(values: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = String(v).trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}
