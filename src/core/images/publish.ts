/**
 * Where the generator would publish a file that does not exist yet: the same rules the index applies
 * to files it found (static folders, bundle resources), asked with the new file added to the lookup.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { FileLookup } from '../site/generator';

export interface Publication {
  /** The URL path (sub-path included, decoded), when the generator publishes the file at a URL of its own. */
  readonly url?: string;
  /** The generator bundles it from a relative link in the post (Docusaurus' assets), at a URL it picks. */
  readonly bundled?: boolean;
}

/** How a site-relative file would reach readers of `post`, or undefined when it would not be published. */
export function publication(site: Site, post: string, file: string): Publication | undefined {
  const m = site.model;
  for (const s of m.staticDirs) {
    if (file.startsWith(s.dir + '/')) return { url: s.urlPrefix + '/' + file.slice(s.dir.length + 1) };
  }
  if (!m.contentDirs.some((d) => d === '' || file.startsWith(d + '/'))) return undefined;
  const base = site.index.lookup;
  const lookup: FileLookup = { ...base, has: (f) => f === file || base.has(f) };
  const pageOf = (f: string) => site.index.pagesOfFile(f)[0];
  if (m.rewriteLink && m.summary.linkSemantics === 'file') {
    const dir = posix.dirname(post);
    const r = m.rewriteLink(post, pageOf(post)?.url, posix.relative(dir === '.' ? '' : dir, file), lookup);
    if (r && 'asset' in r) return { bundled: true };
  }
  if (m.roleOf(file, lookup).role !== 'resource') return undefined;
  const urls = m.resourceUrls ? m.resourceUrls(file, lookup, pageOf) : [m.resourceUrl(file, lookup, pageOf)];
  // A bundle's files are published once per language: the post's own language's copy first.
  const own = pageOf(post)?.url;
  const url = urls.find((u): u is string => !!u && !!own && u.startsWith(own.slice(0, own.lastIndexOf('/') + 1))) ?? urls.find((u): u is string => !!u);
  return url ? { url } : undefined;
}
