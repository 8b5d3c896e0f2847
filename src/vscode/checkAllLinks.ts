/**
 * "Postcraft: Check All Links": checks every post of every site and shows the results for all files,
 * not just open ones. Also runs once the index is ready, for sites up to
 * `postcraft.links.checkOnActivation` pages.
 */
import * as vscode from 'vscode';
import { posix } from 'node:path';
import type { PostcraftDiagnostic } from '../core/diagnostics';
import { isMarkdown } from './workspace';
import type { DiagnosticsController } from './diagnostics';
import { clampSetting } from './settingRanges';

export interface CheckAllResult {
  /** Files checked. */
  readonly files: number;
  /** Diagnostics found (before severity settings). */
  readonly diagnostics: number;
}

export async function checkAllLinks(controller: DiagnosticsController, progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<CheckAllResult> {
  const engine = await controller.host.get();
  controller.applyOptions(engine);
  let files = 0;
  let count = 0;
  for (const site of engine.sites) {
    if (token?.isCancellationRequested) break;
    const total = site.index.documents.size;
    let last = 0;
    const diags = await engine.checkSite(site, (done, _all, phase) => {
      // Parsing (large sites, on the worker) is the first half of the bar, checking the second.
      const pct = Math.floor((done / Math.max(1, total)) * 50) + (phase === 'checking' ? 50 : 0);
      if (pct > last) {
        progress?.report({ message: `${posix.basename(site.root)}: ${phase} ${done}/${total}`, increment: (pct - last) / engine.sites.length });
        last = pct;
      }
    });
    const byFile = new Map<string, PostcraftDiagnostic[]>();
    for (const f of site.index.documents.keys()) byFile.set(f, []);
    for (const d of diags) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    const openDirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty && isMarkdown(d)).map((d) => [controller.host.pathOf(d.uri), d]));
    for (const [file, list] of byFile) {
      const abs = posix.join(site.root, file);
      const dirty = openDirty.get(abs);
      if (dirty) {
        // checkSite read the saved file; the editor's unsaved text is what the writer sees.
        controller.host.documents.refresh(dirty);
        controller.schedule(dirty, 0);
        continue;
      }
      controller.set(controller.host.uriOf(abs), list);
    }
    files += total;
    count += diags.length;
  }
  return { files, diagnostics: count };
}

export function registerCheckAllLinks(context: vscode.ExtensionContext, controller: DiagnosticsController, log: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postcraft.checkAllLinks', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Postcraft: checking all links', cancellable: true }, async (progress, token) => {
        const t0 = Date.now();
        const r = await checkAllLinks(controller, progress, token);
        log.appendLine(`Checked ${r.files} files in ${Date.now() - t0} ms: ${r.diagnostics} diagnostics`);
        return r;
      }),
    ),
  );
  void controller.host.get().then(
    async (engine) => {
      const limit = clampSetting('links.checkOnActivation', vscode.workspace.getConfiguration('postcraft').get<number>('links.checkOnActivation', 5000), 5000);
      const pages = engine.sites.reduce((n, s) => n + s.index.documents.size, 0);
      if (limit > 0 && pages > 0 && pages <= limit) {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Postcraft: checking links' }, (progress) => checkAllLinks(controller, progress));
      }
    },
    () => undefined,
  );
}
