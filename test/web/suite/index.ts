// Entry VS Code's web extension host calls (extensionTestsPath): mocha's browser build, in the web
// worker the extension runs in. scripts/run-web.mjs bundles this file first and every *.test.ts
// after it into one script, and reads the closing "web: N passed, N failed" line.
import 'mocha/mocha';

declare const POSTCRAFT_WEB_GREP: string;

// No colours: the output travels through the workbench's log hook into CI logs.
mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 90_000, color: false });
if (POSTCRAFT_WEB_GREP) mocha.grep(POSTCRAFT_WEB_GREP);

export function run(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`web: ${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} web test(s) failed.`));
        else if (passes === 0) reject(new Error('No web test ran.'));
        else resolve();
      });
    } catch (e) {
      console.log('web: 0 passed, 1 failed');
      reject(e);
    }
  });
}
