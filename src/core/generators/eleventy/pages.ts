/** What an Eleventy file is (page, resource, nothing), the page a Markdown template publishes, its tags. */
import type { FileRole, FrontMatterData, StaticDir } from '../../site/generator';
import type { Page } from '../../site/model';
import { fmGet, fmList } from '../../frontmatter/parse';
import { MARKDOWN, TEMPLATE, inner, type EleventySite } from './context';
import { defaultUrl, passthroughUrl, urlOf } from './urls';

export function isContentDocument(e: EleventySite, file: string): boolean {
  return MARKDOWN.test(file) && inner(e, file) !== undefined;
}

export function roleOf(e: EleventySite, file: string): FileRole {
  const rel = inner(e, file);
  if (rel === undefined) return { role: 'none' };
  if (MARKDOWN.test(file)) return { role: 'page' };
  return TEMPLATE.test(file) || passthroughUrl(e, file) ? { role: 'resource' } : { role: 'none' };
}

export function pagesFor(e: EleventySite, file: string, data: FrontMatterData): Page[] {
  const rel = inner(e, file);
  if (rel === undefined || !MARKDOWN.test(file)) return [];
  const { url, written } = urlOf(e, file, rel, data);
  const draft = data['draft'] === true;
  const title = typeof data['title'] === 'string' ? data['title'] : undefined;
  const dateRaw = fmGet(data, 'date');
  const date = typeof dateRaw === 'string' ? dateRaw : dateRaw instanceof Date ? dateRaw.toISOString() : undefined;
  return [
    {
      file,
      // `permalink: false`: no file is written; the page still exists for collections.
      url: url ?? defaultUrl(e, rel),
      kind: url === e.basePath + '/' ? 'home' : 'page',
      status: draft ? 'draft' : 'published',
      willPublish: written && !(draft && e.c.dropsDrafts),
      lang: 'en',
      aliases: [],
      title,
      date,
      section: rel.includes('/') ? rel.split('/')[0] : '',
    },
  ];
}

export function resourceUrl(e: EleventySite, file: string): string | undefined {
  const rel = inner(e, file);
  const pass = passthroughUrl(e, file);
  if (pass) return pass;
  // Non-Markdown templates are pages too; we give them their default URL (front matter unread).
  if (rel !== undefined && TEMPLATE.test(file)) return defaultUrl(e, rel);
  return undefined;
}

/** Passthrough folders outside the input folder are crawled as static folders. */
export function staticDirs(e: EleventySite): StaticDir[] {
  const { input, basePath } = e;
  return e.c.passthrough
    .filter((p) => !/[*?]/.test(p.from) && !(input === '' || p.from.startsWith(input + '/')))
    .map((p) => ({ dir: p.from, urlPrefix: (basePath + '/' + p.to).replace(/\/{2,}/g, '/').replace(/\/$/, '') }));
}

export function termsOf(data: FrontMatterData): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const tags = fmList(data, 'tags');
  if (tags.length) m.set('tags', [...new Set(tags)]);
  return m;
}
