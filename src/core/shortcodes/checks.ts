/**
 * Template calls that stop the build, found before the generator runs: a shortcode with no template,
 * one that reads `.Inner` left open, a closing tag Hugo refuses, an include with no file. Each rule is
 * what hugo 0.111 / jekyll 4.3 do (test/conformance/shortcodes.test.ts builds every case).
 *
 * Hugo reads a page's shortcodes as it builds it: drafts, future and expired pages are not read
 * (verified: an unknown shortcode in a draft builds), headless pages, pages never rendered and
 * Markdown resources of bundles are (they fail the build too; we check only documents with a page of
 * their own, never a false error). Jekyll runs Liquid only in files with front matter.
 *
 * When a configured theme or module is not on disk any name may be one of its templates, and its
 * templates may differ from the ones we read: nothing is reported on that site (`theme.missing` says
 * why, once).
 */
import { distance } from 'fastest-levenshtein';
import type { Postcraft, Site } from '../service';
import type { PostcraftDiagnostic } from '../diagnostics';
import type { LineIndex } from '../text';
import type { IndexedDocument } from '../site/index';
import type { TemplateCatalogue } from '../site/templates';
import { includeTags, scanShortcodeTags, type TemplateTag } from './tags';
import { SHORTCODE_SEVERITY, type ShortcodeCode } from './severity';

