/**
 * VS Code's link validator from a fresh process (`node dist/benchPeer.js SITE [--cap=SECONDS]`), so
 * the benchmark times it the way it times `postcraft check`: start-up, loading and reading every
 * file included. Prints one JSON line: the documents checked and every finding as [file, line, code].
 */
import { peerCheckSite } from './measure/peer';

async function main(): Promise<void> {
  const [root, ...rest] = process.argv.slice(2);
  if (!root) {
    process.stderr.write('usage: node dist/benchPeer.js SITE [--cap=SECONDS]\n');
    process.exit(2);
  }
  const cap = Number(rest.find((a) => a.startsWith('--cap='))?.slice(6) ?? 600) * 1000;
  const r = await peerCheckSite(root, cap);
  const findings = r.findings.map((f) => [f.file, f.line, f.code]);
  process.stdout.write(JSON.stringify({ documents: r.documents, checked: r.checked, capped: r.capped, elapsedMs: r.elapsedMs, findings }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
