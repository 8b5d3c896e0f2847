/**
 * Every figure in the README comes from a file that a command in this repository writes (or from
 * the code that defines it), and the README agrees with it:
 * - the generated tables (between `<!-- NAME:begin -->` and `<!-- NAME:end -->`) are made again from
 *   their results files and must be identical;
 * - outside them, every number in the sections this check owns must appear in one of the files the
 *   section names as its sources, and a measured figure (a number with a unit) anywhere else too.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { markdownReport } from '../../bench/report';
import { readBlock } from '../../bench/readme';
import { corpusTable, type CorpusResults } from '../../bench/corpusTable';
import type { BenchResults } from '../../bench/results';
import { typingTable, type RobustnessResults } from '../integration/typingReport';
import { webTable, type WebResults } from '../web/webReport';
import { propertiesSummary, pathologicalSummary, type PathologicalResults } from '../fuzz/summary';
import { PROPERTIES } from '../fuzz/properties';
import { knownDifferencesMarkdown } from '../conformance/knownDifferences';

const REPO = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(REPO, rel), 'utf8');
const json = <T>(rel: string): T => JSON.parse(read(rel)) as T;
const README = read('README.md');

/** `npm run fuzz`'s default case count, as scripts/fuzz.mjs sets it. */
function fuzzRuns(): number {
  const m = /FUZZ_RUNS \|\| '(\d+)'/.exec(read('scripts/fuzz.mjs'));
  assert.ok(m, 'scripts/fuzz.mjs sets its default case count');
  return Number(m[1]);
}

/** Each generated block: the file it is made from, how, and whether the README must have it. */
const BLOCKS: Record<string, { source: string; required: boolean; make: () => string }> = {
  bench: { source: 'bench/results.json', required: true, make: () => markdownReport(json<BenchResults>('bench/results.json')) },
  corpus: { source: 'bench/corpus/results.json', required: false, make: () => corpusTable(json<CorpusResults>('bench/corpus/results.json')) },
  web: { source: 'test/web/results/web.json', required: true, make: () => webTable(json<WebResults>('test/web/results/web.json')) },
  typing: { source: 'test/integration/results/robustness.json', required: true, make: () => typingTable(json<RobustnessResults>('test/integration/results/robustness.json')) },
  properties: { source: 'test/fuzz/properties.ts', required: true, make: () => propertiesSummary(PROPERTIES, fuzzRuns()) },
  pathological: { source: 'test/fuzz/pathological.json', required: false, make: () => pathologicalSummary(json<PathologicalResults>('test/fuzz/pathological.json')) },
  'known-differences': { source: 'test/conformance/knownDifferences.ts', required: true, make: () => knownDifferencesMarkdown() },
};

/**
 * The sections whose every number needs a source: Markdown records the figure must be found in with
 * the word after it (`records`), files whose numbers all count (`code`: the settings, checked
 * exactly by test/unit/settings.test.ts), and single figures with the file that defines them.
 */
interface Sources {
  readonly records?: readonly string[];
  readonly code?: readonly string[];
  readonly constants?: Readonly<Record<string, string>>;
}
const SECTION_SOURCES: Record<string, Sources> = {
  Settings: { code: ['package.json', 'src/core/site/index.ts'] },
  Tests: {
    constants: {
      '12': '.ci/run', // Debian 12
      '4.100.3': 'scripts/provision.mjs',
      '2.1.0': 'src/cli/formats/diagnostics.ts',
      // The generators' versions are the Debian packages the conformance suites are written against.
      '0.111': 'test/conformance/links.test.ts',
      '4.3.1': 'test/conformance/jekyll-urls.test.ts',
      // The npm generators' versions are pinned there (Docusaurus, Eleventy, Hexo, Astro).
      '3.10': 'test/generators/package.json',
      '3.1': 'test/generators/package.json',
      '8.1': 'test/generators/package.json',
      '5.18': 'test/generators/package.json',
      '1000': 'bench/main.ts',
      // VS Code's web build and its server for the web level, pinned there.
      '1.137': 'test/web/package.json',
      '0.0.81': 'test/web/package.json',
      '300': 'test/browser/webWorker.test.ts',
    },
  },
  Performance: { constants: { '1000': 'bench/main.ts', '10000': 'bench/main.ts' } },
  Reliability: { records: ['test/fuzz/RESULTS.md'], constants: { '500000': 'package.json', '2': 'src/core/site/index.ts' } },
  'Known differences from the generators': {},
};
/** Measured figures (a number with a unit) in the other sections, and where they are defined. */
const OTHER_SOURCES: readonly string[] = ['src/core/slicing.ts'];

