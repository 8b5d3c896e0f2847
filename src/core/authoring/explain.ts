/**
 * "Why is this link flagged?": where one link written in a document goes, and the checker's
 * verdict on it — the same resolution and the same `checkLink` the diagnostics use.
 */
import type { Postcraft, Site } from '../service';
import type { ExtractedLink, LinkKind } from '../links/types';
import { checkLink, type CheckContext } from '../links/resolve';
import { siteExtras } from '../links/diagnostics';
import { decodePath, resolvePath, servedPath, splitDestination } from '../links/urls';
import type { PublishStatus } from '../site/model';
import { targetOf } from './targets';
import { markRelativePass } from '../markdown/relativeLinksPass';

export interface LinkExplanation {
  readonly link: string;
  readonly kind: LinkKind;
  /** The URL path the link resolves to (null: external, or not resolvable). */
  readonly url: string | null;
  /** Site-relative file of the target (null when none). */
  readonly file: string | null;
  readonly fragment: string | null;
  readonly status: PublishStatus | null;
  /** 'ok' or the diagnostic code. */
  readonly verdict: string;
  readonly message?: string;
}

/** The kind and the destination of a link as typed on a command line (a URL, a shortcode or a tag). */
export function parseWrittenLink(written: string): { kind: LinkKind; target: string } {
  const s = written.trim();
  const sc = /^\{\{[<%]\s*(relref|ref)\s+(?:path\s*=\s*)?["`]([^"`]*)["`]\s*[>%]\}\}$/.exec(s);
  if (sc) return { kind: sc[1] as LinkKind, target: sc[2] };
  const lq = /^\{%-?\s*(post_url|link)\s+(\S+)\s*-?%\}$/.exec(s);
  if (lq) return { kind: lq[1] === 'post_url' ? 'post_url' : 'liquid-link', target: lq[2] };
  if (/^\{\{/.test(s)) return { kind: 'template', target: s };
  const md = /^!?\[[^\]]*\]\(\s*<?([^\s>)]*)>?[^)]*\)$/.exec(s);
  if (md) return { kind: s.startsWith('!') ? 'image' : 'inline', target: md[1] };
  return { kind: 'inline', target: s };
}

export async function explainLink(engine: Postcraft, site: Site, file: string, written: string, o: { includeDrafts?: boolean } = {}): Promise<LinkExplanation> {
  const { kind, target } = parseWrittenLink(written);
  let link: ExtractedLink = { kind, target, range: { start: 0, end: target.length } };
  // Written in a Markdown link, would the site's link pass (jekyll-relative-links) see it?
  if (site.model.dialect.relativeLinksPass && (kind === 'inline' || kind === 'image')) link = markRelativePass(`[x](${target})`, 0, [{ ...link, range: { start: 4, end: 4 + target.length } }])[0];
  const doc = site.index.document(file);
  const base = { link: written, kind, url: null, file: null, fragment: null, status: null };
  if (!doc) return { ...base, verdict: 'not-a-document', message: `${file} is not a content document of this site` };
  const ctx: CheckContext = {
    site,
    file,
    page: doc.pages[0],
    doc,
    includeDrafts: !!o.includeDrafts,
    extras: await siteExtras(engine.fs, site),
    semantics: site.model.summary.linkSemantics,
    deps: new Set(),
  };
  const problem = checkLink(ctx, link);
  const t = targetOf(site, file, link);
  let url = t?.page?.url ?? t?.url ?? null;
  let fragment = t?.fragment ?? null;
  if (!t && (kind === 'inline' || kind === 'image') && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) {
    // A broken link still has an address: where the browser would go.
    const w = splitDestination(target);
    if (w.path && (doc.pages[0] || w.path.startsWith('/'))) url = decodePath(resolvePath(doc.pages[0]?.url ?? '/', servedPath(site.model.summary, w.path)));
    fragment = w.fragment ?? null;
  }
  return { ...base, url, file: t?.file ?? null, fragment, status: t?.page?.status ?? null, verdict: problem?.code ?? 'ok', ...(problem ? { message: problem.message } : {}) };
}
