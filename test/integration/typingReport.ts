/**
 * The README's typing figures (between `<!-- typing:begin -->` and `<!-- typing:end -->`), made from
 * test/integration/results/robustness.json alone: the measurements the integration suite
 * `robustness` wrote in a real VS Code, kept by `npm run test:integration -- --record`.
 */
export interface TypingRun {
  readonly label: string;
  readonly chars: number;
  readonly headings?: number;
  readonly maxBlockMs: number;
  readonly blocksOverGoal: number;
  readonly refreshMs: number;
  readonly attribution?: {
    readonly cpuMs: Readonly<Record<string, number>>;
    readonly worstBlockMs: number;
    readonly worstBlock: Readonly<Record<string, number>>;
    readonly maxPostcraftInBlockMs: number;
  };
}

export interface RobustnessResults {
  readonly host: { readonly vscode: string; readonly app: string; readonly date: string };
  readonly goalBlockMs: number;
  readonly assertedPostcraftInBlockMs: number;
  readonly hangGuardMs: number;
  readonly keystrokes: number;
  readonly spacingMs: number;
  readonly results: Readonly<Record<string, unknown>>;
}

/** The two typing measurements the README quotes, in the order the suite runs them. */
export const TYPING_KEYS = ['overLimitTyping', 'manyHeadingsTyping'] as const;

const n = (x: number) => x.toLocaleString('en-US');

function postLabel(key: string, r: TypingRun): string {
  if (key === 'overLimitTyping') return `${n(r.chars)} characters, over \`postcraft.largeFileLimit\``;
  return `${n(r.chars)} characters, ${n(r.headings ?? 0)} headings`;
}

function owners(r: Readonly<Record<string, number>>): string {
  const top = Object.entries(r).sort((a, b) => b[1] - a[1]).slice(0, 2);
  return top.length ? top.map(([k, v]) => `${k} ${v} ms`).join(', ') : 'none';
}

export function typingTable(data: RobustnessResults): string {
  const lines = [
    `Measured by \`npm run test:integration -- --record\` on ${data.host.date.slice(0, 10)} in ${data.host.app} (VS Code ${data.host.vscode}): ${data.keystrokes + 1} edits (${data.keystrokes} keystrokes ${data.spacingMs} ms apart and a pasted link) into each post. ` +
      `The suite fails when Postcraft's code takes more than ${data.assertedPostcraftInBlockMs} ms of one event-loop block (the goal is ${data.goalBlockMs} ms; the margin is for this shared machine) or any block exceeds ${n(data.hangGuardMs)} ms.`,
    '',
    '| post | Postcraft code in one block, at most | Postcraft CPU while typing | longest block, whose code | blocks over the goal | diagnostics after the last edit |',
    '|---|---|---|---|---|---|',
  ];
  for (const key of TYPING_KEYS) {
    const r = data.results[key] as TypingRun | undefined;
    if (!r) throw new Error(`robustness.json has no ${key}: record a full run of the suite`);
    const a = r.attribution;
    lines.push(
      `| ${postLabel(key, r)} | **${a ? `${a.maxPostcraftInBlockMs} ms` : 'n/a (no profile)'}** | ${a ? `${n(a.cpuMs.postcraft ?? 0)} ms` : 'n/a'} | ${a ? `${n(a.worstBlockMs)} ms (${owners(a.worstBlock)})` : `${n(r.maxBlockMs)} ms`} | ${r.blocksOverGoal} | ${n(r.refreshMs)} ms |`,
    );
  }
  return lines.join('\n');
}
