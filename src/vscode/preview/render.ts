/** Renders a document for the panel: through its site when it has one, standalone otherwise. */
import * as vscode from 'vscode';
import { posix } from 'node:path';
import type { Postcraft } from '../../core/service';
import { renderPost, COMMONMARK_GFM, prepareSite, renderInSite, renderInSiteElsewhere, type RenderMemory } from '../../core/api';
import type { RenderedPost } from '../../core/render/types';
import { clampSetting } from '../settingRanges';
import type { Elsewhere } from '../platform';

export interface PanelRenderSettings {
  readonly allowHttpsImages: boolean;
  readonly includeDrafts: boolean;
  readonly scrollSync: boolean;
  /** Above this many characters only the beginning is rendered (rendering 10 MB takes seconds). */
  readonly largeFileLimit: number;
}

export function readSettings(resource: vscode.Uri): PanelRenderSettings {
  const cfg = vscode.workspace.getConfiguration('postcraft', resource);
  return {
    allowHttpsImages: cfg.get<boolean>('preview.allowHttpsImages', false),
    scrollSync: cfg.get<boolean>('preview.scrollSync', true),
    includeDrafts: cfg.get<boolean>('links.includeDrafts', false),
    largeFileLimit: clampSetting('largeFileLimit', cfg.get<number>('largeFileLimit', 500_000), 500_000),
  };
}

/** The beginning of a very large post, cut at a line end, with a visible note of what was left out. */
export function limitedText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf('\n', limit);
  const head = text.slice(0, cut > 0 ? cut : limit);
  return `${head}\n\n> **Postcraft:** the preview shows the first ${head.length.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters (setting \`postcraft.largeFileLimit\`).\n`;
}

function isUnder(path: string, roots: readonly vscode.Uri[]): boolean {
  return roots.some((r) => path === r.path || path.startsWith(r.path.endsWith('/') ? r.path : r.path + '/'));
}

/** Where the panel renders (a worker thread, or a later turn), with the links and images its last render asked for. */
export interface RenderElsewhere {
  readonly worker: Elsewhere;
  readonly memory: RenderMemory;
}

/** Engine paths ↔ URIs (the EngineHost). */
export interface PathMap {
  pathOf(uri: vscode.Uri): string | undefined;
  uriOf(path: string): vscode.Uri;
}

/** Thrown inside a render elsewhere that answered "render it here". */
const HERE = new Error('render here');

export async function renderDocument(engine: Postcraft, paths: PathMap, doc: vscode.TextDocument, webview: vscode.Webview, roots: readonly vscode.Uri[], s: PanelRenderSettings, elsewhere?: RenderElsewhere, indexed = true): Promise<RenderedPost> {
  const enginePath = paths.pathOf(doc.uri);
  const path = enginePath ?? doc.uri.path;
  const full = doc.getText();
  const text = limitedText(full, s.largeFileLimit);
  // A webview may load only what localResourceRoots allow; anything else is marked, not fetched.
  const resourceUri = (abs: string) => (isUnder(abs, roots) ? webview.asWebviewUri(paths.uriOf(abs)).toString() : undefined);
  const site = enginePath !== undefined ? engine.siteOf(enginePath) : undefined;
  if (site) {
    const prep = await prepareSite(engine, site);
    const o = { resourceUri, allowHttpsImages: s.allowHttpsImages, includeDrafts: s.includeDrafts, excerpt: text !== full || !indexed };
    if (elsewhere) {
      try {
        // markdown-it on a large post takes hundreds of milliseconds: not on the extension host's thread.
        return await renderInSiteElsewhere(
          site,
          path,
          text,
          prep,
          o,
          async (t, markup, tables) => {
            const r = await elsewhere.worker.render(t, markup, tables);
            if (!r) throw HERE;
            return r;
          },
          elsewhere.memory,
        );
      } catch (e) {
        if (e !== HERE) throw e;
      }
    }
    return renderInSite(site, path, text, prep, o);
  }
  // Outside every site: plain Markdown, images beside the file, no link verdicts.
  return renderPost(text, { dialect: COMMONMARK_GFM }, {
    resolveImage: (src) => {
      if (/^https:\/\//i.test(src)) return s.allowHttpsImages ? { uri: src } : { blocked: true, reason: 'remote image not loaded (postcraft.preview.allowHttpsImages is off)' };
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return { blocked: true, reason: 'not loaded' };
      const abs = posix.normalize(src.startsWith('/') ? src : posix.join(posix.dirname(path), src));
      const uri = resourceUri(abs);
      return uri ? { uri } : { blocked: true, reason: 'outside the folders the preview may read' };
    },
    resolveLink: (target) => ({ kind: /^[a-z][a-z0-9+.-]*:/i.test(target) ? 'external' : target.startsWith('#') ? 'fragment' : 'other' }),
  });
}
