/**
 * A Jekyll site's includes: every file below `includes_dir` (`_includes/`), named by its path there
 * (`footer.html`, `cards/card.md`), as `{% include footer.html %}` finds it. The parameters an include
 * reads are its `include.x` variables; its documentation is the comment it starts with. A theme
 * (`theme:` gem, `remote_theme:`) brings includes we cannot see: the catalogue says it is missing.
 */
import { posix } from '../../posix';
import type { FileSystemHost } from '../../host';
import { decodeText } from '../../host';
import type { SiteIssue } from '../../site/model';
import { SITE_SOURCE, type TemplateCatalogue, type TemplateEntry } from '../../site/templates';
import type { JekyllConfig } from './config';

/** The comment an include starts with: `{% comment %}…{% endcomment %}` or `<!-- … -->`. */
export function includeDoc(text: string): string | undefined {
  const m = /^\s*(?:\{%-?\s*comment\s*-?%\}([\s\S]*?)\{%-?\s*endcomment\s*-?%\}|<!--([\s\S]*?)-->)/.exec(text);
  const body = m ? (m[1] ?? m[2]).trim() : '';
  if (!body) return undefined;
  const lines = body.split(/\r?\n/);
  const indent = Math.min(...lines.slice(1).filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  const doc = [lines[0], ...lines.slice(1).map((l) => l.slice(Number.isFinite(indent) ? indent : 0))].join('\n').trim();
  return doc.length > 2000 ? doc.slice(0, 1999) + '…' : doc;
}

/** The `include.x` variables an include reads, first use first. */
export function includeParams(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\binclude\.([A-Za-z_][\w-]*)/g)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

export async function readJekyllIncludes(fs: FileSystemHost, root: string, c: JekyllConfig): Promise<TemplateCatalogue> {
  const entries = new Map<string, TemplateEntry>();
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let list;
    try {
      list = await fs.readDirectory(posix.join(root, dir));
    } catch {
      return;
    }
    for (const e of [...list].sort((a, b) => a.name.localeCompare(b.name))) {
      const file = `${dir}/${e.name}`;
      if (e.type === 'directory' || (e.type === 'symlink' && (await fs.stat(posix.join(root, file)))?.type === 'directory')) await walk(file, `${prefix}${e.name}/`, depth + 1);
      else {
        let text = '';
        try {
          text = decodeText(await fs.readFile(posix.join(root, file))).text;
        } catch {
          // unreadable: it exists, its parameters are unknown
        }
        const doc = includeDoc(text);
        const name = prefix + e.name;
        entries.set(name, { name, source: SITE_SOURCE, params: includeParams(text), positional: false, inner: false, ...(doc ? { doc } : {}), file, files: [file] });
      }
    }
  };
  await walk(c.includesDir, '', 0);
  return { kind: 'include', entries, missing: c.theme ? [c.theme] : [], dirs: [c.includesDir] };
}

/** The information that a theme's includes and layouts are out of sight. */
export function missingThemeIssue(configFile: string | undefined, configText: string | undefined, c: JekyllConfig): SiteIssue[] {
  if (!c.theme || !configFile) return [];
  const at = configText?.indexOf(c.theme) ?? -1;
  return [
    {
      path: configFile,
      ...(at >= 0 ? { range: { start: at, end: at + c.theme.length } } : {}),
      severity: 'info',
      code: 'theme.missing',
      message: `Theme "${c.theme}" is not in the site's folder (a gem or a remote theme): its includes and layouts cannot be read, so includes are not checked on this site.`,
    },
  ];
}
