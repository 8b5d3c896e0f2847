/** The page the webview loads once; later updates arrive as messages and patch it. */
import { escapeHtml, PREVIEW_CSS } from '../../core/api';
import type { RenderedPost } from '../../core/render/types';
import { contentSecurityPolicy } from './security';

export interface ShellInput {
  readonly post: RenderedPost;
  readonly file: string;
  readonly version: number;
  readonly scriptUri: string;
  readonly cspSource: string;
  readonly nonce: string;
  readonly allowHttpsImages: boolean;
  readonly scrollSync: boolean;
  readonly initialLine: number;
  readonly locked?: boolean;
}

export function previewShell(s: ShellInput): string {
  const csp = contentSecurityPolicy(s.cspSource, s.nonce, s.allowHttpsImages);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.post.title || 'Preview')}</title>
<style nonce="${s.nonce}">${PREVIEW_CSS}</style>
</head>
<body>
<main id="pc-root" class="pc-page" data-version="${s.version}" data-file="${escapeHtml(s.file)}" data-line-count="${s.post.lineCount}" data-scroll-sync="${s.scrollSync}" data-initial-line="${s.initialLine}" data-locked="${s.locked === true}">
<div id="pc-header">${s.post.headerHtml}</div>
<article id="pc-body" class="pc-body">${s.post.bodyHtml}</article>
</main>
<script nonce="${s.nonce}" src="${escapeHtml(s.scriptUri)}"></script>
</body>
</html>`;
}
