/** `postcraft shortcodes [SITE_DIR] [--format text|json]`: the templates a site's content can call. */
import { formatOption, parseArgs } from '../args';
import { openSite, type CliIO } from '../context';
import { listTemplates } from '../../core/api';

export const shortcodesHelp = `postcraft shortcodes [SITE_DIR] [--format text|json]
  Lists the shortcodes a Hugo site's content can call (its own layouts/shortcodes/, its themes' and
  modules', Hugo's built-ins) or a Jekyll site's includes: name, where it comes from, the named
  parameters its template reads, whether it takes positional ones and content (a closing tag), and
  the comment at the top of its template. The catalogue completion and the checks use.`;

export async function shortcodesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], flags: [] });
  const format = formatOption(args, ['text', 'json'], 'text');
  const { site } = await openSite(io, args.positionals[0]);
  const list = await listTemplates(site);
  if (format === 'json') {
    const out = { site: { root: site.root, generator: site.model.summary.generator, pages: site.index.contentPages().length }, kind: list.kind ?? null, missing: list.missing, shortcodes: list.shortcodes };
    io.out(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  if (!list.kind) {
    io.out('This site has no shortcodes or includes.\n');
    return 0;
  }
  for (const m of list.missing) io.out(`Not read: ${m} (its ${list.kind}s are not listed)\n`);
  const width = Math.max(4, ...list.shortcodes.map((s) => s.name.length));
  for (const s of list.shortcodes) {
    const params = [...s.params, ...(s.positional ? ['…positional'] : [])].join(' ');
    const doc = s.doc ? `  — ${s.doc.split('\n')[0]}` : '';
    io.out(`${s.name.padEnd(width)}  ${s.source.padEnd(9)} ${s.inner ? 'content ' : '        '}${params}${doc}\n`.replace(/ +\n$/, '\n'));
  }
  return 0;
}
