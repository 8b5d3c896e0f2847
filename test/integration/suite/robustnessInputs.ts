// Pathological posts for the robustness suite (robustness.test.ts), generated at test time and never
// committed. Each generator returns the text plus what a correct check must report, computed from
// the same loop that wrote the text (so sizes can change without touching the expectations).
// Pure functions: no `vscode` here, so the shapes can be reused outside the extension host.

/** Every generated post is written into content/posts/ under a name starting with this. */
export const PREFIX = 'zz_robustness_';

export interface GeneratedPost {
  /** File name inside content/posts/. */
  readonly name: string;
  readonly text: string;
  /** 0-based line of the body's first line (the line after the closing `---`). */
  readonly bodyLine: number;
  /** 0-based line where the test types (at its end): a plain paragraph near the top. */
  readonly typingLine: number;
  /** 0-based lines holding a broken sentinel link `../zz_robustness_missing_*` (link.not-found). */
  readonly sentinelLines: readonly number[];
  /** Exact counts the check of the untouched text must report, by code (only the codes listed). */
  readonly expectedCounts: Readonly<Record<string, number>>;
  /** Minimum counts, for codes whose exact number is the parser's business (YAML errors). */
  readonly atLeast?: Readonly<Record<string, number>>;
}

const lineCount = (s: string): number => s.split('\n').length - 1;

/** Front matter that every check accepts (title, date, a tag list). */
function frontMatter(title: string, extra = ''): string {
  return `---\ntitle: "${title}"\ndate: 2024-03-01T10:00:00Z\ntags: ["robustness-generated"]\n${extra}---\n`;
}

const FILLER =
  'Engineering teams write things down so that decisions survive the meeting where they were made. ' +
  'A short note with context, options and the choice beats a long thread nobody can find later. ';

/**
 * (a) Over the size limit: valid front matter, a broken link near the top, then paragraphs with
 * headings and links until the text has `chars` characters. Over `postcraft.largeFileLimit` the
 * extension checks front matter and links (not headings) and says so with `document.too-large`: the
 * broken link is reported, links to the post's own sections are not judged.
 */
export function overLimitPost(chars: number): GeneratedPost {
  const head = frontMatter('Robustness: a post over the size limit') + '\n';
  const bodyLine = lineCount(head);
  const intro = 'Typing happens at the end of this paragraph.\n\nSee [a post that is not there](../zz_robustness_missing_a/) near the top.\n\n';
  const parts = [head, intro];
  let size = head.length + intro.length;
  for (let i = 0; size < chars; i++) {
    const block = `## Part ${i}\n\n${FILLER}${FILLER}See [hiring](../hiring_loops/) and [part ${Math.max(0, i - 1)}](#part-${Math.max(0, i - 1)}).\n\n`;
    parts.push(block);
    size += block.length;
  }
  const text = parts.join('');
  return {
    name: `${PREFIX}over_limit.md`,
    text,
    bodyLine,
    typingLine: bodyLine,
    sentinelLines: [bodyLine + 2],
    expectedCounts: { 'document.too-large': 1, 'link.not-found': 1, 'link.fragment-not-found': 0, 'frontmatter.syntax': 0 },
  };
}

/**
 * (b) Just under the limit: thousands of short sections, each a heading and a paragraph with three
 * links (another post, a heading of this post, a tag page); every 100th section adds a link to a
 * missing post, every 250th a link to a missing heading of this post.
 */
