/**
 * The ranges package.json documents for Postcraft's numeric settings. VS Code only warns about a
 * value outside them in settings.json and hands it to us anyway, so the code holds values to the
 * same ranges: what the settings UI promises is what happens (test/unit/settings.test.ts keeps this
 * table, package.json and the README's settings table in agreement). No `vscode` import: testable.
 */
export interface Range {
  readonly min: number;
  readonly max?: number;
}

export const SETTING_RANGES = {
  'links.checkOnActivation': { min: 0 },
  'diagnostics.debounce': { min: 0, max: 2000 },
  largeFileLimit: { min: 10_000 },
} as const satisfies Record<string, Range>;

export type RangedSetting = keyof typeof SETTING_RANGES;

/** `value` held to the setting's documented range; `fallback` when it is not a finite number. */
export function clampSetting(key: RangedSetting, value: unknown, fallback: number): number {
  const r: Range = SETTING_RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(r.max ?? Infinity, Math.max(r.min, Math.round(value)));
}
