/** Commands that are thin wrappers over the engine. Command ids are a public contract. */
import * as vscode from 'vscode';
import { describeSite, generatorName, type EngineHost } from './workspace';
import { createPostcraft } from '../core/service';
import { registerTestCommand } from './testCommands';

export interface SiteInfo {
  readonly root: string;
  readonly generator: string;
  /** Every content page (posts, sections with an _index, home). */
  readonly pages: number;
  /** Regular pages (kind `page`). */
  readonly posts: number;
  readonly linkSemantics: string;
  readonly configFile?: string;
}

function delta(a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): Record<string, number> | undefined {
  return a && b ? Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v - (a[k] ?? 0)])) : undefined;
}

export function registerSiteCommands(context: vscode.ExtensionContext, host: EngineHost, log: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postcraft.showSiteInfo', async (): Promise<{ sites: SiteInfo[] }> => {
      const engine = await host.get();
      const sites: SiteInfo[] = engine.sites.map((s) => {
        return {
          root: s.root,
          generator: s.model.summary.generator,
          pages: s.index.pageCount(),
          posts: s.index.pageCount('page'),
          linkSemantics: s.model.summary.linkSemantics,
          configFile: s.model.summary.configFile,
        };
      });
      log.appendLine('Sites:');
      for (const s of engine.sites) log.appendLine(`  ${describeSite(s)} — ${s.root} (links: ${s.model.summary.linkSemantics} semantics)`);
      log.show(true);
      if (sites.length) {
        void vscode.window.showInformationMessage(engine.sites.map((s) => `${describeSite(s)} (${generatorName(s.model.summary.generator)} site at ${vscode.workspace.asRelativePath(s.root) || s.root})`).join('; '));
      } else void vscode.window.showInformationMessage('Postcraft found no site in this workspace.');
      return { sites };
    }),
    // Test-only (registered under tests only): what the status bar would say for a site folder
    // outside the workspace, so the integration suite can cover several generators in one window.
    // Also a cold index of that folder, timed, with the file-system requests it made (the web level).
    registerTestCommand('postcraft.test.describeFolder', async (folder: unknown) => {
      if (typeof folder !== 'string') return undefined;
      const before = host.platform.requests?.();
      const t0 = Date.now();
      const engine = await createPostcraft({ fs: host.platform.fs, roots: [host.pathOf(vscode.Uri.file(folder)) ?? folder] });
      const ms = Date.now() - t0;
      const s = engine.sites[0];
      return s ? { generator: s.model.summary.generator, text: describeSite(s), posts: s.index.pageCount('page'), ms, requests: delta(before, host.platform.requests?.()) } : undefined;
    }),
    // Test-only: the platform, and how long the workspace's index took with the requests made so far.
    registerTestCommand('postcraft.test.indexStats', async () => {
      const engine = await host.get();
      const sites = engine.sites.map((s) => ({ root: s.root, generator: s.model.summary.generator }));
      return { platform: host.platform.kind, indexMs: host.indexMs, requests: host.platform.requests?.(), elsewhere: host.platform.elsewhereState?.(), sites };
    }),
    vscode.commands.registerCommand('postcraft.reindex', async () => {
      // Read everything again, also what a platform keeps (the web: files no event said changed).
      host.platform.reset?.();
      await host.reload();
    }),
  );
}
