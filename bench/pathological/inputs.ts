/**
 * Pathological posts: the shapes that make parsers go quadratic or recurse (deep nesting, one huge
 * line, huge counts of one construct). Each has a time budget per operation, chosen from the cost of
 * plain parsing: markdown-it reads blog Markdown at ~80 MB/s on one core here, so a budget of
 * 200 ms per MB (at least 200 ms) leaves ~15× headroom for our own passes and a loaded machine,
 * while still catching anything super-linear (a quadratic pass on 1 MB takes minutes, not ms).
 * `size` scales every input (the unit tests use small sizes to check the outputs stay sane).
 */

export interface PathologicalInput {
  readonly name: string;
  /** The post, front matter included. */
  readonly text: string;
  /** Budget per operation in milliseconds. */
  readonly budgetMs: number;
}

const MB = 1024 * 1024;
const FM = '---\ntitle: Pathological\n---\n';

/** 200 ms per MB, never under 200 ms. */
export function budgetFor(text: string): number {
  return Math.max(200, Math.ceil((text.length / MB) * 200));
}

function input(name: string, text: string, budgetMs = budgetFor(text)): PathologicalInput {
  return { name, text, budgetMs };
}

/** Repeats `unit` until the result has about `length` characters. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length))).slice(0, length);
}

/** `scale` 1 gives the sizes of the issue; the unit tests use ~0.01. */
export function pathologicalInputs(scale = 1): PathologicalInput[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const tags = Array.from({ length: n(5000) }, (_, i) => `tag-${i}`);
  const bigFrontMatter: string[] = [];
  for (let i = 0, size = 0; size < n(MB); i++) {
    const line = `key_${i}: "value ${i} with some text to fill the line"\n`;
    bigFrontMatter.push(line);
    size += line.length;
  }
  const links: string[] = [];
  for (let i = 0; i < n(100_000); i++) links.push(i % 10 === 9 ? `[l${i}](/posts/p${i}/)\n` : `[l${i}](/posts/p${i}/) `);
  return [
    input('100,000 nested brackets', FM + '['.repeat(n(100_000)) + 'x' + ']'.repeat(n(100_000)) + '(/posts/a/)\n'),
    input('100,000 nested parentheses in a destination', FM + '[x](' + '('.repeat(n(100_000)) + ')'.repeat(n(100_000)) + ')\n'),
    input('10 MB single line', FM + fill('Some prose with a [link](/posts/a/) and `code` and *emphasis* here. ', n(10 * MB)) + '\n'),
    input('10 MB of one character, no line break', FM + 'a'.repeat(n(10 * MB))),
    input('50,000 headings', FM + Array.from({ length: n(50_000) }, (_, i) => `## Heading ${i % 100}\n`).join('')),
    input('10,000 nested list levels (one line)', FM + '- '.repeat(n(10_000)) + 'x\n'),
    input('10,000 nested list levels (indented lines)', FM + Array.from({ length: n(10_000) }, (_, i) => ' '.repeat(Math.min(i * 2, 2_000)) + '- x\n').join('')),
    input('10,000 nested block quotes', FM + '>'.repeat(n(10_000)) + ' x\n'),
    input('10,000 nested HTML elements', FM + '<div>'.repeat(n(10_000)) + 'x' + '</div>'.repeat(n(10_000)) + '\n'),
    input('1 MB front matter', '---\n' + bigFrontMatter.join('') + '---\nbody\n'),
    input('5,000 tags on one post', `---\ntitle: Tags\ntags: [${tags.join(', ')}]\n---\nbody\n`),
    input('100,000 links in one post', FM + links.join('')),
    input('a 1 MB link destination', FM + '[x](/' + 'a'.repeat(n(MB)) + ')\n'),
    input('100,000 shortcodes', FM + '{{< relref "a.md" >}} '.repeat(n(100_000)) + '\n'),
    input('100,000 unclosed code spans', FM + '`x '.repeat(n(100_000)) + '\n'),
    input('100,000 emphasis delimiters', FM + '*_'.repeat(n(100_000)) + 'x\n'),
  ];
}
