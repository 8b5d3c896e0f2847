/**
 * Quick fixes and refactors for links, as plain edits (range + new text) so the editor adapter only
 * maps them: replacements carried by a diagnostic's `data`, and conversions between the relref and
 * URL forms of a link to a page.
 */
import type { Postcraft, Site } from '../service';
import type { PostcraftDiagnostic } from '../diagnostics';
import type { TextRange } from '../text';
import { LineIndex } from '../text';
import { siteExtras } from './diagnostics';
import { targetPageOf, type CheckContext } from './resolve';
import { refPathOf } from './hugoRefs';
import { relativeUrl } from './urls';

export interface LinkEdit {
  readonly title: string;
  /** Offsets into the document text. */
  readonly range: TextRange;
  readonly newText: string;
  /** Marks the fix VS Code should prefer. */
  readonly preferred?: boolean;
}

/** Replacement fixes for one diagnostic (did-you-mean, nearest heading, working forms of a `.md` link). */
export function fixesFor(d: PostcraftDiagnostic, text: string): LinkEdit[] {
  const suggestions = d.data?.['suggestions'];
  if (!Array.isArray(suggestions)) return [];
  const lines = new LineIndex(text);
  const range = { start: lines.offsetAt(d.start), end: lines.offsetAt(d.end) };
  // The range must still hold what was checked, or the fix would edit something else. A link a
  // shortcode prints after the baseURL has the argument written there (`written`), not the whole URL.
  const written = typeof d.data?.['written'] === 'string' ? d.data['written'] : d.target;
  if (written !== undefined && text.slice(range.start, range.end) !== written) return [];
  const out: LinkEdit[] = [];
  for (const s of suggestions.slice(0, 3)) {
    if (typeof s !== 'string' || s === written) continue;
    const title =
      d.code === 'link.fragment-not-found'
        ? `Link to the heading ${s.slice(s.lastIndexOf('#'))}`
        : d.code === 'template.unrendered'
          ? `Replace with the shortcode ${s}`
          : s.startsWith('{{<')
            ? `Use ${s}`
            : d.code === 'link.md-path'
              ? `Link to the page URL ${s}`
              : `Change to ${s}`;
    out.push({ title, range, newText: s, preferred: out.length === 0 });
  }
  return out;
}

/** Refactors for the link at `offset`: a relref/ref to its URL, or a URL link to a relref (Hugo). */
export async function refactorsAt(engine: Postcraft, site: Site, file: string, offset: number): Promise<LinkEdit[]> {
  if (!site.model.authoring.linkForms.includes('relref')) return [];
  const doc = site.index.document(file);
  if (!doc) return [];
  const link = doc.body().links.find((l) => offset >= (l.whole ?? l.range).start && offset <= (l.whole ?? l.range).end);
  if (!link) return [];
  const ctx: CheckContext = {
    site,
    file,
    page: doc.pages[0],
    doc,
    includeDrafts: true,
    extras: await siteExtras(engine.fs, site),
    semantics: site.model.summary.linkSemantics,
    deps: new Set(),
  };
  const t = targetPageOf(ctx, link);
  if (!t) return [];
  const frag = t.fragment !== undefined ? '#' + t.fragment : '';
  if ((link.kind === 'ref' || link.kind === 'relref') && link.whole) {
    const rel = ctx.page ? relativeUrl(ctx.page.url, t.page.url) : t.page.url;
    return [
      { title: `Convert to the URL ${rel + frag}`, range: link.whole, newText: rel + frag },
      { title: `Convert to the URL ${t.page.url + frag}`, range: link.whole, newText: t.page.url + frag },
    ];
  }
  const ref = refPathOf(site, t.page);
  if (!ref) return [];
  const sc = `{{< relref "${ref}${frag}" >}}`;
  return [{ title: `Convert to ${sc}`, range: link.range, newText: sc }];
}
