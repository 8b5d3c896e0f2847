/**
 * Posts and drafts: their URL from `permalink` (`:title` is the file's path below `_posts` with the
 * `new_post_name` pattern taken off), date, category path, publish status, asset folders and the
 * files `{% post_link %}` may name.
 */
import { posix } from '../../posix';
import type { FileLookup, FrontMatterData } from '../../site/generator';
import type { PublishStatus } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import { jekyllDate, type DateParts } from '../jekyll/urls';
import { finish, slugize, str, type HexoSite } from './context';

export interface PostPlace {
  readonly kind: 'post' | 'draft';
  readonly inner: string;
}

/** Hexo's Permalink.parse for `new_post_name`: `:year-:month-:day-:title.md` → named parts of a name. */
function parseName(pattern: string, name: string): Record<string, string> | undefined {
  const rule = pattern.replace(/\.[^./]+$/, '');
  const keys: string[] = [];
  const seg: Record<string, string> = { year: '(\\d{4})', month: '(\\d{2})', day: '(\\d{2})', i_month: '(\\d{1,2})', i_day: '(\\d{1,2})' };
  const src = rule.replace(/[.+^${}()|[\]\\*?]/g, '\\$&').replace(/:(\w+)/g, (_m, k: string) => {
    keys.push(k);
    return seg[k] ?? '(.+?)';
  });
  const m = new RegExp('^' + src + '$').exec(name);
  if (!m) return undefined;
  return Object.fromEntries(keys.map((k, i) => [k, m[i + 1]]));
}

function dateOf(h: HexoSite, data: FrontMatterData, info: Record<string, string> | undefined, now: Date): { parts: DateParts; text?: string } {
  const tz = h.c.timezone;
  const raw = fmGet(data, 'date');
  const text = typeof raw === 'string' ? raw : raw instanceof Date ? raw.toISOString() : undefined;
  let parts = jekyllDate(raw, tz);
  if (!parts && info && info['year'] && (info['month'] ?? info['i_month']) && (info['day'] ?? info['i_day'])) {
    parts = jekyllDate(`${info['year']}-${info['month'] ?? info['i_month']}-${info['day'] ?? info['i_day']}`, tz);
  }
  // No date anywhere: Hexo takes the file's creation time, which we do not have; "now" stands in.
  return { parts: parts ?? jekyllDate(now.toISOString(), tz)!, text };
}

function categoryPath(h: HexoSite, data: FrontMatterData): string {
  const c = h.c;
  const v = data['categories'] ?? data['category'];
  let chain: string[] = [];
  if (typeof v === 'string' || typeof v === 'number') chain = [String(v)];
  else if (Array.isArray(v)) {
    // `[a, b]` is one hierarchy a › b; `[[a, b], [c]]` lists several; the last one counts.
    const lists = v.some(Array.isArray) ? v.map((x) => (Array.isArray(x) ? x.map(String) : [String(x)])) : [v.map(String)];
    chain = lists[lists.length - 1] ?? [];
  }
  // post_permalink.ts uses `default_category` as written, not slugized.
  if (!chain.length) return c.defaultCategory;
  return chain.map((x) => slugize(c.categoryMap[x] ?? x, c.filenameCase)).join('/');
}

export function postStatus(h: HexoSite, data: FrontMatterData, draft: boolean, date: DateParts, now: Date): { status: PublishStatus; willPublish: boolean } {
  const unpublished = data['published'] === false || data['published'] === 'false';
  if (draft || unpublished) return { status: 'draft', willPublish: h.c.renderDrafts };
  if (date.epoch > now.getTime()) return { status: 'future', willPublish: h.c.future };
  return { status: 'published', willPublish: true };
}

export function postUrl(h: HexoSite, p: { inner: string }, data: FrontMatterData, now: Date): { url: string; date: DateParts; dateText?: string } {
  const c = h.c;
  const noExt = p.inner.replace(/\.[^./]+$/, '');
  const info = parseName(c.newPostName, noExt);
  const slug = info?.['title'] ?? slugize(noExt);
  const { parts: d, text } = dateOf(h, data, info, now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const meta: Record<string, string> = {
    title: slug,
    name: posix.basename(slug),
    post_title: slugize(str(fmGet(data, 'title')) ?? '', 1),
    year: String(d.year),
    month: pad(d.month),
    day: pad(d.day),
    hour: pad(d.hour),
    minute: pad(d.minute),
    second: pad(d.second),
    i_month: String(d.month),
    i_day: String(d.day),
    category: categoryPath(h, data),
  };
  const own = str(fmGet(data, 'permalink'));
  const rule = own ?? c.permalink;
  // Other tokens come from the post's own front matter, then `permalink_defaults`.
  const extra = (k: string) => {
    const v = data[k];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : c.permalinkDefaults[k];
  };
  const filled = own ? own : rule.replace(/:(\w+)/g, (m, k: string) => meta[k] ?? extra(k) ?? m);
  return { url: finish(h, filled), date: d, dateText: text };
}

/** The post a file in a post asset folder belongs to (`_posts/x/…` → `_posts/x.md`). */
export function assetOwner(h: HexoSite, p: PostPlace, files: FileLookup): { file: string; rest: string } | undefined {
  const segs = p.inner.split('/');
  for (let i = segs.length - 1; i >= 1; i--) {
    const folder = segs.slice(0, i).join('/');
    for (const ext of ['md', 'markdown']) {
      const f = `${h.src}/${p.kind === 'post' ? '_posts' : '_drafts'}/${folder}.${ext}`;
      if (files.has(f)) return { file: f, rest: segs.slice(i).join('/') };
    }
  }
  return undefined;
}

/** `{% post_link slug %}` / `{% asset_link %}`: a post by its file name below `_posts`. */
export function refCandidates(h: HexoSite, ref: string): string[] {
  const src = h.src;
  const r = ref.trim().replace(/^\/+/, '');
  if (!r) return [];
  if (/\.[a-z0-9]+$/i.test(r)) return [`${src}/_posts/${r}`];
  return [`${src}/_posts/${r}.md`, `${src}/_posts/${r}.markdown`, `${src}/_posts/${r}/index.md`];
}
