/**
 * Hover on a taxonomy value in front matter: how many posts use it and which (linked), and for an
 * author the record from the data files.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { TextRange } from '../text';
import { findAuthor, siteAuthors } from './authors';
import { scanFrontMatter } from './context';
import { frontMatterStats } from './siteStats';
import { postTitle, taxonomyFieldOf } from './taxonomy';

export interface FrontMatterHover {
  readonly range: TextRange;
  /** Markdown; links are file: URIs of the posts. */
  readonly markdown: string;
  readonly value: string;
  readonly count: number;
}

const MAX_LISTED = 10;

/** A file: URI for an absolute posix path, safe inside a Markdown link. */
export function fileUri(absPath: string): string {
  const p = absPath.startsWith('/') ? absPath : '/' + absPath;
  return 'file://' + encodeURI(p).replace(/[?#()[\]]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>()#|]/g, '\\$&');

export function hoverFrontMatter(site: Site, _file: string, text: string, offset: number): FrontMatterHover | undefined {
  const scanned = scanFrontMatter(text);
  if (!scanned || offset < scanned.block.contentStart || offset > scanned.block.contentEnd) return undefined;
  const stats = frontMatterStats(site);
  for (const v of scanned.values) {
    if (v.value.kind === 'empty') continue;
    const item = v.value.items.find((it) => it.start <= offset && offset <= it.end);
    if (!item) continue;
    const field = taxonomyFieldOf(site, v.key.key, stats);
    if (!field || item.value === '') return undefined;
    const use = stats.use(field.field, item.value);
    const count = use?.count ?? 0;
    const files = use?.files ?? [];
    const lines: string[] = [];
    const author = field.isAuthor ? findAuthor(site, siteAuthors(site), item.value) : undefined;
    if (author) {
      lines.push(`**${escapeMd(author.name ?? author.id)}** — author \`${author.id}\` ([${escapeMd(author.file)}](${fileUri(posix.join(site.root, author.file))}))`);
      const details = Object.entries(author.data).filter(([k, x]) => k !== 'name' && (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'));
      if (details.length) lines.push('', ...details.map(([k, x]) => `- ${escapeMd(k)}: ${escapeMd(String(x))}`));
      lines.push('');
    }
    lines.push(`${capital(field.singular)} \`${item.value.replace(/`/g, "'")}\` is used in **${count}** post${count === 1 ? '' : 's'}${count ? ':' : '.'}`);
    for (const f of files.slice(0, MAX_LISTED)) lines.push(`- [${escapeMd(postTitle(site, f))}](${fileUri(posix.join(site.root, f))}) — \`${f}\``);
    if (files.length > MAX_LISTED) lines.push(`- … and ${files.length - MAX_LISTED} more`);
    return { range: { start: item.start, end: item.end }, markdown: lines.join('\n'), value: item.value, count };
  }
  return undefined;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
