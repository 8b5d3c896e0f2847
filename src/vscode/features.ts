/** Feature adapters (diagnostics, completion, preview, …), each registering itself here. */
import type * as vscode from 'vscode';
import type { EngineHost } from './workspace';

export type FeatureRegistration = (context: vscode.ExtensionContext, host: EngineHost, log: vscode.OutputChannel) => void;

export const features: FeatureRegistration[] = [];
