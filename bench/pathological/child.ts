/**
 * One measurement in its own process: `child.ts input <index> [scale]` or `child.ts typing <chars> [maxBodyBytes]`.
 * Prints one JSON line; the parent (scripts/pathological.mjs) kills it when it overruns.
 */
import { measureInput, measureTyping } from './measure';

async function main(): Promise<void> {
  const [kind, a, b] = process.argv.slice(2);
  const result = kind === 'typing' ? await measureTyping(Number(a), b === undefined ? undefined : Number(b)) : await measureInput(Number(a), b === undefined ? 1 : Number(b));
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
