/**
 * Builds a deterministic Hugo blog in memory: posts with prose, headings and every link style a
 * Hugo writer uses, plus ~3% broken links of known kinds recorded in a manifest. Pure: the same
 * options give the same files, byte for byte (tested), so results from different runs compare.
 */
import { Prng } from '../prng';
import type { ExpectedCode, PlantedLink } from '../manifest';
import { goldmarkIds, goldmarkId } from './goldmarkIds';
import { capitalize, headingText, sentence, words } from './prose';
import { AUTHORS, CATEGORIES, EXTERNAL, IMAGES, STOCK_HEADINGS, TAGS, WORDS } from './vocabulary';

export interface SiteOptions {
  readonly posts: number;
  readonly seed: number;
  /** Share of links planted broken. Default 0.03. */
  readonly brokenRate?: number;
}

export interface PostInfo {
  readonly file: string;
  readonly slug: string;
  readonly title: string;
  readonly draft: boolean;
  readonly bundle: boolean;
  readonly words: number;
  readonly headings: readonly string[];
  readonly ids: readonly string[];
}

export interface GeneratedSite {
  /** Site-relative posix path → content. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  readonly posts: readonly PostInfo[];
  readonly manifest: readonly PlantedLink[];
  /** A published post of about 3,000 words (the re-check measurement edits it). */
  readonly longPost: string;
  /** A published post of about 5,000 words (the preview measurement renders it). */
  readonly renderPost: string;
  readonly linkCount: number;
  readonly markdownBytes: number;
}

const LONG_WORDS = 3000;
const RENDER_WORDS = 5000;

// The smallest valid PNG (1×1, grey): Hugo copies it as is; only its existence matters.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'));

const CONFIG = `baseURL = "https://blog.example.org/"
languageCode = "en-us"
title = "Bench Blog"

[taxonomies]
  tag = "tags"
  category = "categories"
  author = "authors"
`;

const BASE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
`;
const SINGLE = `{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}
`;
const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`;
const INDEX = `{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 20 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`;

interface Skeleton extends PostInfo {
  readonly toml: boolean;
  readonly date: string;
  readonly tags: readonly string[];
  readonly categories: readonly string[];
  readonly authors: readonly string[];
}

