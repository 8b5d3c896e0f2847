// Runs every conformance suite (test/conformance/**/*.test.ts): our site models against the real
// generators. Exits non-zero when any suite fails. A missing generator fails in CI (CI=true) and is
// skipped, loudly, elsewhere (each suite decides that itself).
import { spawnSync } from 'node:child_process';

const args = ['mocha', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '120000', '--reporter', 'spec', '--spec', 'test/conformance/**/*.test.ts', ...process.argv.slice(2)];
// --no-config: .mocharc.json's spec list is the unit tests; this run is the conformance suites only.
const r = spawnSync('npx', ['--no-install', ...args.slice(0, 1), '--no-config', ...args.slice(1)], { stdio: 'inherit', shell: process.platform === 'win32' });
if (r.error) {
  console.error(`run-conformance: ${r.error.message}`);
  process.exit(2);
}
process.exit(r.status ?? 1);
