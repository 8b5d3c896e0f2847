/**
 * Every setting's documented range holds: package.json (what VS Code's settings UI shows), the
 * README's settings table and the code that reads the value agree (src/vscode/settingRanges.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTING_RANGES, clampSetting, type RangedSetting } from '../../src/vscode/settingRanges';

const REPO = path.resolve(__dirname, '../..');

interface Schema {
  readonly type: string;
  readonly default: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly additionalProperties?: { readonly enum?: readonly string[] };
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Schema> } } };
const settings = pkg.contributes.configuration.properties;

/** The README's settings table: setting → [default, values] cells. */
function readmeRows(): Map<string, { def: string; values: string }> {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 3));
  const rows = new Map<string, { def: string; values: string }>();
  for (const m of section.matchAll(/^\| `(postcraft\.[\w.]+)` \| (.*?) \| (.*?) \| .* \|$/gm)) rows.set(m[1], { def: m[2], values: m[3] });
  return rows;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const short = (key: string) => key.replace(/^postcraft\./, '');

describe('settings: every documented range holds', () => {
  const rows = readmeRows();

  it('the README lists every setting of package.json, and only those', () => {
    assert.deepEqual([...rows.keys()].sort(), Object.keys(settings).sort());
  });

  for (const [key, s] of Object.entries(settings)) {
    describe(key, () => {
      it('README default = package.json default', () => {
        const want = typeof s.default === 'string' ? (s.default === '' ? '`""`' : `\`${s.default}\``) : `\`${JSON.stringify(s.default)}\``;
        assert.equal(rows.get(key)?.def, want);
      });

      const values = s.enum ?? s.additionalProperties?.enum;
      if (values) {
        it(`README values = package.json enum (${values.join(', ')})`, () => {
          const cell = rows.get(key)?.values ?? '';
          assert.deepEqual([...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]), [...values]);
        });
      } else if (s.type === 'boolean') {
        it('README values: true, false', () => assert.equal(rows.get(key)?.values, '`true`, `false`'));
      }

      if (s.type === 'integer' || s.type === 'number') {
        const range = (SETTING_RANGES as Record<string, { min: number; max?: number }>)[short(key)];
        it(`the code holds it to package.json's range (${s.minimum ?? '-∞'}–${s.maximum ?? '∞'})`, () => {
          assert.ok(range, `${short(key)} is in SETTING_RANGES`);
          assert.deepEqual({ min: range.min, max: range.max }, { min: s.minimum, max: s.maximum });
          const k = short(key) as RangedSetting;
          const def = s.default as number;
          assert.equal(clampSetting(k, def, -1), def, 'the default is inside the range');
          assert.equal(clampSetting(k, range.min - 1, def), range.min);
          assert.equal(clampSetting(k, range.min, def), range.min);
          if (range.max !== undefined) {
            assert.equal(clampSetting(k, range.max, def), range.max, 'the documented maximum is honoured, not capped below it');
            assert.equal(clampSetting(k, range.max + 1, def), range.max);
          } else assert.equal(clampSetting(k, 1e9, def), 1e9);
          assert.equal(clampSetting(k, 'soon', def), def);
          assert.equal(clampSetting(k, Number.NaN, def), def);
        });
        it('README values state the same range', () => {
          const want = range.max === undefined ? `≥ ${fmt(range.min)}` : `${fmt(range.min)}–${fmt(range.max)}`;
          assert.equal(rows.get(key)?.values, want);
        });
      }
    });
  }

  it('src/vscode reads every numeric setting through clampSetting (no other cap)', () => {
    const dir = path.join(REPO, 'src', 'vscode');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const bare: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const line of text.split('\n')) {
        for (const m of line.matchAll(/\.get<number>\('([\w.]+)'/g)) if (!line.includes(`clampSetting('${m[1]}'`)) bare.push(`${f}: ${m[1]}`);
      }
    }
    assert.deepEqual(bare, []);
  });

  it('every ranged setting exists in package.json', () => {
    for (const k of Object.keys(SETTING_RANGES)) assert.ok(settings[`postcraft.${k}`], k);
  });
});
