/**
 * Code highlighting with highlight.js's common languages (a bundle with all ~190 grammars would
 * triple the extension's size for languages blogs rarely use). Unknown languages stay plain text.
 */
import hljs from 'highlight.js/lib/common';
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
  if (name && name !== 'plaintext' && hljs.getLanguage(name)) {
    try {
      return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
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