export function manyHeadingsPost(chars: number): GeneratedPost {
  const head = frontMatter('Robustness: thousands of headings and links') + '\n';
  const bodyLine = lineCount(head);
  const intro = 'Typing happens at the end of this paragraph.\n\n';
  const parts = [head, intro];
  let size = head.length + intro.length;
  let line = bodyLine + 2;
  let notFound = 0;
  let badFragment = 0;
  let headings = 0;
  const sentinelLines: number[] = [];
  for (let i = 0; ; i++) {
    let para = `See [hiring](../hiring_loops/), [section ${i >> 1}](#section-${i >> 1}-notes) and [the tag](/tags/leadership/).`;
    const broken = i % 100 === 50;
    const badAnchor = i % 250 === 125;
    if (broken) para += ` Also [missing ${i}](../zz_robustness_missing_b${i}/).`;
    if (badAnchor) para += ` And [nowhere](#no-such-section-${i}).`;
    const block = `## Section ${i} notes\n\n${para}\n\n`;
    if (size + block.length > chars) break;
    if (broken) sentinelLines.push(line + 2);
    notFound += broken ? 1 : 0;
    badFragment += badAnchor ? 1 : 0;
    headings++;
    parts.push(block);
    size += block.length;
    line += 4;
  }
  return {
    name: `${PREFIX}many_headings.md`,
    text: parts.join(''),
    bodyLine,
    typingLine: bodyLine,
    sentinelLines,
    expectedCounts: { 'document.too-large': 0, 'link.not-found': notFound, 'link.fragment-not-found': badFragment, 'frontmatter.syntax': 0, headings },
  };
}

/** (c) 5,000 tags in one front-matter flow list, and a broken sentinel link in the body. */
export function manyTagsPost(count = 5000): GeneratedPost {
  const tags = Array.from({ length: count }, (_, i) => `"robustness-tag-${String(i).padStart(4, '0')}"`);
  const head = `---\ntitle: "Robustness: ${count} tags"\ndate: 2024-03-01T10:00:00Z\ntags: [${tags.join(', ')}]\n---\n\n`;
  const bodyLine = lineCount(head);
  const text = head + 'A post with a very long tag list.\n\nSee [a post that is not there](../zz_robustness_missing_c/).\n';
  return {
    name: `${PREFIX}many_tags.md`,
    text,
    bodyLine,
    typingLine: bodyLine,
    sentinelLines: [bodyLine + 2],
    expectedCounts: { 'document.too-large': 0, 'link.not-found': 1, 'frontmatter.syntax': 0 },
  };
}

/** (d) 100,000 nested brackets on one line (closed, then a destination), and a sentinel after it. */
export function nestedBracketsPost(depth = 100_000): GeneratedPost {
  const head = frontMatter('Robustness: nested brackets') + '\n';
  const bodyLine = lineCount(head);
  const text = head + 'Before the brackets.\n\n' + '['.repeat(depth) + 'x' + ']'.repeat(depth) + '(/posts/hiring_loops/)\n\n' + 'After them: [a post that is not there](../zz_robustness_missing_d/).\n';
  return {
    name: `${PREFIX}nested_brackets.md`,
    text,
    bodyLine,
    typingLine: bodyLine,
    sentinelLines: [bodyLine + 4],
    // The bracket line's link points at an existing post: nothing to report there either way.
    expectedCounts: { 'document.too-large': 0, 'link.not-found': 1, 'frontmatter.syntax': 0 },
  };
}

/** (e) A YAML syntax error in the front matter (an unclosed quoted string in a flow list). */
export function yamlErrorPost(): GeneratedPost {
  const head = '---\ntitle: "Robustness: broken front matter"\ndate: 2024-03-01T10:00:00Z\ntags: ["robustness-generated", "unclosed]\nsummary: after the error\n---\n\n';
  const bodyLine = lineCount(head);
  const text = head + 'The body is fine.\n\nSee [a post that is not there](../zz_robustness_missing_e/).\n';
  return {
    name: `${PREFIX}yaml_error.md`,
    text,
    bodyLine,
    typingLine: bodyLine,
    sentinelLines: [bodyLine + 2],
    // The body is still checked when the front matter is broken.
    expectedCounts: { 'document.too-large': 0, 'link.not-found': 1 },
    atLeast: { 'frontmatter.syntax': 1 },
  };
}
