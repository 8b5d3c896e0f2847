/** `postcraft taxonomy [SITE_DIR] [--format text|json]`: every taxonomy's values with their posts. */
import { formatOption, parseArgs } from '../args';
import { openSite, type CliIO } from '../context';
import { taxonomyFields, taxonomyValues } from '../../core/api';
import { taxonomyRenameCommand, taxonomyRenameHelp } from './taxonomyRename';

export const taxonomyHelp = `postcraft taxonomy [SITE_DIR] [--format text|json]
  Lists every taxonomy (tags, categories, authors, series …) with its values, most used first: how
  many posts use each value and which. Authors show their display name from the data files. These
  are the values front-matter completion offers.

${taxonomyRenameHelp}`;

interface JsonValue {
  value: string;
  count: number;
  pages: string[];
  name?: string;
}

export async function taxonomyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  // `rename` is a subcommand (a site folder named so is `./rename`).
  if (argv[0] === 'rename') return taxonomyRenameCommand(argv.slice(1), io);
  const args = parseArgs(argv, { values: ['format'], flags: [] });
  const format = formatOption(args, ['text', 'json'], 'text');
  const { site } = await openSite(io, args.positionals[0]);
  const taxonomies: Record<string, JsonValue[]> = {};
  for (const field of taxonomyFields(site)) {
    taxonomies[field.field] = taxonomyValues(site, field).map((v) => ({
      value: v.value,
      count: v.count,
      pages: [...v.files],
      ...(field.isAuthor ? { name: v.author?.name ?? v.value } : {}),
    }));
  }
  if (format === 'json') {
    const out = { site: { root: site.root, generator: site.model.summary.generator, pages: site.index.contentPages().length }, taxonomies };
    io.out(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const names = Object.keys(taxonomies);
  if (names.length === 0) io.out('This site has no taxonomies.\n');
  for (const [i, name] of names.entries()) {
    const values = taxonomies[name];
    io.out(`${i ? '\n' : ''}${name} (${values.length} value${values.length === 1 ? '' : 's'})\n`);
    const width = Math.max(4, ...values.map((v) => v.value.length));
    for (const v of values) {
      const label = v.name && v.name !== v.value ? ` (${v.name})` : '';
      io.out(`  ${v.value.padEnd(width)}  ${String(v.count).padStart(3)}  ${v.pages.join(' ')}${label}\n`.replace(/ +\n$/, '\n'));
    }
  }
  return 0;
}
