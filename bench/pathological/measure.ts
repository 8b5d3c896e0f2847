/**
 * Times analyzeDocument, checkDocument (through the engine, as the editor calls it) and the preview
 * render on one pathological input. Run in a child process per input (scripts/pathological.mjs), so
 * a hang is killed by the parent instead of stopping the whole table.
 */
import { analyzeDocument } from '../../src/core/markdown/analyze';
import { createPostcraft, type Postcraft } from '../../src/core/service';
import { DEFAULT_MARKUP, renderPost } from '../../src/core/render/render';
import type { RenderHooks } from '../../src/core/render/types';
import { MemoryFs, fixedClock } from '../../test/unit/helpers/memoryFs';
import { pathologicalInputs } from './inputs';
import { GOLDMARK } from '../../src/core/markdown/dialect';

export interface Timing {
  readonly op: string;
  readonly ms: number;
  /** A one-line summary of the output, to show it is sane (counts, sizes). */
  readonly output: string;
  readonly error?: string;
}

const HOOKS: RenderHooks = {
  resolveImage: () => ({ missing: true, reason: 'not resolved in the benchmark' }),
  resolveLink: () => ({ kind: 'internal' }),
};

const SITE = {
  'hugo.toml': 'baseURL = "https://example.org/"\n',
  'content/posts/a.md': '---\ntitle: A\n---\n# A\n',
  'content/posts/b.md': '---\ntitle: B\n---\n# B\n',
};

export function smallSite(settings: { maxBodyBytes?: number } = {}): Promise<Postcraft> {
  return createPostcraft({ fs: new MemoryFs('/site', SITE), roots: ['/site'], clock: fixedClock(), settings });
}

function time(op: string, f: () => string): Timing {
  const t = performance.now();
  try {
    const output = f();
    return { op, ms: performance.now() - t, output };
  } catch (e) {
    return { op, ms: performance.now() - t, output: '', error: (e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e) };
  }
}

async function timeAsync(op: string, f: () => Promise<string>): Promise<Timing> {
  const t = performance.now();
  try {
    const output = await f();
    return { op, ms: performance.now() - t, output };
  } catch (e) {
    return { op, ms: performance.now() - t, output: '', error: (e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e) };
  }
}

/** Warms the JIT on an ordinary post so the first pathological input does not pay for it. */
async function warmUp(engine: Postcraft): Promise<void> {
  const post = '---\ntitle: W\ntags: [a]\n---\n# H\n\n[x](/posts/a/) <b>x</b> {{< relref "a.md" >}}\n'.repeat(50);
  for (let i = 0; i < 20; i++) {
    analyzeDocument(post, { dialect: GOLDMARK });
    engine.documentChanged('/site/content/posts/w.md', post + i);
    await engine.checkDocument('/site/content/posts/w.md', post + i);
    renderPost(post, { ...DEFAULT_MARKUP, dialect: { ...GOLDMARK, rawHtml: true } }, HOOKS);
  }
}

export async function measureInput(index: number, scale = 1): Promise<{ name: string; chars: number; budgetMs: number; timings: Timing[] }> {
  const input = pathologicalInputs(scale)[index];
  const engine = await smallSite();
  await warmUp(engine);
  const { text } = input;
  const file = '/site/content/posts/pathological.md';
  const timings: Timing[] = [
    time('analyzeDocument', () => {
      const a = analyzeDocument(text, { dialect: GOLDMARK });
      return `${a.links.length} links, ${a.headings.length} headings, ${a.frontMatter?.fields.length ?? 0} fields`;
    }),
    await timeAsync('documentChanged + checkDocument', async () => {
      engine.documentChanged(file, text);
      const d = await engine.checkDocument(file, text);
      return `${d.length} diagnostics${engine.sites[0].index.document('content/posts/pathological.md')?.partial ? ' (partial: over the size limit)' : ''}`;
    }),
    time('render (raw HTML off)', () => `${renderPost(text, DEFAULT_MARKUP, HOOKS).bodyHtml.length} chars of HTML`),
    time('render (raw HTML on, sanitised)', () => `${renderPost(text, { ...DEFAULT_MARKUP, dialect: { ...GOLDMARK, rawHtml: true } }, HOOKS).bodyHtml.length} chars of HTML`),
  ];
  return { name: input.name, chars: text.length, budgetMs: input.budgetMs, timings };
}

/**
 * What typing in a large post costs the extension host: one `documentChanged` + `checkDocument`
 * per edit (the debounced check the editor runs), on a realistic post of `chars` characters.
 */
export async function measureTyping(chars: number, maxBodyBytes?: number): Promise<{ chars: number; medianMs: number; maxMs: number; partial: boolean }> {
  const engine = await smallSite(maxBodyBytes === undefined ? {} : { maxBodyBytes });
  await warmUp(engine);
  const para = 'Writing about teams, [a link](/posts/a/) and [another](/posts/missing/) with `code`, *emphasis* and a {{< relref "b.md" >}}.\n\n';
  const sections: string[] = ['---\ntitle: Large\ntags: [a, b]\n---\n'];
  for (let i = 0, size = 0; size < chars; i++) {
    const s = `## Section ${i}\n\n${para.repeat(8)}`;
    sections.push(s);
    size += s.length;
  }
  const base = sections.join('').slice(0, chars);
  const file = '/site/content/posts/large.md';
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    // One keystroke in the middle of the post.
    const text = base.slice(0, base.length >> 1) + 'x'.repeat(i + 1) + base.slice(base.length >> 1);
    const t = performance.now();
    engine.documentChanged(file, text);
    await engine.checkDocument(file, text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const partial = !!engine.sites[0].index.document('content/posts/large.md')?.partial;
  return { chars: base.length, medianMs: times[times.length >> 1], maxMs: times[times.length - 1], partial };
}
