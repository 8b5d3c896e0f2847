/**
 * The preview's stylesheet, one source for the webview and the CLI's standalone page. Colours come
 * from VS Code's theme variables, so light, dark and high-contrast themes all work; the fallbacks
 * after each variable are what the standalone page (outside VS Code) uses.
 */
export const PREVIEW_CSS = `
:root { color-scheme: light dark; }
body {
  margin: 0; padding: 0 26px 40px;
  font-family: var(--vscode-markdown-font-family, -apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, sans-serif);
  font-size: var(--vscode-markdown-font-size, 15px);
  line-height: var(--vscode-markdown-line-height, 1.6);
  color: var(--vscode-editor-foreground, #1f2328);
  background: var(--vscode-editor-background, #ffffff);
  word-wrap: break-word;
}
.pc-page { max-width: 46em; margin: 0 auto; }
a { color: var(--vscode-textLink-foreground, #0b62c4); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground, #084a96); text-decoration: underline; }
a.pc-link-broken, code.pc-link-broken {
  color: var(--vscode-errorForeground, #c42b1c);
  text-decoration: underline wavy var(--vscode-editorError-foreground, #c42b1c);
  text-underline-offset: 3px; cursor: help;
}
a.pc-link-external::after { content: "\\2197"; font-size: 0.75em; margin-left: 1px; opacity: 0.7; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.6em; font-weight: 600; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--vscode-panel-border, rgba(127,127,127,0.3)); }
h3 { font-size: 1.25em; } h4 { font-size: 1.05em; }
hr { border: 0; height: 1px; background: var(--vscode-panel-border, rgba(127,127,127,0.35)); margin: 2em 0; }
img { max-width: 100%; height: auto; }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid var(--vscode-textBlockQuote-border, rgba(127,127,127,0.45)); background: var(--vscode-textBlockQuote-background, transparent); }
code { font-family: var(--vscode-editor-font-family, "SFMono-Regular", Menlo, Consolas, monospace); font-size: 0.9em; }
:not(pre) > code { padding: 0.1em 0.35em; border-radius: 4px; background: var(--vscode-textCodeBlock-background, rgba(127,127,127,0.14)); }
pre.pc-code { position: relative; padding: 14px 16px; overflow: auto; border-radius: 6px; line-height: 1.45;
  background: var(--vscode-textCodeBlock-background, #f4f5f7); border: 1px solid var(--vscode-widget-border, transparent); }
pre.pc-code code { background: none; padding: 0; font-size: 0.88em; }
.pc-code-lang { position: absolute; top: 4px; right: 8px; font-size: 0.7em; opacity: 0.6; text-transform: uppercase; letter-spacing: 0.05em; }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow: auto; }
th, td { border: 1px solid var(--vscode-panel-border, rgba(127,127,127,0.35)); padding: 5px 12px; }
td.pc-align-right, th.pc-align-right { text-align: right; } td.pc-align-center, th.pc-align-center { text-align: center; }
th { background: var(--vscode-keybindingTable-headerBackground, rgba(127,127,127,0.1)); }
ul.contains-task-list { list-style: none; padding-left: 1.2em; }
.task-list-item-checkbox { margin: 0 0.4em 0 -1.2em; vertical-align: middle; }
.footnotes { font-size: 0.9em; opacity: 0.9; }
.footnotes-sep { margin-top: 2.5em; }

/* the front-matter card */
.pc-header { margin: 24px 0 28px; padding: 18px 20px; border-radius: 10px;
  border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, rgba(127,127,127,0.3)));
  background: var(--vscode-sideBar-background, var(--vscode-editorWidget-background, #f6f8fa)); }
.pc-header .pc-title { margin: 0 0 6px; font-size: 1.9em; border: 0; padding: 0; }
.pc-untitled { opacity: 0.6; font-style: italic; }
.pc-description { margin: 0 0 8px; opacity: 0.85; font-size: 1.05em; }
.pc-meta { font-size: 0.92em; color: var(--vscode-descriptionForeground, #59636e); margin-bottom: 10px; }
.pc-author { font-weight: 600; color: var(--vscode-editor-foreground, #1f2328); }
.pc-chips { display: flex; flex-wrap: wrap; gap: 6px; }
.pc-chip { font-size: 0.8em; padding: 2px 10px; border-radius: 999px; line-height: 1.6;
  background: var(--vscode-badge-background, #e7ecf3); color: var(--vscode-badge-foreground, #24292f); }
.pc-chip-tag::before { content: "#"; opacity: 0.6; }
.pc-chip-category { background: transparent; border: 1px solid var(--vscode-badge-background, #9aa7b5); color: var(--vscode-editor-foreground, #24292f); }
.pc-badge { display: inline-block; vertical-align: middle; margin-left: 10px; font-size: 0.42em; font-weight: 700; letter-spacing: 0.06em;
  text-transform: uppercase; padding: 3px 8px; border-radius: 4px; cursor: help; }
.pc-badge-draft { background: var(--vscode-editorWarning-foreground, #9a6700); color: var(--vscode-editor-background, #fff); }
.pc-badge-future { background: var(--vscode-editorInfo-foreground, #0969da); color: var(--vscode-editor-background, #fff); }
.pc-badge-expired { background: var(--vscode-disabledForeground, #6e7781); color: var(--vscode-editor-background, #fff); }
.pc-cover { margin: -18px -20px 14px; }
.pc-cover img { display: block; width: 100%; max-height: 260px; object-fit: cover; border-radius: 10px 10px 0 0; }
.pc-cover .pc-image { margin: 14px 20px 0; }
.pc-fm-error { color: var(--vscode-errorForeground, #c42b1c); font-size: 0.9em; }

/* images that are not shown, shortcodes and Liquid tags */
.pc-image { display: inline-block; padding: 6px 10px; border-radius: 6px; font-size: 0.9em;
  border: 1px dashed var(--vscode-panel-border, rgba(127,127,127,0.6)); }
.pc-image-missing { border-color: var(--vscode-errorForeground, #c42b1c); color: var(--vscode-errorForeground, #c42b1c); }
.pc-image-blocked { color: var(--vscode-descriptionForeground, #59636e); }
.pc-image-reason { opacity: 0.75; font-size: 0.85em; }
.pc-figure { margin: 1.2em 0; }
.pc-figure figcaption { font-size: 0.9em; color: var(--vscode-descriptionForeground, #59636e); }
.pc-figure figcaption h4 { margin: 0.4em 0 0.1em; }
.pc-figure figcaption p { margin: 0; }
.pc-embed { display: block; margin: 1em 0; padding: 14px 16px; border-radius: 8px;
  border: 1px solid var(--vscode-panel-border, rgba(127,127,127,0.35)); background: var(--vscode-textCodeBlock-background, rgba(127,127,127,0.08)); }
.pc-embed-kind { font-weight: 600; }
.pc-embed-note { font-size: 0.8em; opacity: 0.65; margin-left: 6px; }
.pc-tag { display: inline-block; font-family: var(--vscode-editor-font-family, monospace); font-size: 0.78em; padding: 0 6px; border-radius: 4px;
  background: var(--vscode-editorInlayHint-background, rgba(127,127,127,0.18)); color: var(--vscode-editorInlayHint-foreground, #57606a); cursor: help; }
.pc-tag-shortcode::before { content: "{{< "; opacity: 0.6; } .pc-tag-shortcode::after { content: " >}}"; opacity: 0.6; }
.pc-tag-close::before { content: "{{< "; opacity: 0.6; } .pc-tag-close::after { content: " >}}"; opacity: 0.6; }
.pc-tag-liquid::before { content: "{% "; opacity: 0.6; } .pc-tag-liquid::after { content: " %}"; opacity: 0.6; }
.pc-raw-omitted { font-size: 0.78em; opacity: 0.6; font-style: italic; }
.pc-render-error { color: var(--vscode-errorForeground, #c42b1c); }

/* highlight.js tokens, in the theme's symbol colours */
.hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-meta .hljs-keyword { color: var(--vscode-symbolIcon-keywordForeground, #cf222e); }
.hljs-string, .hljs-attr-value, .hljs-regexp, .hljs-addition { color: var(--vscode-symbolIcon-stringForeground, #0a3069); }
.hljs-number, .hljs-literal { color: var(--vscode-symbolIcon-numberForeground, #0550ae); }
.hljs-comment, .hljs-quote { color: var(--vscode-descriptionForeground, #6e7781); font-style: italic; }
.hljs-title, .hljs-title.function_, .hljs-section { color: var(--vscode-symbolIcon-functionForeground, #8250df); }
.hljs-type, .hljs-title.class_, .hljs-class .hljs-title { color: var(--vscode-symbolIcon-classForeground, #953800); }
.hljs-attr, .hljs-attribute, .hljs-variable, .hljs-property { color: var(--vscode-symbolIcon-variableForeground, #0550ae); }
.hljs-tag, .hljs-name, .hljs-selector-id, .hljs-selector-class { color: var(--vscode-symbolIcon-constantForeground, #116329); }
.hljs-deletion { color: var(--vscode-errorForeground, #82071e); }
.hljs-meta, .hljs-link { color: var(--vscode-textLink-foreground, #0550ae); }
.hljs-emphasis { font-style: italic; } .hljs-strong { font-weight: bold; }

body.vscode-high-contrast .pc-header, body.vscode-high-contrast pre.pc-code { border-color: var(--vscode-contrastBorder, #6fc3df); }
body.vscode-high-contrast a.pc-link-broken { outline: 1px dashed var(--vscode-contrastActiveBorder, #f38518); }
@media (prefers-color-scheme: dark) {
  body:not([class*="vscode-"]) { background: #1e1f22; color: #d4d6da; }
  body:not([class*="vscode-"]) .pc-header { background: #26282c; border-color: #3a3d42; }
  body:not([class*="vscode-"]) pre.pc-code { background: #26282c; }
  body:not([class*="vscode-"]) .pc-chip { background: #343840; color: #d4d6da; }
  body:not([class*="vscode-"]) .pc-author { color: #e6e7ea; }
}
.pc-scroll-target { transition: background-color 0.6s; }
`;
