/** `postcraft check [SITE_DIR] [--format text|json|sarif] [--quiet]` */
import { compareDiagnostics } from '../../core/diagnostics';
import { formatOption, parseArgs } from '../args';
import { openSite, type CliIO } from '../context';
import { toJson, toSarif, toText } from '../formats/diagnostics';
import { VERSION } from '../version';

export const checkHelp = `postcraft check [SITE_DIR] [--format text|json|sarif] [--quiet]
  Checks every post of the site: broken links (resolved the way the generator publishes the site),
  front matter and configuration. Exit 0: no error; 1: errors found; 2: usage or setup problem.`;

export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], flags: ['quiet'] });
  const format = formatOption(args, ['text', 'json', 'sarif'], 'text');
  const { engine, site, close } = await openSite(io, args.positionals[0], { worker: true });
  const progress = io.errIsTTY && format === 'text' && site.index.documents.size > 200;
  let diagnostics;
  try {
    diagnostics = (
      await engine.checkSite(site, progress ? (done, total, phase) => {
        if (done % 50 === 0 || done === total) {
          const width = 30;
          const filled = Math.round((done / total) * width);
          const end = done === total && phase === 'checking' ? '\n' : '';
          io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${phase.padEnd(8)}${end}`);
        }
      } : undefined)
    ).sort(compareDiagnostics);
  } finally {
    close();
  }
  const report = { site: { ...site.model.summary, pages: site.index.contentPages().length }, diagnostics };
  if (format === 'json') io.out(toJson(report) + '\n');
  else if (format === 'sarif') io.out(toSarif(report, VERSION) + '\n');
  else io.out(toText(report, args.options.has('quiet')) + '\n');
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
