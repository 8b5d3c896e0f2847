/**
 * Test-only commands (`postcraft.test.*`) are registered only when the extension runs under tests
 * (src/vscode/testCommands.ts), never contributed, and never registered any other way.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { injectModule } from '../../bench/measure/moduleShim';

const REPO = path.resolve(__dirname, '../..');
const registered: string[] = [];

class Disposable {
  constructor(private readonly fn: () => void) {}
  dispose(): void {
    this.fn();
  }
}

injectModule('vscode', {
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  Disposable,
  commands: {
    registerCommand: (id: string) => {
      registered.push(id);
      return new Disposable(() => undefined);
    },
  },
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the stand-in `vscode` is in place
const { setExtensionMode, registerTestCommand } = require('../../src/vscode/testCommands') as typeof import('../../src/vscode/testCommands');

describe('test-only commands', () => {
  beforeEach(() => registered.splice(0));

  for (const [mode, n] of [['Production', 1], ['Development', 2]] as const) {
    it(`are not registered in extension mode ${mode}`, () => {
      setExtensionMode({ extensionMode: n } as never);
      registerTestCommand('postcraft.test.previewState', () => undefined).dispose();
      assert.deepEqual(registered, []);
    });
  }

  it('are registered under tests', () => {
    setExtensionMode({ extensionMode: 3 } as never);
    registerTestCommand('postcraft.test.previewState', () => undefined);
    assert.deepEqual(registered, ['postcraft.test.previewState']);
  });

  it('are registered through registerTestCommand only, and never contributed', () => {
    const dir = path.join(REPO, 'src');
    const direct: string[] = [];
    for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      if (/registerCommand\(\s*['"`]postcraft\.test\./.test(text)) direct.push(f);
    }
    assert.deepEqual(direct, []);
    assert.ok(!fs.readFileSync(path.join(REPO, 'package.json'), 'utf8').includes('postcraft.test.'));
  });
});
