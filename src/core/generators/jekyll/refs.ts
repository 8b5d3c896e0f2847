/** The source files a `{% post_url %}` or `{% link %}` tag may name, in the order Jekyll tries them. */
import { isMarkdown, type JekyllSite } from './context';

export function refCandidates(j: JekyllSite, ref: string): string[] {
  const r = ref.trim().split('#')[0].replace(/^\/+/, '');
  if (!r) return [];
  const post = /^((?:[^/]+\/)*)(\d+-\d+-\d+)-([^/]+)$/.exec(r);
  if (post && !isMarkdown(j, r) && !/\.html?$/i.test(r)) {
    // `{% post_url [dir/]2019-03-01-x %}` (tags/post_url.rb: PostComparer): `_posts/dir/` or `dir/_posts/`;
    // without the folder Jekyll still finds a post by date and name (with a deprecation warning).
    const [, dir, date, slug] = post;
    const out: string[] = [];
    for (const ext of ['md', 'markdown', 'html', 'mkd', 'mkdn', 'mdown', 'mkdown']) {
      out.push(`_posts/${dir}${date}-${slug}.${ext}`);
      if (dir) out.push(`${dir}_posts/${date}-${slug}.${ext}`);
    }
    out.push(...[...(j.knownPosts.get(`${date}-${slug}`) ?? [])].sort());
    return [...new Set(out)];
  }
  // `{% link path %}`: the exact source path from the site root.
  return [r];
}
