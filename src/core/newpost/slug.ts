/**
 * Titles → file-name slugs. A slug is always one safe path segment: letters and digits joined by a
 * single separator, never empty, never starting with a dot, never a Windows device name.
 *
 * Script policy (why not transliterate everything): Latin, Greek and Cyrillic have conventional,
 * near-lossless romanisations, and their readers expect ASCII URLs, so they are transliterated
 * (`Café` → `cafe`, `Привет` → `privet`). CJK, Hangul, Arabic, Hebrew, Indic scripts and the rest are
 * kept as written: romanising them is lossy or simply wrong (Japanese kanji would come out with
 * Mandarin readings, abjads lose their vowels), and Hugo, Jekyll and browsers all publish Unicode
 * path segments fine (Hugo's own path sanitiser keeps every letter). `nonLatin: 'transliterate'`
 * is there for sites that want ASCII-only URLs anyway.
 */
import type { transliterate as Transliterate } from 'transliteration';

// Loaded on first use: its tables cost ~20% of the extension's activation time, and most sessions
// never create a post.
let transliterateFn: typeof Transliterate | undefined;
function transliterate(text: string, options: Parameters<typeof Transliterate>[1]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  transliterateFn ??= (require('transliteration') as { transliterate: typeof Transliterate }).transliterate;
  return transliterateFn(text, options);
}

export type SlugSeparator = '-' | '_';

export interface SlugOptions {
  readonly separator?: SlugSeparator;
  /** Maximum length in characters (code points); default 80. */
  readonly maxLength?: number;
  readonly nonLatin?: 'keep' | 'transliterate';
}

/** UTF-8 bytes a slug may take: file systems cap a name at 255 bytes, and dates, `-2` and `.md` are added. */
const MAX_BYTES = 180;

const ROMANISABLE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Apostrophes inside a word join it (`don't` → `dont`) rather than split it. */
const APOSTROPHE = /['’ʼ]/u;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

function romanise(run: string): string {
  // transliteration maps to ASCII; anything it cannot map comes back as-is or empty, both fine here.
  return transliterate(run, { unknown: '' });
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Splits a title into lower-case words of letters and digits. */
export function slugWords(title: string, nonLatin: 'keep' | 'transliterate' = 'keep'): string[] {
  const text = title.normalize('NFC').replace(/\s&\s/g, ' and ');
  const words: string[] = [];
  let word = '';
  let roman = '';
  const flushRoman = () => {
    if (roman) {
      // A romanised run may itself contain spaces or punctuation (`Ærø` → `AEro`): split again.
      for (const part of romanise(roman).split(/[^A-Za-z0-9]+/)) {
        if (part) word += part;
        else if (word) {
          words.push(word);
          word = '';
        }
      }
      roman = '';
    }
  };
  const flushWord = () => {
    flushRoman();
    if (word) words.push(word);
    word = '';
  };
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (APOSTROPHE.test(c) && (roman || word) && WORD_CHAR.test(chars[i + 1] ?? '')) continue;
    if (/[A-Za-z0-9]/.test(c)) {
      flushRoman();
      word += c;
    } else if (ROMANISABLE.test(c) || (roman && /\p{M}/u.test(c))) {
      roman += c;
    } else if (WORD_CHAR.test(c)) {
      if (nonLatin === 'transliterate') roman += c;
      else {
        flushRoman();
        word += c;
      }
    } else flushWord();
  }
  flushWord();
  return words.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
}

/** Cuts to the limits at a word boundary when one is reasonably close, else at a code point. */
function trimToLimits(words: readonly string[], separator: string, maxLength: number): string {
  let out = '';
  for (const w of words) {
    const next = out ? out + separator + w : w;
    if (Array.from(next).length <= maxLength && utf8Length(next) <= MAX_BYTES) {
      out = next;
      continue;
    }
    if (!out) {
      // One word longer than the limit (a long CJK title has no spaces): cut inside it.
      const cps = Array.from(w);
      let cut = '';
      for (const cp of cps) {
        if (Array.from(cut).length + 1 > maxLength || utf8Length(cut + cp) > MAX_BYTES) break;
        cut += cp;
      }
      out = cut;
    }
    break;
  }
  return out;
}

/**
 * The slug of a title, or '' when the title has no letter or digit at all (the caller refuses it).
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  const separator = options.separator ?? '-';
  const maxLength = Math.max(8, options.maxLength ?? 80);
  const words = slugWords(title, options.nonLatin ?? 'keep');
  let slug = trimToLimits(words, separator, maxLength);
  if (WINDOWS_RESERVED.test(slug)) slug += `${separator}post`;
  return slug;
}

/** Whether a string is one safe path segment as slugify makes them (used by tests and the planner). */
export function isSafeSegment(s: string): boolean {
  return s.length > 0 && !s.startsWith('.') && !/[/\\\u0000]/.test(s) && s !== '..' && !s.includes('..') && !/[<>:"|?*\u0001-\u001f]/.test(s);
}
