/**
 * Links the generator resolves itself: Jekyll's `{% link %}`/`{% post_url %}` tags, Hugo's
 * `ref`/`relref` shortcodes, and template code typed into content.
 */
import { distance } from 'fastest-levenshtein';
import type { Site } from '../service';
import type { ExtractedLink } from './types';
import { refPathOf, resolveHugoRef } from './hugoRefs';
import { statusPhrase, type CheckContext, type LinkProblem } from './problems';
import { fragmentProblem } from './fragments';

// ---------------------------------------------------------------------------- Jekyll tags

/**
 * `{% post_url %}` / `{% link %}`: Liquid runs over the whole post before Markdown (fences do not
 * protect a tag, only `{% raw %}` does), and a missing target stops the Jekyll build.
 */
/**
 * The site file a Jekyll `{% post_url %}` / `{% link %}` argument names: the first of the
 * generator's candidates that exists. One place for the checker, the preview, navigation and moves.
 */
export function liquidTargetFile(site: Site, target: string, fromFile: string, seen?: (candidate: string) => void): string | undefined {
  for (const c of site.model.refCandidates?.(target, fromFile) ?? []) {
    seen?.(c);
    if (site.index.hasFile(c)) return c;
  }
  return undefined;
}

export function liquidProblem(ctx: CheckContext, link: ExtractedLink): LinkProblem | undefined {
  if (!ctx.site.model.refCandidates?.(link.target, ctx.file).length) return undefined;
  // Every candidate is a dependency: creating any of them can fix the link.
  const c = liquidTargetFile(ctx.site, link.target, ctx.file, (x) => ctx.deps.add('file:' + x));
  if (c) {
    const page = ctx.site.index.pagesOfFile(c)[0];
    if (page && !page.willPublish && !ctx.includeDrafts && link.kind === 'post_url') {
      return {
        code: 'link.unpublished-target',
        message: `${c} ${statusPhrase(page)}: Jekyll does not publish it, so {% post_url ${link.target} %} fails the build or links to nothing.`,
        data: { file: c, status: page.status },
      };
    }
    return undefined;
  }
  const tag = link.kind === 'post_url' ? 'post_url' : 'link';
  return {
    code: 'ref.not-found',
    message: link.kind === 'post_url'
      ? `No post matches {% post_url ${link.target} %}: Jekyll stops the build ("Could not find post").`
      : `No file ${link.target} exists for {% ${tag} %}: Jekyll stops the build ("Could not find document").`,
    data: { target: link.target },
  };
}

// ---------------------------------------------------------------------------- templates