export function generateSite(o: SiteOptions): GeneratedSite {
  const rng = new Prng(o.seed);
  const brokenRate = o.brokenRate ?? 0.03;
  const files = new Map<string, string | Uint8Array>();
  files.set('hugo.toml', CONFIG);
  files.set('layouts/_default/baseof.html', BASE);
  files.set('layouts/_default/single.html', SINGLE);
  files.set('layouts/_default/list.html', LIST);
  files.set('layouts/index.html', INDEX);
  files.set('content/_index.md', '---\ntitle: "Bench Blog"\n---\n\nWelcome.\n');
  files.set('content/posts/_index.md', '---\ntitle: "Posts"\n---\n');
  for (const img of IMAGES) files.set(`static/images/${img}`, PNG);
  for (const a of AUTHORS) files.set(`data/authors/${a.id}.toml`, `name = "${a.name}"\n`);

  const posts = skeletons(rng, o.posts);
  const published = posts.filter((p) => !p.draft);
  const drafts = posts.filter((p) => p.draft);
  const slugs = new Set(posts.map((p) => p.slug));
  const usedTags = [...new Set(published.flatMap((p) => p.tags))].sort();
  const manifest: PlantedLink[] = [];
  let linkCount = 0;
  let markdownBytes = 0;

  for (const post of posts) {
    const lines = frontMatter(post);
    const body: string[] = [];
    const linkable = (): Skeleton => {
      for (;;) {
        const t = rng.pick(published);
        if (t !== post) return t;
      }
    };

    // A link destination that works on the built site, in one of the styles writers use.
    const goodLink = (): { md: string } => {
      const t = linkable();
      const text = rng.chance(0.4) ? t.title : words(rng, rng.int(2, 4)).join(' ');
      const kind = rng.weighted<string>([
        ['rel', 15], ['rel/', 20], ['abs', 20], ['relref', 10], ['anchor', 10], ['self', 3], ['image', 6], ['bundle-image', post.bundle ? 5 : 0], ['external', 8], ['tag', 3],
      ]);
      switch (kind) {
        case 'rel':
          return { md: `[${text}](../${t.slug})` };
        case 'rel/':
          return { md: `[${text}](../${t.slug}/)` };
        case 'abs':
          return { md: `[${text}](/posts/${t.slug}/)` };
        case 'relref': {
          const ref = t.bundle ? `/posts/${t.slug}` : post.bundle ? `/posts/${t.slug}.md` : `${t.slug}.md`;
          return { md: `[${text}]({{< relref "${ref}" >}})` };
        }
        case 'anchor':
          return t.ids.length ? { md: `[${text}](../${t.slug}/#${rng.pick(t.ids)})` } : { md: `[${text}](/posts/${t.slug}/)` };
        case 'self':
          return post.ids.length ? { md: `[see above](#${rng.pick(post.ids)})` } : { md: `[${text}](../${t.slug}/)` };
        case 'image':
          return { md: `![${text}](/images/${rng.pick(IMAGES)})` };
        case 'bundle-image':
          return { md: `![${text}](cover.png)` };
        case 'external':
          return { md: `[${text}](${rng.pick(EXTERNAL)})` };
        default: {
          const tag = rng.pick(usedTags);
          return { md: `[${tag}](/tags/${tag}/)` };
        }
      }
    };

    // A link that 404s on the built site, and the code the checker must give it.
    const brokenLink = (): { md: string; target: string; code: ExpectedCode } => {
      const text = words(rng, rng.int(2, 4)).join(' ');
      const kind = rng.weighted<ExpectedCode>([['link.not-found', 35], ['link.fragment-not-found', 25], ['link.unpublished-target', drafts.length ? 20 : 0], ['link.md-path', 20]]);
      let target: string;
      if (kind === 'link.not-found') {
        const typo = misspell(rng, linkable().slug, slugs);
        target = rng.chance(0.5) ? `../${typo}/` : `/posts/${typo}/`;
      } else if (kind === 'link.fragment-not-found') {
        const t = linkable();
        let id = goldmarkId(headingText(rng));
        while (t.ids.includes(id)) id += '-x';
        target = `../${t.slug}/#${id}`;
      } else if (kind === 'link.unpublished-target') {
        const d = rng.pick(drafts);
        target = rng.chance(0.5) ? `../${d.slug}/` : `/posts/${d.slug}/`;
      } else {
        let t = linkable();
        while (t.bundle) t = linkable();
        target = post.bundle ? `../${t.slug}.md` : `${t.slug}.md`;
      }
      return { md: `[${text}](${target})`, target, code: kind };
    };

    const paragraph = (budget: number): { text: string; count: number; planted: { target: string; code: ExpectedCode }[] } => {
      const parts: string[] = [];
      const planted: { target: string; code: ExpectedCode }[] = [];
      let count = 0;
      const n = rng.int(3, 7);
      for (let i = 0; i < n && count < budget; i++) {
        const s = sentence(rng);
        parts.push(s.text);
        count += s.count;
        // About one link per 120 words.
        if (rng.chance(s.count / 120)) {
          linkCount++;
          if (!post.draft && rng.chance(brokenRate)) {
            const b = brokenLink();
            planted.push(b);
            parts.push(`See ${b.md} for more.`);
          } else parts.push(`${capitalize(rng.pick(['see', 'read', 'compare', 'as discussed in']))} ${goodLink().md}.`);
        }
      }
      return { text: parts.join(' '), count, planted };
    };

    let written = 0;
    const sections = post.headings.length + 1;
    if (post.bundle && rng.chance(0.7)) body.push(`![cover](cover.png)`, '');
    // Every heading is written (anchors elsewhere point at them), each after its share of the words.
    for (let s = 0; s < sections; s++) {
      const sectionEnd = Math.round((post.words * (s + 1)) / sections);
      while (written < sectionEnd) {
        const block = rng.weighted<string>([['p', 12], ['list', 1], ['quote', 0.5], ['code', 0.4]]);
        if (block === 'list') {
          for (let i = rng.int(2, 5); i > 0; i--) {
            const sn = sentence(rng);
            body.push(` - ${sn.text}`);
            written += sn.count;
          }
        } else if (block === 'code') {
          // Link-shaped text in code is not a link; a checker that says otherwise has a false positive.
          body.push('```markdown', `[draft](../not-a-real-post/) and {{</* relref "missing.md" */>}}`, '```');
        } else {
          const p = paragraph(sectionEnd - written);
          for (const pl of p.planted) manifest.push({ file: post.file, line: lines.length + body.length, target: pl.target, code: pl.code });
          body.push(block === 'quote' ? `> ${p.text}` : p.text);
          written += p.count;
        }
        body.push('');
      }
      if (s < post.headings.length) {
        const level = rng.weighted<number>([[1, 2], [2, 6], [3, 3], [4, 1]]);
        body.push(`${'#'.repeat(level)} ${post.headings[s]}`, '');
      }
    }
    const text = [...lines, ...body].join('\n');
    markdownBytes += Buffer.byteLength(text);
    files.set(post.file, text);
    if (post.bundle) files.set(post.file.replace(/index\.md$/, 'cover.png'), PNG);
  }
  return { files, posts, manifest, longPost: posts[0].file, renderPost: posts[1].file, linkCount, markdownBytes };
}