interface Finding {
  readonly code: ShortcodeCode;
  /** Where it differs from the code's default. */
  readonly severity?: 'info';
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Names close to a misspelt one, nearest first (for the message and a quick fix). */
export function nearestNames(want: string, names: Iterable<string>, limit = 3): string[] {
  const w = want.toLowerCase();
  const max = Math.max(2, Math.floor(w.length * 0.4));
  const scored: { d: number; name: string }[] = [];
  for (const name of names) {
    const d = distance(w, name.toLowerCase());
    if (d <= max) scored.push({ d, name });
  }
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
}

function unknown(tag: TemplateTag, catalogue: TemplateCatalogue): Finding {
  const since = catalogue.later?.get(tag.name);
  if (since) {
    return {
      code: 'shortcode.unknown',
      severity: 'info',
      start: tag.nameStart,
      end: tag.nameEnd,
      message: `Shortcode "${tag.name}" is built into Hugo ${since} and later, not into older versions (0.111 stops the build: template for shortcode "${tag.name}" not found). Build with Hugo ${since} or later, and say so in the config (module.hugoVersion.min) to have it checked.`,
      data: { name: tag.name, since },
    };
  }
  const near = nearestNames(tag.name, catalogue.entries.keys());
  return {
    code: 'shortcode.unknown',
    start: tag.nameStart,
    end: tag.nameEnd,
    message: `No template for shortcode "${tag.name}" in ${catalogue.dirs[0] ?? 'layouts/shortcodes'}/, the themes' or Hugo's own: Hugo stops the build (template for shortcode "${tag.name}" not found).${near.length ? ` Did you mean "${near[0]}"?` : ''}`,
    data: { name: tag.name, suggestions: near },
  };
}

/**
 * Hugo's reading of a page's shortcodes, as its lexer and `extractShortcode` do it: a shortcode that
 * reads `.Inner` takes everything up to the next closing tag (nested ones first), whatever that tag's
 * name, as long as a shortcode of that name was opened before it in the page. After the first error
 * Hugo stops reading the page: so do we, except that every name without a template is reported.
 */
function hugoFindings(tags: readonly TemplateTag[], complete: boolean, catalogue: TemplateCatalogue): Finding[] {
  const out: Finding[] = [];
  const opened = new Set<string>();
  const stack: TemplateTag[] = [];
  let structure = true;
  const fail = (f: Finding) => {
    out.push(f);
    structure = false;
  };
  for (const tag of tags) {
    if (tag.closing) {
      if (!structure) continue;
      if (!opened.size) fail({ code: 'shortcode.unexpected-close', start: tag.start, end: tag.end, message: `A closing tag with no shortcode open before it: Hugo stops the build (got closing shortcode, but none is open).` });
      else if (!opened.has(tag.name)) fail({ code: 'shortcode.unexpected-close', start: tag.start, end: tag.end, message: `Closing tag for "${tag.name}", which is not opened before it: Hugo stops the build (closing tag for shortcode '${tag.name}' does not match start tag).` });
      else if (!stack.length) fail({ code: 'shortcode.unexpected-close', start: tag.start, end: tag.end, message: `Shortcode "${tag.name}" is not open here (it does not read .Inner, or its closing tag came before): Hugo stops the build (shortcode "${tag.name}" does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided).` });
      else stack.pop();
      continue;
    }
    opened.add(tag.name);
    // `name.inline` (inline shortcodes) are the page's own templates; Hugo drops them unless enabled.
    if (/\.inline$/.test(tag.name)) {
      structure = false;
      continue;
    }
    const entry = catalogue.entries.get(tag.name);
    if (!entry) {
      out.push(unknown(tag, catalogue));
      structure = false;
      continue;
    }
    if (!structure) continue;
    if (entry.innerUncertain) {
      structure = false;
      continue;
    }
    if (tag.selfClosing) {
      if (!entry.inner) fail({ code: 'shortcode.unexpected-close', start: tag.start, end: tag.end, message: `Shortcode "${tag.name}" does not read .Inner, so it cannot be self-closed with />}}: Hugo stops the build (does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided). Remove the "/".`, data: { name: tag.name, selfClosing: true } });
    } else if (entry.inner) stack.push(tag);
  }
  // A scan that stopped early has not seen the closing tags that may follow.
  if (structure && complete) {
    for (const tag of stack) {
      out.push({ code: 'shortcode.unclosed', start: tag.nameStart, end: tag.nameEnd, message: `Shortcode "${tag.name}" reads .Inner and is never closed: Hugo stops the build (shortcode "${tag.name}" must be closed or self-closed). Close it with {{< /${tag.name} >}}, or self-close it with {{< ${tag.name} />}}.`, data: { name: tag.name } });
    }
  }
  return out;
}

function includeFindings(tags: readonly TemplateTag[], catalogue: TemplateCatalogue): Finding[] {
  const out: Finding[] = [];
  const dir = catalogue.dirs[0] ?? '_includes';
  for (const tag of tags) {
    if (catalogue.entries.has(tag.name)) continue;
    const near = nearestNames(tag.name, catalogue.entries.keys());
    out.push({
      code: 'include.not-found',
      start: tag.nameStart,
      end: tag.nameEnd,
      message: `No file ${dir}/${tag.name}: Jekyll stops the build (Could not locate the included file '${tag.name}').${near.length ? ` Did you mean "${near[0]}"?` : ''}`,
      data: { name: tag.name, suggestions: near },
    });
  }
  return out;
}

/** Whether the generator reads this document's template calls when it builds the site. */
function isBuilt(engine: Postcraft, doc: IndexedDocument, catalogue: TemplateCatalogue): boolean {
  if (!doc.pages.some((p) => p.willPublish || p.status === 'published' || engine.linkOptions.includeDrafts)) return false;
  if (catalogue.kind === 'include') return !!doc.frontMatter && doc.frontMatter.data['render_with_liquid'] !== false;
  return true;
}

export async function checkTemplateCalls(engine: Postcraft, site: Site, file: string, text: string, lines: LineIndex, doc: IndexedDocument | undefined): Promise<PostcraftDiagnostic[]> {
  if (!doc || !doc.pages.length) return [];
  const catalogue = await site.templates.catalogue();
  if (!catalogue || catalogue.missing.length || !isBuilt(engine, doc, catalogue)) return [];
  const bodyStart = doc.frontMatter?.range.end ?? 0;
  let findings: Finding[];
  if (catalogue.kind === 'shortcode') {
    const scan = scanShortcodeTags(text, bodyStart);
    findings = hugoFindings(scan.tags, scan.complete, catalogue);
  } else findings = includeFindings(includeTags(text, bodyStart), catalogue);
  return findings.map((f) => ({
    file,
    start: lines.positionAt(f.start),
    end: lines.positionAt(f.end),
    severity: f.severity ?? SHORTCODE_SEVERITY[f.code],
    code: f.code,
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
  }));
}
