/** A small, strict argument parser: unknown options are usage errors (exit 2), never ignored. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: { readonly values: readonly string[]; readonly flags: readonly string[] }): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (spec.flags.includes(name)) {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        options.set(name, true);
      } else if (spec.values.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, v);
      } else throw new UsageError(`unknown option --${name}`);
    } else positionals.push(a);
  }
  return { positionals, options };
}

export function formatOption(args: ParsedArgs, allowed: readonly string[], fallback: string): string {
  const f = args.options.get('format');
  if (f === undefined) return fallback;
  if (typeof f !== 'string' || !allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}
