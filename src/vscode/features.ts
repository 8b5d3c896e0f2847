/**
 * Feature adapters (diagnostics, completion, preview, …). Each feature module exports one
 * `register…` function; add it to the list below (one import line, one list entry).
 */
import type * as vscode from 'vscode';
import type { EngineHost } from './workspace';
import { registerFrontMatter } from './frontMatter';
import { registerNewPost } from './newPost';
import { registerPreview } from './preview/manager';
import { registerDiagnostics } from './diagnostics';
import { registerLinkCompletion } from './linkCompletion';
import { registerLinkNavigation } from './linkNavigation';
import { registerLinkRename } from './linkRename';
import { registerPublishing } from './publishing';
import { registerPostsView } from './postsView';
import { registerTaxonomiesView } from './taxonomyView';
import { registerTaxonomyCommands } from './taxonomyRename';
import { registerShortcodes } from './shortcodes';
import { registerImages } from './images';

export type FeatureRegistration = (context: vscode.ExtensionContext, host: EngineHost, log: vscode.OutputChannel) => void;

export const features: FeatureRegistration[] = [
  registerFrontMatter,
  registerNewPost,
  registerPreview,
  registerDiagnostics,
  registerLinkCompletion,
  registerLinkNavigation,
  registerLinkRename,
  registerPublishing,
  (context, host) => void registerPostsView(context, host),
  registerTaxonomiesView,
  registerTaxonomyCommands,
  registerShortcodes,
  registerImages,
  // registered features go here
];
