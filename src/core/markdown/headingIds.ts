/**
 * Heading ids as each renderer computes them. A fragment link is only as right as these, and slug
 * mismatches are the most reported false positives of Markdown link checkers, so each style is
 * its own small function with its own tests.
 */
import GithubSlugger from 'github-slugger';
import type { HeadingIdStyle } from '../site/model';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}|\p{Nl}|\p{No}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Hugo/Goldmark `github`: keep letters, digits and `_`, lower-cased; each space or `-` → `-`. */
function goldmark(text: string, asciiOnly: boolean): string {
  let out = '';
  const src = asciiOnly ? text.normalize('NFD') : text;
  for (const ch of src) {
    if (asciiOnly && ch.charCodeAt(0) > 0x7f) continue;
    if (ch === '-' || ch === ' ') out += '-';
    else if (ch === '_' || LETTER.test(ch) || DIGIT.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

/** Blackfriday: runs of anything but letters and numbers become one `-`, never leading. */
function blackfriday(text: string): string {
  let out = '';
  let dash = false;
  for (const ch of text) {
    if (LETTER_OR_NUMBER.test(ch)) {
      if (dash && out.length > 0) out += '-';
      dash = false;
      out += ch.toLowerCase();
    } else dash = true;
  }
  return out;
}

/** kramdown (Jekyll): drop up to the first ASCII letter, keep `[a-zA-Z0-9 -]`, spaces → `-`. */
export function kramdownId(text: string): string {
  const id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
  return id || 'section';
}

/**
 * kramdown's GFM parser (Jekyll 4's default input): lower-cased, everything but word characters
 * (letters of any script, marks, digits, `_`), `-`, space and tab removed, each space or tab a `-`.
 * Verified with jekyll 4.3: "Émoji 🎉 here" → "émoji--here", "C++ & C#" → "c--c", "隔離" → "隔離"; a
 * zero-width non-joiner (Persian) is dropped.
 */
function kramdownGfm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/**
 * Hexo (hexo-renderer-marked, hexo-util's slugize): diacritics dropped, runs of white space and
 * punctuation become one `-`, none at either end, case kept (`First Steps` → `First-Steps`).
 * Verified with hexo 8.1 (test/fixtures/hexo-urls).
 */
function hexo(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Produces ids for the headings of one document, in order, with each style's duplicate rule. */
export class HeadingIdGenerator {
  private readonly used = new Map<string, number>();
  private readonly slugger = new GithubSlugger();
  constructor(private readonly style: HeadingIdStyle) {}

  /** Reserves an explicit id (`{#custom}`), so later auto ids avoid it as the renderer does. */
  reserve(id: string): void {
    if (!this.used.has(id)) this.used.set(id, 0);
    if (this.style === 'github') this.slugger.slug(id);
  }

  next(text: string): string {
    // kramdown keeps the space before a trailing tag (`## Apps <a name="x"></a>` is `apps-`, jekyll 4.3).
    const t = this.style === 'kramdown' || this.style === 'kramdown-gfm' ? text : text.trim();
    switch (this.style) {
      case 'github':
        return this.slugger.slug(t);
      case 'slugize': {
        // A repeat gets -1, -2… after the first; the suffixed id itself is not remembered.
        const base = hexo(t);
        const n = this.used.get(base);
        this.used.set(base, (n ?? 0) + 1);
        return n === undefined ? base : `${base}-${n}`;
      }
      case 'kramdown-gfm': {
        // The first of a kind keeps the bare id, later ones count from 1; an empty id is no id.
        const base = kramdownGfm(t);
        if (!base) return '';
        const n = this.used.get(base);
        this.used.set(base, n === undefined ? 0 : n + 1);
        return n === undefined ? base : `${base}-${n + 1}`;
      }
      case 'kramdown': {
        const base = kramdownId(t);
        const n = this.used.get(base);
        if (n === undefined) {
          this.used.set(base, 0);
          return base;
        }
        this.used.set(base, n + 1);
        return `${base}-${n + 1}`;
      }
      default: {
        let base = this.style === 'blackfriday' ? blackfriday(t) : goldmark(t, this.style === 'goldmark-ascii');
        if (!base) base = 'heading';
        if (!this.used.has(base)) {
          this.used.set(base, 0);
          return base;
        }
        // Ids are never freed, so every suffix below the last one given for this base is still
        // taken: resume there (counting from 1 each time made n equal headings cost n²).
        for (let i = (this.used.get(base) ?? 0) + 1; ; i++) {
          const id = `${base}-${i}`;
          if (!this.used.has(id)) {
            this.used.set(id, 0);
            this.used.set(base, i);
            return id;
          }
        }
      }
    }
  }
}

/** Splits a trailing attribute block `{#id .class}` off a heading's text (Goldmark / kramdown IAL). */
export function splitHeadingAttributes(text: string): { text: string; id?: string } {
  const m = /\s*\{\s*([^{}]*)\}\s*$/.exec(text);
  if (!m) return { text };
  const attrs = m[1];
  // Ids may be in any script (`{#قائمة-تحقّق}`) and hold dots (`{#shell.nix}` is one id), not `&`
  // (verified with hugo 0.111 and jekyll 4.3).
  if (!/^(?:[#.][\p{L}\p{M}\p{N}_:.-]+|[\w-]+=(?:"[^"]*"|'[^']*'|\S+)|\s)+$/u.test(attrs)) return { text };
  const id = /(?:^|\s)#([^\s#}]+)/.exec(attrs)?.[1];
  return { text: text.slice(0, m.index), id };
}