/** The README without the text of its generated blocks. */
function withoutBlocks(text: string): string {
  return text.replace(/(<!-- ([\w-]+):begin -->)[\s\S]*?(<!-- \2:end -->)/g, '$1$3');
}

function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = text.split(/^## /m).slice(1);
  for (const p of parts) out.set(p.slice(0, p.indexOf('\n')).trim(), p.slice(p.indexOf('\n') + 1));
  return out;
}

/** A figure: a number as written (1,000 · 0.111 · 2.1.0) without the commas that group thousands, and the word after it. */
interface Figure {
  readonly n: string;
  readonly word: string;
}

function figuresIn(text: string, withUnitOnly = false): Figure[] {
  const flat = text.replace(/\s+/g, ' ');
  const re = withUnitOnly ? /(?<![\w.])(\d+(?:[.,]\d+)*)\s?((?:ms|s|MB|KB|MiB|GB|×|%)(?![\w]))/g : /(?<![\w.])(\d+(?:[.,]\d+)*)(?:[ -]?([\p{L}×%]+))?/gu;
  return [...flat.matchAll(re)].map((m) => ({ n: m[1].replace(/,(?=\d{3}\b)/g, ''), word: m[2] ?? '' }));
}

function numbersIn(text: string, withUnitOnly = false): string[] {
  return figuresIn(text, withUnitOnly).map((f) => f.n);
}

