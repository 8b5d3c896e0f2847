/**
 * Our site model against a built site's output folder, for any generator: every URL our model says is
 * published must be served by the output, and every HTML page the output holds must be in our model
 * (both directions, as the Hugo suite does with `hugo list`); and every marked link in the published
 * content files must get the verdict the built page gives it (helpers/verdicts.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PostcraftDiagnostic } from '../../../src/core/diagnostics';
import { createPostcraft, type Site } from '../../../src/core/service';
import { nodeFileSystem } from '../../../src/node/nodeFs';
import { compareFile, markerLines, serve, type BuiltOutput } from './verdicts';

export interface Checked {
  readonly site: Site;
  readonly diags: readonly PostcraftDiagnostic[];
}

/** Indexes the site at `siteDir` and checks it as `postcraft check` does. */
export async function checkedSite(siteDir: string): Promise<Checked> {
  const root = siteDir.split(path.sep).join('/');
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root] });
  const site = engine.sites.find((s) => s.root === root);
  assert.ok(site, `no site detected at ${root}`);
  return { site, diags: await engine.checkSite(site) };
}

/** Every HTML file in the output, as the URL path that serves it (`x/index.html` → `/x/`). */
export function builtHtml(out: BuiltOutput): string[] {
  const urls: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (/\.html$/.test(e.name)) urls.push(out.basePath + (e.name === 'index.html' ? r.slice(0, -'index.html'.length) : r));
    }
  };
  if (fs.existsSync(out.outDir)) walk(out.outDir, '');
  return urls.sort();
}

export interface OutputComparison {
  readonly problems: string[];
  /** Content files and the URL our model gives them, for verbose runs. */
  readonly pages: string[];
}

/**
 * Both directions. `ignoreBuilt` names output pages that are no page of any site's content and that
 * our model does not list (a theme's own pages such as Docusaurus's `/search`), with the reason.
 */
export function compareOutput(site: Site, out: BuiltOutput, ignoreBuilt: (url: string) => boolean = () => false): OutputComparison {
  const problems: string[] = [];
  const pages: string[] = [];
  const urls = site.index.urls();
  for (const [url, targets] of urls) {
    for (const t of targets) {
      const what = t.type === 'page' ? (t.page.file ?? `${t.page.kind} page`) : t.type === 'file' ? t.file : t.type;
      const published = t.type === 'page' || t.type === 'alias' ? t.page.willPublish : t.type === 'file' ? !t.owner || (t.owner.resourcesPublished ?? t.owner.willPublish) : true;
      if (t.type === 'page' && t.page.file) pages.push(`${t.page.file} → ${url}${published ? '' : ` (${t.page.status}, not published)`}`);
      if (!published) {
        if (t.type === 'page' && t.page.file && serve(out, url).exists && !urls.get(url)?.some((o) => o !== t && o.type !== 'alias')) problems.push(`unpublished: ${t.page.file} (${t.page.status}) → ${url}, yet the build wrote it`);
        continue;
      }
      const s = serve(out, url);
      if (!s.exists) problems.push(`we publish ${url} (${what}), the build has nothing there`);
      else if (t.type === 'page' && s.html === undefined) problems.push(`we publish a page at ${url} (${what}), the build has a non-HTML file there`);
    }
  }
  const has = (u: string) => urls.has(u) || (u.endsWith('/') && u.length > 1 && urls.has(u.slice(0, -1))) || (u.endsWith('.html') && urls.has(u.slice(0, -5)));
  for (const u of builtHtml(out)) if (!has(u) && !has(decodeURI(u)) && !ignoreBuilt(u)) problems.push(`the build wrote ${u}, our model has no page there`);
  return { problems, pages: pages.sort() };
}

/** Content files of the site that our model publishes and that hold marked links. */
export function markedFiles(site: Site): string[] {
  const files = new Set<string>();
  for (const targets of site.index.urls().values()) {
    for (const t of targets) {
      if (t.type !== 'page' || !t.page.file || !t.page.willPublish) continue;
      const text = fs.readFileSync(path.join(site.root, t.page.file), 'utf8');
      if (markerLines(text).size) files.add(t.page.file);
    }
  }
  return [...files].sort();
}

/** Link verdicts for every marked file (helpers/verdicts.ts): empty problems when we agree with the build. */
export function compareVerdicts(checked: Checked, out: BuiltOutput): { problems: string[]; checked: string[] } {
  const problems: string[] = [];
  const lines: string[] = [];
  const files = markedFiles(checked.site);
  assert.ok(files.length > 0, 'the fixture has published files with marked links');
  for (const f of files) {
    const r = compareFile(checked.site, out, f, checked.diags);
    problems.push(...r.problems);
    lines.push(...r.checked);
  }
  return { problems, checked: lines };
}

/** Prints what was compared when POSTCRAFT_CONFORMANCE_VERBOSE is set. */
export function verbose(...blocks: (string | readonly string[])[]): void {
  if (!process.env.POSTCRAFT_CONFORMANCE_VERBOSE) return;
  console.log(blocks.map((b) => (typeof b === 'string' ? b : b.join('\n'))).join('\n'));
}
