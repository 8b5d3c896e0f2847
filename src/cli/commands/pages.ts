/** `postcraft pages [SITE_DIR] [--format text|json]`: where every content file is published. */
import { formatOption, parseArgs } from '../args';
import { openSite, type CliIO } from '../context';

export const pagesHelp = `postcraft pages [SITE_DIR] [--format text|json]
  Lists every page and the URL the generator publishes it at (like \`hugo list all\`), with its kind,
  publish status (published, draft, future, expired), language and aliases.`;

export async function pagesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], flags: [] });
  const format = formatOption(args, ['text', 'json'], 'text');
  const { site } = await openSite(io, args.positionals[0]);
  const pages = [...site.index.allPages()].sort((a, b) => (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') || a.url.localeCompare(b.url));
  if (format === 'json') {
    const out = {
      site: { root: site.root, generator: site.model.summary.generator, pages: site.index.contentPages().length },
      pages: pages.map((p) => ({ file: p.file ?? null, url: p.url, kind: p.kind, status: p.status, lang: p.lang, aliases: p.aliases })),
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else {
    const rows = pages.map((p) => [p.file ?? '(generated)', p.url, p.kind, p.status, p.lang, p.aliases.join(' ')]);
    const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
    for (const r of rows) io.out(r.map((c, i) => (i < 5 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd() + '\n');
  }
  return 0;
}
