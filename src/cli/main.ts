/**
 * The `postcraft` command line: the same engine as the extension, headless, for CI and tests.
 * Exit codes: 0 success, 1 findings (errors) or refused action, 2 usage/setup problem.
 */
import { UsageError } from './args';
import { SetupError, type CliIO } from './context';
import { checkCommand, checkHelp } from './commands/check';
import { pagesCommand, pagesHelp } from './commands/pages';
import { renderCommand, renderHelp } from './commands/render';
import { newCommand, newHelp } from './commands/new';
import { taxonomyCommand, taxonomyHelp } from './commands/taxonomy';
import { resolveCommand, resolveHelp } from './commands/resolve';
import { postsCommand, postsHelp } from './commands/posts';
import { shortcodesCommand, shortcodesHelp } from './commands/shortcodes';
import { imageCommand, imageHelp } from './commands/image';
import { VERSION } from './version';

type Command = { run: (argv: readonly string[], io: CliIO) => Promise<number>; help: string };

export const commands = new Map<string, Command>([
  ['check', { run: checkCommand, help: checkHelp }],
  ['pages', { run: pagesCommand, help: pagesHelp }],
  ['posts', { run: postsCommand, help: postsHelp }],
  ['render', { run: renderCommand, help: renderHelp }],
  ['new', { run: newCommand, help: newHelp }],
  ['taxonomy', { run: taxonomyCommand, help: taxonomyHelp }],
  ['resolve', { run: resolveCommand, help: resolveHelp }],
  ['shortcodes', { run: shortcodesCommand, help: shortcodesHelp }],
  ['image', { run: imageCommand, help: imageHelp }],
]);

export function registerCommand(name: string, command: Command): void {
  commands.set(name, command);
}

function usage(): string {
  return `postcraft ${VERSION} — the Postcraft engine on the command line\n\nUsage: postcraft <command> [options]\n\n${[...commands.values()].map((c) => c.help).join('\n\n')}\n\nOptions: --help, --version`;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION + '\n');
    return 0;
  }
  const cmd = commands.get(name);
  if (!cmd) {
    io.err(`postcraft: unknown command '${name}' (try --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.help + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SetupError) {
      io.err(`postcraft ${name}: ${e.message}\n`);
      return 2;
    }
    io.err(`postcraft ${name}: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `postcraft pages | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    errIsTTY: !!process.stderr.isTTY,
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`postcraft: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
