/**
 * Times a command as a user runs it: a new process, wall time from spawn to exit (node's start-up,
 * module loading and the process's own teardown included). The exact command line is kept with
 * every figure so anyone can run it again.
 */
import { spawnSync } from 'node:child_process';
import { now } from '../stats';

export interface ProcessRun {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

export function runTimed(cmd: Command): ProcessRun {
  const t0 = now();
  const r = spawnSync(cmd.file, cmd.args, { cwd: cmd.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = now() - t0;
  if (r.error) throw new Error(`${cmd.file} could not start: ${r.error.message}`);
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The command as one shell line, with the machine-specific paths named: SITE is the generated site
 * (a temp folder), OUT a fresh temp folder per run; paths inside the repository are relative to it.
 */
export function commandLine(cmd: Command, names: Readonly<Record<string, string>>): string {
  const show = (a: string) => {
    let s = a;
    for (const [name, value] of Object.entries(names)) s = s.split(value).join(name);
    if (s.startsWith(cmd.cwd + '/')) s = s.slice(cmd.cwd.length + 1);
    return /[\s"'$]/.test(s) ? `'${s}'` : s;
  };
  const file = /(^|\/)node$/.test(cmd.file) || cmd.file === process.execPath ? 'node' : cmd.file.replace(/^\/usr\/bin\//, '');
  return [file, ...cmd.args.map(show)].join(' ');
}
