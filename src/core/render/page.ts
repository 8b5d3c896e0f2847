/**
 * A rendered post as one self-contained HTML page (the CLI's `render` output): CSS inlined, no
 * script at all, and a CSP that would stop one anyway.
 */
import { escapeHtml } from './html';
import { PREVIEW_CSS } from './styles';
import type { RenderedPost } from './types';

export interface StandalonePageOptions {
  readonly allowHttpsImages?: boolean;
  readonly lang?: string;
}

export function standalonePage(post: RenderedPost, o: StandalonePageOptions = {}): string {
  const img = `data:${o.allowHttpsImages ? ' https:' : ''}`;
  const csp = `default-src 'none'; img-src ${img}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Postcraft">
<title>${escapeHtml(post.title || 'Preview')}</title>
<style>${PREVIEW_CSS}</style>
</head>
<body>
<main class="pc-page">
${post.headerHtml}
<article class="pc-body">
${post.bodyHtml}
</article>
</main>
</body>
</html>
`;
}
