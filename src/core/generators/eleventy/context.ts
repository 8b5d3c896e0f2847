/**
 * Eleventy's config as the model reads it, the facts derived from it once per model, and which
 * files of the input folder Eleventy processes at all.
 */
export interface EleventyConfig {
  /** Site-relative input folder, '' for the project root. */
  readonly input: string;
  readonly output: string;
  readonly includes: string;
  readonly layouts?: string;
  readonly data: string;
  /** `pathPrefix: '/blog/'` → `/blog`. */
  readonly basePath: string;
  /** Passthrough copies: source (site-relative) → output path (relative to the output folder). */
  readonly passthrough: readonly { readonly from: string; readonly to: string }[];
  /** Whether the config drops `draft: true` templates (the documented preprocessor recipe). */
  readonly dropsDrafts: boolean;
  /** HtmlBasePlugin: root-relative links in the output get pathPrefix in front. */
  readonly rootLinksAtBase: boolean;
  /** Heading ids: none by default, or given by a plugin we do not model. */
  readonly headingIds: 'none' | 'unknown';
  /** `.eleventyignore` entries, site-relative. */
  readonly ignores: readonly string[];
  /** Directory data files' `permalink`, by site-relative folder (or template path for template data). */
  readonly dataPermalinks: ReadonlyMap<string, string | false>;
}

export const MARKDOWN = /\.(md|markdown)$/i;
/** Eleventy's default template formats (besides Markdown): rendered to pages, not copied. */
export const TEMPLATE = /\.(html|njk|liquid|11ty\.js|11ty\.cjs|11ty\.mjs|hbs|mustache|ejs|haml|pug|webc)$/i;

export interface EleventySite {
  readonly c: EleventyConfig;
  readonly input: string;
  readonly basePath: string;
  /** Output, includes, layouts and data folders: never templates. */
  readonly skipDirs: readonly string[];
}

export function eleventySite(c: EleventyConfig): EleventySite {
  return { c, input: c.input, basePath: c.basePath, skipDirs: [c.output, c.includes, c.layouts, c.data].filter((d): d is string => !!d) };
}

/** A file's path inside the input folder, when Eleventy processes it (not skipped nor ignored). */
export function inner(e: EleventySite, file: string): string | undefined {
  const input = e.input;
  if (input && !file.startsWith(input + '/')) return undefined;
  const rel = input ? file.slice(input.length + 1) : file;
  if (e.skipDirs.some((d) => file === d || file.startsWith(d + '/'))) return undefined;
  if (e.c.ignores.some((p) => file === p || file.startsWith(p.replace(/\/+$/, '') + '/') || globMatch(p, file))) return undefined;
  return rel;
}

export function globMatch(pattern: string, file: string): boolean {
  const p = pattern.replace(/^\.\/+/, '');
  const re = new RegExp('^' + p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '(?:.*/)?') + '$');
  return re.test(file);
}

/** @sindresorhus/slugify, as the `slugify` filter uses it: accents dropped, lower-cased, `-` joined. */
export function slugify11ty(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
