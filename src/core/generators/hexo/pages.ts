/** What a Hexo source file is (page, resource, nothing), the page it publishes and where a resource goes. */
import { posix } from '../../posix';
import type { FileLookup, FileRole, FrontMatterData } from '../../site/generator';
import type { Page } from '../../site/model';
import { fmGet } from '../../frontmatter/parse';
import { MARKDOWN, RENDERABLE, finish, finishAsset, place, str, type HexoSite } from './context';
import { assetOwner, postStatus, postUrl } from './posts';

export function isContentDocument(h: HexoSite, file: string): boolean {
  const k = place(h, file).kind;
  return MARKDOWN.test(file) && (k === 'post' || k === 'draft' || k === 'page');
}

export function roleOf(h: HexoSite, file: string, files: FileLookup): FileRole {
  const p = place(h, file);
  if (p.kind === 'hidden') return { role: 'none' };
  if ((p.kind === 'post' || p.kind === 'draft') && !RENDERABLE.test(p.inner)) {
    return h.c.postAssetFolder && assetOwner(h, p, files) ? { role: 'resource' } : { role: 'none' };
  }
  return MARKDOWN.test(file) ? { role: 'page' } : { role: 'resource' };
}

export function pagesFor(h: HexoSite, file: string, data: FrontMatterData, now: Date): Page[] {
  const p = place(h, file);
  if (!MARKDOWN.test(file)) return [];
  const title = str(fmGet(data, 'title'));
  if (p.kind === 'post' || p.kind === 'draft') {
    const { url, date, dateText } = postUrl(h, p, data, now);
    const st = postStatus(h, data, p.kind === 'draft', date, now);
    return [{ file, url, kind: 'page', ...st, lang: 'en', aliases: [], title, date: dateText, section: 'posts' }];
  }
  if (p.kind === 'page') {
    // processor/asset.ts: a page permalink ending in `/` gets `index`, one without extension `.html`.
    let own = str(fmGet(data, 'permalink'));
    if (own?.endsWith('/')) own += 'index';
    if (own && !/\.[a-z0-9]+$/i.test(posix.basename(own))) own += '.html';
    const url = finish(h, own ?? p.inner.replace(/\.[^./]+$/, '.html'));
    const unpublished = data['published'] === false;
    return [{ file, url, kind: url === h.basePath + '/' ? 'home' : 'page', status: unpublished ? 'draft' : 'published', willPublish: !unpublished, lang: 'en', aliases: [], title, section: p.inner.split('/').length > 1 ? p.inner.split('/')[0] : '' }];
  }
  return [];
}

export function resourceUrl(h: HexoSite, file: string, files: FileLookup, pageOf: (file: string) => Page | undefined): string | undefined {
  const p = place(h, file);
  if (p.kind === 'asset') return finishAsset(h, p.inner);
  if (p.kind === 'page') return finish(h, p.inner.replace(/\.[^./]+$/, '.html'));
  if ((p.kind === 'post' || p.kind === 'draft') && h.c.postAssetFolder) {
    // `post_asset_folder`: `_posts/x/img.png` is published beside the page of `_posts/x.md`.
    const owner = assetOwner(h, p, files);
    const page = owner ? pageOf(owner.file) : undefined;
    if (owner && page) return (page.url.endsWith('/') ? page.url : page.url.replace(/[^/]*$/, '')) + owner.rest;
  }
  return undefined;
}
