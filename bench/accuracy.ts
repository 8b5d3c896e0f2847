/**
 * Scores a checker's findings against the planted broken links. Everything else in a generated
 * site is correct, so any finding that is not a planted break is a false positive.
 */
import type { PlantedLink } from './manifest';

/** The part of a diagnostic the score needs (ours and the peer's are both mapped to this). */
export interface Finding {
  readonly file: string;
  /** 0-based line. */
  readonly line: number;
  readonly code: string;
  /** Destination as written, when the checker reports it. */
  readonly target?: string;
  readonly message?: string;
}

export interface AccuracyReport {
  readonly planted: number;
  /** Planted breaks found with the expected code. */
  readonly found: number;
  /** Planted breaks not reported at all. */
  readonly missed: readonly PlantedLink[];
  /** Planted breaks reported, but with another code. */
  readonly wrongCode: readonly { readonly planted: PlantedLink; readonly finding: Finding }[];
  /** Findings that match no planted break. */
  readonly falsePositives: readonly Finding[];
  /** False positives per code, for a short summary. */
  readonly falsePositivesByCode: Readonly<Record<string, number>>;
}

const key = (file: string, line: number) => `${file}\u0000${line}`;

export function scoreFindings(planted: readonly PlantedLink[], findings: readonly Finding[]): AccuracyReport {
  const byLine = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = key(f.file, f.line);
    const list = byLine.get(k);
    if (list) list.push(f);
    else byLine.set(k, [f]);
  }
  const used = new Set<Finding>();
  const missed: PlantedLink[] = [];
  const wrongCode: { planted: PlantedLink; finding: Finding }[] = [];
  let found = 0;
  // A line can hold several links: match on the target when the checker gives one.
  const sameTarget = (f: Finding, p: PlantedLink) => f.target === undefined || f.target === p.target;
  for (const p of planted) {
    const candidates = (byLine.get(key(p.file, p.line)) ?? []).filter((f) => !used.has(f) && sameTarget(f, p));
    const exact = candidates.find((f) => f.code === p.code);
    if (exact) {
      used.add(exact);
      found++;
    } else if (candidates.length > 0) {
      used.add(candidates[0]);
      wrongCode.push({ planted: p, finding: candidates[0] });
    } else missed.push(p);
  }
  const falsePositives = findings.filter((f) => !used.has(f));
  const falsePositivesByCode: Record<string, number> = {};
  for (const f of falsePositives) falsePositivesByCode[f.code] = (falsePositivesByCode[f.code] ?? 0) + 1;
  return { planted: planted.length, found, missed, wrongCode, falsePositives, falsePositivesByCode };
}