function skeletons(rng: Prng, n: number): Skeleton[] {
  const seen = new Set<string>();
  const out: Skeleton[] = [];
  for (let i = 0; i < n; i++) {
    const w = words(rng, rng.int(2, 5));
    // Short slugs leave no room for a typo that is not itself another slug.
    while (w.join('-').length < 10) w.push(rng.pick(WORDS));
    let slug = w.join(rng.chance(0.15) ? '_' : '-');
    while (seen.has(slug)) slug += `-${rng.int(2, 99)}`;
    seen.add(slug);
    // Posts 0 and 1 are the long ones the per-document measurements use: keep them published.
    const draft = i > 1 && rng.chance(0.02);
    const bundle = rng.chance(0.2);
    const wordCount = i === 0 ? LONG_WORDS : i === 1 ? RENDER_WORDS : rng.int(800, 1500);
    const headings = Array.from({ length: Math.max(2, Math.round(wordCount / 220)) }, () => (rng.chance(0.3) ? rng.pick(STOCK_HEADINGS) : headingText(rng)));
    const year = rng.int(2012, 2024);
    const date = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}${rng.pick(['-07:00', '+00:00', '+01:00', '-05:00', '+09:00'])}`;
    out.push({
      file: bundle ? `content/posts/${slug}/index.md` : `content/posts/${slug}.md`,
      slug,
      title: capitalize(words(rng, rng.int(3, 7)).join(' ')),
      draft,
      bundle,
      words: wordCount,
      headings,
      ids: goldmarkIds(headings),
      toml: rng.chance(0.3),
      date,
      tags: rng.sample(TAGS, rng.int(1, 4)),
      categories: [rng.pick(CATEGORIES)],
      authors: rng.sample(AUTHORS, rng.chance(0.1) ? 2 : 1).map((a) => a.id),
    });
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const list = (xs: readonly string[]) => `[${xs.map((x) => `"${x}"`).join(', ')}]`;

function frontMatter(p: Skeleton): string[] {
  if (p.toml) {
    return ['+++', `title = "${p.title}"`, `date = ${p.date}`, ...(p.draft ? ['draft = true'] : []), `authors = ${list(p.authors)}`, `tags = ${list(p.tags)}`, `categories = ${list(p.categories)}`, '+++', ''];
  }
  // Both YAML list styles occur in real blogs.
  const tags = p.tags.length > 2 ? ['tags:', ...p.tags.map((t) => `  - ${t}`)] : [`tags: ${list(p.tags)}`];
  return ['---', `title: "${p.title}"`, `date: ${p.date}`, `draft: ${p.draft}`, `authors: ${list(p.authors)}`, ...tags, `categories: ${list(p.categories)}`, '---', ''];
}

/** A plausible typo of a slug that is no post's slug. */
function misspell(rng: Prng, slug: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const i = rng.int(1, slug.length - 2);
    const typo = rng.chance(0.5) ? slug.slice(0, i) + slug[i + 1] + slug[i] + slug.slice(i + 2) : slug.slice(0, i) + slug.slice(i + 1);
    if (typo !== slug && !taken.has(typo) && !/[-_]{2}|[-_]$/.test(typo)) return typo;
  }
}
