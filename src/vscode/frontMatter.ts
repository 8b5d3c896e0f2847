/** Front-matter intelligence in the editor: completion, hover and quick fixes (one registration for features.ts). */
import type * as vscode from 'vscode';
import { registerFrontMatterCodeActions } from './frontMatterCodeActions';
import { registerFrontMatterCompletion } from './frontMatterCompletion';
import { registerFrontMatterHover } from './frontMatterHover';
import type { EngineHost } from './workspace';

export function registerFrontMatter(context: vscode.ExtensionContext, host: EngineHost): void {
  registerFrontMatterCompletion(context, host);
  registerFrontMatterHover(context, host);
  registerFrontMatterCodeActions(context, host);
}
