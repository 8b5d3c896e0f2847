/** `postcraft resolve FILE LINK [--site DIR] [--drafts] [--format text|json]`: where one link goes, and why it is (not) flagged. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOption, parseArgs, UsageError } from '../args';
import { openSite, toPosix, type CliIO } from '../context';
import { explainLink } from '../../core/api';

export const resolveHelp = `postcraft resolve FILE LINK [--site DIR] [--drafts] [--format text|json]
  Shows where LINK, written in FILE, goes: the URL it resolves to, the target file, its publish
  status and the link checker's verdict ('ok' or the diagnostic code). LINK is a destination
  ("../other/", "/posts/x/#intro"), a shortcode ('{{< relref "x.md" >}}') or a Liquid tag.
  The site is the nearest folder above FILE with a generator config (or --site).
  Exit 0: the link resolves; 1: the verdict is a problem; 2: usage error.`;

/** Files that mark a site's root folder. */
const MARKERS = /^(hugo|config)\.(toml|ya?ml|json)$|^_config\.ya?ml$|^docusaurus\.config\.[cm]?[jt]s$|^astro\.config\.[cm]?[jt]s$|^(eleventy\.config\.[cm]?js|\.eleventy\.js)$/;

function siteDirOf(file: string, cwd: string): string {
  let dir = path.dirname(file);
  for (;;) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      // unreadable folder: keep climbing
    }
    if (names.some((n) => MARKERS.test(n)) || fs.existsSync(path.join(dir, 'config', '_default'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return cwd;
    dir = up;
  }
}

export async function resolveCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'site'], flags: ['drafts'] });
  const format = formatOption(args, ['text', 'json'], 'text');
  const [fileArg, link, extra] = args.positionals;
  if (!fileArg || link === undefined || extra !== undefined) throw new UsageError('expects FILE and LINK (quote the link)');
  const abs = path.resolve(io.cwd, fileArg);
  if (!fs.existsSync(abs)) throw new UsageError(`no such file: ${fileArg}`);
  const siteOpt = args.options.get('site');
  const { engine } = await openSite(io, typeof siteOpt === 'string' ? siteOpt : siteDirOf(abs, io.cwd));
  const site = engine.siteOf(toPosix(abs));
  if (!site) throw new UsageError(`${fileArg} is not inside a site`);
  const file = engine.relative(site, toPosix(abs));
  if (!site.index.document(file)) throw new UsageError(`${fileArg} is not a content document of the site at ${site.root}`);
  const r = await explainLink(engine, site, file, link, { includeDrafts: args.options.has('drafts') });
  if (format === 'json') io.out(JSON.stringify(r, null, 2) + '\n');
  else {
    const rows: [string, string][] = [
      ['link', r.link],
      ['kind', r.kind],
      ['url', r.url ?? '(none)'],
      ['file', r.file ?? '(none)'],
      ['fragment', r.fragment ?? '(none)'],
      ['status', r.status ?? '(none)'],
      ['verdict', r.verdict],
    ];
    for (const [k, v] of rows) io.out(`${k.padEnd(9)}${v}\n`);
    if (r.message) io.out(`\n${r.message}\n`);
  }
  return r.verdict === 'ok' ? 0 : 1;
}
