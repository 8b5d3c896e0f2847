/**
 * Messages between the preview page script (media/preview.ts) and the extension. Both sides check
 * every message they receive with these parsers: a webview is a web page, and a message that does
 * not have exactly the expected shape is dropped, never acted on and never thrown on.
 */
import type { LinkForm } from './types';

/** Extension → page. */
export type HostMessage =
  | {
      readonly type: 'update';
      readonly version: number;
      readonly file: string;
      readonly title: string;
      readonly headerHtml: string;
      readonly bodyHtml: string;
      readonly lineCount: number;
    }
  | { readonly type: 'scrollToLine'; readonly line: number }
  /** Remembered in the page's state so a locked preview comes back locked after a reload. */
  | { readonly type: 'lock'; readonly locked: boolean };

/** Page → extension. */
export type PageMessage =
  | { readonly type: 'ready' }
  /** The page applied update `version`; `ids` are the heading ids now in its DOM (first 200). */
  | { readonly type: 'rendered'; readonly version: number; readonly ids: readonly string[] }
  | { readonly type: 'revealLine'; readonly line: number }
  | { readonly type: 'openLink'; readonly href: string; readonly form: LinkForm };

/** What the page keeps with setState, handed back to the serializer after a reload. */
export interface PreviewPageState {
  readonly file: string;
  readonly line?: number;
  readonly locked?: boolean;
}

const FORMS: readonly LinkForm[] = ['link', 'ref', 'relref', 'post_url', 'liquid-link'];
const MAX_STRING = 8192;
const MAX_LINE = 10_000_000;

/** Plain data only: what structured clone delivers, nothing with inherited or exotic properties. */
function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isLine(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_LINE;
}

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_STRING;
}

function hasOnly(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

export function parsePageMessage(v: unknown): PageMessage | undefined {
  if (!isRecord(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
      return hasOnly(v, ['type']) ? { type: 'ready' } : undefined;
    case 'rendered': {
      if (!hasOnly(v, ['type', 'version', 'ids']) || !Number.isSafeInteger(v.version) || (v.version as number) < 0) return undefined;
      const ids = v.ids;
      if (!Array.isArray(ids) || ids.length > 200 || !ids.every(isShortString)) return undefined;
      return { type: 'rendered', version: v.version as number, ids: ids as string[] };
    }
    case 'revealLine':
      return hasOnly(v, ['type', 'line']) && isLine(v.line) ? { type: 'revealLine', line: v.line } : undefined;
    case 'openLink':
      if (!hasOnly(v, ['type', 'href', 'form']) || !isShortString(v.href) || !FORMS.includes(v.form as LinkForm)) return undefined;
      return { type: 'openLink', href: v.href, form: v.form as LinkForm };
    default:
      return undefined;
  }
}

export function parseHostMessage(v: unknown): HostMessage | undefined {
  if (!isRecord(v)) return undefined;
  if (v.type === 'scrollToLine') return isLine(v.line) ? { type: 'scrollToLine', line: v.line } : undefined;
  if (v.type === 'lock') return typeof v.locked === 'boolean' ? { type: 'lock', locked: v.locked } : undefined;
  if (v.type === 'update') {
    const ok = Number.isSafeInteger(v.version) && typeof v.file === 'string' && typeof v.title === 'string' && typeof v.headerHtml === 'string' && typeof v.bodyHtml === 'string' && isLine(v.lineCount);
    return ok ? { type: 'update', version: v.version as number, file: v.file as string, title: v.title as string, headerHtml: v.headerHtml as string, bodyHtml: v.bodyHtml as string, lineCount: v.lineCount as number } : undefined;
  }
  return undefined;
}

/** State restored after a window reload; anything malformed means "no state". */
export function parsePageState(v: unknown): PreviewPageState | undefined {
  if (!isRecord(v) || typeof v.file !== 'string' || !v.file.startsWith('/') || v.file.length > 4096) return undefined;
  return { file: v.file, line: isLine(v.line) ? v.line : undefined, locked: v.locked === true };
}
