/**
 * Following links in the editor: Go to Definition (Ctrl+click) on any link form, underlined
 * resolvable links, a hover with the target's title, date, status and URL, and Find All References
 * on a post. All resolution is the engine's (src/core/authoring/targets.ts).
 */
import { TimeSlicer } from '../core/api';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Postcraft, Site } from '../core/service';
import { linkAt, referencesTo, targetOf, type LinkTarget, describeTarget, type IndexedDocument } from '../core/api';
import { LineIndex } from '../core/text';
import { LINK_SELECTOR } from './linkCompletion';
import type { EngineHost } from './workspace';

interface Open {
  readonly engine: Postcraft;
  readonly site: Site;
  readonly file: string;
  readonly doc: IndexedDocument;
  /** The URI of a site-relative file. */
  uriOf(file: string): vscode.Uri;
}

/** The engine's facts for an editor document, brought up to date with its text. */
export async function openDocument(host: EngineHost, document: vscode.TextDocument): Promise<Open | undefined> {
  const path = host.pathOf(document.uri);
  if (path === undefined) return undefined;
  const engine = await host.get();
  const site = engine.siteOf(path);
  if (!site) return undefined;
  const file = engine.relative(site, path);
  // The worker's analysis of this very text; when it failed, the last one indexed (never a parse here).
  await host.ready(document);
  const doc = site.index.document(file);
  return doc ? { engine, site, file, doc, uriOf: (f) => host.uriOf(posix.join(site.root, f)) } : undefined;
}

function locationOf(o: Open, t: LinkTarget): vscode.Location | undefined {
  if (!t.file) return undefined;
  return new vscode.Location(o.uriOf(t.file), new vscode.Position(t.line ?? 0, 0));
}

async function targetAt(host: EngineHost, document: vscode.TextDocument, position: vscode.Position) {
  const o = await openDocument(host, document);
  if (!o) return undefined;
  const link = linkAt(o.doc, document.offsetAt(position));
  if (!link) return undefined;
  const target = targetOf(o.site, o.file, link);
  return target ? { ...o, link, target } : undefined;
}

export function registerLinkNavigation(context: vscode.ExtensionContext, host: EngineHost): void {
  const definitions: vscode.DefinitionProvider = {
    async provideDefinition(document, position) {
      const t = await targetAt(host, document, position);
      if (!t) return undefined;
      const loc = locationOf(t, t.target);
      if (!loc) return undefined;
      const r = t.link.whole ?? t.link.range;
      const link: vscode.LocationLink = {
        originSelectionRange: new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)),
        targetUri: loc.uri,
        targetRange: loc.range,
      };
      return [link];
    },
  };

  const documentLinks: vscode.DocumentLinkProvider = {
    async provideDocumentLinks(document, token) {
      const o = await openDocument(host, document);
      if (!o || token.isCancellationRequested) return [];
      const out: vscode.DocumentLink[] = [];
      // Thousands of links in one post: resolve them in slices, never in one long block.
      const slicer = new TimeSlicer();
      for (const link of o.doc.body().links) {
        await slicer.maybeYield();
        if (token.isCancellationRequested) return [];
        if (link.kind === 'template' || link.kind === 'reference') continue;
        const t = targetOf(o.site, o.file, link);
        if (!t?.file) continue;
        const uri = o.uriOf(t.file).with({ fragment: t.line !== undefined ? `L${t.line + 1}` : '' });
        const dl = new vscode.DocumentLink(new vscode.Range(document.positionAt(link.range.start), document.positionAt(link.range.end)), uri);
        dl.tooltip = t.page ? `${t.page.title ?? t.page.url} (${t.page.url})` : t.file;
        out.push(dl);
      }
      return out;
    },
  };

  const hovers: vscode.HoverProvider = {
    async provideHover(document, position) {
      const t = await targetAt(host, document, position);
      if (!t) return undefined;
      const md = new vscode.MarkdownString(describeTarget(t.target, (f) => t.uriOf(f).toString()));
      const r = t.link.whole ?? t.link.range;
      return new vscode.Hover(md, new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)));
    },
  };

  const references: vscode.ReferenceProvider = {
    async provideReferences(document, position, ctx) {
      const o = await openDocument(host, document);
      if (!o) return [];
      // On a link: references of its target; anywhere else: of this post.
      const link = linkAt(o.doc, document.offsetAt(position));
      const target = link ? targetOf(o.site, o.file, link) : undefined;
      const file = target?.file ?? o.file;
      const out: vscode.Location[] = [];
      if (ctx.includeDeclaration) out.push(new vscode.Location(o.uriOf(file), new vscode.Position(0, 0)));
      for (const r of referencesTo(o.site, file)) {
        const abs = posix.join(o.site.root, r.file);
        const open = vscode.workspace.textDocuments.find((d) => host.pathOf(d.uri) === abs);
        const text = open?.getText() ?? (await o.engine.readText(abs)) ?? '';
        const range = rangeIn(text, r.link.range);
        out.push(new vscode.Location(o.uriOf(r.file), range));
      }
      return out;
    },
  };

  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(LINK_SELECTOR, definitions),
    vscode.languages.registerDocumentLinkProvider(LINK_SELECTOR, documentLinks),
    vscode.languages.registerHoverProvider(LINK_SELECTOR, hovers),
    vscode.languages.registerReferenceProvider(LINK_SELECTOR, references),
  );
}

/** A VS Code range for offsets into a text (of a file that may not be open). */
export function rangeIn(text: string, r: { start: number; end: number }): vscode.Range {
  const li = new LineIndex(text);
  const a = li.positionAt(r.start);
  const b = li.positionAt(r.end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}
