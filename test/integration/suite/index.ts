// Entry point VS Code calls inside the extension host (extensionTestsPath): runs every
// `*.test.js` that scripts/run-integration.mjs bundled next to this file.
//
// It also writes the run's counts to a JSON file, because the exit code alone cannot tell
// "all passed" from "nothing ran" (a suite whose files failed to load, a --grep matching nothing):
// the runner fails the run unless at least one test executed.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface IntegrationResults {
  tests: number;
  passes: number;
  failures: number;
  pending: number;
  files: string[];
  error?: string;
}

function writeResults(results: IntegrationResults): void {
  const file = process.env.POSTCRAFT_IT_RESULTS || path.join(__dirname, 'results.json');
  try {
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
  } catch (e) {
    console.error(`could not write integration results to ${file}: ${String(e)}`);
  }
}

export function run(): Promise<void> {
  // No colours: the output travels through the workbench's log hook and ends up in CI logs.
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000 });
  const grep = process.env.POSTCRAFT_IT_GREP;
  if (grep) mocha.grep(grep);

  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const results: IntegrationResults = {
          tests: stats?.tests ?? 0,
          passes: stats?.passes ?? 0,
          failures,
          pending: stats?.pending ?? 0,
          files,
        };
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (results.tests === 0) reject(new Error(`No integration test ran (files: ${files.join(', ') || 'none'}).`));
        else resolve();
      });
    } catch (e) {
      // A test file that throws while loading lands here, before any test ran.
      writeResults({ tests: 0, passes: 0, failures: 1, pending: 0, files, error: String(e) });
      reject(e);
    }
  });
}
