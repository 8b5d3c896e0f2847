/**
 * The form in which a site writes links to its own pages, and writing a link in that form. New
 * links should look like the ones already there: a site of relrefs gets relrefs, a site of `../x/`
 * gets relative URLs.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { Page } from '../site/model';
import { refPathOf } from '../links/hugoRefs';
import { relativeUrl, rootDestination } from '../links/urls';

export type LinkStyle = 'relative' | 'root' | 'relref' | 'post_url';
export type LinkStyleSetting = LinkStyle | 'auto';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Counts the forms of the site's existing links to its own pages. */
export function countLinkStyles(site: Site): Record<LinkStyle, number> {
  const n: Record<LinkStyle, number> = { relative: 0, root: 0, relref: 0, post_url: 0 };
  for (const doc of site.index.documents.values()) {
    for (const l of doc.body().links) {
      if (l.kind === 'ref' || l.kind === 'relref') n.relref++;
      else if (l.kind === 'post_url') n.post_url++;
      else if (l.kind === 'inline' || l.kind === 'definition') {
        const t = l.target.trim();
        if (t === '' || t.startsWith('#') || t.startsWith('//') || SCHEME.test(t)) continue;
        if (t.startsWith('/')) n.root++;
        else n.relative++;
      }
    }
  }
  return n;
}

/** The form most of the site's links use; a site without links gets root URLs (they work from anywhere). */
export function detectLinkStyle(site: Site): LinkStyle {
  const n = countLinkStyles(site);
  const allowed: LinkStyle[] = ['root', 'relative', ...site.model.authoring.linkForms];
  let best: LinkStyle = site.model.summary.linkSemantics === 'file' ? 'relative' : 'root';
  for (const s of allowed) if (n[s] > n[best]) best = s;
  return best;
}

/** The setting, where it applies to this generator; `auto` and inapplicable forms detect. */
export function effectiveLinkStyle(site: Site, setting: LinkStyleSetting | undefined): LinkStyle {
  if (setting === 'relative' || setting === 'root') return setting;
  if ((setting === 'relref' || setting === 'post_url') && site.model.authoring.linkForms.includes(setting)) return setting;
  return detectLinkStyle(site);
}

/** `2019-03-01-x` (with its folder below `_posts/`) for a Jekyll post file, undefined otherwise. */
export function postUrlName(file: string): string | undefined {
  const m = /(?:^|\/)_posts\/(.*?)([^/]+)\.[^./]+$/.exec(file);
  return m && /^\d+-\d+-\d+-/.test(m[2]) ? m[1] + m[2] : undefined;
}

export interface WrittenLink {
  /** What goes between `](` and `)`. */
  readonly destination: string;
  readonly style: LinkStyle;
}

/**
 * A link from `fromFile` to `page` in `style`, falling back to a URL where the style cannot name the
 * page (a relref to a page without a file, a post_url to a page that is not a post).
 */
export function writeLink(site: Site, fromFile: string, page: Page, style: LinkStyle, fragment?: string): WrittenLink {
  const frag = fragment ? '#' + fragment : '';
  const from = site.index.pagesOfFile(fromFile)[0];
  if (style === 'relref') {
    const ref = refPathOf(site, page);
    if (ref) return { destination: `{{< relref "${ref}${frag}" >}}`, style };
  }
  if (style === 'post_url' && page.file) {
    const name = postUrlName(page.file);
    // post_url has no fragment: append it after the tag.
    if (name) return { destination: `{% post_url ${name} %}${frag}`, style };
  }
  if (site.model.summary.linkSemantics === 'file' && page.file) {
    if (style === 'root') return { destination: page.url + frag, style: 'root' };
    let rel = posix.relative(posix.dirname(fromFile), page.file);
    if (!rel.startsWith('.')) rel = './' + rel;
    return { destination: encodeSpaces(rel) + frag, style: 'relative' };
  }
  if (style === 'relative' && from) return { destination: encodeSpaces(relativeUrl(from.url, page.url)) + frag, style };
  return { destination: encodeSpaces(rootDestination(site.model.summary, page.url)) + frag, style: 'root' };
}

/** A Markdown destination cannot hold a bare space. */
export function encodeSpaces(s: string): string {
  return s.replace(/ /g, '%20');
}
