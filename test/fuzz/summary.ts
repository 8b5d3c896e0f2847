/**
 * The README's reliability figures that code defines or a command writes, made again by the README
 * check (test/unit/readme-figures.test.ts): the properties and how often each command runs them
 * (test/fuzz/properties.ts, scripts/fuzz.mjs), and the pathological-input summary
 * (test/fuzz/pathological.json, written by `node scripts/pathological.mjs`).
 */
export interface PropertyCount {
  readonly name: string;
  readonly unitRuns: number;
}

const n = (x: number) => x.toLocaleString('en-US');

/** `fuzzRuns`: the default case count of `npm run fuzz` (scripts/fuzz.mjs). */
export function propertiesSummary(props: readonly PropertyCount[], fuzzRuns: number): string {
  const inUnit = props.filter((p) => p.unitRuns > 0);
  const runs = inUnit.map((p) => p.unitRuns);
  const outside = props.filter((p) => p.unitRuns === 0).map((p) => `"${p.name.split(':')[0]}"`);
  return (
    `**${props.length} fast-check properties** (\`test/fuzz/properties.ts\`): \`npm run fuzz\` runs each ${n(fuzzRuns)} times (${n(props.length * fuzzRuns)} cases), ` +
    `\`npm test\` runs ${inUnit.length} of them ${n(Math.min(...runs))}–${n(Math.max(...runs))} times each (${n(runs.reduce((a, b) => a + b, 0))} cases)` +
    (outside.length ? `; ${outside.join(', ')} runs in \`npm test\` through its own unit test instead.` : '.')
  );
}

export interface PathologicalResults {
  readonly command: string;
  readonly date: string;
  readonly operations: number;
  readonly withinBudget: number;
  readonly overBudget: number;
  readonly failed: number;
}

export function pathologicalSummary(r: PathologicalResults): string {
  return `Pathological inputs, the latest full run of \`${r.command}\` (${r.date.slice(0, 10)}, every row in \`test/fuzz/pathological.json\`): ${r.withinBudget} of ${r.operations} operations within the strict 200 ms/MB budget, ${r.overBudget} over it, ${r.failed} failed or killed (a killed input is one row).`;
}
