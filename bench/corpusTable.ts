/**
 * The development-corpus table (bench/corpus/results.md and the README between
 * `<!-- corpus:begin -->` and `<!-- corpus:end -->`), made from bench/corpus/results.json alone, so
 * the README check can make it again and compare. `npm run corpus` (scripts/corpus.mjs) writes all three.
 */
export interface CorpusSite {
  readonly name: string;
  readonly generator: string;
  readonly links: number;
  readonly truth: number;
  readonly found: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly adjudicated: number;
}

export interface CorpusScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
}

export interface CorpusResults {
  readonly date: string;
  readonly commit: string;
  readonly sites: readonly CorpusSite[];
  readonly total: CorpusScore & { readonly sites: number; readonly links: number; readonly truth: number };
  readonly asTruthScores: CorpusScore;
  /** Broken links counted once per file and destination as written (the truth counts each place shown). */
  readonly distinct?: { readonly broken: number; readonly found: number; readonly recall: number };
  /** With the truth's errata set aside (bench/corpus/truth-errata.json). */
  readonly errata?: CorpusScore & { readonly entries: number; readonly notBroken: number; readonly duplicates: number };
  readonly fpByCode: Readonly<Record<string, number>>;
  readonly fnByKind: Readonly<Record<string, number>>;
}

const f3 = (x: number) => x.toFixed(3);
const byCount = (r: Readonly<Record<string, number>>) =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

export function corpusTable(out: CorpusResults): string {
  const adj = out.sites.reduce((a, s) => a + (s.adjudicated ?? 0), 0);
  const raw = out.asTruthScores;
  return [
    `Development corpus — ${out.date}, commit ${out.commit}: ${out.total.sites} real blogs, ${out.total.links} content links, ${out.total.truth} broken per the generators' own builds.`,
    '',
    '| site | generator | links | broken (truth) | found | true | false | missed | precision | recall |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...out.sites.map((s) => `| ${s.name} | ${s.generator} | ${s.links} | ${s.truth} | ${s.found} | ${s.tp}${s.adjudicated ? ` (${s.adjudicated} adj.)` : ''} | ${s.fp} | ${s.fn} | ${f3(s.precision)} | ${f3(s.recall)} |`),
    `| **all** | | **${out.total.links}** | **${out.total.truth}** | | **${out.total.tp}** | **${out.total.fp}** | **${out.total.fn}** | **${f3(out.total.precision)}** | **${f3(out.total.recall)}** |`,
    `| as the truth scores it | | | | | ${raw.tp} | ${raw.fp} | ${raw.fn} | ${f3(raw.precision)} | ${f3(raw.recall)} |`,
    ...(out.errata ? [`| without the truth's errata | | | | | ${out.errata.tp} | ${out.errata.fp} | ${out.errata.fn} | ${f3(out.errata.precision)} | ${f3(out.errata.recall)} |`] : []),
    '',
    `"adj.": findings the truth scores as false that other evidence shows true (${adj}, each with its reason in bench/corpus/adjudicated.json).`,
    `False positives by code: ${byCount(out.fpByCode)}.`,
    `Missed, by kind: ${byCount(out.fnByKind)}.`,
    ...(out.errata
      ? [`"Without the truth's errata": ${out.errata.entries} entries of the truth set aside, each with its evidence in bench/corpus/truth-errata.json — ${out.errata.notBroken} that the published site shows are not broken (those we report count as false), ${out.errata.duplicates} that list again a link the truth lists where it is written.`]
      : []),
    ...(out.distinct
      ? [`Distinct broken links (one per file and destination as written; the truth lists a link once per place its build shows it, we report it once where it is written): ${out.distinct.found} of ${out.distinct.broken} found, recall ${f3(out.distinct.recall)}.`]
      : []),
  ].join('\n');
}
