/**
 * The robustness properties (test/fuzz/properties.ts) at modest counts, so every `npm test` runs
 * them; `npm run fuzz` runs the same definitions 100,000+ times each.
 */
import { PROPERTIES } from '../../fuzz/properties';

/** ROBUSTNESS_SCALE scales every count (e.g. 0.2 on a loaded machine, 10 for a longer local run). */
const SCALE = Number(process.env.ROBUSTNESS_SCALE ?? 1);

describe('robustness properties (fast-check)', function () {
  this.timeout(120_000);
  for (const p of PROPERTIES) {
    if (p.unitRuns === 0) continue;
    it(p.name, async () => {
      await p.check(Math.max(10, Math.round(p.unitRuns * SCALE)));
    });
  }
});
