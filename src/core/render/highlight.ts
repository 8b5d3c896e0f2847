/**
 * Code highlighting with highlight.js's common languages (a bundle with all ~190 grammars would
 * triple the extension's size for languages blogs rarely use). Unknown languages stay plain text.
 */
import type HljsApi from 'highlight.js/lib/common';

// Loaded on first highlight: registering its languages is a tenth of activation time otherwise.
let hljsInstance: typeof HljsApi | undefined;
function hljsLib(): typeof HljsApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hljsInstance ??= (require('highlight.js/lib/common') as { default?: typeof HljsApi } & typeof HljsApi).default ?? (require('highlight.js/lib/common') as typeof HljsApi);
  return hljsInstance;
}
import { escapeHtml } from './html';

/** Hugo/Goldmark and Jekyll spell some languages differently from highlight.js. */
const ALIASES: Record<string, string> = { golang: 'go', shell: 'bash', sh: 'bash', console: 'bash', 'c++': 'cpp', yml: 'yaml', html: 'xml', jsx: 'javascript', tsx: 'typescript', text: 'plaintext', txt: 'plaintext' };

export function languageOf(info: string): string {
  const word = info.trim().split(/[\s{]/)[0] ?? '';
  return word.replace(/^\./, '').toLowerCase();
}

/** Highlighted, escaped HTML for the inside of `<code>`. Never throws. */
export function highlightCode(code: string, lang: string): string {
  const name = ALIASES[lang] ?? lang;
  if (name && name !== 'plaintext' && hljsLib().getLanguage(name)) {
    try {
      return hljsLib().highlight(code, { language: name, ignoreIllegals: true }).value;
    } catch {
      // highlight.js can throw on pathological input; plain text is a fine fallback
    }
  }
  return escapeHtml(code);
}

/** A whole code block, as the preview shows fences, `highlight` shortcodes and Liquid blocks. */
export function codeBlockHtml(code: string, lang: string, line?: number): string {
  const cls = lang ? ` class="hljs language-${escapeHtml(lang)}"` : ' class="hljs"';
  const dl = line === undefined ? '' : ` data-line="${line}"`;
  const label = lang ? `<span class="pc-code-lang">${escapeHtml(lang)}</span>` : '';
  return `<pre class="pc-code"${dl}>${label}<code${cls}>${highlightCode(code.replace(/\n$/, ''), lang)}</code></pre>\n`;
}
