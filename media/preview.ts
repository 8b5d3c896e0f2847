/**
 * The preview page's script (bundled on its own into dist/media/preview.js). It never reloads the
 * page: updates patch the DOM block by block, so the scroll position and unchanged images stay.
 * It also drives two-way scroll sync through `data-line` attributes and turns link clicks into
 * requests to the extension. Content never runs here: it arrives sanitised and the CSP allows only
 * this script.
 */
import { parseHostMessage, type PageMessage, type PreviewPageState } from '../src/core/render/protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PreviewPageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('pc-root') as HTMLElement;
const header = document.getElementById('pc-header') as HTMLElement;
const body = document.getElementById('pc-body') as HTMLElement;
let version = Number(root.dataset.version ?? '0');
let file = root.dataset.file ?? '';
const scrollSync = root.dataset.scrollSync !== 'false';
let lineCount = Number(root.dataset.lineCount ?? '1');
let locked = root.dataset.locked === 'true';
let lastLine = 0;
/** Scroll events we caused ourselves are not echoed back to the editor. */
let ignoreScrollUntil = 0;
let blocks: { line: number; el: HTMLElement }[] | undefined;

function post(m: PageMessage): void {
  vscode.postMessage(m);
}

function headingIds(): string[] {
  const out: string[] = [];
  for (const h of Array.from(document.querySelectorAll('h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]'))) {
    if (out.length >= 200) break;
    out.push(h.id.slice(0, 8192));
  }
  return out;
}

/** Replaces only the top-level nodes that changed; equal ones (and their images) stay in place. */
function patch(container: HTMLElement, html: string): void {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const next = Array.from(tpl.content.childNodes);
  const prev = Array.from(container.childNodes);
  for (let i = 0; i < next.length; i++) {
    const old = prev[i];
    if (old && old.isEqualNode(next[i])) continue;
    if (old) container.replaceChild(next[i], old);
    else container.appendChild(next[i]);
  }
  for (let i = next.length; i < prev.length; i++) prev[i].remove();
}

function lineBlocks(): { line: number; el: HTMLElement }[] {
  if (!blocks) {
    blocks = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-line]'))) {
      const line = Number(el.dataset.line);
      if (Number.isFinite(line)) blocks.push({ line, el });
    }
    blocks.sort((a, b) => a.line - b.line);
  }
  return blocks;
}

function top(el: HTMLElement): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** Scrolls so that source `line` is at the top, interpolating between the blocks around it. */
function scrollToLine(line: number): void {
  const list = lineBlocks();
  if (list.length === 0) return;
  let before = list[0];
  let after: { line: number; el: HTMLElement } | undefined;
  for (const b of list) {
    if (b.line <= line) before = b;
    else {
      after = b;
      break;
    }
  }
  let y = top(before.el);
  if (line > before.line) {
    const endLine = after ? after.line : lineCount;
    const endY = after ? top(after.el) : top(before.el) + before.el.offsetHeight;
    if (endLine > before.line) y += ((line - before.line) / (endLine - before.line)) * (endY - y);
  }
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo(0, Math.max(0, y - 4));
}

/** The source line shown at the top of the page. */
function lineAtTop(): number {
  const list = lineBlocks();
  const y = window.scrollY;
  let before: { line: number; el: HTMLElement } | undefined;
  let after: { line: number; el: HTMLElement } | undefined;
  for (const b of list) {
    if (top(b.el) <= y + 1) before = b;
    else {
      after = b;
      break;
    }
  }
  if (!before) return 0;
  const startY = top(before.el);
  const endY = after ? top(after.el) : startY + before.el.offsetHeight;
  const endLine = after ? after.line : lineCount;
  if (endY <= startY) return before.line;
  return Math.floor(before.line + ((y - startY) / (endY - startY)) * (endLine - before.line));
}

function saveState(line = lastLine): void {
  lastLine = line;
  vscode.setState({ file, line, locked });
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = parseHostMessage(event.data);
  if (!m) return;
  if (m.type === 'scrollToLine') {
    if (scrollSync) scrollToLine(m.line);
    return;
  }
  if (m.type === 'lock') {
    locked = m.locked;
    saveState();
    return;
  }
  if (m.version <= version && m.file === file) return;
  const sameFile = m.file === file;
  version = m.version;
  file = m.file;
  lineCount = m.lineCount;
  document.title = m.title;
  patch(header, m.headerHtml);
  patch(body, m.bodyHtml);
  blocks = undefined;
  if (!sameFile) window.scrollTo(0, 0);
  saveState(sameFile ? lineAtTop() : 0);
  post({ type: 'rendered', version, ids: headingIds() });
});

let scrollTimer: number | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (Date.now() < ignoreScrollUntil) return;
    if (scrollTimer !== undefined) return;
    scrollTimer = window.setTimeout(() => {
      scrollTimer = undefined;
      if (Date.now() < ignoreScrollUntil) return;
      const line = lineAtTop();
      saveState(line);
      if (scrollSync) post({ type: 'revealLine', line });
    }, 50);
  },
  { passive: true },
);
window.addEventListener('resize', () => {
  blocks = undefined;
});

document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a) return;
  const raw = a.getAttribute('href') ?? '';
  const written = a.getAttribute('data-href') ?? raw;
  event.preventDefault();
  if (written.startsWith('#')) {
    let id = written.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep as written
    }
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
    return;
  }
  const form = a.getAttribute('data-form');
  post({ type: 'openLink', href: written.slice(0, 8192), form: form === 'ref' || form === 'relref' || form === 'post_url' || form === 'liquid-link' ? form : 'link' });
});

// The initial content came with the page itself: acknowledge it, then restore the scroll position.
const restored = vscode.getState() as { line?: unknown } | undefined;
const initialLine = Number(root.dataset.initialLine ?? (typeof restored?.line === 'number' ? restored.line : 0));
if (initialLine > 0) scrollToLine(initialLine);
saveState(initialLine);
post({ type: 'rendered', version, ids: headingIds() });
post({ type: 'ready' });
