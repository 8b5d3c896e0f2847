/**
 * The README's figures for VS Code for the web (between `<!-- web:begin -->` and `<!-- web:end -->`),
 * made from test/web/results/web.json alone: the measurements the web level took in VS Code's web
 * build, kept by `npm run test:web -- --record`.
 */
export interface WebRequests {
  readonly reads: number;
  readonly listings: number;
  readonly stats: number;
}

export interface WebResults {
  readonly bench: { readonly posts: number; readonly files: number; readonly markdownBytes: number };
  readonly blogIndex: { readonly ms: number; readonly posts: number; readonly requests: WebRequests };
  readonly bench1000Index: { readonly ms: number; readonly posts: number; readonly requests: WebRequests; readonly longestBlockMs: number; readonly warmMs: number };
  readonly largePostTyping: { readonly chars: number; readonly links: number; readonly settledAfterLastEditMs: number; readonly longestBlockMs: number };
}

const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const requests = (r: WebRequests) => `${n(r.reads)} reads, ${n(r.listings)} listings, ${n(r.stats)} stats`;

export function webTable(r: WebResults): string {
  const b = r.bench1000Index;
  const t = r.largePostTyping;
  return [
    '| Site | Cold index | Requests | Of which our own work (same index, contents already held) | Longest time without a turn |',
    '|---|---|---|---|---|',
    `| \`examples/blog\` (${n(r.blogIndex.posts)} posts), while the workbench itself starts | ${s(r.blogIndex.ms)} | ${requests(r.blogIndex.requests)} | — | — |`,
    `| ${n(b.posts)} generated posts (${(r.bench.markdownBytes / 1e6).toFixed(1)} MB of Markdown) | ${s(b.ms)} | ${requests(b.requests)} | ${s(b.warmMs)} | ${n(b.longestBlockMs)} ms |`,
    '',
    `Typing in a post of ${n(t.chars)} characters (${n(t.links)} links): the diagnostics follow ${n(t.settledAfterLastEditMs)} ms after the last keystroke, and the longest stretch without a turn is ${n(t.longestBlockMs)} ms, one markdown-it parse of the whole post (on Node it runs on the worker thread).`,
  ].join('\n');
}
