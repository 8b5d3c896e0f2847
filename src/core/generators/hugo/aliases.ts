/**
 * Where else a Hugo page is published: its `aliases` (redirect pages) and its other HTML output
 * formats (AMP, custom `text/html` formats), which write the page's aliases again in their folders.
 */
import { posix } from '../../posix';
import type { FrontMatterData } from '../../site/generator';
import type { PageKind } from '../../site/model';
import { fmGet, fmList } from '../../frontmatter/parse';
import type { HugoSite } from './context';
import { formatNames, formatUrls, htmlFormats } from './outputFormats';

// Most pages have none: one shared empty list instead of one per page.
const NO_ALIASES: string[] = [];
Object.freeze(NO_ALIASES);

/**
 * Alias pages [verified 0.111]: case is kept; a relative alias is joined to the folder the page's
 * URL is in (`url: /top/page/` + `sib` → `/top/sib/`; `../x` climbs); only a `.html` ending is a
 * file (`/feed.xml` → `/feed.xml/index.html`); otherwise `x/index.html`, or `x.html` when the
 * site-wide `uglyURLs = true` (a per-section map does not apply to aliases); no sub-path on disk.
 */
export function aliasesOf(h: HugoSite, data: FrontMatterData, pageUrl: string): string[] {
  // The site writes none at all (verified 0.111: test/fixtures/hugo-disable-aliases).
  if (h.c.disableAliases) return NO_ALIASES;
  const list = fmList({ v: fmGet(data, 'aliases') }, 'v');
  if (list.length === 0) return NO_ALIASES;
  const out: string[] = [];
  const parent = posix.dirname(pageUrl.replace(/\/+$/, '').replace(/\.html$/, '')) || '/';
  for (const a of list) {
    if (/^[a-z]+:\/\//i.test(a) || !a.trim()) continue;
    let p = a.startsWith('/') ? posix.join('/', a) : posix.join(parent, a);
    p = p.replace(/\/+$/, '') || '/';
    if (p === '/') continue;
    if (p.endsWith('.html')) {
      /* a file already */
    } else if (h.c.uglyURLs === true) p += '.html';
    else p += '/';
    out.push(h.basePath + p);
  }
  return out;
}

/**
 * The page's other HTML output formats (AMP, custom `text/html` formats): where the page is also
 * published, and the redirects a format with its own folder writes too (`/amp/old/x/` for the alias
 * `/old/x/`) [verified 0.111: test/fixtures/hugo-output-formats].
 */
export function withFormats(h: HugoSite, kind: PageKind, data: FrontMatterData, url: string, aliases: string[]): { aliases: string[]; alsoAt?: string[] } {
  if (!url.endsWith('/')) return { aliases };
  const formats = htmlFormats(formatNames(kind, fmGet(data, 'outputs'), h.c.outputs), h.c.raw);
  if (!formats.length) return { aliases };
  const basePath = h.basePath;
  const more = formats.filter((f) => f.path).flatMap((f) => aliases.map((a) => basePath + '/' + f.path + a.slice(basePath.length)));
  return { aliases: more.length ? [...aliases, ...more] : aliases, alsoAt: formatUrls(url, basePath, formats) };
}