const flatNumbers = (source: string) => source.replace(/(?<=\d)[_,](?=\d{3})/g, '').replace(/\s+/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether figure `f` has its source in `source`: in code and data (a number is defined once) the
 * number itself; in a Markdown record, where many numbers stand side by side, the number with the
 * word after it ("50,000 headings", "24 s"), so that a figure cannot borrow a number from another row.
 */
function occursIn(source: string, f: Figure | string, markdown = false): boolean {
  const fig = typeof f === 'string' ? { n: f, word: '' } : f;
  const after = markdown && fig.word ? `[ -]?${escape(fig.word)}` : '(?![\\d])';
  return new RegExp(`(?<![\\d.])${escape(fig.n)}${after}`, 'u').test(flatNumbers(source));
}

describe('README figures and their results files', () => {
  for (const [name, b] of Object.entries(BLOCKS)) {
    it(`the ${name} block is what ${b.source} gives`, function () {
      const block = readBlock(README, name);
      if (block === undefined) {
        assert.ok(!b.required, `README.md has no <!-- ${name}:begin --> … <!-- ${name}:end --> block`);
        this.skip();
      }
      assert.ok(fs.existsSync(path.join(REPO, b.source)), `${b.source} is missing: the README quotes it`);
      assert.equal(block, b.make().replace(/\n$/, ''), `README.md's ${name} block differs from what ${b.source} gives: write it again with the command that writes ${b.source}`);
    });
  }

  it('has no generated block without a results file behind it', () => {
    const names = [...README.matchAll(/<!-- ([\w-]+):begin -->/g)].map((m) => m[1]);
    assert.deepEqual(names.filter((n) => !(n in BLOCKS)), []);
  });

  it('bench/results.md and bench/corpus/results.md are the same tables', () => {
    assert.equal(read('bench/results.md'), markdownReport(json<BenchResults>('bench/results.json')));
    assert.equal(read('bench/corpus/results.md'), corpusTable(json<CorpusResults>('bench/corpus/results.json')) + '\n');
  });

  it('every benchmark row carries the command that produced it', () => {
    const r = json<BenchResults>('bench/results.json');
    assert.match(r.command, /^npm run bench\b/);
    assert.ok(r.sizes.length > 0);
    for (const s of r.sizes) {
      const e = s.endToEnd;
      for (const row of [e.checkCold, e.checkWarm, e.hugo, e.peer]) {
        if (!row) continue;
        assert.ok(row.command.length > 0 && row.ms.runs.length === e.rounds, `${s.posts} posts: ${row.command}`);
        assert.ok(row.ms.min <= row.ms.median && row.ms.median <= row.ms.max);
      }
      assert.match(e.checkCold.command, /^node dist\/cli\.js check SITE\b/);
    }
  });

  it('the benchmark holds its accuracy goal: nothing planted is missed, nothing else is reported', () => {
    for (const s of json<BenchResults>('bench/results.json').sizes) {
      const a = s.endToEnd.ours;
      assert.deepEqual({ missed: a.missed, wrongCode: a.wrongCode, falsePositives: a.falsePositives, found: a.found }, { missed: 0, wrongCode: 0, falsePositives: 0, found: a.planted }, `${s.posts} posts`);
    }
  });

  const text = withoutBlocks(README);
  const bySection = sections(text);
  for (const [name, src] of Object.entries(SECTION_SOURCES)) {
    const files = [...(src.records ?? []), ...(src.code ?? []), ...Object.keys(src.constants ?? {}).map((n) => `${n} in ${src.constants![n]}`)];
    it(`every number in "${name}" outside the generated blocks has a source (${files.join(', ') || 'none'})`, () => {
      const body = bySection.get(name);
      assert.ok(body !== undefined, `README.md has a "## ${name}" section`);
      const records = (src.records ?? []).map(read);
      const code = (src.code ?? []).map(read);
      for (const [n, file] of Object.entries(src.constants ?? {})) assert.ok(occursIn(read(file), n), `${file} defines ${n}`);
      const sourced = (fig: Figure) => fig.n in (src.constants ?? {}) || records.some((t) => occursIn(t, fig, true)) || code.some((t) => occursIn(t, fig));
      const unsourced = figuresIn(body).filter((fig) => !sourced(fig));
      assert.deepEqual([...new Set(unsourced.map((u) => `${u.n} ${u.word}`.trim()))], [], `figures with no source in "${name}"`);
    });
  }

  it('every measured figure in the other sections has a source', () => {
    const texts = OTHER_SOURCES.map(read);
    const unsourced: string[] = [];
    for (const [name, body] of bySection) {
      if (name in SECTION_SOURCES) continue;
      for (const n of numbersIn(body, true)) if (!texts.some((t) => occursIn(t, n))) unsourced.push(`${name}: ${n}`);
    }
    assert.deepEqual(unsourced, []);
  });

  it('the figure check itself tells sourced from unsourced numbers', () => {
    assert.deepEqual(numbersIn('0.69× the previous engine, 164 → ~115 MB, 1,000 posts, 52–80 ms', true), ['0.69', '115', '80']);
    assert.ok(occursIn('sizes: [1000, 10_000]', '10000') && occursIn('a, 1,000 b', '1000'));
    assert.ok(!occursIn('0.111', '111') && !occursIn('1000', '100'));
    const [fig] = figuresIn('27 of 64 operations');
    assert.deepEqual(fig, { n: '27', word: 'of' });
    assert.ok(!occursIn('0.77 s for 27 KB; 32 of 64 operations (27 before)', fig, true), 'a record holding 27 elsewhere is no source for "27 of"');
    assert.ok(occursIn('50,000 headings took\n24 s', figuresIn('took 24 s')[0], true));
  });
});
