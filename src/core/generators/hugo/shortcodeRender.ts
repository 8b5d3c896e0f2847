/**
 * A shortcode call rendered the way Hugo renders it: the site's template, evaluated by our Go
 * template interpreter (template/) with the call's arguments, the page's front matter and the site's
 * params. Whatever the interpreter cannot evaluate exactly gives no rendering, and the call keeps
 * the facts read from the template's text (shortcodeTemplate.ts).
 */
import { OPAQUE_END, OPAQUE_START, type ShortcodeRenderer } from '../../site/generator';
import { parseGoTemplate, renderShortcode, type GoTemplate, type ShortcodeArg } from './template';
import type { HugoConfig } from './config';

/** What every call sees of the site. */
export interface RenderSite {
  readonly baseURL: string;
  readonly title?: string;
  readonly titleCaseStyle?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The site as every page sees it, or undefined when pages of different languages see different
 * values (a language with its own params, title or baseURL) and the template reads them.
 */
export function renderSiteOf(c: HugoConfig, template: string, printedBaseURL: string | undefined): RenderSite | undefined {
  const langs = c.raw['languages'];
  const perLanguage = !!langs && typeof langs === 'object' && Object.values(langs as Record<string, unknown>).some((l) => !!l && typeof l === 'object' && Object.keys(l).some((k) => /^(params|title|baseurl)$/i.test(k)));
  if (perLanguage && /\b[Ss]ite\b|\.Param\b/.test(template)) return undefined;
  const params = c.raw['params'];
  const baseURL = printedBaseURL ?? c.baseURL;
  const style = c.raw['titlecasestyle'];
  return { baseURL, ...(c.title ? { title: c.title } : {}), ...(typeof style === 'string' ? { titleCaseStyle: style } : {}), params: params && typeof params === 'object' ? (params as Record<string, unknown>) : {} };
}

/** `https://example.org` of a baseURL (page URLs already hold its path); '' when it has none. */
function originOf(baseURL: string): string {
  try {
    const u = new URL(baseURL);
    return u.origin === 'null' ? '' : u.origin;
  } catch {
    return '';
  }
}

/**
 * An argument as Hugo types it: written without quotes, `5` and `05` are ints, `1.5` and `.5` floats,
 * `true`/`false` booleans (verified with hugo 0.111); anything else, and every quoted value, a string.
 */
function typed(value: string, bare: boolean | undefined): ShortcodeArg {
  if (!bare) return value;
  if (/^-?\d+$/.test(value)) return Number(value);
  if (/^-?\d*\.\d+$/.test(value)) return Number(value);
  return value === 'true' ? true : value === 'false' ? false : value;
}

/**
 * A content file's `.File` fields as hugo 0.111 gives them (verified: `posts/b/index.md` has Dir
 * `posts/b/`, ContentBaseName `b`; `x.fr.md` has BaseFileName `x.fr`, TranslationBaseName `x`, Lang
 * `fr`; a file without a language suffix has its page's language). Undefined outside the content folders.
 */
export function fileFields(c: HugoConfig, file: string | undefined, lang: string | undefined): Record<string, string> | undefined {
  if (!file) return undefined;
  const roots = [c.contentDir, ...c.languages.map((l) => l.contentDir ?? '')].filter((d) => d !== '').sort((a, b) => b.length - a.length);
  const root = roots.find((d) => file.startsWith(d + '/'));
  if (root === undefined) return undefined;
  const path = file.slice(root.length + 1);
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash + 1) : '';
  const logical = path.slice(slash + 1);
  const dot = logical.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const base = logical.slice(0, dot);
  const suffix = /\.([A-Za-z][\w-]*)$/.exec(base);
  const suffixLang = suffix && c.languages.some((l) => l.code.toLowerCase() === suffix[1].toLowerCase()) ? suffix[1] : undefined;
  const translation = suffixLang ? base.slice(0, -suffixLang.length - 1) : base;
  const bundle = /^_?index$/.test(translation) && dir !== '' ? dir.slice(0, -1).split('/').pop()! : translation;
  const fileLang = suffixLang ?? lang;
  return {
    Path: path,
    Dir: dir,
    LogicalName: logical,
    BaseFileName: base,
    TranslationBaseName: translation,
    ContentBaseName: bundle,
    Ext: logical.slice(dot + 1),
    Section: path.includes('/') ? path.slice(0, path.indexOf('/')) : '',
    ...(fileLang ? { Lang: fileLang } : {}),
  };
}

/** Wraps text the page itself holds, so its links are judged where they are written. */
const opaque = (s: string) => OPAQUE_START + s + OPAQUE_END;

/** `printedBaseURL`: what `.Site.BaseURL` prints on every page (shortcodeCatalogue.printedBaseURL). */
export function shortcodeRenderer(name: string, template: string, c: HugoConfig, printedBaseURL: string | undefined): ShortcodeRenderer | undefined {
  const site = renderSiteOf(c, template, printedBaseURL);
  if (!site) return undefined;
  let parsed: GoTemplate;
  try {
    parsed = parseGoTemplate(template);
  } catch {
    return undefined;
  }
  return (call) => {
    const file = fileFields(c, call.file, call.page?.lang);
    try {
      return renderShortcode(parsed, {
        name,
        ...(call.args.length ? { positional: call.args.map((v, k) => typed(v, call.bare?.includes(k))) } : {}),
        ...(Object.keys(call.named).length ? { named: Object.fromEntries(Object.entries(call.named).map(([k, v]) => [k, typed(v, call.bare?.includes(k))])) } : {}),
        ...(call.inner !== undefined ? { inner: opaque(call.inner) } : {}),
        page: { params: call.frontMatter, ...(call.page?.title ? { title: call.page.title } : {}), ...(call.page ? { relPermalink: call.page.url, permalink: originOf(site.baseURL) + call.page.url } : {}), ...(file ? { file } : {}) },
        site: { params: site.params, baseURL: site.baseURL, ...(site.title ? { title: site.title } : {}), ...(site.titleCaseStyle ? { titleCaseStyle: site.titleCaseStyle } : {}) },
        renderMarkdown: (markdown) => opaque(markdown),
        ...(call.resolveRef ? { resolveRef: call.resolveRef } : {}),
      });
    } catch {
      // Anything the interpreter cannot evaluate exactly (or input it refuses): no rendering.
      return undefined;
    }
  };
}