export function templateProblem(link: ExtractedLink): LinkProblem {
  const m = /^\{\{-?\s*(relref|ref)\s+\.\s+("[^"]*"|`[^`]*`)\s*-?\}\}$/.exec(link.target);
  const fix = m ? `{{< ${m[1]} ${m[2]} >}}` : undefined;
  return {
    code: 'template.unrendered',
    message: `Template code is not run in content: Hugo publishes ${link.target} as literal text.${fix ? ` Use the shortcode ${fix} instead.` : ' Move it into a layout or a shortcode.'}`,
    data: fix ? { suggestions: [fix], replaceWhole: true } : undefined,
  };
}

// ---------------------------------------------------------------------------- ref / relref

export function refProblem(ctx: CheckContext, link: ExtractedLink): LinkProblem | undefined {
  if (link.context === 'raw-html' && !ctx.site.model.dialect.rawHtml) return undefined;
  const { site, file } = ctx;
  const hash = link.target.indexOf('#');
  const path = hash >= 0 ? link.target.slice(0, hash) : link.target;
  const fragment = hash >= 0 ? link.target.slice(hash + 1) : link.afterFragment?.fragment;
  const name = path.trim().toLowerCase().replace(/\/+$/, '').split('/').pop()?.replace(/\.[^.]*$/, '') ?? '';
  if (name) ctx.deps.add('ref:' + name);
  if (path.trim() === '') return link.context ? undefined : fragmentProblem(ctx, ctx.page, ctx.doc, fragment, link.target, '');
  const r = resolveHugoRef(site, file, path, ctx.includeDrafts, true, link.refLang);
  if (r && 'page' in r) {
    if (r.page.file) ctx.deps.add('file:' + r.page.file);
    // In code the URL is text; in raw HTML (kept, as checked above) it is a link in an `href`.
    if (link.context && !(link.context === 'raw-html' && link.inHref)) return undefined;
    const doc = r.page.file ? site.index.document(r.page.file) : undefined;
    const p = fragmentProblem(ctx, r.page, doc, fragment, link.target, path + '#');
    // A fragment written after the shortcode is not in the argument a fix would replace.
    return p && hash < 0 && p.data ? { ...p, data: { ...p.data, suggestions: [] } } : p;
  }
  if (r && 'ambiguous' in r) {
    const files = r.ambiguous.map((p) => p.file ?? p.url);
    return {
      code: 'ref.not-found',
      message: `Hugo cannot resolve ${link.kind} "${link.target}": ${files.length} pages are named "${name}" (${files.join(', ')}), so it reports the reference as ambiguous (REF_NOT_FOUND) and the build fails. Write the content path, e.g. "${refPathOf(site, r.ambiguous[0]) ?? ''}".`,
      data: { suggestions: r.ambiguous.map((p) => refPathOf(site, p)).filter((s): s is string => !!s).map((s) => s + (hash >= 0 ? '#' + fragment : '')) },
    };
  }
  const hidden = ctx.includeDrafts ? undefined : resolveHugoRef(site, file, path, true, true, link.refLang);
  if (hidden && 'page' in hidden) {
    if (hidden.page.file) ctx.deps.add('file:' + hidden.page.file);
    return {
      code: 'ref.not-found',
      message: `${link.kind} "${link.target}" names ${hidden.page.file}, which ${statusPhrase(hidden.page)}: a production build does not contain it, so Hugo reports REF_NOT_FOUND and the build fails.`,
      data: { unpublished: hidden.page.file },
    };
  }
  const suggestions = nearestRefs(ctx, path);
  return {
    code: 'ref.not-found',
    message: `Hugo cannot find a page for ${link.kind} "${link.target}" (REF_NOT_FOUND: page not found), so the build fails.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
    data: { suggestions: suggestions.map((s) => s + (hash >= 0 ? '#' + fragment : '')) },
  };
}

interface RefCandidate {
  readonly base: string;
  readonly ref: string;
}

export interface RefCandidates {
  readonly list: RefCandidate[];
  readonly memo: Map<string, string[]>;
}

/**
 * Suggestion candidates per URL table (it is rebuilt when pages come, go or change URL or status, and
 * not on a keystroke in a post's body): built once, not per broken ref (a typo can break many).
 */
function refCandidates(ctx: CheckContext): RefCandidates {
  const index = ctx.site.index;
  const urls = index.urls();
  const cached = ctx.site.caches.refCandidates;
  if (cached && cached.urls === urls && cached.includeDrafts === ctx.includeDrafts) return cached.table;
  const list: RefCandidate[] = [];
  for (const p of index.contentPages()) {
    if (!p.file || (!p.willPublish && !ctx.includeDrafts)) continue;
    const ref = refPathOf(ctx.site, p);
    if (!ref) continue;
    const base = ref.toLowerCase().replace(/\/(_?index)?\.[a-z]+$/, '').replace(/\.[a-z]+$/, '').split('/').pop() ?? '';
    list.push({ base, ref });
  }
  const table: RefCandidates = { list, memo: new Map<string, string[]>() };
  ctx.site.caches.refCandidates = { urls, includeDrafts: ctx.includeDrafts, table };
  return table;
}

function nearestRefs(ctx: CheckContext, path: string): string[] {
  const want = path.trim().toLowerCase().replace(/\.[a-z]+$/, '').split('/').filter(Boolean).pop() ?? '';
  if (!want) return [];
  const withExt = /\.[a-z]+$/i.test(path.trim());
  const { list, memo } = refCandidates(ctx);
  const key = `${withExt ? 1 : 0}${want}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const max = Math.max(2, Math.floor(want.length * 0.3));
  let best: { d: number; s: string }[] = [];
  for (const c of list) {
    // Edit distance is at least the length difference: skip what cannot be close.
    if (Math.abs(c.base.length - want.length) > max) continue;
    const d = distance(want, c.base);
    if (d <= max) best.push({ d, s: withExt ? c.ref : c.ref.replace(/\.[a-z]+$/i, '') });
  }
  best = best.sort((a, b) => a.d - b.d || a.s.localeCompare(b.s)).slice(0, 3);
  const out = best.map((b) => b.s);
  if (memo.size < 10_000) memo.set(key, out);
  return out;
}
