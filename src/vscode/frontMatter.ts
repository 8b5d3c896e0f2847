/** Front-matter intelligence in the editor: completion, hover and quick fixes (one registration for features.ts). */
import type * as vscode from 'vscode';
import { frontMatterStats } from '../core/api';
import { registerFrontMatterCodeActions } from './frontMatterCodeActions';
import { registerFrontMatterCompletion } from './frontMatterCompletion';
import { registerFrontMatterHover } from './frontMatterHover';
import type { EngineHost } from './workspace';

export function registerFrontMatter(context: vscode.ExtensionContext, host: EngineHost): void {
  registerFrontMatterCompletion(context, host);
  registerFrontMatterHover(context, host);
  registerFrontMatterCodeActions(context, host);
  // Build each site's front-matter table once the index is ready, so the first completion does not pay for it.
  context.subscriptions.push(
    host.onDidChange(() => {
      const engine = host.current();
      if (engine) setTimeout(() => engine.sites.forEach((s) => frontMatterStats(s)), 0);
    }),
  );
}
