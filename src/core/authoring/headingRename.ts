/**
 * Renaming a heading: the heading's text, and every `#fragment` link to its id across the site
 * (this document's `#old` links included). The new id is computed by analysing the edited
 * document with the generator's id style, so duplicates and custom `{#id}` behave as they will on
 * the built site (a custom id does not change, so no link needs an edit).
 */
import type { Site } from '../service';
import { analyzeDocument } from '../markdown/analyze';
import { decodePath } from '../links/urls';
import type { FileTextEdit } from './relink';
import { fragmentRange, targetOf } from './targets';

export interface HeadingAt {
  /** 0-based line. */
  readonly line: number;
  /** Range of the heading's text (no `#` marks, no `{#id}`, no closing `#`s). */
  readonly range: { readonly start: number; readonly end: number };
  readonly text: string;
  readonly id: string;
}

/** The ATX heading on the line containing `offset`, with its generator id. */
export function headingAt(site: Site, file: string, text: string, offset: number): HeadingAt | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const m = /^( {0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+)?[ \t]*$/.exec(lineText);
  if (!m) return undefined;
  let body = m[2];
  const attr = /\s*\{[^{}]*\}\s*$/.exec(body);
  if (attr) body = body.slice(0, attr.index);
  if (body.trim() === '') return undefined;
  const line = lineNumber(text, lineStart);
  const h = analyze(site, text).headings.find((x) => x.line === line);
  if (!h) return undefined;
  const start = lineStart + m[1].length;
  return { line, range: { start, end: start + body.length }, text: body, id: h.id };
}

function lineNumber(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function analyze(site: Site, text: string) {
  return analyzeDocument(text, { ...site.index.analyzeOptions(), maxBodyBytes: undefined });
}

export interface HeadingRenamePlan {
  readonly oldId: string;
  readonly newId: string;
  /** The heading text edit first, then the fragment edits. */
  readonly edits: FileTextEdit[];
}

/** Edits for renaming the heading at `offset` of `file` (current `text`) to `newName`. */
export function planHeadingRename(site: Site, file: string, text: string, offset: number, newName: string): HeadingRenamePlan | undefined {
  const h = headingAt(site, file, text, offset);
  if (!h || newName.trim() === '') return undefined;
  // Link ranges of this document must be those of `text`.
  if (site.index.textLength(file) !== text.length) site.index.updateDocument(file, text);
  const edited = text.slice(0, h.range.start) + newName + text.slice(h.range.end);
  const newId = analyze(site, edited).headings.find((x) => x.line === h.line)?.id;
  if (!newId) return undefined;
  const edits: FileTextEdit[] = [{ file, range: h.range, newText: newName }];
  if (newId !== h.id) {
    for (const doc of site.index.documents.values()) {
      for (const link of doc.body().links) {
        const fr = fragmentRange(link);
        if (!fr || link.context === 'code') continue;
        const written = link.target.slice(link.target.indexOf('#') + 1);
        if (written !== h.id && decodePath(written) !== h.id) continue;
        const t = targetOf(site, doc.file, link);
        if (t?.file !== file) continue;
        edits.push({ file: doc.file, range: fr, newText: newId });
      }
    }
  }
  return { oldId: h.id, newId, edits };
}
